//! A partner contact's own feed (`/partner-feed/<token>.ics`): the meetings they are
//! invited to, in their language, each linking to their personal invitation page (a
//! partners-only meeting has no public page) and saying what they answered. Built per
//! request: it is one person's few dates, and their answers change it as much as the
//! meetings do. Nothing about anybody else is in it.

use chrono::Duration;
use rocket::get;

use super::cache::{KEEP_DAYS, pack};
use super::conditional::{Conditional, FeedResponse, not_modified};
use crate::domain::invitation::{REPLY_COME, REPLY_DECLINE, REPLY_SUBSTITUTE};
use crate::domain::links::{invitation_path, partner_feed_path};
use crate::domain::partner_feed::{self, Entry};
use crate::i18n;
use crate::ical::{self, FeedEvent, FeedMeta, feed_event, host_of};
use crate::web::Ctx;
use crate::web::errors::PageError;

/// What the person answered, in their words, as a line of the entry's text.
fn answer_note(lang: &str, entry: &Entry) -> String {
    let kind = match entry.invitation.reply.as_deref() {
        Some(REPLY_COME) => "come",
        Some(REPLY_DECLINE) => "decline",
        Some(REPLY_SUBSTITUTE) => "substitute",
        _ => "open",
    };
    i18n::text(lang, &format!("partner-feed-reply-{kind}"))
}

#[get("/partner-feed/<file>")]
pub(super) async fn feed(
    ctx: Ctx<'_>,
    cond: Conditional,
    file: &str,
) -> Result<FeedResponse, PageError> {
    let token = file
        .strip_suffix(".ics")
        .ok_or(PageError::NotFound)?
        .to_owned();
    let since = ctx.now() - Duration::days(KEEP_DAYS);
    let t = token.clone();
    let (contact, entries) = ctx
        .db
        .page(move |conn| Ok(partner_feed::of_token(conn, &t, since)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let lang = i18n::supported(&contact.language);
    let public_url = ctx.settings.public_url.clone();
    let base = public_url.trim_end_matches('/');
    let events: Vec<FeedEvent> = entries
        .iter()
        .map(|entry| {
            let mut e = feed_event(
                (&entry.event, None),
                entry.category.as_ref().map(|c| c.name(lang)),
                base,
                Some(answer_note(lang, entry)),
            );
            e.url = format!("{base}{}", invitation_path(&entry.invitation.token));
            e
        })
        .collect();
    let meta = FeedMeta {
        name: i18n::text(lang, "partner-feed-name"),
        description: i18n::text(lang, "partner-feed-description"),
        host: host_of(&public_url),
        tz: ctx.settings.tz(),
        cancelled_prefix: i18n::text(lang, "feed-cancelled-prefix"),
        source: Some(format!("{base}{}", partner_feed_path(&token))),
        refresh_minutes: 60,
        method: None,
    };
    let text = ical::render(&events, &meta);
    let last_modified = entries
        .iter()
        .map(|e| {
            let answered = e.invitation.replied_at.unwrap_or(e.invitation.created_at);
            e.event.updated_at.max(answered)
        })
        .max()
        .unwrap_or(chrono::DateTime::UNIX_EPOCH.naive_utc());
    let built = pack(
        text.into_bytes(),
        last_modified,
        "meine-einladungen.ics".to_owned(),
        String::new(),
    )
    .map_err(|e| PageError::Unavailable(e.to_string()))?;
    Ok(FeedResponse {
        not_modified: not_modified(&cond, &built),
        gzip: cond.gzip,
        built: std::sync::Arc::new(built),
        private: true,
    })
}

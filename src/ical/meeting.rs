//! A meeting of the domain as a calendar entry: the conversion feeds and mail attachments
//! share, so that both write the same UID, URL and SEQUENCE.

use super::{FeedEvent, FeedMeta};
use crate::domain::event;
use crate::domain::links::event_path;
use crate::i18n;

/// The host of the public URL (`https://host:port/path` gives `host`): UIDs and Message-IDs
/// end in it.
pub fn host_of(public_url: &str) -> String {
    public_url
        .split("://")
        .nth(1)
        .unwrap_or(public_url)
        .split(['/', ':'])
        .next()
        .unwrap_or("localhost")
        .to_owned()
}

/// A short plain-text location: room, building, street, town.
pub fn location(e: &event::Event) -> String {
    let mut parts = Vec::new();
    if let Some(r) = &e.venue_room {
        parts.push(r.clone());
    }
    parts.push(e.venue_name.clone());
    parts.push(e.street.clone());
    parts.push(format!("{} {}", e.postal_code, e.town));
    parts.join(", ")
}

/// A meeting as a feed shows it.
pub fn feed_event(
    (e, key): (&event::Event, Option<&str>),
    category: Option<&str>,
    base: &str,
    note: Option<String>,
) -> FeedEvent {
    FeedEvent {
        id: e.id,
        title: e.title.clone(),
        summary: e.summary.clone(),
        description: e.description.clone(),
        starts_at: e.starts_at,
        ends_at: e.ends_at,
        location: location(e),
        url: format!("{base}{}", event_path(e, key)),
        category: category.map(str::to_owned),
        cancelled: e.is_cancelled(),
        cancel_reason: e.cancel_reason.clone(),
        geo: e.latitude.zip(e.longitude),
        sequence: e.sequence,
        created_at: e.created_at,
        updated_at: e.updated_at,
        note,
        organizer: None,
    }
}

/// One meeting as an .ics file (mail attachments): the same UID and SEQUENCE as in feeds.
/// The calendar is named and described as the meeting, not as a feed: a mailed file is
/// not subscribed to, so the feed's "changes appear automatically" would not be true.
pub fn single_ics(
    d: &event::EventDetail,
    host: &str,
    base: &str,
    lang: &'static str,
    tz: chrono_tz::Tz,
) -> String {
    let mut e = feed_event(
        (&d.event, d.access_key.as_deref()),
        d.category.as_ref().map(|c| c.name(lang)),
        base,
        None,
    );
    // the office that holds the meeting, at the address people are told to write to
    let contact = d
        .event
        .contact_email
        .clone()
        .or(d.office.email.clone())
        .unwrap_or_else(|| format!("noreply@{host}"));
    e.organizer = Some((d.office.name.clone(), contact));
    let description = crate::markdown::to_plain_text(&d.event.description);
    let meta = FeedMeta {
        name: d.event.title.clone(),
        description: if description.is_empty() {
            d.event.summary.clone()
        } else {
            description
        },
        host: host.to_owned(),
        tz,
        cancelled_prefix: i18n::text(lang, "feed-cancelled-prefix"),
        source: None,
        refresh_minutes: 60,
        method: Some(super::MAIL_METHOD),
    };
    super::render(&[e], &meta)
}

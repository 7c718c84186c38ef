//! The feed cache: each feed is built once per change (meetings, for private feeds also
//! registrations, and the day) in plain and gzip form, and kept in memory by scope and
//! language.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use base64::Engine;
use chrono::{Duration, NaiveDateTime};
use sha2::Digest;

use super::conditional::{Conditional, FeedResponse, not_modified};
use crate::db::{DbConn, DbError};
use crate::domain::event::{self, FeedScope};
use crate::domain::roster;
use crate::i18n;
use crate::ical::{self, FeedEvent, FeedMeta, feed_event, host_of};
use crate::web::Ctx;
use crate::web::errors::PageError;

/// Cancelled meetings and past ones stay this long in feeds.
pub const KEEP_DAYS: i64 = 90;

/// Feeds at least this long leave enough freed memory behind to give it back: walking the
/// allocator's arenas after each small one (a single meeting) cost a third of their rate.
const GIVE_BACK_AFTER: usize = 1 << 20;

/// One feed as built: plain and gzip bytes, the validators, the change mark it was built at.
pub(super) struct Built {
    pub(super) mark: String,
    pub(super) body: Arc<Vec<u8>>,
    pub(super) gzip: Arc<Vec<u8>>,
    pub(super) etag: String,
    pub(super) last_modified: NaiveDateTime,
    pub(super) file: String,
}

/// Built feeds by scope and language, each with the change mark it was built at.
#[derive(Default)]
pub struct FeedCache {
    feeds: Mutex<HashMap<(FeedScope, &'static str), Arc<Built>>>,
}

/// Builds the feed text for a scope.
fn build(
    conn: &mut DbConn,
    ctx: &FeedContext,
    scope: &FeedScope,
    mark: String,
) -> Result<Built, DbError> {
    let since = ctx.now - Duration::days(KEEP_DAYS);
    let rows = event::for_feed(conn, scope, since)?;
    let private = matches!(scope, FeedScope::Offices(_));
    let ids: Vec<i64> = rows.iter().map(|(e, _)| e.id).collect();
    let mut notes = HashMap::new();
    if private {
        for id in &ids {
            let c = roster::counts(conn, *id)?;
            notes.insert(
                *id,
                i18n::text_with(
                    ctx.lang,
                    "feed-private-counts",
                    &[
                        ("confirmed", c.confirmed_seats.into()),
                        ("waiting", c.waiting.into()),
                        ("checked", c.checked_in_seats.into()),
                    ],
                ),
            );
        }
    }
    let keys = event::keys_of_unlisted(conn, &rows.iter().map(|(e, _)| e).collect::<Vec<_>>())?;
    let last_modified = rows
        .iter()
        .map(|(e, _)| e.updated_at)
        .max()
        .unwrap_or(ctx.epoch);
    let base = ctx.public_url.trim_end_matches('/');
    // each row is dropped once its feed form is made: thousands of meetings are never held
    // twice, nor beside the text
    let events: Vec<FeedEvent> = rows
        .into_iter()
        .map(|(e, c)| {
            feed_event(
                (&e, keys.get(&e.id).map(String::as_str)),
                c.as_ref().map(|c| c.name(ctx.lang)),
                base,
                notes.remove(&e.id),
            )
        })
        .collect();
    let (name_key, file) = match scope {
        FeedScope::All => ("feed-name-all".to_owned(), "treffpunkt.ics".to_owned()),
        FeedScope::Category(s) => ("feed-name-category".to_owned(), format!("thema-{s}.ics")),
        FeedScope::Series(s) => ("feed-name-series".to_owned(), format!("reihe-{s}.ics")),
        FeedScope::One(id) => ("feed-name-one".to_owned(), format!("termin-{id}.ics")),
        FeedScope::Offices(_) => (
            "feed-name-private".to_owned(),
            "meine-termine.ics".to_owned(),
        ),
    };
    let detail = match scope {
        FeedScope::Category(_) | FeedScope::Series(_) => ctx.label.clone().unwrap_or_default(),
        FeedScope::One(_) => events.first().map(|e| e.title.clone()).unwrap_or_default(),
        _ => String::new(),
    };
    let meta = FeedMeta {
        name: i18n::text_with(ctx.lang, &name_key, &[("name", detail.into())]),
        description: i18n::text(ctx.lang, "feed-description"),
        host: host_of(&ctx.public_url),
        tz: ctx.tz,
        cancelled_prefix: i18n::text(ctx.lang, "feed-cancelled-prefix"),
        source: Some(format!("{base}{}", ctx.path)),
        refresh_minutes: 60,
        method: None,
    };
    let text = ical::render(&events, &meta);
    drop(events);
    pack(text.into_bytes(), last_modified, file, mark)
}

/// A feed's text as served: with its gzip form and validators.
pub(super) fn pack(
    body: Vec<u8>,
    last_modified: NaiveDateTime,
    file: String,
    mark: String,
) -> Result<Built, DbError> {
    let mut gz = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::default(),
    );
    gz.write_all(&body)
        .and_then(|_| gz.flush())
        .map_err(|e| DbError::Unavailable(e.to_string()))?;
    let gzip = gz
        .finish()
        .map_err(|e| DbError::Unavailable(e.to_string()))?;
    let etag =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&sha2::Sha256::digest(&body)[..12]);
    Ok(Built {
        mark,
        body: Arc::new(body),
        gzip: Arc::new(gzip),
        etag,
        last_modified,
        file,
    })
}

struct FeedContext {
    now: NaiveDateTime,
    lang: &'static str,
    tz: chrono_tz::Tz,
    public_url: String,
    path: String,
    label: Option<String>,
    epoch: NaiveDateTime,
}

/// Serves a feed from the cache, rebuilding it when meetings (or, for private feeds,
/// registrations) changed or the day moved on.
pub(super) async fn serve(
    ctx: &Ctx<'_>,
    cache: &FeedCache,
    scope: FeedScope,
    label: Option<String>,
    cond: Conditional,
) -> Result<FeedResponse, PageError> {
    let lang = ctx.lang();
    let key = (scope.clone(), lang);
    let cached = cache
        .feeds
        .lock()
        .map(|m| m.get(&key).cloned())
        .unwrap_or(None);
    let fc = FeedContext {
        now: ctx.now(),
        lang,
        tz: ctx.settings.tz(),
        public_url: ctx.settings.public_url.clone(),
        path: ctx.visitor.path.clone(),
        label,
        epoch: chrono::DateTime::UNIX_EPOCH.naive_utc(),
    };
    let private = matches!(scope, FeedScope::Offices(_));
    let today = fc.now.date();
    let mark = ctx
        .db
        .query(move |conn| {
            let mut mark = format!("{}/{}", event::change_mark(conn)?, today);
            if private {
                mark.push_str(&format!("/{:?}", roster::change_mark(conn)?));
            }
            Ok(mark)
        })
        .await?;
    let built = match cached {
        Some(b) if b.mark == mark => b,
        stale => {
            // the old feed can serve nobody any more: gone before the new one is built, a
            // feed of thousands of meetings is not held twice at its peak
            drop(stale);
            if let Ok(mut m) = cache.feeds.lock() {
                m.remove(&key);
            }
            let built = ctx
                .db
                .query(move |conn| build(conn, &fc, &scope, mark).map(Arc::new))
                .await?;
            if built.body.len() >= GIVE_BACK_AFTER {
                crate::malloc::give_back();
            }
            built
        }
    };
    if let Ok(mut m) = cache.feeds.lock() {
        m.insert(key, built.clone());
    }
    Ok(FeedResponse {
        not_modified: not_modified(&cond, &built),
        gzip: cond.gzip,
        built,
        private,
    })
}

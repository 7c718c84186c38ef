//! Calendar feeds over HTTP: built once per change and kept in memory, answered with ETag
//! and Last-Modified (304 when unchanged), gzip when the client asks, HEAD as GET.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};

use base64::Engine;
use chrono::{Duration, NaiveDateTime, TimeZone, Timelike};
use rocket::http::{ContentType, Header, Status};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::{self, Responder, Response};
use rocket::{Route, get, routes};
use sha2::Digest;

use super::Ctx;
use super::errors::PageError;
use super::view::{event_path, key_query};
use crate::db::{DbConn, DbError};
use crate::domain::account;
use crate::domain::event::{self, FeedScope};
use crate::domain::roster;
use crate::i18n;
use crate::ical::{self, FeedEvent, FeedMeta, feed_event, host_of, location};

/// Cancelled meetings and past ones stay this long in feeds.
pub const KEEP_DAYS: i64 = 90;

struct Built {
    mark: String,
    body: Arc<Vec<u8>>,
    gzip: Arc<Vec<u8>>,
    etag: String,
    last_modified: NaiveDateTime,
    file: String,
}

/// Built feeds by scope and language, each with the change mark it was built at.
#[derive(Default)]
pub struct FeedCache {
    feeds: Mutex<HashMap<(FeedScope, &'static str), Arc<Built>>>,
}

/// What the request says about caching and compression.
pub struct Conditional {
    if_none_match: Option<String>,
    if_modified_since: Option<String>,
    gzip: bool,
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Conditional {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let h = req.headers();
        let gzip = h.get("Accept-Encoding").any(|v| {
            v.split(',').any(|part| {
                let mut it = part.trim().split(';');
                let coding = it.next().unwrap_or("").trim();
                let q = it
                    .find_map(|p| {
                        p.trim()
                            .strip_prefix("q=")
                            .and_then(|q| q.parse::<f32>().ok())
                    })
                    .unwrap_or(1.0);
                (coding.eq_ignore_ascii_case("gzip") || coding == "*") && q > 0.0
            })
        });
        Outcome::Success(Conditional {
            if_none_match: h.get_one("If-None-Match").map(str::to_owned),
            if_modified_since: h.get_one("If-Modified-Since").map(str::to_owned),
            gzip,
        })
    }
}

pub struct FeedResponse {
    built: Arc<Built>,
    not_modified: bool,
    gzip: bool,
    private: bool,
}

fn http_date(t: NaiveDateTime) -> String {
    chrono::Utc
        .from_utc_datetime(&t)
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

impl<'r> Responder<'r, 'static> for FeedResponse {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let b = &self.built;
        let etag = if self.gzip {
            format!("\"{}-gz\"", b.etag)
        } else {
            format!("\"{}\"", b.etag)
        };
        let mut res = Response::build();
        res.header(Header::new("ETag", etag))
            .header(Header::new("Last-Modified", http_date(b.last_modified)))
            .header(Header::new("Vary", "Accept-Encoding"))
            .header(Header::new(
                "Cache-Control",
                if self.private {
                    "private, max-age=300"
                } else {
                    "public, max-age=300"
                },
            ));
        if self.not_modified {
            return res.status(Status::NotModified).ok();
        }
        let body = if self.gzip {
            b.gzip.clone()
        } else {
            b.body.clone()
        };
        res.header(ContentType::new("text", "calendar").with_params(("charset", "utf-8")))
            .header(Header::new(
                "Content-Disposition",
                format!("inline; filename=\"{}\"", b.file),
            ));
        if self.gzip {
            res.header(Header::new("Content-Encoding", "gzip"));
        }
        let len = body.len();
        res.sized_body(len, std::io::Cursor::new(SharedBytes(body)))
            .ok()
    }
}

/// The cached bytes, handed out without copying.
struct SharedBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn etag_matches(header: &str, etag: &str) -> bool {
    header
        .split(',')
        .map(|t| t.trim().trim_start_matches("W/").trim_matches('"'))
        .any(|t| t == "*" || t == etag || t.strip_suffix("-gz") == Some(etag))
}

fn not_modified(cond: &Conditional, b: &Built) -> bool {
    if let Some(inm) = &cond.if_none_match {
        return etag_matches(inm, &b.etag);
    }
    cond.if_modified_since
        .as_deref()
        .and_then(|s| chrono::DateTime::parse_from_rfc2822(s).ok())
        // HTTP dates have whole seconds
        .is_some_and(|since| {
            since.naive_utc()
                >= b.last_modified
                    .with_nanosecond(0)
                    .unwrap_or(b.last_modified)
        })
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
    let base = ctx.public_url.trim_end_matches('/');
    let events: Vec<FeedEvent> = rows
        .iter()
        .map(|(e, c)| {
            feed_event(
                (e, keys.get(&e.id).map(String::as_str)),
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
    let body = text.into_bytes();
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
    let last_modified = rows
        .iter()
        .map(|(e, _)| e.updated_at)
        .max()
        .unwrap_or(ctx.epoch);
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
async fn serve(
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
    let built = ctx
        .db
        .run(move |conn| {
            let mut mark = format!("{}/{}", event::change_mark(conn)?, fc.now.date());
            if private {
                mark.push_str(&format!("/{:?}", roster::change_mark(conn)?));
            }
            match cached {
                Some(b) if b.mark == mark => Ok::<_, DbError>(b),
                _ => build(conn, &fc, &scope, mark).map(Arc::new),
            }
        })
        .await?;
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

#[get("/calendar.ics")]
async fn all(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
) -> Result<FeedResponse, PageError> {
    serve(&ctx, cache, FeedScope::All, None, cond).await
}

/// A category or series feed: 404 unless it exists, named after it.
async fn labelled(
    ctx: Ctx<'_>,
    cache: &FeedCache,
    cond: Conditional,
    scope: FeedScope,
) -> Result<FeedResponse, PageError> {
    let lang = ctx.lang();
    let s = scope.clone();
    let label = ctx
        .db
        .run(move |conn| {
            Ok::<_, PageError>(match &s {
                FeedScope::Category(slug) => {
                    event::category_exists(conn, slug)?.map(|c| c.name(lang).to_owned())
                }
                FeedScope::Series(slug) => event::series_by_slug(conn, slug)?.map(|s| s.title),
                _ => None,
            })
        })
        .await?
        .ok_or(PageError::NotFound)?;
    serve(&ctx, cache, scope, Some(label), cond).await
}

#[get("/categories/<slug>/calendar.ics")]
async fn category(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
    slug: &str,
) -> Result<FeedResponse, PageError> {
    labelled(ctx, cache, cond, FeedScope::Category(slug.to_owned())).await
}

#[get("/series/<slug>/calendar.ics")]
async fn series(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
    slug: &str,
) -> Result<FeedResponse, PageError> {
    labelled(ctx, cache, cond, FeedScope::Series(slug.to_owned())).await
}

/// One meeting: the "add to calendar" download, also for unlisted meetings (with the key
/// of their link).
#[get("/events/<id>/calendar.ics?<k>", rank = 1)]
async fn one(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
    id: i64,
    k: Option<&str>,
) -> Result<FeedResponse, PageError> {
    let given = k.map(str::to_owned);
    let reachable = ctx
        .db
        .run(move |conn| {
            Ok::<_, PageError>(match event::find(conn, id)? {
                Some(e) => event::reachable(conn, &e, given.as_deref())?,
                None => false,
            })
        })
        .await?;
    if !reachable {
        return Err(PageError::NotFound);
    }
    serve(&ctx, cache, FeedScope::One(id), None, cond).await
}

/// An organiser's private feed: their offices' meetings, unlisted ones too, with counts.
#[get("/feeds/<token>/calendar.ics")]
async fn private(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
    token: &str,
) -> Result<FeedResponse, PageError> {
    let t = token.to_owned();
    let offices = ctx
        .db
        .run(move |conn| {
            let Some(user) = account::find_by_feed_token(conn, &t)? else {
                return Ok::<_, PageError>(None);
            };
            if !user.active || !user.is_organiser() {
                return Ok(None);
            }
            let offices = if user.is_admin() {
                event::all_offices(conn)?
                    .into_iter()
                    .map(|o| o.id)
                    .collect()
            } else {
                account::office_ids(conn, user.id)?
            };
            Ok(Some(offices))
        })
        .await?
        .ok_or(PageError::NotFound)?;
    serve(&ctx, cache, FeedScope::Offices(offices), None, cond).await
}

pub fn routes() -> Vec<Route> {
    routes![all, category, series, one, private]
}

/// The subscribe and "add to calendar" links for a meeting's page.
pub fn links(public_url: &str, d: &event::EventDetail) -> serde_json::Value {
    use super::view::url_encode;
    let base = public_url.trim_end_matches('/');
    let webcal = |path: &str| {
        format!(
            "webcal://{}{path}",
            base.split("://").nth(1).unwrap_or(base)
        )
    };
    let e = &d.event;
    let stamp = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%SZ").to_string();
    let iso = |t: NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let key = d.access_key.as_deref();
    let page = format!("{base}{}", event_path(e, key));
    let details = if e.summary.is_empty() {
        page.clone()
    } else {
        format!("{}\n\n{page}", e.summary)
    };
    let place = location(e);
    let mut out = serde_json::json!({
        "ics": format!("{base}/events/{}/calendar.ics{}", e.id, key_query(e, key)),
        "all_https": format!("{base}/calendar.ics"),
        "all_webcal": webcal("/calendar.ics"),
        "google": format!(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&location={}",
            url_encode(&e.title), stamp(e.starts_at), stamp(e.ends_at), url_encode(&details), url_encode(&place)
        ),
        "outlook": format!(
            "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={}&startdt={}&enddt={}&body={}&location={}",
            url_encode(&e.title), url_encode(&iso(e.starts_at)), url_encode(&iso(e.ends_at)), url_encode(&details), url_encode(&place)
        ),
    });
    if let Some(s) = &d.series {
        out["series_https"] = serde_json::json!(format!("{base}/series/{}/calendar.ics", s.slug));
        out["series_webcal"] =
            serde_json::json!(webcal(&format!("/series/{}/calendar.ics", s.slug)));
        out["series_title"] = serde_json::json!(s.title);
    }
    if let Some(c) = &d.category {
        out["category_https"] =
            serde_json::json!(format!("{base}/categories/{}/calendar.ics", c.slug));
        out["category_webcal"] =
            serde_json::json!(webcal(&format!("/categories/{}/calendar.ics", c.slug)));
    }
    out
}

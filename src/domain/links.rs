//! Addresses of a meeting, the same on pages, in mails, in feeds and in the API: the rule
//! lives here so that `web`, `mail` and `ical` all use it and none imports another.

use super::event::Event;

/// Percent-encodes a value for a query string.
pub fn url_encode(s: &str) -> String {
    rocket::http::RawStr::new(s).percent_encode().to_string()
}

/// `/events/12/runder-tisch-integration`: the id decides, the slug is for people. An
/// unlisted meeting's address carries its key (`?k=…`, `key` being the meeting's
/// `access_key`), without which it answers 404. Every link to a meeting is made here (pages,
/// mails, feeds, the API, the organiser's "copy link"), so none of them lacks the key.
pub fn event_path(e: &Event, key: Option<&str>) -> String {
    let slug = crate::domain::slug::slugify(&e.title);
    let slug: String = slug.chars().take(60).collect();
    format!(
        "/events/{}/{}{}",
        e.id,
        slug.trim_end_matches('-'),
        key_query(e, key)
    )
}

/// The query value that shows a meeting page in its Leichte Sprache version.
pub const EASY_READ: &str = "leichte-sprache";

/// A meeting's page in its Leichte Sprache version (the key of an unlisted one kept).
pub fn easy_read_path(e: &Event, key: Option<&str>) -> String {
    let path = event_path(e, key);
    let join = if path.contains('?') { '&' } else { '?' };
    format!("{path}{join}fassung={EASY_READ}")
}

/// A partner contact's invitation to one date: the personal link that answers it (no
/// account; the token is the secret).
pub fn invitation_path(token: &str) -> String {
    format!("/invitation/{token}")
}

/// A partner contact's own calendar feed of the meetings they are invited to.
pub fn partner_feed_path(feed_token: &str) -> String {
    format!("/partner-feed/{feed_token}.ics")
}

/// A document of a meeting; who may fetch it is decided when it is served (the link
/// itself gives no right: a stranger gets 404).
pub fn document_path(id: i64) -> String {
    format!("/documents/{id}")
}

/// `?k=KEY` for an unlisted meeting, else nothing: appended to each address of the meeting
/// (its `.ics`, the form actions).
pub fn key_query(e: &Event, key: Option<&str>) -> String {
    match key {
        Some(k) if e.is_unlisted() => format!("?k={}", url_encode(k)),
        _ => String::new(),
    }
}

/// The secret in a link to a document or the minutes that opens it to its holder.
#[derive(Debug, Clone, Copy)]
pub enum Pass<'a> {
    /// Nothing: enough for what is public.
    Open,
    /// The key of an unlisted meeting (`?k=`).
    Key(&'a str),
    /// A registration's token (`?t=`).
    Registration(&'a str),
    /// An invitation's token (`?i=`).
    Invitation(&'a str),
}

fn pass_query(pass: Pass<'_>) -> String {
    match pass {
        Pass::Open => String::new(),
        Pass::Key(k) => format!("?k={}", url_encode(k)),
        Pass::Registration(t) => format!("?t={}", url_encode(t)),
        Pass::Invitation(i) => format!("?i={}", url_encode(i)),
    }
}

/// A document's address with the secret that opens it to the one it is shown to.
pub fn document_link(id: i64, pass: Pass<'_>) -> String {
    format!("{}{}", document_path(id), pass_query(pass))
}

/// The published minutes of a meeting, with the secret that opens them where needed.
pub fn minutes_path(event_id: i64, pass: Pass<'_>) -> String {
    format!("/events/{event_id}/minutes{}", pass_query(pass))
}

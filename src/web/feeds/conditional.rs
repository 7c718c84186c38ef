//! Conditional and compressed answers for feeds: ETag and Last-Modified (304 when
//! unchanged), gzip when the client asks for it.

use std::sync::Arc;

use chrono::{NaiveDateTime, TimeZone, Timelike};
use rocket::http::{ContentType, Header, Status};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::{self, Responder, Response};

use super::cache::Built;

/// What the request says about caching and compression.
pub struct Conditional {
    pub(super) if_none_match: Option<String>,
    pub(super) if_modified_since: Option<String>,
    pub(super) gzip: bool,
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
    pub(super) built: Arc<Built>,
    pub(super) not_modified: bool,
    pub(super) gzip: bool,
    pub(super) private: bool,
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

pub(super) fn not_modified(cond: &Conditional, b: &Built) -> bool {
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

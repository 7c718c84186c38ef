//! Error pages: every failure a visitor can cause ends here with a clear page, never a 500
//! for bad input. Which error becomes which page is the policy in `policy.rs`.

use rocket::http::{Header, Status};
use rocket::request::Request;
use rocket::response::{self, Responder};
use rocket::serde::json::serde_json::json;
use rocket::{Catcher, catch, catchers};

use super::lang::{Visitor, language_of};
use crate::db::{Db, DbConn, DbError};
use crate::domain::DomainError;

#[derive(Debug)]
pub enum PageError {
    NotFound,
    /// Logged in, but this is not theirs to see or change.
    Forbidden,
    /// The domain turned the request away (409/422): the page says why, in `key`'s words.
    Refused {
        status: Status,
        key: &'static str,
    },
    /// The database could not be reached or was busy for too long: try again shortly.
    Unavailable(String),
}

impl From<DomainError> for PageError {
    fn from(e: DomainError) -> Self {
        match super::policy::refusal_of(e) {
            Err(db) => PageError::from(db),
            Ok(r) if r.status == Status::NotFound => PageError::NotFound,
            Ok(r) => PageError::Refused {
                status: r.status,
                key: r.key,
            },
        }
    }
}

impl Db {
    /// Runs database work for a page handler: inside, `?` turns domain and database
    /// errors into pages by the policy, so no closure needs to name its error type.
    pub(crate) async fn page<T, F>(&self, f: F) -> Result<T, PageError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, PageError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(f).await
    }
}

impl From<DbError> for PageError {
    fn from(e: DbError) -> Self {
        PageError::Unavailable(e.to_string())
    }
}

impl From<diesel::result::Error> for PageError {
    fn from(e: diesel::result::Error) -> Self {
        PageError::from(DbError::Query(e))
    }
}

pub fn error_page(req: &Request<'_>, status: Status) -> (Status, rocket_dyn_templates::Template) {
    error_page_saying(req, status, None)
}

/// The error page of `status`, with the sentence `key` instead of the status's own text.
fn error_page_saying(
    req: &Request<'_>,
    status: Status,
    key: Option<&str>,
) -> (Status, rocket_dyn_templates::Template) {
    let visitor = Visitor {
        content_lang: super::lang::content_language_of(req),
        lang: language_of(req),
        path: req.uri().to_string(),
    };
    let code = status.code;
    let page = match code {
        400 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503 => format!("error-{code}"),
        _ => "error-other".to_owned(),
    };
    let ctx = json!({
        "code": code,
        "title_key": format!("{page}-title"),
        "message_key": key.map_or_else(|| format!("{page}-text"), str::to_owned),
    });
    (status, super::render("error", &visitor, ctx))
}

impl<'r> Responder<'r, 'static> for PageError {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        match self {
            PageError::NotFound => error_page(req, Status::NotFound).respond_to(req),
            PageError::Forbidden => error_page(req, Status::Forbidden).respond_to(req),
            PageError::Refused { status, key } => {
                error_page_saying(req, status, Some(key)).respond_to(req)
            }
            PageError::Unavailable(why) => {
                // the route's pattern, not the address: addresses can hold tokens
                let route = req
                    .route()
                    .map_or_else(|| "?".into(), |r| r.uri.to_string());
                log::error!("{} {route}: {why}", req.method());
                let mut res = error_page(req, Status::ServiceUnavailable).respond_to(req)?;
                res.set_header(Header::new("Retry-After", "5"));
                Ok(res)
            }
        }
    }
}

#[catch(default)]
fn any(
    status: Status,
    req: &Request<'_>,
) -> super::allow::WithAllow<(Status, rocket_dyn_templates::Template)> {
    // a path that exists under other methods (`PATCH /r/…`): 405 with the methods it has
    let allowed = super::allow::methods_for(req, "/");
    if status == Status::NotFound && !allowed.is_empty() && !allowed.contains(&req.method()) {
        return super::allow::WithAllow(error_page(req, Status::MethodNotAllowed), allowed);
    }
    super::allow::WithAllow(error_page(req, status), Vec::new())
}

pub fn catchers() -> Vec<Catcher> {
    catchers![any]
}

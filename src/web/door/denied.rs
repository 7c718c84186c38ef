//! `/checkin/{id}` without door access: instead of a bare "no access", the two ways in — the
//! login for staff (and back to this page), the PIN page for this meeting for helpers.

use rocket::http::Status;
use rocket::request::Request;
use rocket::serde::json::serde_json::json;
use rocket::{Catcher, catch, catchers};
use rocket_dyn_templates::Template;

use crate::web::lang::{Visitor, content_language_of, language_of};

/// The meeting of a check-in page address (`/checkin/12`), nothing for any other address.
fn checkin_page_of(req: &Request<'_>) -> Option<i64> {
    let segments: Vec<&str> = req.uri().path().segments().collect();
    match segments.as_slice() {
        ["checkin", id] => id.parse().ok().filter(|id| *id > 0),
        _ => None,
    }
}

#[catch(403)]
fn no_access(req: &Request<'_>) -> (Status, Template) {
    let Some(event) = checkin_page_of(req) else {
        return crate::web::errors::error_page(req, Status::Forbidden);
    };
    let visitor = Visitor {
        content_lang: content_language_of(req),
        lang: language_of(req),
        path: req.uri().to_string(),
    };
    page(&visitor, event)
}

/// The page itself, for the catcher and for the check-in page's own refusal.
pub fn page(visitor: &Visitor, event: i64) -> (Status, Template) {
    let login = format!(
        "/admin/login?next={}",
        crate::web::view::url_encode(&format!("/checkin/{event}"))
    );
    let ctx = json!({ "event": event, "login": login, "pin": format!("/door?event={event}") });
    (
        Status::Forbidden,
        crate::web::render("checkin_denied", visitor, ctx),
    )
}

pub fn catchers() -> Vec<Catcher> {
    catchers![no_access]
}

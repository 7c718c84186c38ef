//! What makes the check-in page an app on a phone: the service worker that keeps it for
//! offline use, and the manifest that makes it installable.

use rocket::serde::json::serde_json::json;
use rocket::{Route, get, routes};

use crate::i18n;
use crate::web::Ctx;

/// The service worker, served under /checkin/ so that it may keep the check-in pages.
#[get("/checkin/sw.js")]
fn service_worker() -> (rocket::http::ContentType, &'static str) {
    (
        rocket::http::ContentType::JavaScript,
        include_str!("../../../static/checkin-sw.js"),
    )
}

/// Makes the check-in page of a meeting installable on the phone's home screen, named in
/// the page's language (`?lang=`: browsers fetch manifests without cookies).
#[get("/checkin/<event>/manifest.webmanifest?<lang>")]
fn manifest(ctx: Ctx<'_>, event: i64, lang: Option<&str>) -> (rocket::http::ContentType, String) {
    let lang = lang
        .and_then(|l| i18n::SUPPORTED.iter().find(|s| **s == l).copied())
        .unwrap_or(ctx.lang());
    let m = json!({
        "name": i18n::text(lang, "door-app-name"), "short_name": i18n::text(lang, "door-title"),
        "lang": lang, "dir": i18n::direction(lang), "start_url": format!("/checkin/{event}"),
        "scope": "/checkin/", "display": "standalone", "background_color": "#ffffff", "theme_color": "#0b5394",
        "icons": [{ "src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml" }],
    });
    (
        rocket::http::ContentType::new("application", "manifest+json"),
        m.to_string(),
    )
}

pub fn routes() -> Vec<Route> {
    routes![service_worker, manifest]
}

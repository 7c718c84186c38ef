//! The site's icon at `/favicon.ico`, where browsers look for it on every page whatever
//! the page links (drawn by `tools/favicon.py` from `static/icon.svg`).

use rocket::http::{ContentType, Header};
use rocket::{Responder, Route, get, routes};

#[derive(Responder)]
struct Icon {
    body: &'static [u8],
    kind: ContentType,
    cache: Header<'static>,
}

#[get("/favicon.ico")]
fn favicon() -> Icon {
    Icon {
        body: include_bytes!("../../static/favicon.ico"),
        kind: ContentType::Icon,
        cache: Header::new("Cache-Control", "public, max-age=86400"),
    }
}

pub fn routes() -> Vec<Route> {
    routes![favicon]
}

//! The door: who may work a meeting's door (`access`), the mobile check-in page and the door
//! link that opens it (`page`), the PIN as the other way in (`pin`), what a page without
//! access shows instead (`denied`), the service worker and manifest (`app`), and the
//! check-in JSON API that the page and other scanner apps use (`api`, its answers in
//! `answer`). Door links themselves are made in the back office (`staff::door_links`).

pub mod access;
pub mod answer;
pub mod api;
pub mod app;
pub mod denied;
pub mod page;
pub mod pin;

use rocket::{Catcher, Route};

/// The door's pages under `/`.
pub fn routes() -> Vec<Route> {
    let mut routes = page::routes();
    routes.extend(app::routes());
    routes.extend(pin::routes());
    routes
}

/// The check-in API under `/api/v1`.
pub fn api_routes() -> Vec<Route> {
    api::routes()
}

/// The catchers under `/checkin`.
pub fn catchers() -> Vec<Catcher> {
    denied::catchers()
}

//! Requests no route takes end in our own handlers: a last route for every method and every
//! path. Without it Rocket logs "No matching routes for PATCH /r/<token>", whole address
//! and query included. The answer is the one Rocket would have given: the status of the
//! last guard that passed the request on (the back office's 401, a path value that does not
//! parse: 422), else 404 (405 with `Allow` from the catchers where the path exists for
//! other methods).

use std::sync::atomic::{AtomicU16, Ordering};

use rocket::http::{Method, Status};
use rocket::route::{Handler, Outcome, Route};
use rocket::{Data, Request};

/// The name of the last routes, which `allow::methods_for` leaves out.
pub const NAME: &str = "fallback";

/// The rank of the last routes: after every other route, `FileServer` (10) included.
const RANK: isize = 1_000_000;

/// The status the last route that forwarded this request gave (0: none did).
struct Forwarded(AtomicU16);

fn forwarded<'r>(req: &'r Request<'_>) -> &'r AtomicU16 {
    &req.local_cache(|| Forwarded(AtomicU16::new(0))).0
}

/// A route's handler that notes the status when it passes the request on.
#[derive(Clone)]
struct NotingForwards(Box<dyn Handler>);

#[rocket::async_trait]
impl Handler for NotingForwards {
    async fn handle<'r>(&self, req: &'r Request<'_>, data: Data<'r>) -> Outcome<'r> {
        let outcome = self.0.handle(req, data).await;
        if let Outcome::Forward((_, status)) = &outcome {
            forwarded(req).store(status.code, Ordering::Relaxed);
        }
        outcome
    }
}

/// The routes, each noting when it passes a request on (so the last route can answer with
/// that status).
pub fn noting_forwards(routes: Vec<Route>) -> Vec<Route> {
    routes
        .into_iter()
        .map(|mut route| {
            let inner = std::mem::replace(&mut route.handler, Box::new(Last));
            route.handler = Box::new(NotingForwards(inner));
            route
        })
        .collect()
}

#[derive(Clone)]
struct Last;

#[rocket::async_trait]
impl Handler for Last {
    async fn handle<'r>(&self, req: &'r Request<'_>, data: Data<'r>) -> Outcome<'r> {
        let code = forwarded(req).load(Ordering::Relaxed);
        if code != 0 {
            return Outcome::Error(Status::new(code));
        }
        // Rocket answers HEAD from the GET route once no HEAD route took the request
        if req.method() == Method::Head && super::allow::methods_for(req, "").contains(&Method::Get)
        {
            return Outcome::Forward((data, Status::NotFound));
        }
        Outcome::Error(Status::NotFound)
    }
}

/// `/<_..>` for every method, ranked after everything else.
pub fn routes() -> Vec<Route> {
    [
        Method::Get,
        Method::Head,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
        Method::Options,
    ]
    .into_iter()
    .map(|method| {
        let mut route = Route::ranked(RANK, method, "/<_..>", Last);
        route.name = Some(NAME.into());
        route
    })
    .collect()
}

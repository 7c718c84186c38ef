//! Counting requests for `/metrics`: a fairing notes when each request came in and, with its
//! answer, counts it and its duration under the route's pattern (`/admin/events/<id>`), never
//! the concrete path or query, so no token, name or address can end up in a label and the
//! number of series stays that of the routes.

use std::time::Instant;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use rocket::fairing::{Fairing, Info, Kind};
use rocket::{Data, Request, Response};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Answered {
    method: &'static str,
    route: String,
    status: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Timed {
    method: &'static str,
    route: String,
}

/// Seconds: from a cached page (well under 5 ms) to a slow export.
const BUCKETS: [f64; 12] = [
    0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

fn histogram() -> Histogram {
    Histogram::new(BUCKETS)
}

/// The request counters and latency histograms (managed state, and the fairing that fills
/// them).
pub struct RequestMetrics {
    registry: Registry,
    answered: Family<Answered, Counter>,
    timed: Family<Timed, Histogram, fn() -> Histogram>,
}

impl Default for RequestMetrics {
    fn default() -> Self {
        let answered = Family::<Answered, Counter>::default();
        let timed = Family::<Timed, Histogram, fn() -> Histogram>::new_with_constructor(
            histogram as fn() -> Histogram,
        );
        let mut registry = Registry::default();
        registry.register(
            "treffpunkt_http_requests",
            "Requests answered, by route pattern and status class",
            answered.clone(),
        );
        registry.register(
            "treffpunkt_http_request_duration_seconds",
            "Time from a request's arrival to its answer, by route pattern",
            timed.clone(),
        );
        RequestMetrics {
            registry,
            answered,
            timed,
        }
    }
}

impl RequestMetrics {
    pub(super) fn registry(&self) -> &Registry {
        &self.registry
    }
}

/// When the request came in (request-local).
struct Arrived(Instant);

/// The route's pattern as mounted, or `unmatched` when no route of ours took the request
/// (the last routes that answer every path, `web::fallback`, or a catcher alone).
fn pattern(req: &Request<'_>) -> String {
    match req.route() {
        Some(route) if route.name.as_deref() != Some(crate::web::fallback::NAME) => {
            route.uri.path().to_owned()
        }
        _ => "unmatched".to_owned(),
    }
}

fn class(code: u16) -> &'static str {
    match code {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

/// Rocket's methods are a closed set; anything else would not have been routed.
fn method(req: &Request<'_>) -> &'static str {
    req.method().as_str()
}

/// The fairing that counts: it shares the families with the managed [`RequestMetrics`].
pub struct CountRequests(pub std::sync::Arc<RequestMetrics>);

#[rocket::async_trait]
impl Fairing for CountRequests {
    fn info(&self) -> Info {
        Info {
            name: "Request metrics",
            kind: Kind::Request | Kind::Response,
        }
    }

    async fn on_request(&self, req: &mut Request<'_>, _: &mut Data<'_>) {
        req.local_cache(|| Arrived(Instant::now()));
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        let took = req.local_cache(|| Arrived(Instant::now())).0.elapsed();
        let route = pattern(req);
        let method = method(req);
        self.0
            .answered
            .get_or_create(&Answered {
                method,
                route: route.clone(),
                status: class(res.status().code),
            })
            .inc();
        self.0
            .timed
            .get_or_create(&Timed { method, route })
            .observe(took.as_secs_f64());
    }
}

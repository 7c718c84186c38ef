//! `/metrics` in the OpenMetrics text format (which Prometheus reads): requests and their
//! durations by route pattern (`requests`), and, read when scraped, registrations,
//! check-ins, the outbox, the background jobs and the database pool. Counts and route
//! patterns only: no label names a person, a meeting or a token. Who may read it: `access`.

mod access;
mod requests;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::{encode_eof, encode_registry};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;
use rocket::http::ContentType;
use rocket::{Route, State, get, routes};

pub use access::MetricsAccess;
pub use requests::{CountRequests, RequestMetrics};

use crate::Clock;
use crate::db::{Db, DbError};
use crate::domain::vitals::{self, Vitals};
use crate::scheduler::Health;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Status {
    status: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct MailState {
    state: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Job {
    job: &'static str,
}

fn gauge(registry: &mut Registry, name: &str, help: &str, value: i64) {
    let g = Gauge::<i64>::default();
    g.set(value);
    registry.register(name, help, g);
}

/// The figures of this moment, as a registry of their own.
fn scraped(vitals: Option<&Vitals>, jobs: &Health, db: &Db) -> Registry {
    let mut r = Registry::default();
    gauge(
        &mut r,
        "treffpunkt_database_up",
        "1 when the database answered this scrape",
        i64::from(vitals.is_some()),
    );
    if let Some(v) = vitals {
        let registrations = Family::<Status, Gauge>::default();
        for (status, n) in &v.registrations {
            registrations.get_or_create(&Status { status }).set(*n);
        }
        r.register(
            "treffpunkt_registrations",
            "Registrations in the database by status (the same from every instance)",
            registrations,
        );
        gauge(
            &mut r,
            "treffpunkt_checkins",
            "Check-ins at the door that stand (undone ones not counted)",
            v.checkins,
        );
        let mails = Family::<MailState, Gauge>::default();
        mails
            .get_or_create(&MailState { state: "pending" })
            .set(v.mail_pending);
        mails
            .get_or_create(&MailState { state: "failed" })
            .set(v.mail_failed);
        r.register(
            "treffpunkt_outbox_mails",
            "Mails not sent: pending (still tried) or failed (given up)",
            mails,
        );
        gauge(
            &mut r,
            "treffpunkt_outbox_oldest_pending_age_seconds",
            "Seconds since the oldest pending mail was queued (0: none pending)",
            v.oldest_pending_secs,
        );
    }
    let last = Family::<Job, Gauge>::default();
    let failures = Family::<Job, Counter>::default();
    for (job, at, failed) in jobs.completions() {
        last.get_or_create(&Job { job })
            .set(at.map_or(0, |t| t.and_utc().timestamp()));
        failures.get_or_create(&Job { job }).inc_by(failed);
    }
    r.register(
        "treffpunkt_job_last_success_timestamp_seconds",
        "When each background job last completed, as a Unix time (0: not since start)",
        last,
    );
    r.register(
        "treffpunkt_job_failures",
        "Failed runs of each background job since start",
        failures,
    );
    let (open, idle, max) = db.pool_state();
    gauge(
        &mut r,
        "treffpunkt_db_pool_connections",
        "Database connections the pool holds open",
        open.into(),
    );
    gauge(
        &mut r,
        "treffpunkt_db_pool_idle_connections",
        "Open database connections not in use",
        idle.into(),
    );
    gauge(
        &mut r,
        "treffpunkt_db_pool_max_connections",
        "The most connections the pool opens",
        max.into(),
    );
    r
}

#[get("/metrics")]
async fn metrics(
    _access: MetricsAccess,
    db: &State<Db>,
    jobs: &State<Health>,
    clock: &State<Clock>,
    requests: &State<std::sync::Arc<RequestMetrics>>,
) -> (ContentType, String) {
    let now = clock.now();
    let vitals = db
        .run(move |conn| vitals::read(conn, now).map_err(DbError::Query))
        .await;
    if let Err(e) = &vitals {
        log::warn!("metrics: {e}");
    }
    let mut text = String::new();
    // writing into a String cannot fail
    let _ = encode_registry(&mut text, requests.registry());
    let _ = encode_registry(&mut text, &scraped(vitals.as_ref().ok(), jobs, db));
    let _ = encode_eof(&mut text);
    let openmetrics = ContentType::new("application", "openmetrics-text")
        .with_params([("version", "1.0.0"), ("charset", "utf-8")]);
    (openmetrics, text)
}

pub fn routes() -> Vec<Route> {
    routes![metrics]
}

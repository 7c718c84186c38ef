//! `/healthz` for load balancers and monitoring: 503 when the database does not answer or
//! a background job (`scheduler`) has not completed for too long, naming the job.

use diesel::connection::SimpleConnection;
use rocket::http::Status;
use rocket::serde::json::{Json, Value, serde_json::json};
use rocket::{Route, State, get, routes};

use crate::Clock;
use crate::db::{Db, DbError};
use crate::scheduler::Health;

/// 200 while the database answers and every job keeps completing, 503 otherwise.
#[get("/healthz")]
async fn healthz(
    db: &State<Db>,
    jobs: &State<Health>,
    clock: &State<Clock>,
) -> (Status, Json<Value>) {
    let ok = db
        .run(|conn| conn.batch_execute("SELECT 1").map_err(DbError::Query))
        .await;
    let late = jobs.late(clock.now());
    let late_jobs: Vec<_> = late
        .iter()
        // the error itself stays in the log: this page is public
        .map(|l| json!({ "job": l.job, "last_completed": l.last_completed, "failing": l.last_error.is_some() }))
        .collect();
    match ok {
        Ok(()) if late.is_empty() => (
            Status::Ok,
            Json(json!({ "status": "ok", "database": "ok", "late_jobs": late_jobs })),
        ),
        Ok(()) => {
            let names: Vec<&str> = late.iter().map(|l| l.job).collect();
            log::warn!("health check: late background jobs: {}", names.join(", "));
            (
                Status::ServiceUnavailable,
                Json(json!({ "status": "unavailable", "database": "ok", "late_jobs": late_jobs })),
            )
        }
        Err(e) => {
            log::warn!("health check: {e}");
            (
                Status::ServiceUnavailable,
                Json(
                    json!({ "status": "unavailable", "database": "unreachable", "late_jobs": late_jobs }),
                ),
            )
        }
    }
}

pub fn routes() -> Vec<Route> {
    routes![healthz]
}

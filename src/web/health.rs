use diesel::connection::SimpleConnection;
use rocket::http::Status;
use rocket::serde::json::{Json, Value, serde_json::json};
use rocket::{Route, State, get, routes};

use crate::db::{Db, DbError};

/// 200 while the database answers, 503 otherwise (for load balancers and monitoring).
#[get("/healthz")]
async fn healthz(db: &State<Db>) -> (Status, Json<Value>) {
    let ok = db
        .run(|conn| conn.batch_execute("SELECT 1").map_err(DbError::Query))
        .await;
    match ok {
        Ok(()) => (
            Status::Ok,
            Json(json!({ "status": "ok", "database": "ok" })),
        ),
        Err(e) => {
            log::warn!("health check: {e}");
            (
                Status::ServiceUnavailable,
                Json(json!({ "status": "unavailable", "database": "unreachable" })),
            )
        }
    }
}

pub fn routes() -> Vec<Route> {
    routes![healthz]
}

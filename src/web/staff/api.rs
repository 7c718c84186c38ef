//! JSON for organisers' own programs: their meetings and registrations, with the same
//! office rules as the pages (the session cookie authenticates).

use rocket::http::Status;
use rocket::serde::json::{Json, Value, serde_json::json};
use rocket::{Route, get, routes};

use super::session::Staff;
use crate::domain::event;
use crate::domain::roster;
use crate::web::Ctx;

type Answer = (Status, Json<Value>);

fn refuse(status: Status, code: &str) -> Answer {
    (status, Json(json!({ "error": code, "message": code })))
}

#[get("/admin/events")]
async fn events(ctx: Ctx<'_>, staff: Staff) -> Answer {
    if !staff.user.is_organiser() {
        return refuse(Status::Forbidden, "forbidden");
    }
    let fmt = ctx.fmt();
    let found = ctx
        .db
        .run(|conn| Ok::<_, crate::db::DbError>(event::all_events(conn)?))
        .await;
    let Ok(list) = found else {
        return refuse(Status::ServiceUnavailable, "unavailable");
    };
    let events: Vec<_> = list
        .iter()
        .filter(|e| staff.can_manage_office(e.office_id))
        .map(|e| json!({ "id": e.id, "title": e.title, "status": e.status, "visibility": e.visibility,
                         "starts_at": fmt.iso(e.starts_at), "office_id": e.office_id, "capacity": e.capacity }))
        .collect();
    (Status::Ok, Json(json!({ "events": events })))
}

#[get("/admin/events/<id>/registrations")]
async fn registrations(ctx: Ctx<'_>, staff: Staff, id: i64) -> Answer {
    if !staff.user.is_organiser() {
        return refuse(Status::Forbidden, "forbidden");
    }
    let found = ctx
        .db
        .run(move |conn| {
            let Some(e) = event::find(conn, id)? else {
                return Ok(None);
            };
            let rows = roster::list(conn, id, None, None)?;
            Ok::<_, crate::db::DbError>(Some((e, rows)))
        })
        .await;
    let (event, rows) = match found {
        Ok(Some(x)) => x,
        Ok(None) => return refuse(Status::NotFound, "not_found"),
        Err(_) => return refuse(Status::ServiceUnavailable, "unavailable"),
    };
    if !staff.can_manage_office(event.office_id) {
        return refuse(Status::Forbidden, "forbidden");
    }
    let fmt = ctx.fmt();
    let list: Vec<_> = rows
        .iter()
        .map(|(r, p)| json!({ "id": r.id, "name": r.name, "email": r.email, "organisation": r.organisation, "companions": r.companions,
                              "status": r.state(), "waiting_position": p, "needs": r.needs, "created_at": fmt.iso(r.created_at),
                              "checked_in": r.checked_in_at.is_some() }))
        .collect();
    (
        Status::Ok,
        Json(json!({ "event_id": id, "registrations": list })),
    )
}

pub fn routes() -> Vec<Route> {
    routes![events, registrations]
}

//! JSON for organisers' own programs: their meetings and registrations, with the same
//! office rules as the pages (the session cookie authenticates). In the OpenAPI document
//! under the tag `staff`.

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, get, routes};
use serde::Serialize;
use utoipa::ToSchema;

use super::session::Staff;
use crate::domain::event;
use crate::domain::{question, roster};
use crate::i18n;
use crate::web::Ctx;
use crate::web::api_error::ApiError;

/// A meeting as its organisers see it, drafts and cancelled ones included.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffEvent {
    pub id: i64,
    pub title: String,
    /// `draft`, `published` or `cancelled`.
    pub status: String,
    /// `public` or `unlisted`.
    pub visibility: String,
    pub starts_at: String,
    pub office_id: i64,
    /// Seats; `null`: no limit.
    pub capacity: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StaffEventList {
    pub events: Vec<StaffEvent>,
}

/// A registration with the person's details (only for the meeting's organisers).
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffRegistration {
    pub id: i64,
    pub name: String,
    /// Empty for a person the office reaches otherwise (`contact_kind`).
    pub email: String,
    /// `email`, `phone`, `post`, or `via` an integration manager (`via_name`, `via_email`),
    /// who then gets the person's mails.
    pub contact_kind: String,
    pub phone: Option<String>,
    pub postal_address: Option<String>,
    pub via_name: Option<String>,
    pub via_email: Option<String>,
    pub organisation: Option<String>,
    pub companions: i32,
    /// `confirmed`, `waitlisted`, `unconfirmed`, `cancelled`, …
    pub status: String,
    /// Place on the waiting list, from 1.
    pub waiting_position: Option<i64>,
    pub needs: Option<String>,
    pub created_at: String,
    pub checked_in: bool,
    /// The answers to the meeting's questions (health-related ones included: organisers
    /// only), removed questions last.
    pub answers: Vec<StaffAnswer>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StaffAnswer {
    pub question_id: i64,
    pub label: String,
    pub value: String,
    pub removed: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StaffRegistrationList {
    pub event_id: i64,
    pub registrations: Vec<StaffRegistration>,
}

fn forbidden(ctx: &Ctx<'_>) -> ApiError {
    ApiError::new(
        Status::Forbidden,
        "forbidden",
        i18n::text(ctx.lang(), "error-403-text"),
    )
}

/// The meetings of the offices the signed-in organiser manages.
#[utoipa::path(get, path = "/api/v1/admin/events", tag = "staff",
    responses((status = 200, body = StaffEventList),
        (status = 401, body = ApiError, description = "no back-office session"),
        (status = 403, body = ApiError, description = "the account organises no meetings"),
        (status = 503, body = ApiError)))]
#[get("/admin/events")]
async fn events(ctx: Ctx<'_>, staff: Staff) -> Result<Json<StaffEventList>, ApiError> {
    if !staff.user.is_organiser() {
        return Err(forbidden(&ctx));
    }
    let fmt = ctx.fmt();
    let list = ctx
        .db
        .query(|conn| Ok(event::all_events(conn)?))
        .await
        .map_err(|e| ApiError::unavailable(ctx.lang(), &e))?;
    let events = list
        .into_iter()
        .filter(|e| staff.can_manage_office(e.office_id))
        .map(|e| StaffEvent {
            id: e.id,
            starts_at: fmt.iso(e.starts_at),
            title: e.title,
            status: e.status,
            visibility: e.visibility,
            office_id: e.office_id,
            capacity: e.capacity,
        })
        .collect();
    Ok(Json(StaffEventList { events }))
}

/// The registrations of one meeting the signed-in organiser manages.
#[utoipa::path(get, path = "/api/v1/admin/events/{id}/registrations", tag = "staff",
    params(("id" = i64, Path, description = "the meeting")),
    responses((status = 200, body = StaffRegistrationList),
        (status = 400, body = ApiError, description = "the id is no whole number"),
        (status = 401, body = ApiError, description = "no back-office session"),
        (status = 403, body = ApiError, description = "another office's meeting"),
        (status = 404, body = ApiError), (status = 503, body = ApiError)))]
#[get("/admin/events/<id>/registrations")]
async fn registrations(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
) -> Result<Json<StaffRegistrationList>, ApiError> {
    if !staff.user.is_organiser() {
        return Err(forbidden(&ctx));
    }
    let lang = ctx.lang();
    let (event, rows) = ctx
        .db
        .query(move |conn| {
            let Some(e) = event::find(conn, id)? else {
                return Ok(None);
            };
            let rows = roster::list(conn, id, None, None)?;
            let questions = question::of_event(conn, &e, true)?;
            let ids: Vec<i64> = rows.iter().map(|(r, _)| r.id).collect();
            let mut given = question::answers_of(conn, &ids)?;
            let texts = Default::default();
            let rows: Vec<_> = rows
                .into_iter()
                .map(|(r, p)| {
                    let a = given.remove(&r.id).unwrap_or_default();
                    let answered = question::in_order(&questions, &a, &texts, lang, true);
                    (r, p, answered)
                })
                .collect();
            Ok(Some((e, rows)))
        })
        .await
        .map_err(|e| ApiError::unavailable(lang, &e))?
        .ok_or_else(|| ApiError::from_domain(crate::domain::DomainError::NotFound, lang))?;
    if !staff.can_manage_office(event.office_id) {
        return Err(forbidden(&ctx));
    }
    let fmt = ctx.fmt();
    let registrations = rows
        .into_iter()
        .map(|(r, p, answered)| StaffRegistration {
            id: r.id,
            status: r.state().to_owned(),
            waiting_position: p,
            created_at: fmt.iso(r.created_at),
            checked_in: r.checked_in_at.is_some(),
            name: r.name,
            email: r.email,
            contact_kind: r.contact_kind,
            phone: r.phone,
            postal_address: r.postal_address,
            via_name: r.via_name,
            via_email: r.via_email,
            organisation: r.organisation,
            companions: r.companions,
            needs: r.needs,
            answers: answered
                .into_iter()
                .map(|a| StaffAnswer {
                    question_id: a.question_id,
                    label: a.label,
                    value: a.value,
                    removed: a.removed,
                })
                .collect(),
        })
        .collect();
    Ok(Json(StaffRegistrationList {
        event_id: id,
        registrations,
    }))
}

pub fn routes() -> Vec<Route> {
    routes![events, registrations]
}

//! The check-in JSON API that the check-in page (and other scanner apps) use: redeem a
//! ticket, check in by hand, undo, search, counters and the offline list, walk-ins.

use chrono::{Duration, NaiveDateTime};
use rocket::http::Status;
use rocket::serde::json::{self, Json};
use rocket::{Route, State, get, post, routes};
use serde::Deserialize;
use utoipa::{IntoParams, IntoResponses};

use super::access::{Door, DoorRefusal, DoorWrite};
use super::answer::{DoorAnswer, StatusAnswer, UndoAnswer, answer};
use crate::domain::checkin;
use crate::domain::ticket::Keys;
use crate::domain::{DomainError, event};
use crate::i18n;
use crate::web::Ctx;
use crate::web::api_error::ApiError;
use crate::web::policy;

/// A door guard's refusal as a JSON answer (503 with `Retry-After`).
fn refused(ctx: &Ctx<'_>, r: DoorRefusal) -> ApiError {
    ApiError::new(
        r.status(),
        r.code(),
        i18n::text(ctx.lang(), r.message_key()),
    )
}

fn domain_error(ctx: &Ctx<'_>, e: DomainError) -> ApiError {
    let refusal = policy::refusal_of(e).map(|r| r.saying("full", "door-full"));
    ApiError::refused(refusal, ctx.lang())
}

/// The header every check-in change carries.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
struct DoorTokenHeader {
    /// The door token the check-in page was given (`data-door-token`; for staff their form
    /// token): a page on another site cannot send it.
    #[serde(rename = "X-Door-Token")]
    door_token: String,
}

/// The refusals every check-in change can get, documented once for all four.
#[derive(IntoResponses)]
#[allow(dead_code)]
enum ChangeRefusals {
    #[response(status = 400, description = "not JSON of this form")]
    BadRequest(ApiError),
    #[response(
        status = 403,
        description = "no door access to this meeting, or no valid `X-Door-Token`"
    )]
    Forbidden(ApiError),
    #[response(status = 413, description = "the body is over the JSON limit")]
    TooLarge(ApiError),
    #[response(status = 415, description = "not sent as `application/json`")]
    NotJson(ApiError),
    #[response(
        status = 503,
        description = "the database cannot be reached; `Retry-After` says when to try again"
    )]
    Unavailable(ApiError),
}

type ApiAnswer<T = DoorAnswer> = Result<Json<T>, ApiError>;

/// The request body, or 400 with the parser's reason (413 when it is over the JSON limit).
fn body_of<T>(ctx: &Ctx<'_>, b: Result<Json<T>, json::Error<'_>>) -> Result<T, ApiError> {
    b.map(Json::into_inner).map_err(|e| match e {
        // Rocket reads up to the limit and reports the rest as an early end of data
        json::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => ApiError::new(
            Status::PayloadTooLarge,
            "too_large",
            i18n::text(ctx.lang(), "error-413-text"),
        ),
        e => ApiError::new(Status::BadRequest, "bad_request", e.to_string()),
    })
}

/// Runs door work on the database; refusals become JSON errors with their reason.
async fn run<T, F>(ctx: &Ctx<'_>, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut crate::db::DbConn) -> Result<T, DomainError> + Send + 'static,
    T: Send + 'static,
{
    ctx.db.run(f).await.map_err(|e| domain_error(ctx, e))
}

/// A check-in, written in the next group commit (see `db::batch`).
async fn run_write<T, F>(ctx: &Ctx<'_>, event: i64, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut crate::db::DbConn) -> Result<T, DomainError> + Send + 'static,
    T: Send + 'static,
{
    ctx.db
        .run_batched(event, f)
        .await
        .map_err(|e| domain_error(ctx, e))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct RedeemRequest {
    /// The scanned QR text.
    pub token: String,
    /// Made by the device for each scan, up to 100 characters; a retry sends the same one.
    /// It counts only for this meeting and this ticket, and not once undone.
    #[schema(min_length = 1, max_length = 100)]
    pub nonce: String,
    /// The device's name, shown to others ("already checked in on …").
    pub device: Option<String>,
    /// When the scan happened (RFC 3339), for scans made offline; default now.
    pub at: Option<String>,
}

fn scan_time(ctx: &Ctx<'_>, at: Option<&str>) -> NaiveDateTime {
    let now = ctx.now();
    at.and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.naive_utc())
        // a device clock running ahead must not beat real scans
        .filter(|t| *t <= now && *t > now - Duration::days(2))
        .unwrap_or(now)
}

/// Redeem a ticket: let the person in, or say why not.
#[utoipa::path(post, path = "/api/v1/checkin/{event}/redeem", tag = "check-in",
    params(("event" = i64, Path, description = "meeting id"), DoorTokenHeader), request_body = RedeemRequest,
    responses((status = 200, body = DoorAnswer, description = "`ok` true to let in; `message` says it in words"),
        (status = 404, body = ApiError, description = "the meeting id is no number"),
        (status = 422, body = ApiError, description = "no nonce, or one over 100 characters"),
        ChangeRefusals))]
#[post("/checkin/<event>/redeem", data = "<body>")]
async fn redeem(
    ctx: Ctx<'_>,
    door: Result<DoorWrite, DoorRefusal>,
    keys: &State<Keys>,
    event: i64,
    body: Result<Json<RedeemRequest>, json::Error<'_>>,
) -> ApiAnswer {
    door.map_err(|r| refused(&ctx, r))?;
    let body = body_of(&ctx, body)?;
    let key = keys.verifying();
    let at = scan_time(&ctx, body.at.as_deref());
    let device = body.device.unwrap_or_else(|| "?".into());
    let v = run_write(&ctx, event, move |conn| {
        checkin::redeem(conn, &key, event, &body.token, &body.nonce, &device, at)
    })
    .await?;
    Ok(answer(&ctx, v))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ManualRequest {
    #[serde(deserialize_with = "crate::web::json_number::required")]
    pub registration_id: i64,
    /// Made by the device for each tap, up to 100 characters; a retry sends the same one.
    /// It counts only for this meeting and this registration, and not once undone.
    #[schema(min_length = 1, max_length = 100)]
    pub nonce: String,
    pub device: Option<String>,
    pub at: Option<String>,
}

/// Check in by hand (after a search by name), one tap.
#[utoipa::path(post, path = "/api/v1/checkin/{event}/manual", tag = "check-in",
    params(("event" = i64, Path, description = "meeting id"), DoorTokenHeader), request_body = ManualRequest,
    responses((status = 200, body = DoorAnswer),
        (status = 404, body = ApiError, description = "no such registration for this meeting"),
        (status = 422, body = ApiError, description = "no nonce, or one over 100 characters"),
        ChangeRefusals))]
#[post("/checkin/<event>/manual", data = "<body>")]
async fn manual(
    ctx: Ctx<'_>,
    door: Result<DoorWrite, DoorRefusal>,
    event: i64,
    body: Result<Json<ManualRequest>, json::Error<'_>>,
) -> ApiAnswer {
    door.map_err(|r| refused(&ctx, r))?;
    let body = body_of(&ctx, body)?;
    let at = scan_time(&ctx, body.at.as_deref());
    let device = body.device.unwrap_or_else(|| "?".into());
    let v = run_write(&ctx, event, move |conn| {
        checkin::check_in(conn, event, body.registration_id, &body.nonce, &device, at)
    })
    .await?;
    Ok(answer(&ctx, v))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UndoRequest {
    /// The nonce of the check-in to take back.
    #[schema(min_length = 1, max_length = 100)]
    pub nonce: String,
}

/// Take back a check-in (a mistaken tap).
#[utoipa::path(post, path = "/api/v1/checkin/{event}/undo", tag = "check-in",
    params(("event" = i64, Path, description = "meeting id"), DoorTokenHeader), request_body = UndoRequest,
    responses((status = 200, body = UndoAnswer),
        (status = 404, body = ApiError, description = "the meeting id is no number"),
        (status = 422, body = ApiError, description = "no nonce, or one over 100 characters"),
        ChangeRefusals))]
#[post("/checkin/<event>/undo", data = "<body>")]
async fn undo(
    ctx: Ctx<'_>,
    door: Result<DoorWrite, DoorRefusal>,
    event: i64,
    body: Result<Json<UndoRequest>, json::Error<'_>>,
) -> ApiAnswer<UndoAnswer> {
    door.map_err(|r| refused(&ctx, r))?;
    let body = body_of(&ctx, body)?;
    let now = ctx.now();
    let undone = run(&ctx, move |conn| {
        checkin::undo(conn, event, &body.nonce, now)
    })
    .await?;
    Ok(Json(UndoAnswer { undone }))
}

/// Search registrations by name or e-mail.
#[utoipa::path(get, path = "/api/v1/checkin/{event}/search", tag = "check-in",
    params(("event" = i64, Path, description = "meeting id"), ("q" = String, Query, description = "part of a name or e-mail")),
    responses((status = 200, body = [checkin::Attendee]),
        (status = 400, body = ApiError, description = "no `q`"),
        (status = 403, body = ApiError, description = "no door access to this meeting"),
        (status = 404, body = ApiError, description = "the meeting id is no number"),
        (status = 503, body = ApiError)))]
#[get("/checkin/<event>/search?<q>")]
async fn search(
    ctx: Ctx<'_>,
    door: Door,
    event: i64,
    q: &str,
) -> ApiAnswer<Vec<checkin::Attendee>> {
    let q = q.chars().take(100).collect::<String>();
    let sensitive = checkin::Sensitive(door.organiser);
    let found = run(&ctx, move |conn| {
        Ok(checkin::search(conn, event, &q, sensitive)?)
    })
    .await?;
    Ok(Json(found))
}

/// Counters, and (with `?list=1`) the attendee list and public key for offline use.
#[utoipa::path(get, path = "/api/v1/checkin/{event}/status", tag = "check-in",
    params(("event" = i64, Path, description = "meeting id"), ("list" = Option<String>, Query, description = "`1`: include attendees and the public key")),
    responses((status = 200, body = StatusAnswer),
        (status = 403, body = ApiError, description = "no door access to this meeting"),
        (status = 404, body = ApiError, description = "the meeting id is no number"),
        (status = 503, body = ApiError)))]
#[get("/checkin/<event>/status?<list>")]
async fn status(
    ctx: Ctx<'_>,
    door: Door,
    keys: &State<Keys>,
    event: i64,
    list: Option<&str>,
) -> ApiAnswer<StatusAnswer> {
    let with_list = matches!(list, Some("1" | "true" | "yes"));
    let sensitive = checkin::Sensitive(door.organiser);
    let (counters, attendees, ends) = run(&ctx, move |conn| {
        let c = checkin::counters(conn, event)?;
        let a = if with_list {
            Some(checkin::attendees(conn, event, sensitive)?)
        } else {
            None
        };
        let ends = event::find(conn, event)?.map(|e| e.ends_at);
        Ok((c, a, ends))
    })
    .await?;
    let listed = attendees.is_some();
    Ok(Json(StatusAnswer {
        counters,
        attendees,
        public_key: listed.then(|| keys.public_base64()),
        // devices delete their copy after the meeting
        keep_until: ends
            .filter(|_| listed)
            .map(|t| (t + Duration::hours(6)).and_utc().to_rfc3339()),
    }))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct WalkInRequest {
    /// Up to 100 characters, no control characters.
    #[schema(min_length = 1)]
    pub name: String,
    #[serde(default, deserialize_with = "crate::web::json_number::optional")]
    #[schema(minimum = 0, maximum = 20)]
    pub companions: Option<i32>,
    /// Let them in even over capacity (logged).
    pub override_capacity: Option<bool>,
    pub device: Option<String>,
}

/// Register and let in someone who came without registering.
#[utoipa::path(post, path = "/api/v1/checkin/{event}/walk-in", tag = "check-in",
    params(("event" = i64, Path, description = "meeting id"), DoorTokenHeader), request_body = WalkInRequest,
    responses((status = 200, body = DoorAnswer),
        (status = 404, body = ApiError, description = "the meeting id is no number"),
        (status = 409, body = ApiError, description = "full: send again with override_capacity; or the meeting is cancelled"),
        (status = 422, body = ApiError, description = "name or companions break a rule"),
        ChangeRefusals))]
#[post("/checkin/<event>/walk-in", data = "<body>")]
async fn walk_in(
    ctx: Ctx<'_>,
    door: Result<DoorWrite, DoorRefusal>,
    event: i64,
    body: Result<Json<WalkInRequest>, json::Error<'_>>,
) -> ApiAnswer {
    let DoorWrite(door) = door.map_err(|r| refused(&ctx, r))?;
    let body = body_of(&ctx, body)?;
    let now = ctx.now();
    let actor = door.actor;
    let device = body.device.unwrap_or_else(|| "?".into());
    let v = run(&ctx, move |conn| {
        let who = checkin::WalkIn {
            name: body.name,
            companions: body.companions.unwrap_or(0),
            override_capacity: body.override_capacity.unwrap_or(false),
            device,
        };
        checkin::walk_in(conn, event, &who, &actor, now)
    })
    .await?;
    Ok(answer(&ctx, v))
}

pub fn routes() -> Vec<Route> {
    routes![redeem, manual, undo, search, status, walk_in]
}

//! The door: door links for staff without accounts (their PINs: `door_pin`), the mobile
//! check-in page, ticket pages, and the check-in JSON API that the page (and other scanner
//! apps) use.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::serde::json::{self, Json, serde_json::json};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use serde::Deserialize;

use super::api_error::ApiError;
use super::door::{Door, DoorRefusal, DoorWrite, device_token_in, door_cookie};
use super::errors::PageError;
use super::staff::session::{Checked, CsrfToken, Nothing, Staff};
use super::view::EventPage;
use super::{Ctx, render};
use crate::db::schema::door_links;
use crate::domain::audit;
use crate::domain::checkin::{self, Verdict};
use crate::domain::ticket::Keys;
use crate::domain::{DomainError, event, registration, token};
use crate::i18n;

/// A verdict's time (RFC 3339) in the site's time zone.
fn local_time(at: &str, fmt: &i18n::Formatter) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| fmt.time(t.naive_utc()))
        .unwrap_or_default()
}

fn verdict_text(lang: &str, v: &Verdict, fmt: &i18n::Formatter) -> String {
    match v {
        Verdict::Welcome { name, party, .. } | Verdict::WelcomeAgain { name, party, .. } => {
            i18n::text_with(
                lang,
                "door-welcome",
                &[
                    ("name", name.clone().into()),
                    ("party", i64::from(*party).into()),
                ],
            )
        }
        Verdict::Already {
            name, at, device, ..
        } => {
            let t = local_time(at, fmt);
            i18n::text_with(
                lang,
                "door-already",
                &[
                    ("name", name.clone().into()),
                    ("time", t.into()),
                    ("device", device.clone().into()),
                ],
            )
        }
        Verdict::Cancelled { name, .. } => {
            i18n::text_with(lang, "door-cancelled", &[("name", name.clone().into())])
        }
        Verdict::Waiting { name, .. } => {
            i18n::text_with(lang, "door-waiting", &[("name", name.clone().into())])
        }
        Verdict::Unconfirmed { name, .. } => {
            i18n::text_with(lang, "door-unconfirmed", &[("name", name.clone().into())])
        }
        Verdict::WrongMeeting => i18n::text(lang, "door-wrong-meeting"),
        Verdict::Expired => i18n::text(lang, "door-expired"),
        Verdict::Invalid => i18n::text(lang, "door-invalid"),
    }
}

/// What a door device shows after a scan or tap: the verdict, in words too.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct DoorAnswer {
    #[serde(flatten)]
    pub verdict: Verdict,
    /// Let the person in.
    pub ok: bool,
    /// The verdict in the device's language.
    pub message: String,
    /// A small addition to the verdict: with `welcome_again`, that this device let the
    /// person in a moment ago.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The answer to an undo.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct UndoAnswer {
    /// Whether there was a check-in to take back.
    pub undone: bool,
}

/// Counters, and with `list` what a device needs to check tickets offline.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct StatusAnswer {
    pub counters: checkin::Counters,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendees: Option<Vec<checkin::Attendee>>,
    /// The key that verifies tickets (Ed25519, base64url).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// When devices delete their copy of the list (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_until: Option<String>,
}

fn answer(ctx: &Ctx<'_>, v: Verdict) -> Json<DoorAnswer> {
    let fmt = ctx.fmt();
    let note = match &v {
        Verdict::WelcomeAgain { at, .. } => Some(i18n::text_with(
            ctx.lang(),
            "door-welcome-again",
            &[("time", local_time(at, &fmt).into())],
        )),
        _ => None,
    };
    Json(DoorAnswer {
        message: verdict_text(ctx.lang(), &v, &fmt),
        ok: matches!(v, Verdict::Welcome { .. } | Verdict::WelcomeAgain { .. }),
        note,
        verdict: v,
    })
}

fn api_error(status: Status, code: &str, message: String) -> ApiError {
    ApiError::new(status, code, message)
}

/// A door guard's refusal as a JSON answer (503 with `Retry-After`).
fn refused(ctx: &Ctx<'_>, r: DoorRefusal) -> ApiError {
    api_error(
        r.status(),
        r.code(),
        i18n::text(ctx.lang(), r.message_key()),
    )
}

fn domain_error(ctx: &Ctx<'_>, e: DomainError) -> ApiError {
    let lang = ctx.lang();
    match e {
        DomainError::NotFound => api_error(
            Status::NotFound,
            "not_found",
            i18n::text(lang, "error-404-title"),
        ),
        DomainError::Invalid(f) => api_error(
            Status::UnprocessableEntity,
            "invalid",
            f.values()
                .next()
                .map(|k| i18n::text(lang, k))
                .unwrap_or_default(),
        ),
        DomainError::Full => api_error(Status::Conflict, "full", i18n::text(lang, "door-full")),
        DomainError::Closed(k) => api_error(Status::Conflict, "closed", i18n::text(lang, k)),
        DomainError::Duplicate => api_error(
            Status::Conflict,
            "duplicate",
            i18n::text(lang, "register-duplicate"),
        ),
        DomainError::Db(e) => {
            log::error!("checkin: {e}");
            api_error(
                Status::ServiceUnavailable,
                "unavailable",
                i18n::text(lang, "error-503-text"),
            )
        }
    }
}

type ApiAnswer<T = DoorAnswer> = Result<Json<T>, ApiError>;

/// The request body, or 400 with the parser's reason (413 when it is over the JSON limit).
fn body_of<T>(ctx: &Ctx<'_>, b: Result<Json<T>, json::Error<'_>>) -> Result<T, ApiError> {
    b.map(Json::into_inner).map_err(|e| match e {
        // Rocket reads up to the limit and reports the rest as an early end of data
        json::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => api_error(
            Status::PayloadTooLarge,
            "too_large",
            i18n::text(ctx.lang(), "error-413-text"),
        ),
        e => api_error(Status::BadRequest, "bad_request", e.to_string()),
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
    params(("event" = i64, Path, description = "meeting id"),
        ("X-Door-Token" = String, Header, description = "the door token the check-in page was given (`data-door-token`; for staff their form token): a page on another site cannot send it")), request_body = RedeemRequest,
    responses((status = 200, body = DoorAnswer, description = "`ok` true to let in; `message` says it in words"),
        (status = 400, body = ApiError, description = "not JSON of this form"),
        (status = 403, body = ApiError, description = "no door access to this meeting, or no valid `X-Door-Token`"),
        (status = 413, body = ApiError, description = "the body is over the JSON limit"),
        (status = 415, body = ApiError, description = "not sent as `application/json`"),
        (status = 404, body = ApiError, description = "the meeting id is no number"),
        (status = 422, body = ApiError, description = "no nonce, or one over 100 characters"),
        (status = 503, body = ApiError, description = "the database cannot be reached; `Retry-After` says when to try again")))]
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
    #[serde(deserialize_with = "super::json_number::required")]
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
    params(("event" = i64, Path, description = "meeting id"),
        ("X-Door-Token" = String, Header, description = "the door token the check-in page was given (`data-door-token`; for staff their form token): a page on another site cannot send it")), request_body = ManualRequest,
    responses((status = 200, body = DoorAnswer),
        (status = 400, body = ApiError, description = "not JSON of this form"),
        (status = 403, body = ApiError, description = "no door access to this meeting, or no valid `X-Door-Token`"),
        (status = 413, body = ApiError, description = "the body is over the JSON limit"),
        (status = 415, body = ApiError, description = "not sent as `application/json`"),
        (status = 404, body = ApiError, description = "no such registration for this meeting"),
        (status = 422, body = ApiError, description = "no nonce, or one over 100 characters"),
        (status = 503, body = ApiError, description = "the database cannot be reached; `Retry-After` says when to try again")))]
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
    params(("event" = i64, Path, description = "meeting id"),
        ("X-Door-Token" = String, Header, description = "the door token the check-in page was given (`data-door-token`; for staff their form token): a page on another site cannot send it")), request_body = UndoRequest,
    responses((status = 200, body = UndoAnswer),
        (status = 400, body = ApiError, description = "not JSON of this form"),
        (status = 403, body = ApiError, description = "no door access to this meeting, or no valid `X-Door-Token`"),
        (status = 413, body = ApiError, description = "the body is over the JSON limit"),
        (status = 415, body = ApiError, description = "not sent as `application/json`"),
        (status = 404, body = ApiError, description = "the meeting id is no number"),
        (status = 422, body = ApiError, description = "no nonce, or one over 100 characters"),
        (status = 503, body = ApiError, description = "the database cannot be reached; `Retry-After` says when to try again")))]
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
    _door: Door,
    event: i64,
    q: &str,
) -> ApiAnswer<Vec<checkin::Attendee>> {
    let q = q.chars().take(100).collect::<String>();
    let found = run(&ctx, move |conn| Ok(checkin::search(conn, event, &q)?)).await?;
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
    _door: Door,
    keys: &State<Keys>,
    event: i64,
    list: Option<&str>,
) -> ApiAnswer<StatusAnswer> {
    let with_list = matches!(list, Some("1" | "true" | "yes"));
    let (counters, attendees, ends) = run(&ctx, move |conn| {
        let c = checkin::counters(conn, event)?;
        let a = if with_list {
            Some(checkin::attendees(conn, event)?)
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
    #[serde(default, deserialize_with = "super::json_number::optional")]
    #[schema(minimum = 0, maximum = 20)]
    pub companions: Option<i32>,
    /// Let them in even over capacity (logged).
    pub override_capacity: Option<bool>,
    pub device: Option<String>,
}

/// Register and let in someone who came without registering.
#[utoipa::path(post, path = "/api/v1/checkin/{event}/walk-in", tag = "check-in",
    params(("event" = i64, Path, description = "meeting id"),
        ("X-Door-Token" = String, Header, description = "the door token the check-in page was given (`data-door-token`; for staff their form token): a page on another site cannot send it")), request_body = WalkInRequest,
    responses((status = 200, body = DoorAnswer),
        (status = 400, body = ApiError, description = "not JSON of this form"),
        (status = 403, body = ApiError, description = "no door access to this meeting, or no valid `X-Door-Token`"),
        (status = 413, body = ApiError, description = "the body is over the JSON limit"),
        (status = 415, body = ApiError, description = "not sent as `application/json`"),
        (status = 404, body = ApiError, description = "the meeting id is no number"),
        (status = 409, body = ApiError, description = "full: send again with override_capacity; or the meeting is cancelled"),
        (status = 422, body = ApiError, description = "name or companions break a rule"),
        (status = 503, body = ApiError, description = "the database cannot be reached; `Retry-After` says when to try again")))]
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

pub fn api_routes() -> Vec<Route> {
    routes![redeem, manual, undo, search, status, walk_in]
}

/// The check-in page for phones.
#[get("/checkin/<event>")]
async fn page(
    ctx: Ctx<'_>,
    door: Result<Door, DoorRefusal>,
    event: i64,
) -> Result<(Status, Template), PageError> {
    let door = match door {
        Ok(door) => door,
        Err(DoorRefusal::Unavailable) => {
            return Err(PageError::Unavailable("door access".into()));
        }
        // the ways in (login, PIN page) rather than a bare "no access"
        Err(_) => return Ok(super::checkin_denied::page(&ctx.visitor, event)),
    };
    let detail = ctx
        .db
        .run(move |conn| Ok::<_, PageError>(event::find_detail(conn, event)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let e = EventPage::new(&detail, &ctx.fmt(), ctx.now());
    Ok((
        Status::Ok,
        render(
            "checkin",
            &ctx.visitor,
            json!({ "event": e, "door_token": door.token,
                    "again_secs": crate::domain::rescan::WELCOME_AGAIN_SECS,
                    "tz": ctx.settings.tz().name() }),
        ),
    ))
}

/// A door link opens the check-in of its meeting on this device.
#[get("/door/<token>")]
async fn open_link(ctx: Ctx<'_>, token: &str, jar: &CookieJar<'_>) -> Result<Redirect, PageError> {
    let t = token.to_owned();
    let now = ctx.now();
    let found = ctx
        .db
        .run(move |conn| {
            Ok::<_, PageError>(
                door_links::table
                    .filter(door_links::token.eq(t))
                    .filter(door_links::revoked_at.is_null())
                    .filter(door_links::expires_at.gt(now))
                    .select((door_links::id, door_links::event_id, door_links::expires_at))
                    .first::<(i64, i64, NaiveDateTime)>(conn)
                    .optional()?,
            )
        })
        .await?;
    let Some((id, event, expires)) = found else {
        return Err(PageError::NotFound);
    };
    // the device keeps its door token when it opens the same link again
    let device_token = device_token_in(jar, event, id).unwrap_or_else(token::new_token);
    let secure = ctx.settings.public_url.starts_with("https://");
    jar.add_private(door_cookie(secure, event, id, &device_token, expires));
    Ok(Redirect::to(format!("/checkin/{event}")))
}

/// The ticket with its QR code, large and printable.
#[get("/r/<token>/ticket")]
async fn ticket(ctx: Ctx<'_>, keys: &State<Keys>, token: &str) -> Result<Template, PageError> {
    let t = token.to_owned();
    let (r, detail) = ctx
        .db
        .run(move |conn| {
            let Some(r) = registration::find_by_token(conn, &t)? else {
                return Ok::<_, PageError>(None);
            };
            let d = event::find_detail(conn, r.event_id)?;
            Ok(d.map(|d| (r, d)))
        })
        .await?
        .ok_or(PageError::NotFound)?;
    let e = EventPage::new(&detail, &ctx.fmt(), ctx.now());
    // no scannable code for a meeting that does not take place
    let valid = r.is_confirmed() && !r.awaits_verification() && !detail.event.is_cancelled();
    let qr = valid
        .then(|| {
            crate::qr::svg(
                &keys.issue(r.id, r.event_id),
                &i18n::text(ctx.lang(), "ticket-qr-label"),
            )
        })
        .flatten();
    Ok(render(
        "ticket",
        &ctx.visitor,
        json!({ "event": e, "name": r.name, "party": r.seats, "status": r.status, "qr": qr, "token": r.token,
                "unconfirmed": r.awaits_verification() }),
    ))
}

/// The organiser's door page: make, list and revoke door links.
#[get("/admin/events/<id>/door")]
async fn links(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
) -> Result<Template, PageError> {
    super::staff::managed_event(&ctx, &staff, id).await?;
    let now = ctx.now();
    type LinkRow = (i64, String, String, String, NaiveDateTime);
    let (rows, wrong): (Vec<LinkRow>, _) = ctx
        .db
        .run(move |conn| {
            let wrong = crate::domain::door_pin::wrong_attempts(conn, id)?;
            Ok::<_, PageError>((
                door_links::table
                    .filter(door_links::event_id.eq(id))
                    .filter(door_links::revoked_at.is_null())
                    .filter(door_links::expires_at.gt(now))
                    .order(door_links::id.asc())
                    .select((
                        door_links::id,
                        door_links::token,
                        door_links::pin,
                        door_links::label,
                        door_links::expires_at,
                    ))
                    .load(conn)?,
                wrong,
            ))
        })
        .await?;
    let fmt = ctx.fmt();
    let wrong = wrong.map(|w| json!({ "count": w.hits, "since": format!("{}, {}", fmt.date(w.first_at), fmt.time(w.first_at)) }));
    let list: Vec<_> = rows
        .iter()
        .map(|(lid, t, pin, label, exp)| json!({ "id": lid, "url": ctx.absolute(&format!("/door/{t}")), "pin": crate::domain::door_pin::display(pin), "label": label,
                                                 "expires": format!("{}, {}", fmt.date(*exp), fmt.time(*exp)) }))
        .collect();
    Ok(super::staff::page(
        &ctx,
        &staff,
        &csrf,
        None,
        "staff/door",
        json!({ "event_id": id, "links": list, "pin_url": ctx.absolute(&format!("/door?event={id}")), "wrong_pins": wrong }),
    ))
}

#[derive(Debug, rocket::FromForm)]
struct NewLink {
    label: Option<String>,
}

#[post("/admin/events/<id>/door", data = "<form>")]
async fn create_link(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    form: Checked<NewLink>,
) -> Result<Redirect, PageError> {
    let e = super::staff::managed_event(&ctx, &staff, id).await?;
    let label: String = form
        .0
        .label
        .unwrap_or_default()
        .trim()
        .chars()
        .take(60)
        .collect();
    let label = if label.is_empty() {
        i18n::text(ctx.lang(), "door-default-label")
    } else {
        label
    };
    let (actor, now) = (staff.actor(), ctx.now());
    // valid until the day after the meeting
    let expires = e.ends_at + Duration::hours(12);
    ctx.db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                // a PIN counts only together with its meeting: unique within it
                let pin = loop {
                    let pin = crate::domain::door_pin::new_pin();
                    let taken: i64 = door_links::table
                        .filter(door_links::event_id.eq(id))
                        .filter(door_links::pin.eq(&pin))
                        .filter(door_links::revoked_at.is_null())
                        .filter(door_links::expires_at.gt(now))
                        .count()
                        .get_result(conn)?;
                    if taken == 0 {
                        break pin;
                    }
                };
                let lid: i64 = diesel::insert_into(door_links::table)
                    .values((
                        door_links::event_id.eq(id),
                        door_links::token.eq(token::new_token()),
                        door_links::pin.eq(pin),
                        door_links::label.eq(&label),
                        door_links::created_at.eq(now),
                        door_links::expires_at.eq(expires),
                    ))
                    .returning(door_links::id)
                    .get_result(conn)?;
                audit::record(
                    conn,
                    &actor,
                    "door.link",
                    ("door_link", Some(lid)),
                    &label,
                    now,
                )
            })
            .map_err(PageError::from)
        })
        .await?;
    Ok(Redirect::to(format!("/admin/events/{id}/door")))
}

#[post("/admin/events/<id>/door/<link>/revoke", data = "<_form>")]
async fn revoke_link(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    link: i64,
    _form: Checked<Nothing>,
) -> Result<Redirect, PageError> {
    super::staff::managed_event(&ctx, &staff, id).await?;
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                // only a link of this meeting (the office check was for this meeting)
                let state = door_links::table
                    .find(link)
                    .filter(door_links::event_id.eq(id))
                    .select(door_links::revoked_at)
                    .first::<Option<NaiveDateTime>>(conn)
                    .optional()?;
                match state {
                    None => return Err(PageError::NotFound),
                    // revoked before (a second click): nothing happens, nothing to log
                    Some(Some(_)) => return Ok(()),
                    Some(None) => {}
                }
                diesel::update(door_links::table.find(link))
                    .set(door_links::revoked_at.eq(now))
                    .execute(conn)?;
                audit::record(
                    conn,
                    &actor,
                    "door.revoke",
                    ("door_link", Some(link)),
                    "",
                    now,
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(Redirect::to(format!("/admin/events/{id}/door")))
}

/// The service worker, served under /checkin/ so that it may keep the check-in pages.
#[get("/checkin/sw.js")]
fn service_worker() -> (rocket::http::ContentType, &'static str) {
    (
        rocket::http::ContentType::JavaScript,
        include_str!("../../static/checkin-sw.js"),
    )
}

/// Makes the check-in page of a meeting installable on the phone's home screen, named in
/// the page's language (`?lang=`: browsers fetch manifests without cookies).
#[get("/checkin/<event>/manifest.webmanifest?<lang>")]
fn manifest(ctx: Ctx<'_>, event: i64, lang: Option<&str>) -> (rocket::http::ContentType, String) {
    let lang = lang
        .and_then(|l| i18n::SUPPORTED.iter().find(|s| **s == l).copied())
        .unwrap_or(ctx.lang());
    let m = json!({
        "name": i18n::text(lang, "door-app-name"), "short_name": i18n::text(lang, "door-title"),
        "lang": lang, "dir": i18n::direction(lang), "start_url": format!("/checkin/{event}"),
        "scope": "/checkin/", "display": "standalone", "background_color": "#ffffff", "theme_color": "#0b5394",
        "icons": [{ "src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml" }],
    });
    (
        rocket::http::ContentType::new("application", "manifest+json"),
        m.to_string(),
    )
}

pub fn routes() -> Vec<Route> {
    routes![
        page,
        open_link,
        ticket,
        links,
        create_link,
        revoke_link,
        service_worker,
        manifest
    ]
}

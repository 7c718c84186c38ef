//! JSON API v1: meetings and registrations for other programs, described by the OpenAPI
//! document that utoipa derives from these handlers and types.

use rocket::http::{ContentType, Status};
use rocket::request::Request;
use rocket::serde::json::{self, Json};
use rocket::{Catcher, Route, catch, catchers, delete, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use super::Ctx;
use super::abuse::{Action, Gate};
use super::api_error::ApiError;
use super::view::{EventPage, event_path};
use crate::domain::DomainError;
use crate::domain::availability::Availability;
use crate::domain::event::{self, EventDetail};
use crate::domain::register::{Origin, Outcome, cancel, register};
use crate::domain::registration::{self, Registration};
use crate::domain::validate::RegistrationInput;
use crate::i18n;

type ApiResult<T> = Result<T, ApiError>;

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiVenue {
    pub name: String,
    pub room: Option<String>,
    pub street: String,
    pub postal_code: String,
    pub town: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiContact {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiEvent {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// The description as sanitised HTML.
    pub description_html: String,
    /// Start with the offset of the site's time zone (RFC 3339).
    pub starts_at: String,
    pub ends_at: String,
    pub venue: ApiVenue,
    pub office: String,
    pub contact: ApiContact,
    pub category: Option<String>,
    pub series: Option<String>,
    /// Seats in all; `null` means no limit.
    pub capacity: Option<i32>,
    pub free_seats: Option<i64>,
    pub waiting: i64,
    pub max_companions: i32,
    /// `open`, `waiting_list`, `full`, `cancelled`, `not_yet_open` or `closed`.
    pub availability: String,
    pub cancelled: bool,
    pub cancel_reason: Option<String>,
    pub url: String,
}

impl ApiEvent {
    fn new(d: &EventDetail, ctx: &Ctx<'_>) -> Self {
        let p = EventPage::new(d, &ctx.fmt(), ctx.now());
        ApiEvent {
            id: p.id,
            url: ctx.absolute(&p.path),
            title: p.title,
            summary: p.summary,
            description_html: p.description_html,
            starts_at: p.start_iso,
            ends_at: p.end_iso,
            venue: ApiVenue {
                name: p.venue_name,
                room: p.venue_room,
                street: p.street,
                postal_code: p.postal_code,
                town: p.town,
            },
            office: p.office_name,
            contact: ApiContact {
                name: p.contact_name,
                phone: p.contact_phone,
                email: p.contact_email,
            },
            category: d.category.as_ref().map(|c| c.slug.clone()),
            series: p.series_slug,
            capacity: p.capacity,
            free_seats: p.free_seats,
            waiting: p.waiting,
            max_companions: p.max_companions,
            availability: p.availability.to_owned(),
            cancelled: p.cancelled,
            cancel_reason: p.cancel_reason,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiEventList {
    pub events: Vec<ApiEventSummary>,
    /// Another page follows (`?page=` one higher).
    pub more: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiEventSummary {
    pub id: i64,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    pub category: Option<String>,
    pub availability: String,
    pub free_seats: Option<i64>,
    pub url: String,
}

/// List upcoming public meetings, soonest first.
#[utoipa::path(get, path = "/api/v1/events", tag = "events",
    params(("category" = Option<String>, Query, description = "only this category (slug)"),
        ("page" = Option<i64>, Query, minimum = 0, maximum = 100000, description = "page from 0, 100 meetings each; `more` says whether another follows")),
    responses((status = 200, body = ApiEventList), (status = 400, body = ApiError, description = "`page` is no whole number from 0 to 100000"),
        (status = 503, body = ApiError)))]
#[get("/events?<category>&<page>")]
async fn list_events(
    ctx: Ctx<'_>,
    category: Option<String>,
    page: Vec<&str>,
) -> ApiResult<Json<ApiEventList>> {
    let lang = ctx.lang();
    let page = match page.as_slice() {
        [] => 0,
        [p] => serde_json::from_str::<serde_json::Number>(p.trim())
            .ok()
            .and_then(|n| super::json_number::whole::<i64, serde_json::Error>(&n).ok())
            .filter(|p| (0..=100_000).contains(p))
            .ok_or_else(|| bad_field("page", "error-number-invalid", lang))?,
        _ => return Err(bad_field("page", "error-number-invalid", lang)),
    };
    let now = ctx.now();
    let rows = ctx
        .db
        .run(move |conn| {
            Ok::<_, DomainError>(event::list_public(
                conn,
                now,
                category.as_deref(),
                (page, 100),
            )?)
        })
        .await
        .map_err(|e| ApiError::from_domain(e, lang))?;
    let fmt = ctx.fmt();
    let more = rows.more;
    let events = rows
        .items
        .iter()
        .map(|(e, c, o)| {
            let a = Availability::of(e, *o, now);
            ApiEventSummary {
                id: e.id,
                title: e.title.clone(),
                starts_at: fmt.iso(e.starts_at),
                ends_at: fmt.iso(e.ends_at),
                place: super::view::place_line(&e.venue_name, e.venue_room.as_deref(), &e.town),
                category: c.as_ref().map(|c| c.slug.clone()),
                availability: a.as_str().to_owned(),
                free_seats: match a {
                    Availability::Open { free } => free,
                    _ => e.capacity.map(|_| 0),
                },
                url: ctx.absolute(&event_path(e, None)),
            }
        })
        .collect();
    Ok(Json(ApiEventList { events, more }))
}

async fn detail(ctx: &Ctx<'_>, id: i64, k: Option<&str>) -> ApiResult<EventDetail> {
    let lang = ctx.lang();
    ctx.db
        .run(move |conn| Ok::<_, DomainError>(event::find_detail(conn, id)?))
        .await
        .map_err(|e| ApiError::from_domain(e, lang))?
        .filter(|d| d.reachable_with(k))
        .ok_or_else(|| ApiError::from_domain(DomainError::NotFound, lang))
}

/// One meeting with seats and registration state.
#[utoipa::path(get, path = "/api/v1/events/{id}", tag = "events",
    params(("id" = i64, Path, description = "meeting id"),
        ("k" = Option<String>, Query, description = "the key from an unlisted meeting's link (its `url`); without it an unlisted meeting is 404")),
    responses((status = 200, body = ApiEvent), (status = 400, body = ApiError, description = "the id is no 64-bit whole number"),
        (status = 404, body = ApiError), (status = 503, body = ApiError)))]
#[get("/events/<id>?<k>")]
async fn get_event(ctx: Ctx<'_>, id: i64, k: Option<&str>) -> ApiResult<Json<ApiEvent>> {
    let d = detail(&ctx, id, k).await?;
    Ok(Json(ApiEvent::new(&d, &ctx)))
}

/// A registration request. `consent` must be true: the person agrees to the privacy notice.
/// Each field is checked after trimming; what breaks a rule is answered 422 with a reason
/// per field.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiRegistrationRequest {
    /// Up to 100 characters, no control characters.
    // `Option` so that a missing name is answered 422 at the field, like any other rule;
    // the document says what is accepted: a string, never null
    #[schema(required = true, value_type = String)]
    pub name: Option<String>,
    /// An address that can receive mail, up to 254 characters.
    #[schema(required = true, value_type = String)]
    pub email: Option<String>,
    /// Up to 150 characters.
    pub organisation: Option<String>,
    /// People coming along, 0 up to the meeting's `max_companions`.
    #[serde(default, deserialize_with = "super::json_number::optional")]
    #[schema(minimum = 0, maximum = 20)]
    pub companions: Option<i64>,
    /// Accessibility needs, for example a wheelchair place or sign language; up to 1000 characters.
    pub needs: Option<String>,
    #[schema(required = true, value_type = bool)]
    pub consent: Option<bool>,
    /// The language of mails to this person; default the request's language.
    #[schema(value_type = Option<ApiLanguage>)]
    pub language: Option<String>,
}

/// A language the site speaks.
#[derive(Debug, ToSchema)]
#[allow(dead_code, non_camel_case_types)]
pub enum ApiLanguage {
    de,
    en,
    ar,
    uk,
    tr,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiRegistration {
    /// Secret that names this registration; keep it private.
    pub token: String,
    pub event_id: i64,
    /// The meeting's state: `published`, or `cancelled` (then no registration of it holds,
    /// whatever its `status`; see `event_cancel_reason`).
    pub event_status: String,
    /// Why the meeting was cancelled, as the organisers wrote it.
    pub event_cancel_reason: Option<String>,
    /// The registration's state: `confirmed`; `unconfirmed` (double opt-in: seats held until
    /// the person confirms by the link in the mail, see `confirm_by`); `waiting`; or
    /// `cancelled`.
    pub status: String,
    /// While the person's confirmation is awaited: until when (RFC 3339); without it the
    /// registration lapses then.
    pub confirm_by: Option<String>,
    /// Place on the waiting list (from 1) while waiting.
    pub waiting_position: Option<i64>,
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub companions: i32,
    pub needs: Option<String>,
    pub language: String,
    pub created_at: String,
    /// The page where the person sees and cancels the registration.
    pub manage_url: String,
}

impl ApiRegistration {
    /// `meeting`: the meeting's status and cancel reason.
    fn new(
        r: &Registration,
        position: Option<i64>,
        meeting: (&str, Option<String>),
        ctx: &Ctx<'_>,
    ) -> Self {
        ApiRegistration {
            token: r.token.clone(),
            event_id: r.event_id,
            event_status: meeting.0.to_owned(),
            event_cancel_reason: meeting.1,
            status: r.state().to_owned(),
            confirm_by: r
                .awaits_verification()
                .then_some(r.verify_deadline)
                .flatten()
                .map(|t| ctx.fmt().iso(t)),
            waiting_position: position,
            name: r.name.clone(),
            email: r.email.clone(),
            organisation: r.organisation.clone(),
            companions: r.companions,
            needs: r.needs.clone(),
            language: r.language.clone(),
            created_at: ctx.fmt().iso(r.created_at),
            manage_url: ctx.absolute(&format!("/r/{}", r.token)),
        }
    }
}

fn body_error(e: json::Error<'_>, lang: &str) -> ApiError {
    match e {
        json::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => ApiError::new(
            Status::PayloadTooLarge,
            "too_large",
            i18n::text(lang, "error-413-text"),
        ),
        json::Error::Io(io) => ApiError::new(Status::BadRequest, "bad_request", io.to_string()),
        json::Error::Parse(_, e) => ApiError::new(
            Status::BadRequest,
            "bad_request",
            format!("invalid JSON: {e}"),
        ),
    }
}

/// 400 for a parameter that is not of the documented form, with the reason by name.
fn bad_field(field: &str, reason: &str, lang: &str) -> ApiError {
    ApiError {
        fields: [(field.to_owned(), i18n::text(lang, reason))].into(),
        ..ApiError::new(
            Status::BadRequest,
            "bad_request",
            i18n::text(lang, "error-400-text"),
        )
    }
}

/// Register for a meeting: confirmed while seats are free, else on the waiting list.
#[utoipa::path(post, path = "/api/v1/events/{id}/registrations", tag = "registrations",
    params(("id" = i64, Path, description = "meeting id"),
        ("k" = Option<String>, Query, description = "the key from an unlisted meeting's link; without it an unlisted meeting is 404")),
    request_body = ApiRegistrationRequest,
    responses(
        (status = 201, body = ApiRegistration, description = "registered (see `status`)"),
        (status = 400, body = ApiError, description = "not JSON of this form"),
        (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "duplicate, full or closed"),
        (status = 413, body = ApiError, description = "the body is too large"),
        (status = 422, body = ApiError, description = "fields invalid, see `fields`"),
        (status = 429, body = ApiError, description = "too many registrations from this address or for this meeting; see `Retry-After`"),
        (status = 503, body = ApiError)))]
#[post("/events/<id>/registrations?<k>", data = "<body>")]
async fn create_registration(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    id: i64,
    k: Option<&str>,
    body: Result<Json<ApiRegistrationRequest>, json::Error<'_>>,
) -> ApiResult<(Status, Json<ApiRegistration>)> {
    let lang = ctx.lang();
    let body = body.map_err(|e| body_error(e, lang))?.into_inner();
    gate.check(Action::Register { event_id: id })
        .await
        .map_err(|wait| ApiError::too_many(lang, wait))?;
    let language = match body.language.as_deref() {
        None => lang,
        Some(l) => i18n::SUPPORTED
            .iter()
            .copied()
            .find(|s| *s == l)
            .ok_or_else(|| ApiError {
                fields: [(
                    "language".to_owned(),
                    i18n::text(lang, "error-language-invalid"),
                )]
                .into(),
                ..ApiError::new(
                    Status::UnprocessableEntity,
                    "invalid",
                    i18n::text(lang, "error-summary"),
                )
            })?,
    };
    let input = RegistrationInput {
        name: body.name,
        email: body.email,
        organisation: body.organisation,
        companions: body.companions.map(|c| c.to_string()),
        needs: body.needs,
        consent: body.consent == Some(true),
    };
    let now = ctx.now();
    let key = k.map(str::to_owned);
    let outcome: Outcome = ctx
        .db
        .run_batched(id, move |conn| {
            register(
                conn,
                id,
                &input,
                Origin::online(language, key.as_deref()),
                now,
            )
        })
        .await
        .map_err(|e| ApiError::from_domain(e, lang))?;
    Ok((
        Status::Created,
        // registering succeeds only for a published meeting
        Json(ApiRegistration::new(
            &outcome.registration,
            outcome.position,
            (crate::domain::event::STATUS_PUBLISHED, None),
            &ctx,
        )),
    ))
}

/// The status and cancel reason of a registration's meeting.
fn meeting_state(
    conn: &mut crate::db::DbConn,
    event_id: i64,
) -> Result<(String, Option<String>), DomainError> {
    let e = crate::domain::event::find(conn, event_id)?.ok_or(DomainError::NotFound)?;
    Ok((e.status, e.cancel_reason))
}

/// A registration by its token.
#[utoipa::path(get, path = "/api/v1/registrations/{token}", tag = "registrations",
    params(("token" = String, Path, description = "the registration's secret token")),
    responses((status = 200, body = ApiRegistration), (status = 404, body = ApiError), (status = 503, body = ApiError)))]
#[get("/registrations/<token>")]
async fn get_registration(ctx: Ctx<'_>, token: &str) -> ApiResult<Json<ApiRegistration>> {
    let lang = ctx.lang();
    let token = token.to_owned();
    let (r, position, meeting) = ctx
        .db
        .run(move |conn| {
            let r = registration::find_by_token(conn, &token)?.ok_or(DomainError::NotFound)?;
            let position = registration::waiting_position(conn, &r)?;
            let meeting = meeting_state(conn, r.event_id)?;
            Ok::<_, DomainError>((r, position, meeting))
        })
        .await
        .map_err(|e| ApiError::from_domain(e, lang))?;
    let meeting = (meeting.0.as_str(), meeting.1);
    Ok(Json(ApiRegistration::new(&r, position, meeting, &ctx)))
}

/// Cancel a registration; seats go to the waiting list. Cancelling twice answers the same.
#[utoipa::path(delete, path = "/api/v1/registrations/{token}", tag = "registrations",
    params(("token" = String, Path, description = "the registration's secret token")),
    responses((status = 200, body = ApiRegistration), (status = 404, body = ApiError), (status = 503, body = ApiError)))]
#[delete("/registrations/<token>")]
async fn cancel_registration(ctx: Ctx<'_>, token: &str) -> ApiResult<Json<ApiRegistration>> {
    let lang = ctx.lang();
    let token = token.to_owned();
    let now = ctx.now();
    let (outcome, meeting) = ctx
        .db
        .run(move |conn| {
            let outcome = cancel(conn, &token, now)?;
            let meeting = meeting_state(conn, outcome.registration.event_id)?;
            Ok::<_, DomainError>((outcome, meeting))
        })
        .await
        .map_err(|e| ApiError::from_domain(e, lang))?;
    let meeting = (meeting.0.as_str(), meeting.1);
    Ok(Json(ApiRegistration::new(
        &outcome.registration,
        None,
        meeting,
        &ctx,
    )))
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Treffpunkt API", version = "1", description = "Public meetings and registrations."),
    paths(list_events, get_event, create_registration, get_registration, cancel_registration,
        super::door::api::redeem, super::door::api::manual, super::door::api::undo, super::door::api::search,
        super::door::api::status, super::door::api::walk_in),
    components(schemas(ApiError, ApiEvent, ApiEventList, ApiEventSummary, ApiVenue, ApiContact,
        ApiRegistrationRequest, ApiLanguage, ApiRegistration, super::door::api::RedeemRequest, super::door::api::ManualRequest,
        super::door::api::UndoRequest, super::door::api::WalkInRequest, crate::domain::checkin::Verdict,
        super::door::answer::DoorAnswer, super::door::answer::UndoAnswer, super::door::answer::StatusAnswer,
        crate::domain::checkin::Attendee, crate::domain::checkin::Counters)),
    tags((name = "events"), (name = "registrations"), (name = "check-in"))
)]
pub struct ApiDoc;

#[get("/openapi.json")]
fn openapi() -> (ContentType, String) {
    (
        ContentType::JSON,
        ApiDoc::openapi().to_pretty_json().unwrap_or_default(),
    )
}

#[catch(default)]
fn any(status: Status, req: &Request<'_>) -> super::allow::WithAllow<ApiError> {
    let lang = super::lang::language_of(req);
    let allowed = super::allow::methods_for(req, "/api/v1");
    // A method Rocket does not know at all reaches the catchers as a 400 for a GET.
    if !allowed.is_empty()
        && (status == Status::BadRequest
            || (status == Status::NotFound && !allowed.contains(&req.method())))
    {
        let e = ApiError::new(
            Status::MethodNotAllowed,
            "method_not_allowed",
            i18n::text(lang, "error-405-text"),
        );
        return super::allow::WithAllow(e, allowed);
    }
    // Rocket answers a path or query value that does not parse (an id that is no number,
    // a required parameter left out) with 422, which this API keeps for field rules.
    let status = if status == Status::UnprocessableEntity {
        Status::BadRequest
    } else {
        status
    };
    let (code, key) = match status.code {
        401 => ("unauthorized", "error-401-text"),
        403 => ("forbidden", "error-403-text"),
        404 => ("not_found", "error-404-text"),
        413 => ("too_large", "error-413-text"),
        400 | 415 | 422 => ("bad_request", "error-400-text"),
        503 => ("unavailable", "error-503-text"),
        _ => ("error", "error-other-text"),
    };
    super::allow::WithAllow(
        ApiError::new(status, code, i18n::text(lang, key)),
        Vec::new(),
    )
}

pub fn routes() -> Vec<Route> {
    routes![
        list_events,
        get_event,
        create_registration,
        get_registration,
        cancel_registration,
        openapi
    ]
}

pub fn catchers() -> Vec<Catcher> {
    catchers![any]
}

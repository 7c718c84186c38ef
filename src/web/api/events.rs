//! The meetings of the JSON API v1: the list and one meeting with seats and state.

use rocket::serde::json::Json;
use rocket::{Route, get, routes};
use serde::Serialize;
use utoipa::ToSchema;

use super::{ApiResult, bad_field};
use crate::domain::DomainError;
use crate::domain::availability::Availability;
use crate::domain::event::{self, EventDetail};
use crate::domain::question::Asked;
use crate::web::Ctx;
use crate::web::api_error::ApiError;
use crate::web::questions_view;
use crate::web::view::{self, EventPage, event_path};

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
    /// What the registration asks besides the person's details; answers go into the
    /// registration's `answers` by `id`.
    pub questions: Vec<ApiQuestion>,
    /// How the meeting takes registrations: `online` (here, by this API too), `none` (no
    /// registration needed), `contact` (by phone or e-mail to the contact), `external`
    /// (at `registration_url`). Only `online` takes registrations here.
    pub registration_mode: String,
    pub registration_url: Option<String>,
}

/// A question of the registration, in the request's language where translated.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiQuestion {
    pub id: i64,
    /// `short_text`, `long_text`, `choice`, `choices` (several), `yes_no` or `number`
    /// (a whole number from 0 to 999).
    pub kind: String,
    pub label: String,
    pub help: String,
    pub required: bool,
    /// Health-related (Art. 9 GDPR): answering it needs `health_consent`.
    pub sensitive: bool,
    /// For `choice` and `choices`: send a `value`, show its `label`.
    pub choices: Vec<ApiChoice>,
    /// The language of `label` and `help`.
    pub lang: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiChoice {
    pub value: String,
    pub label: String,
}

impl ApiEvent {
    fn new(d: &EventDetail, asked: Vec<Asked>, ctx: &Ctx<'_>) -> Self {
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
            registration_mode: p.intake.mode,
            registration_url: p.intake.url,
            questions: asked
                .into_iter()
                .map(|q| ApiQuestion {
                    id: q.id,
                    kind: q.kind,
                    label: q.label,
                    help: q.help,
                    required: q.required,
                    sensitive: q.sensitive,
                    choices: q
                        .choices
                        .into_iter()
                        .map(|c| ApiChoice {
                            value: c.value,
                            label: c.label,
                        })
                        .collect(),
                    lang: q.lang,
                })
                .collect(),
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
            .and_then(|n| crate::web::json_number::whole::<i64, serde_json::Error>(&n).ok())
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
                place: view::place_line(&e.venue_name, e.venue_room.as_deref(), &e.town),
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

async fn detail(ctx: &Ctx<'_>, id: i64, k: Option<&str>) -> ApiResult<(EventDetail, Vec<Asked>)> {
    let (lang, content_lang) = (ctx.lang(), ctx.visitor.content_lang);
    ctx.db
        .run(move |conn| {
            let Some(d) = event::find_detail(conn, id)? else {
                return Ok::<_, DomainError>(None);
            };
            let asked = questions_view::asked_of(conn, &d.event, lang, content_lang)?;
            Ok(Some((d, asked)))
        })
        .await
        .map_err(|e| ApiError::from_domain(e, lang))?
        .filter(|(d, _)| d.reachable_with(k))
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
    let (d, asked) = detail(&ctx, id, k).await?;
    Ok(Json(ApiEvent::new(&d, asked, &ctx)))
}

pub(super) fn routes() -> Vec<Route> {
    routes![list_events, get_event]
}

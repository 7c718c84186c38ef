//! The OpenAPI document of the JSON API v1, derived by utoipa from the handlers and types
//! of the meetings, registrations and check-in API, and the route that serves it.

use rocket::http::ContentType;
use rocket::{Route, get, routes};
use utoipa::OpenApi;

use super::events::{ApiContact, ApiEvent, ApiEventList, ApiEventSummary, ApiVenue};
use super::registrations::{ApiLanguage, ApiRegistration, ApiRegistrationRequest};
use crate::web::api_error::ApiError;

#[derive(OpenApi)]
#[openapi(
    info(title = "Treffpunkt API", version = "1", description = "Public meetings and registrations."),
    paths(super::events::list_events, super::events::get_event,
        super::registrations::create_registration, super::registrations::get_registration,
        super::registrations::cancel_registration,
        crate::web::checkin::redeem, crate::web::checkin::manual, crate::web::checkin::undo, crate::web::checkin::search,
        crate::web::checkin::status, crate::web::checkin::walk_in),
    components(schemas(ApiError, ApiEvent, ApiEventList, ApiEventSummary, ApiVenue, ApiContact,
        ApiRegistrationRequest, ApiLanguage, ApiRegistration, crate::web::checkin::RedeemRequest, crate::web::checkin::ManualRequest,
        crate::web::checkin::UndoRequest, crate::web::checkin::WalkInRequest, crate::domain::checkin::Verdict,
        crate::web::checkin::DoorAnswer, crate::web::checkin::UndoAnswer, crate::web::checkin::StatusAnswer,
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

pub(super) fn routes() -> Vec<Route> {
    routes![openapi]
}

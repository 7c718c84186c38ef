//! The OpenAPI document of the JSON API v1, derived by utoipa from the handlers and types
//! of the meetings, registrations, check-in and staff API, and the route that serves it.

use rocket::http::ContentType;
use rocket::{Route, get, routes};
use utoipa::OpenApi;

use super::events::{ApiContact, ApiEvent, ApiEventList, ApiEventSummary, ApiVenue};
use super::registrations::{
    ApiAnswer, ApiAnswerValue, ApiLanguage, ApiRegistration, ApiRegistrationRequest,
};
use crate::web::api_error::ApiError;

#[derive(OpenApi)]
#[openapi(
    info(title = "Treffpunkt API", version = "1", description = "Public meetings and registrations."),
    paths(super::events::list_events, super::events::get_event,
        super::registrations::create_registration, super::registrations::get_registration,
        super::registrations::cancel_registration,
        crate::web::door::api::redeem, crate::web::door::api::manual, crate::web::door::api::undo, crate::web::door::api::search,
        crate::web::door::api::status, crate::web::door::api::walk_in,
        crate::web::staff::api::events, crate::web::staff::api::registrations,
        crate::web::staff::report_api::report_json),
    components(schemas(ApiError, ApiEvent, ApiEventList, ApiEventSummary, ApiVenue, ApiContact,
        ApiRegistrationRequest, ApiLanguage, ApiRegistration, ApiAnswer, ApiAnswerValue,
        super::events::ApiQuestion, super::events::ApiChoice, crate::web::door::api::RedeemRequest, crate::web::door::api::ManualRequest,
        crate::web::door::api::UndoRequest, crate::web::door::api::WalkInRequest, crate::domain::checkin::Verdict,
        crate::web::door::answer::DoorAnswer, crate::web::door::answer::UndoAnswer, crate::web::door::answer::StatusAnswer,
        crate::domain::checkin::Attendee, crate::domain::checkin::Counters,
        crate::web::staff::api::StaffEvent, crate::web::staff::api::StaffEventList,
        crate::web::staff::api::StaffRegistration, crate::web::staff::api::StaffRegistrationList,
        crate::web::staff::api::StaffAnswer,
        crate::web::staff::report_api::ReportFigures, crate::web::staff::report_api::ReportPeriod,
        crate::web::staff::report_api::ReportLanguage, crate::web::staff::report_api::ReportMeeting,
        crate::domain::report::Counts, crate::domain::report::NeedCount, crate::domain::report::Organisation)),
    tags((name = "events"), (name = "registrations"), (name = "check-in"),
        (name = "staff", description = "For organisers' own programs; the back-office session cookie authenticates."))
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

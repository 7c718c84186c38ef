//! JSON API v1: meetings and registrations for other programs, described by the OpenAPI
//! document that utoipa derives from these handlers and types. One file per concern:
//! `events.rs` the meetings, `registrations.rs` registering and cancelling, `openapi.rs`
//! the document; the error answer is `web/api_error.rs`, shared with the check-in API.

mod events;
mod openapi;
mod registrations;

use rocket::http::Status;
use rocket::request::Request;
use rocket::{Catcher, Route, catch, catchers};

use super::api_error::ApiError;
use crate::i18n;

type ApiResult<T> = Result<T, ApiError>;

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
    let mut routes = events::routes();
    routes.extend(registrations::routes());
    routes.extend(openapi::routes());
    routes
}

pub fn catchers() -> Vec<Catcher> {
    catchers![any]
}

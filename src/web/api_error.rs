//! The JSON error answer of the API, shared by the meetings and registrations API
//! (`api.rs`) and the check-in API (`door/api.rs`), so that neither imports the other for it.

use std::collections::BTreeMap;

use rocket::http::{Header, Status};
use rocket::request::Request;
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::DomainError;
use crate::i18n;

/// An error answer: a machine-readable code, a sentence, and per-field reasons.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    /// `invalid`, `duplicate`, `full`, `closed`, `not_found`, `bad_request`, `unavailable`, …
    pub error: String,
    pub message: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    #[serde(skip)]
    pub(super) status: u16,
    #[serde(skip)]
    pub(super) retry_after: Option<u64>,
}

impl ApiError {
    pub(crate) fn new(status: Status, error: &str, message: impl Into<String>) -> Self {
        ApiError {
            error: error.into(),
            message: message.into(),
            fields: BTreeMap::new(),
            status: status.code,
            retry_after: None,
        }
    }

    /// Too many attempts from this address or for this meeting: wait `seconds`.
    pub fn too_many(lang: &str, seconds: u64) -> Self {
        ApiError {
            retry_after: Some(seconds),
            ..ApiError::new(
                Status::TooManyRequests,
                "too_many",
                super::form_gate::Refusal::TooMany(seconds).message(lang),
            )
        }
    }

    pub(crate) fn from_domain(e: DomainError, lang: &str) -> Self {
        match e {
            DomainError::NotFound => ApiError::new(
                Status::NotFound,
                "not_found",
                i18n::text(lang, "error-404-title"),
            ),
            DomainError::Invalid(fields) => ApiError {
                fields: fields
                    .iter()
                    .map(|(f, k)| ((*f).to_owned(), i18n::text(lang, k)))
                    .collect(),
                ..ApiError::new(
                    Status::UnprocessableEntity,
                    "invalid",
                    i18n::text(lang, "error-summary"),
                )
            },
            DomainError::Duplicate => ApiError::new(
                Status::Conflict,
                "duplicate",
                i18n::text(lang, "register-duplicate"),
            ),
            DomainError::Full => {
                ApiError::new(Status::Conflict, "full", i18n::text(lang, "closed-full"))
            }
            DomainError::Closed(key) => {
                ApiError::new(Status::Conflict, "closed", i18n::text(lang, key))
            }
            DomainError::Db(e) => {
                log::error!("api: {e}");
                ApiError::new(
                    Status::ServiceUnavailable,
                    "unavailable",
                    i18n::text(lang, "error-503-text"),
                )
            }
        }
    }
}

impl<'r> Responder<'r, 'static> for ApiError {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let status = Status::from_code(self.status).unwrap_or(Status::InternalServerError);
        let retry = match self.retry_after {
            Some(seconds) => Some(seconds),
            None => (status == Status::ServiceUnavailable).then_some(5),
        };
        let mut res = (status, Json(self)).respond_to(req)?;
        if let Some(seconds) = retry {
            res.set_header(Header::new("Retry-After", seconds.to_string()));
        }
        Ok(res)
    }
}

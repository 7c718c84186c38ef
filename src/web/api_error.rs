//! The JSON error answer of the API, shared by the meetings and registrations API
//! (`api.rs`) and the check-in API (`door/api.rs`), so that neither imports the other for it.

use std::collections::BTreeMap;

use rocket::http::{Header, Status};
use rocket::request::Request;
use rocket::response::{self, Responder};
use rocket::serde::json::Json;
use serde::Serialize;
use utoipa::ToSchema;

use super::policy::Refusal;
use crate::db::DbError;
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

    /// A domain error as JSON, by the policy (`policy.rs`).
    pub(crate) fn from_domain(e: DomainError, lang: &str) -> Self {
        ApiError::refused(super::policy::refusal_of(e), lang)
    }

    /// A refusal of the policy as JSON, or 503 for the database's failure.
    pub(crate) fn refused(refusal: Result<Refusal, DbError>, lang: &str) -> Self {
        match refusal {
            Ok(r) => ApiError {
                fields: r
                    .fields
                    .iter()
                    .map(|(f, k)| ((*f).to_owned(), i18n::text(lang, k)))
                    .collect(),
                ..ApiError::new(r.status, r.code, i18n::text(lang, r.key))
            },
            Err(e) => ApiError::unavailable(lang, &e),
        }
    }

    /// The database failed: logged here, 503 with `Retry-After` for the client.
    pub(crate) fn unavailable(lang: &str, why: &dyn std::fmt::Display) -> Self {
        log::error!("api: {why}");
        ApiError::new(
            Status::ServiceUnavailable,
            "unavailable",
            i18n::text(lang, "error-503-text"),
        )
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

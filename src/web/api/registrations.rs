//! The registrations of the JSON API v1: register for a meeting, look a registration up by
//! its token, cancel it.

use rocket::http::Status;
use rocket::serde::json::{self, Json};
use rocket::{Route, delete, get, post, routes};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiResult;
use crate::domain::DomainError;
use crate::domain::question::Answered;
use crate::domain::register::{Origin, Outcome, cancel, register};
use crate::domain::registration::{self, Registration};
use crate::domain::validate::RegistrationInput;
use crate::i18n;
use crate::web::Ctx;
use crate::web::abuse::Action;
use crate::web::api_error::ApiError;
use crate::web::form_gate::Gate;
use std::collections::BTreeMap;

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
    #[serde(default, deserialize_with = "crate::web::json_number::optional")]
    #[schema(minimum = 0, maximum = 20)]
    pub companions: Option<i64>,
    /// Accessibility needs, for example a wheelchair place or sign language; up to 1000 characters.
    pub needs: Option<String>,
    #[schema(required = true, value_type = bool)]
    pub consent: Option<bool>,
    /// The language of mails to this person; default the request's language.
    #[schema(value_type = Option<ApiLanguage>)]
    pub language: Option<String>,
    /// Answers to the meeting's `questions` (see the meeting), by question id: text, a
    /// whole number, `true`/`false` for yes/no, or a list for several choices. A reason per
    /// question comes back in `fields` as `q<id>`.
    #[schema(value_type = Option<BTreeMap<String, ApiAnswerValue>>)]
    pub answers: Option<BTreeMap<String, AnswerSent>>,
    /// Consent to the processing of health-related answers (Art. 9 GDPR); required when a
    /// question marked `sensitive` is answered.
    pub health_consent: Option<bool>,
}

/// One answer as sent: text, a whole number, `true`/`false`, or a list of texts.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub enum ApiAnswerValue {
    Flag(bool),
    Number(i64),
    Text(String),
    Several(Vec<String>),
}

/// Any JSON value is taken here and judged by the question's rules, so that a value of the
/// wrong kind is answered 422 at its question like any other, never 400 for the body.
#[derive(Debug)]
pub struct AnswerSent(serde_json::Value);

impl<'de> Deserialize<'de> for AnswerSent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(d).map(AnswerSent)
    }
}

impl AnswerSent {
    fn into_values(self) -> Vec<String> {
        use serde_json::Value;
        let one = |v: &Value| match v {
            Value::Bool(true) => "yes".to_owned(),
            Value::Bool(false) => "no".to_owned(),
            Value::String(s) => s.clone(),
            // a number, or what no question takes: its text fails the question's rule
            other => other.to_string(),
        };
        match &self.0 {
            Value::Null => Vec::new(),
            Value::Array(items) => items.iter().map(one).collect(),
            v => vec![one(v)],
        }
    }
}

/// One answer of a registration, in the reader's language.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiAnswer {
    pub question_id: i64,
    pub label: String,
    pub value: String,
    /// The question was taken off the form after this answer was given.
    pub removed: bool,
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
    fa,
    ru,
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
    pub answers: Vec<ApiAnswer>,
}

impl ApiRegistration {
    /// `meeting`: the meeting's status and cancel reason.
    fn new(
        r: &Registration,
        position: Option<i64>,
        (meeting, answers): ((&str, Option<String>), Vec<Answered>),
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
            answers: answers
                .into_iter()
                .map(|a| ApiAnswer {
                    question_id: a.question_id,
                    label: a.label,
                    value: a.value,
                    removed: a.removed,
                })
                .collect(),
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
        // keys that are no question id are nobody's answer
        answers: body
            .answers
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(k, v)| Some((k.parse().ok()?, v.into_values())))
            .collect(),
        health_consent: body.health_consent == Some(true),
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
    let r = outcome.registration.clone();
    // without answers there is nothing to read back: no second trip to the database
    let answers = match outcome.answered {
        false => Vec::new(),
        true => ctx
            .db
            .run(move |conn| answers_of(conn, &r, lang))
            .await
            .map_err(|e| ApiError::from_domain(e, lang))?,
    };
    Ok((
        Status::Created,
        // registering succeeds only for a published meeting
        Json(ApiRegistration::new(
            &outcome.registration,
            outcome.position,
            ((crate::domain::event::STATUS_PUBLISHED, None), answers),
            &ctx,
        )),
    ))
}

/// A registration's answers in `lang` (the token's holder is the person: all of them).
fn answers_of(
    conn: &mut crate::db::DbConn,
    r: &Registration,
    lang: &str,
) -> Result<Vec<Answered>, DomainError> {
    let e = crate::domain::event::find(conn, r.event_id)?.ok_or(DomainError::NotFound)?;
    Ok(crate::domain::question::answered(
        conn, &e, r.id, lang, true,
    )?)
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
            let answers = answers_of(conn, &r, lang)?;
            Ok::<_, DomainError>((r, position, (meeting, answers)))
        })
        .await
        .map_err(|e| ApiError::from_domain(e, lang))?;
    let (meeting, answers) = meeting;
    let meeting = (meeting.0.as_str(), meeting.1);
    Ok(Json(ApiRegistration::new(
        &r,
        position,
        (meeting, answers),
        &ctx,
    )))
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
            let e = crate::domain::event::find(conn, outcome.registration.event_id)?
                .ok_or(DomainError::NotFound)?;
            let answers =
                crate::domain::question::answered(conn, &e, outcome.registration.id, lang, true)?;
            Ok::<_, DomainError>((outcome, ((e.status, e.cancel_reason), answers)))
        })
        .await
        .map_err(|e| ApiError::from_domain(e, lang))?;
    let (meeting, answers) = meeting;
    let meeting = (meeting.0.as_str(), meeting.1);
    Ok(Json(ApiRegistration::new(
        &outcome.registration,
        None,
        (meeting, answers),
        &ctx,
    )))
}

pub(super) fn routes() -> Vec<Route> {
    routes![create_registration, get_registration, cancel_registration]
}

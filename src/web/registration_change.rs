//! The person changes their own registration on its page (`/r/<token>`): companions, the
//! answers to the meeting's questions and the language of their mails, with the seat rule of `domain::change`. When added seats are not
//! free the page says so at the field and offers the waiting list as a second, explicit
//! button; nothing is changed until the person chooses it.

use std::collections::HashMap;

use rocket::form::{Form, FromForm, Lenient};
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, post, routes};

use super::errors::PageError;
use super::{Ctx, PageWithStatus, policy};
use crate::domain::FieldErrors;
use crate::domain::change::{self, Fields, SEATS_NOT_FREE};
use crate::domain::event::Event;
use crate::domain::question::{AnswerInput, Asked};
use crate::domain::registration::Registration;
use crate::i18n;
use crate::web::questions_view;

/// The change form on the person's page: as stored, or as typed with the refusal.
#[derive(Debug, Default)]
pub struct ChangeView {
    companions: String,
    language: String,
    /// The meeting's questions in the reader's language, and the answers as on the form.
    asked: Vec<Asked>,
    answers: AnswerInput,
    health_consent: bool,
    errors: FieldErrors,
    /// After a change: `yes`, `waiting` or `none`.
    done: Option<&'static str>,
}

impl ChangeView {
    pub async fn fresh(
        ctx: &Ctx<'_>,
        event: &Event,
        r: &Registration,
        done: Option<&str>,
    ) -> Result<ChangeView, PageError> {
        let (asked, answers) = questions_view::asked_and_answers_of(ctx, event, r.id).await?;
        Ok(ChangeView {
            companions: r.companions.to_string(),
            language: r.language.clone(),
            asked,
            answers,
            health_consent: false,
            errors: FieldErrors::new(),
            done: match done {
                Some("yes") => Some("change-done"),
                Some("waiting") => Some("change-done-waiting"),
                Some("none") => Some("change-unchanged"),
                _ => None,
            },
        })
    }

    pub fn into_json(self, lang: &str, max_companions: i32) -> serde_json::Value {
        let errors: serde_json::Map<String, serde_json::Value> = self
            .errors
            .iter()
            .map(|(f, k)| ((*f).to_owned(), json!(i18n::text(lang, k))))
            .collect();
        let questions = questions_view::form_fields(&self.asked, &self.answers, &errors);
        json!({
            "companions": self.companions, "language": self.language,
            "questions": questions, "asks_sensitive": questions_view::asks_sensitive(&self.asked),
            "health_consent": self.health_consent,
            "offer_waitlist": self.errors.get("companions") == Some(&SEATS_NOT_FREE),
            "errors": errors, "max_companions": max_companions.max(0),
            "done": self.done.map(|k| i18n::text(lang, k)),
        })
    }
}

#[derive(Debug, FromForm)]
struct ChangeForm {
    companions: Option<String>,
    language: Option<String>,
    /// The second button, shown only after "no seats free": the person agrees to wait.
    waitlist: Option<String>,
    /// Present when the form showed the meeting's questions: `a` then holds every answer.
    answers: Option<String>,
    /// Answers to the meeting's questions, as on the registration form.
    a: HashMap<String, Vec<String>>,
    health_consent: Option<String>,
}

#[post("/r/<token>/change", data = "<form>")]
async fn submit(
    ctx: Ctx<'_>,
    token: &str,
    form: Form<Lenient<ChangeForm>>,
) -> Result<Either<Redirect, PageWithStatus>, PageError> {
    let f = form.into_inner().into_inner();
    let typed = Fields {
        // a field not sent keeps its value; an empty one means none, as when registering
        companions: f.companions.clone(),
        language: f.language.clone(),
        // an answer left out of a form that showed the questions is taken away
        answers: f.answers.is_some().then(|| {
            f.a.iter()
                .filter_map(|(k, v)| Some((k.parse().ok()?, v.clone())))
                .collect()
        }),
        health_consent: f.health_consent.as_deref().is_some_and(|c| !c.is_empty()),
        ..Fields::default()
    };
    let join = f.waitlist.is_some_and(|w| !w.is_empty());
    let (t, attempt, now) = (token.to_owned(), typed.clone(), ctx.now());
    let result = ctx
        .db
        .page(move |conn| Ok(change::change_own(conn, &t, &attempt, join, now)))
        .await?;
    let (status, errors) = match result {
        Ok(c) => {
            let done = match () {
                _ if c.what.is_empty() => "none",
                _ if c.registration.is_waiting() => "waiting",
                _ => "yes",
            };
            let to = format!("/r/{}?changed={done}#change", c.registration.token);
            return Ok(Either::Left(Redirect::to(to)));
        }
        Err(e) => {
            let refusal = policy::refusal_of(e)?;
            if refusal.status == Status::NotFound {
                return Err(PageError::NotFound);
            }
            let fields = match refusal.fields.is_empty() {
                true => [("companions", refusal.key)].into_iter().collect(),
                false => refusal.fields,
            };
            (refusal.status, fields)
        }
    };
    let (r, position, detail) = super::registration::load(&ctx, token).await?;
    let (asked, stored) = questions_view::asked_and_answers_of(&ctx, &detail.event, r.id).await?;
    let view = ChangeView {
        companions: f.companions.unwrap_or_else(|| r.companions.to_string()),
        language: f.language.unwrap_or_else(|| r.language.clone()),
        asked,
        answers: typed.answers.unwrap_or(stored),
        health_consent: typed.health_consent,
        errors,
        done: None,
    };
    let answers = super::registration::answers_of(&ctx, &r, &detail).await?;
    let extras = super::registration::own_extras(&ctx, &r, &detail).await?;
    let page = super::registration::manage_page(
        &ctx,
        (&r, &answers, extras),
        position,
        &detail,
        false,
        view,
    );
    Ok(Either::Right((status, page)))
}

pub fn routes() -> Vec<Route> {
    routes![submit]
}

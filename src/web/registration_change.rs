//! The person changes their own registration on its page (`/r/<token>`): companions and the
//! language of their mails, with the seat rule of `domain::change`. When added seats are not
//! free the page says so at the field and offers the waiting list as a second, explicit
//! button; nothing is changed until the person chooses it.

use rocket::form::{Form, FromForm, Lenient};
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, post, routes};

use super::errors::PageError;
use super::{Ctx, PageWithStatus, policy};
use crate::domain::FieldErrors;
use crate::domain::change::{self, Fields, SEATS_NOT_FREE};
use crate::domain::registration::Registration;
use crate::i18n;

/// The change form on the person's page: as stored, or as typed with the refusal.
#[derive(Debug, Default)]
pub struct ChangeView {
    companions: String,
    language: String,
    errors: FieldErrors,
    /// After a change: `yes`, `waiting` or `none`.
    done: Option<&'static str>,
}

impl ChangeView {
    pub fn fresh(r: &Registration, done: Option<&str>) -> ChangeView {
        ChangeView {
            companions: r.companions.to_string(),
            language: r.language.clone(),
            errors: FieldErrors::new(),
            done: match done {
                Some("yes") => Some("change-done"),
                Some("waiting") => Some("change-done-waiting"),
                Some("none") => Some("change-unchanged"),
                _ => None,
            },
        }
    }

    pub fn into_json(self, lang: &str, max_companions: i32) -> serde_json::Value {
        let errors: serde_json::Map<String, serde_json::Value> = self
            .errors
            .iter()
            .map(|(f, k)| ((*f).to_owned(), json!(i18n::text(lang, k))))
            .collect();
        json!({
            "companions": self.companions, "language": self.language,
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
    // answers to the meeting's questions join here once meetings have questions
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
    let view = ChangeView {
        companions: f.companions.unwrap_or_else(|| r.companions.to_string()),
        language: f.language.unwrap_or_else(|| r.language.clone()),
        errors,
        done: None,
    };
    let answers = super::registration::answers_of(&ctx, &r, &detail).await?;
    let page =
        super::registration::manage_page(&ctx, (&r, &answers), position, &detail, false, view);
    Ok(Either::Right((status, page)))
}

pub fn routes() -> Vec<Route> {
    routes![submit]
}

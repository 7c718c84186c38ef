//! Registering with the meeting's form, and sending the management link again from the same
//! page. What the person does afterwards on their own page is in `registration.rs`.

use std::collections::HashMap;

use rocket::form::{Form, FromForm, Lenient};
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Route, State, post, routes};

use super::abuse::Action;
use super::after::Deferred;
use super::errors::PageError;
use super::form_gate::{FormAnswer, Gate, Refusal};
use super::policy;
use super::questions_view;
use super::view::{EventPage, event_path};
use super::{Ctx, PageWithStatus, render};
use crate::domain::event::{self, EventDetail};
use crate::domain::question::Asked;
use crate::domain::register::{Origin, register};
use crate::domain::registration;
use crate::domain::validate::{RegistrationInput, is_deliverable_email};
use crate::domain::{DomainError, FieldErrors};
use crate::domain::{outbox, request_mail};
use crate::i18n;

/// The registration form as posted; every field optional so parsing never fails.
#[derive(Debug, Default, FromForm)]
pub struct RegisterForm {
    name: Option<String>,
    email: Option<String>,
    organisation: Option<String>,
    companions: Option<String>,
    needs: Option<String>,
    consent: Option<String>,
    /// Answers to the meeting's questions: `a[<question id>]`, repeated for several choices.
    a: HashMap<String, Vec<String>>,
    health_consent: Option<String>,
    /// The honeypot: hidden from people, filled in by form-spamming programs.
    website: Option<String>,
    /// When the form was shown (see `form_gate::form_stamp`).
    started: Option<String>,
}

impl From<RegisterForm> for RegistrationInput {
    fn from(f: RegisterForm) -> Self {
        RegistrationInput {
            name: f.name,
            email: f.email,
            organisation: f.organisation,
            companions: f.companions,
            needs: f.needs,
            consent: f.consent.is_some_and(|c| !c.is_empty()),
            // keys that are no question id are nobody's answer
            answers: f
                .a
                .into_iter()
                .filter_map(|(k, v)| Some((k.parse().ok()?, v)))
                .collect(),
            health_consent: f.health_consent.is_some_and(|c| !c.is_empty()),
        }
    }
}

/// The form's fields from top to bottom: the error summary lists problems in the order a
/// visitor meets the fields, not alphabetically.
const FORM_ORDER: &[&str] = &["name", "email", "organisation", "companions", "needs"];
/// The meeting's questions come between the fields above and the consents.
const CONSENTS: &[&str] = &["health_consent", "consent"];

/// Re-shows the meeting page with the visitor's input and what is wrong with it.
#[allow(clippy::too_many_arguments)]
fn form_again(
    ctx: &Ctx<'_>,
    gate: &Gate<'_>,
    (detail, asked, extras): (&EventDetail, &[Asked], &serde_json::Value),
    input: &RegistrationInput,
    status: Status,
    errors: &FieldErrors,
    notice: Option<String>,
    duplicate: bool,
) -> PageWithStatus {
    let lang = ctx.lang();
    // the fixed fields, the questions after the needs, the consents last
    let order: Vec<&str> = FORM_ORDER
        .iter()
        .copied()
        .chain(questions_view::field_order(asked))
        .chain(CONSENTS.iter().copied())
        .collect();
    let rank = |f: &str| order.iter().position(|o| *o == f).unwrap_or(usize::MAX);
    // each message translated once: beside its field, and in the summary in form order
    let mut in_order: Vec<(&str, String)> = errors
        .iter()
        .map(|(field, key)| (*field, i18n::text(lang, key)))
        .collect();
    in_order.sort_by_key(|(field, _)| rank(field));
    let errors: serde_json::Map<String, serde_json::Value> = in_order
        .iter()
        .map(|(field, message)| ((*field).to_owned(), json!(message)))
        .collect();
    let error_list: Vec<_> = in_order
        .into_iter()
        .map(|(field, message)| json!({ "field": field, "message": message }))
        .collect();
    let page = EventPage::new(detail, &ctx.fmt(), ctx.now());
    (
        status,
        render(
            "event",
            &ctx.visitor,
            json!({
                "event": page,
                "form": input,
                "questions": questions_view::form_fields(asked, &input.answers, &errors),
                "asks_sensitive": questions_view::asks_sensitive(asked),
                "errors": errors,
                "error_list": error_list,
                "notice": notice,
                "calendar": super::view::calendar_links(&ctx.settings.public_url, detail),
                "duplicate": duplicate,
                "agenda": extras["agenda"], "documents": extras["documents"],
                "stamp": gate.stamp(ctx.now()),
            }),
        ),
    )
}

/// The form of meeting `id` again, with the input kept and what turned it away.
async fn refused(
    ctx: &Ctx<'_>,
    gate: &Gate<'_>,
    (id, k): (i64, Option<&str>),
    input: &RegistrationInput,
    refusal: Refusal,
    duplicate: bool,
) -> Result<FormAnswer, PageError> {
    let (lang, content_lang) = (ctx.lang(), ctx.visitor.content_lang);
    let (detail, asked, extras) = ctx
        .db
        .page(move |conn| {
            let Some(d) = event::find_detail(conn, id)? else {
                return Ok(None);
            };
            let asked = questions_view::asked_of(conn, &d.event, lang, content_lang)?;
            let extras = super::agenda_view::public_part(conn, &d)?;
            Ok(Some((d, asked, extras)))
        })
        .await?
        .filter(|(d, _, _)| d.reachable_with(k))
        .ok_or(PageError::NotFound)?;
    let notice = refusal.message(ctx.lang());
    let (_, page) = form_again(
        ctx,
        gate,
        (&detail, &asked, &extras),
        input,
        Status::UnprocessableEntity,
        &FieldErrors::new(),
        Some(notice),
        duplicate,
    );
    Ok(refusal.answer(page))
}

/// `k` is the key of an unlisted meeting's link, which its form's address carries.
#[post("/events/<id>/register?<k>", data = "<form>")]
async fn submit(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    id: i64,
    k: Option<&str>,
    form: Form<Lenient<RegisterForm>>,
) -> Result<FormAnswer, PageError> {
    let mut form = form.into_inner().into_inner();
    let now = ctx.now();
    let admitted = gate
        .admit(
            form.website.take().as_deref(),
            form.started.take().as_deref(),
            now,
            Action::Register { event_id: id },
        )
        .await;
    let input: RegistrationInput = form.into();
    if let Err(refusal) = admitted {
        return refused(&ctx, &gate, (id, k), &input, refusal, false).await;
    }
    let (lang, content_lang) = (ctx.lang(), ctx.visitor.content_lang);
    let attempt = input.clone();
    let key = k.map(str::to_owned);
    let (result, detail) = ctx
        .db
        .run_batched(id, move |conn| -> Result<_, PageError> {
            let origin = Origin::online(lang, key.as_deref());
            let result = register(conn, id, &attempt, origin, now);
            // The page is shown again on refusal: read the meeting as it is now.
            let detail = match &result {
                Ok(_) => None,
                Err(_) => match event::find_detail(conn, id)? {
                    Some(d) => {
                        let asked = questions_view::asked_of(conn, &d.event, lang, content_lang)?;
                        let extras = super::agenda_view::public_part(conn, &d)?;
                        Some((d, asked, extras))
                    }
                    None => None,
                },
            };
            Ok((result, detail))
        })
        .await?;
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(e) => {
            let duplicate = matches!(e, DomainError::Duplicate);
            let refusal = policy::refusal_of(e)?;
            let (detail, asked, extras) = detail
                .filter(|(d, _, _)| d.reachable_with(k) && refusal.status != Status::NotFound)
                .ok_or(PageError::NotFound)?;
            // a field's sentence stands at the field; any other above the form
            let notice = (refusal.fields.is_empty()).then(|| i18n::text(ctx.lang(), refusal.key));
            return Ok(FormAnswer::Again(form_again(
                &ctx,
                &gate,
                (&detail, &asked, &extras),
                &input,
                refusal.status,
                &refusal.fields,
                notice,
                duplicate,
            )));
        }
    };
    Ok(FormAnswer::Done(Redirect::to(format!(
        "/r/{}?new=1",
        outcome.registration.token
    ))))
}

#[derive(Debug, FromForm)]
struct ResendForm {
    email: Option<String>,
    website: Option<String>,
    started: Option<String>,
}

/// Sends the management link again to an address registered for the meeting. The answer
/// is the same whether or not the address is registered, so it reveals nobody: it is made
/// before the address is looked up, which happens afterwards (`after::Deferred`), so not
/// even the time taken differs. An address gets at most one such mail per meeting within
/// `request_mail_minutes`, however often and from wherever it is asked for.
#[post("/events/<id>/resend?<k>", data = "<form>")]
async fn resend(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    deferred: &State<Deferred>,
    id: i64,
    k: Option<&str>,
    form: Form<Lenient<ResendForm>>,
) -> Result<FormAnswer, PageError> {
    let form = form.into_inner().into_inner();
    let email = form.email.unwrap_or_default().trim().to_owned();
    let now = ctx.now();
    let typed = RegistrationInput {
        email: Some(email.clone()),
        ..Default::default()
    };
    let admitted = gate
        .admit_request(form.website.as_deref(), form.started.as_deref())
        .await;
    if let Err(refusal) = admitted {
        return refused(&ctx, &gate, (id, k), &typed, refusal, true).await;
    }
    let valid = is_deliverable_email(&email);
    let (lang, content_lang) = (ctx.lang(), ctx.visitor.content_lang);
    let (detail, asked, extras) = {
        let key = k.map(str::to_owned);
        ctx.db
            .page(move |conn| {
                let Some(d) = event::find_detail(conn, id)? else {
                    return Ok(None);
                };
                let asked = questions_view::asked_of(conn, &d.event, lang, content_lang)?;
                let extras = super::agenda_view::public_part(conn, &d)?;
                Ok(Some((d, asked, extras)).filter(|(d, _, _)| d.reachable_with(key.as_deref())))
            })
            .await?
    }
    .ok_or(PageError::NotFound)?;
    if !valid {
        let errors: FieldErrors = [("resend_email", "error-email-invalid")]
            .into_iter()
            .collect();
        return Ok(FormAnswer::Again(form_again(
            &ctx,
            &gate,
            (&detail, &asked, &extras),
            &typed,
            Status::UnprocessableEntity,
            &errors,
            None,
            true,
        )));
    }
    let page = render(
        "resent",
        &ctx.visitor,
        json!({ "email": email, "event_path": event_path(&detail.event, detail.access_key.as_deref()), "event_title": detail.event.title }),
    );
    let window = chrono::Duration::minutes(i64::from(ctx.settings.request_mail_minutes));
    deferred.spawn(ctx.db, "resend", move |conn| {
        if let Some(r) = registration::find_active_by_email(conn, id, &email)?
            && request_mail::claim(
                conn,
                &r.email_key,
                &format!("{}:{id}", outbox::MANAGEMENT_LINK),
                now,
                window,
            )?
        {
            outbox::management_link(conn, &r, now)?;
        }
        Ok(())
    });
    Ok(FormAnswer::Page(page))
}

pub fn routes() -> Vec<Route> {
    routes![submit, resend]
}

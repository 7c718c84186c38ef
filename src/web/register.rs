//! Registering with the form, the confirmation and management page, cancelling, and
//! resending the management link.

use rocket::Either;
use rocket::form::{Form, FromForm, Lenient};
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;

use super::abuse::{Action, FormAnswer, Gate, Refusal};
use super::after::Deferred;
use super::errors::PageError;
use super::view::{EventPage, RegistrationView, event_path};
use super::{Ctx, PageWithStatus, render};
use crate::domain::event::{self, EventDetail};
use crate::domain::register::{Origin, cancel, register, verify};
use crate::domain::registration::{self, Registration};
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
    /// The honeypot: hidden from people, filled in by form-spamming programs.
    website: Option<String>,
    /// When the form was shown (see `abuse::form_stamp`).
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
        }
    }
}

/// The form's fields from top to bottom: the error summary lists problems in the order a
/// visitor meets the fields, not alphabetically.
const FORM_ORDER: &[&str] = &[
    "name",
    "email",
    "organisation",
    "companions",
    "needs",
    "consent",
];

/// Re-shows the meeting page with the visitor's input and what is wrong with it.
#[allow(clippy::too_many_arguments)]
fn form_again(
    ctx: &Ctx<'_>,
    gate: &Gate<'_>,
    detail: &EventDetail,
    input: &RegistrationInput,
    status: Status,
    errors: &FieldErrors,
    notice: Option<String>,
    duplicate: bool,
) -> PageWithStatus {
    let lang = ctx.lang();
    let rank = |f: &str| {
        FORM_ORDER
            .iter()
            .position(|o| *o == f)
            .unwrap_or(usize::MAX)
    };
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
                "errors": errors,
                "error_list": error_list,
                "notice": notice,
                "calendar": super::view::calendar_links(&ctx.settings.public_url, detail),
                "duplicate": duplicate,
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
    let detail = ctx
        .db
        .run(move |conn| Ok::<_, PageError>(event::find_detail(conn, id)?))
        .await?
        .filter(|d| d.reachable_with(k))
        .ok_or(PageError::NotFound)?;
    let notice = refusal.message(ctx.lang());
    let (_, page) = form_again(
        ctx,
        gate,
        &detail,
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
    let lang = ctx.lang();
    let attempt = input.clone();
    let key = k.map(str::to_owned);
    let (result, detail) = ctx
        .db
        .run_batched(id, move |conn| {
            let origin = Origin::online(lang, key.as_deref());
            let result = register(conn, id, &attempt, origin, now);
            // The page is shown again on refusal: read the meeting as it is now.
            let detail = match &result {
                Ok(_) => None,
                Err(_) => event::find_detail(conn, id)?,
            };
            Ok::<_, PageError>((result, detail))
        })
        .await?;
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(DomainError::Db(e)) => return Err(e.into()),
        Err(DomainError::NotFound) => return Err(PageError::NotFound),
        Err(refusal) => {
            let detail = detail
                .filter(|d| d.reachable_with(k))
                .ok_or(PageError::NotFound)?;
            let none = FieldErrors::new();
            let again = |status, errors: &FieldErrors, notice: Option<&str>, duplicate| {
                let notice = notice.map(|k| i18n::text(ctx.lang(), k));
                form_again(
                    &ctx, &gate, &detail, &input, status, errors, notice, duplicate,
                )
            };
            let page = match refusal {
                DomainError::Invalid(errors) => {
                    again(Status::UnprocessableEntity, &errors, None, false)
                }
                DomainError::Duplicate => {
                    again(Status::Conflict, &none, Some("register-duplicate"), true)
                }
                DomainError::Full => again(Status::Conflict, &none, Some("closed-full"), false),
                DomainError::Closed(key) => again(Status::Conflict, &none, Some(key), false),
                DomainError::NotFound | DomainError::Db(_) => unreachable!("handled above"),
            };
            return Ok(FormAnswer::Again(page));
        }
    };
    Ok(FormAnswer::Done(Redirect::to(format!(
        "/r/{}?new=1",
        outcome.registration.token
    ))))
}

/// A registration with its meeting, or 404 for unknown tokens.
async fn load(
    ctx: &Ctx<'_>,
    token: &str,
) -> Result<(Registration, Option<i64>, EventDetail), PageError> {
    let token = token.to_owned();
    ctx.db
        .run(move |conn| {
            let Some(r) = registration::find_by_token(conn, &token)? else {
                return Ok(None);
            };
            let position = registration::waiting_position(conn, &r)?;
            let detail = event::find_detail(conn, r.event_id)?;
            Ok::<_, PageError>(detail.map(|d| (r, position, d)))
        })
        .await?
        .ok_or(PageError::NotFound)
}

/// Confirmation (right after registering) and management page in one.
#[get("/r/<token>?<new>")]
async fn manage(ctx: Ctx<'_>, token: &str, new: Option<&str>) -> Result<Template, PageError> {
    let (r, position, detail) = load(&ctx, token).await?;
    let fmt = ctx.fmt();
    let event = EventPage::new(&detail, &fmt, ctx.now());
    // A cancelled meeting leaves nothing to cancel: the page says so first and only.
    let can_cancel =
        !r.is_cancelled() && !detail.event.is_cancelled() && ctx.now() < detail.event.starts_at;
    Ok(render(
        "registration",
        &ctx.visitor,
        json!({
            "registration": RegistrationView::new(&r, position, &fmt),
            "event": event,
            "just_registered": new.is_some(),
            "can_cancel": can_cancel,
            // the switch for optional mails only where there is one to stop or start again
            "reminders": detail.event.reminder_hours.is_some(),
            "manage_url": ctx.absolute(&format!("/r/{}", r.token)),
        }),
    ))
}

/// The confirmation step before cancelling.
#[get("/r/<token>/cancel")]
async fn cancel_confirm(
    ctx: Ctx<'_>,
    token: &str,
) -> Result<Either<Template, Redirect>, PageError> {
    let (r, position, detail) = load(&ctx, token).await?;
    if r.is_cancelled() {
        return Ok(Either::Right(Redirect::to(format!("/r/{}", r.token))));
    }
    let fmt = ctx.fmt();
    Ok(Either::Left(render(
        "cancel",
        &ctx.visitor,
        json!({
            "registration": RegistrationView::new(&r, position, &fmt),
            "event": EventPage::new(&detail, &fmt, ctx.now()),
        }),
    )))
}

#[post("/r/<token>/cancel")]
async fn cancel_submit(ctx: Ctx<'_>, token: &str) -> Result<Redirect, PageError> {
    let token = token.to_owned();
    let now = ctx.now();
    let outcome = ctx
        .db
        .run(move |conn| Ok::<_, PageError>(cancel(conn, &token, now)))
        .await?;
    match outcome {
        Ok(o) => Ok(Redirect::to(format!("/r/{}", o.registration.token))),
        Err(DomainError::Db(e)) => Err(e.into()),
        Err(_) => Err(PageError::NotFound),
    }
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
    let detail = {
        let key = k.map(str::to_owned);
        ctx.db
            .run(move |conn| {
                Ok::<_, PageError>(
                    event::find_detail(conn, id)?.filter(|d| d.reachable_with(key.as_deref())),
                )
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
            &detail,
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

/// The link from the double opt-in mail: a button, so that mail scanners that open links
/// do not confirm on the person's behalf.
#[get("/r/<token>/verify")]
async fn verify_page(ctx: Ctx<'_>, token: &str) -> Result<Template, PageError> {
    let (r, _, detail) = load(&ctx, token).await?;
    let fmt = ctx.fmt();
    Ok(render(
        "verify",
        &ctx.visitor,
        json!({ "token": r.token, "pending": r.awaits_verification(), "cancelled": r.is_cancelled(),
                "event": EventPage::new(&detail, &fmt, ctx.now()) }),
    ))
}

#[post("/r/<token>/verify")]
async fn verify_submit(
    ctx: Ctx<'_>,
    token: &str,
) -> Result<Either<Redirect, PageWithStatus>, PageError> {
    let t = token.to_owned();
    let now = ctx.now();
    let result = ctx
        .db
        .run(move |conn| Ok::<_, PageError>(verify(conn, &t, now)))
        .await?;
    match result {
        Ok(r) => Ok(Either::Left(Redirect::to(format!("/r/{}?new=1", r.token)))),
        Err(DomainError::Closed(key)) => {
            let (r, _, detail) = load(&ctx, token).await?;
            let page = render(
                "verify",
                &ctx.visitor,
                json!({ "token": r.token, "pending": false, "cancelled": true, "message": i18n::text(ctx.lang(), key),
                        "event": EventPage::new(&detail, &ctx.fmt(), ctx.now()) }),
            );
            Ok(Either::Right((Status::Conflict, page)))
        }
        Err(DomainError::Db(e)) => Err(e.into()),
        Err(_) => Err(PageError::NotFound),
    }
}

/// Turns the optional mails of a registration off or on; the registration stays as it is.
async fn set_optional_mail(ctx: &Ctx<'_>, token: &str, wanted: bool) -> Result<(), PageError> {
    let t = token.to_owned();
    let now = ctx.now();
    ctx.db
        .run(move |conn| {
            Ok::<_, PageError>(registration::set_optional_mail(conn, &t, wanted, now)?)
        })
        .await?
        .map(|_| ())
        .ok_or(PageError::NotFound)
}

/// RFC 8058 one-click unsubscribe from the mail program's button: it stops the optional
/// mails (reminders, organisers' messages) and never cancels. A button a person may press
/// only to get fewer mails must not give their seat away; cancelling stays on their page.
#[post("/r/<token>/unsubscribe")]
async fn unsubscribe(ctx: Ctx<'_>, token: &str) -> Result<Status, PageError> {
    set_optional_mail(&ctx, token, false).await?;
    Ok(Status::Ok)
}

/// A person following the unsubscribe link in a browser sees their page, where the
/// optional mails are turned off and on by a button (a link alone changes nothing).
#[get("/r/<token>/unsubscribe")]
fn unsubscribe_page(token: &str) -> Redirect {
    Redirect::to(format!("/r/{token}#mail"))
}

#[derive(Debug, FromForm)]
struct MailForm {
    on: Option<String>,
}

/// The person's own switch for reminders and organisers' messages.
#[post("/r/<token>/mail", data = "<form>")]
async fn mail_choice(
    ctx: Ctx<'_>,
    token: &str,
    form: Form<Lenient<MailForm>>,
) -> Result<Redirect, PageError> {
    match form.into_inner().into_inner().on.as_deref() {
        Some("1") => set_optional_mail(&ctx, token, true).await?,
        Some("0") => set_optional_mail(&ctx, token, false).await?,
        // not a choice the page offers: nothing changes, the page shows how things stand
        _ => load(&ctx, token).await.map(|_| ())?,
    }
    Ok(Redirect::to(format!("/r/{token}#mail")))
}

pub fn routes() -> Vec<Route> {
    routes![
        submit,
        manage,
        cancel_confirm,
        cancel_submit,
        resend,
        verify_page,
        verify_submit,
        unsubscribe,
        unsubscribe_page,
        mail_choice
    ]
}

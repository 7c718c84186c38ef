//! The person's own registration page (confirmation right after registering and management
//! in one), reached by the token in its link: confirming the address, cancelling, and the
//! switch for optional mails (one-click unsubscribe included).

use rocket::Either;
use rocket::form::{Form, FromForm, Lenient};
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::errors::PageError;
use super::view::{EventPage, RegistrationView};
use super::{Ctx, PageWithStatus, render};
use crate::domain::DomainError;
use crate::domain::event::{self, EventDetail};
use crate::domain::question::{self, Answered};
use crate::domain::register::{cancel, verify};
use crate::domain::registration::{self, Registration};
use crate::i18n;

/// A registration with its meeting, or 404 for unknown tokens.
pub(super) async fn load(
    ctx: &Ctx<'_>,
    token: &str,
) -> Result<(Registration, Option<i64>, EventDetail), PageError> {
    let token = token.to_owned();
    ctx.db
        .page(move |conn| {
            let Some(r) = registration::find_by_token(conn, &token)? else {
                return Ok(None);
            };
            let position = registration::waiting_position(conn, &r)?;
            let detail = event::find_detail(conn, r.event_id)?;
            Ok(detail.map(|d| (r, position, d)))
        })
        .await?
        .ok_or(PageError::NotFound)
}

/// Confirmation (right after registering) and management page in one; `changed` after the
/// person's own change (`yes`, `waiting` or `none`).
#[get("/r/<token>?<new>&<changed>")]
async fn manage(
    ctx: Ctx<'_>,
    token: &str,
    new: Option<&str>,
    changed: Option<&str>,
) -> Result<Template, PageError> {
    let (r, position, detail) = load(&ctx, token).await?;
    let answers = answers_of(&ctx, &r, &detail).await?;
    let extras = own_extras(&ctx, &r, &detail).await?;
    let change =
        super::registration_change::ChangeView::fresh(&ctx, &detail.event, &r, changed).await?;
    Ok(manage_page(
        &ctx,
        (&r, &answers, extras),
        position,
        &detail,
        new.is_some(),
        change,
    ))
}

/// A registration's answers as its holder reads them: all, health-related ones included.
pub(super) async fn answers_of(
    ctx: &Ctx<'_>,
    r: &Registration,
    detail: &EventDetail,
) -> Result<Vec<Answered>, PageError> {
    let (e, rid, lang) = (detail.event.clone(), r.id, ctx.lang());
    ctx.db
        .page(move |conn| Ok(question::answered(conn, &e, rid, lang, true)?))
        .await
}

/// The meeting's agenda, the documents for participants and the online address as this
/// person's page shows them (see `agenda_view::own_part`).
pub(super) async fn own_extras(
    ctx: &Ctx<'_>,
    r: &Registration,
    detail: &EventDetail,
) -> Result<serde_json::Value, PageError> {
    let (r, detail, fmt, now) = (r.clone(), detail.clone(), ctx.fmt(), ctx.now());
    ctx.db
        .page(move |conn| {
            Ok(super::agenda_view::own_part(
                conn,
                &detail,
                &r,
                (&fmt, now),
            )?)
        })
        .await
}

/// The person's page, with the change form as `change` says (fresh, or again with errors).
pub(super) fn manage_page(
    ctx: &Ctx<'_>,
    (r, answers, extras): (&Registration, &[Answered], serde_json::Value),
    position: Option<i64>,
    detail: &EventDetail,
    just_registered: bool,
    change: super::registration_change::ChangeView,
) -> Template {
    let fmt = ctx.fmt();
    let event = EventPage::new(detail, &fmt, ctx.now());
    // A cancelled meeting leaves nothing to cancel: the page says so first and only.
    let can_cancel =
        !r.is_cancelled() && !detail.event.is_cancelled() && ctx.now() < detail.event.starts_at;
    render(
        "registration",
        &ctx.visitor,
        json!({
            "registration": RegistrationView::new(r, position, &fmt),
            "answers": answers,
            "event": event,
            "just_registered": just_registered,
            "can_cancel": can_cancel,
            // the same moments as cancelling: while the meeting is to come
            "can_change": can_cancel && r.purged_at.is_none(),
            "change": change.into_json(ctx.lang(), detail.event.max_party().max(r.seats) - 1),
            // the switch for optional mails only where there is one to stop or start again
            "reminders": detail.event.reminder_hours.is_some(),
            "manage_url": ctx.absolute(&format!("/r/{}", r.token)),
            "certificate": super::certificate::offered(r, detail, ctx.now()),
            "agenda": extras["agenda"], "documents": extras["documents"], "online": extras["online"],
        }),
    )
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
        .page(move |conn| Ok(cancel(conn, &token, now)?))
        .await?;
    Ok(Redirect::to(format!("/r/{}", outcome.registration.token)))
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
    let result = ctx.db.page(move |conn| Ok(verify(conn, &t, now))).await?;
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
        Err(e) => Err(e.into()),
    }
}

/// Turns the optional mails of a registration off or on; the registration stays as it is.
async fn set_optional_mail(ctx: &Ctx<'_>, token: &str, wanted: bool) -> Result<(), PageError> {
    let t = token.to_owned();
    let now = ctx.now();
    ctx.db
        .page(move |conn| Ok(registration::set_optional_mail(conn, &t, wanted, now)?))
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
        manage,
        cancel_confirm,
        cancel_submit,
        verify_page,
        verify_submit,
        unsubscribe,
        unsubscribe_page,
        mail_choice
    ]
}

//! The back office's forms that are saved or shown again, in one place: checked values are
//! saved as the organiser in one database call; on success a flash and a redirect, on
//! values the domain refused the page again with the problems at the fields (422), and
//! any other refusal the policy's page. Nothing is stored when the form comes back.

use std::future::Future;

use chrono::NaiveDateTime;
use rocket::Either;
use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket_dyn_templates::Template;

use super::session::Staff;
use crate::db::DbConn;
use crate::domain::audit::Actor;
use crate::domain::invitation::send::Letter;
use crate::domain::{DomainError, FieldErrors};
use crate::web::Ctx;
use crate::web::errors::PageError;

/// A back-office page with the status it is answered with.
pub type Page = (Status, Template);
/// Saved (a flash and a redirect), or the form's page again.
pub type Answer = Either<Flash<Redirect>, Page>;

/// The status of a form shown again with its problems.
pub const REFUSED: Status = Status::UnprocessableEntity;

/// A refusal of the values typed becomes the problems at the fields; any other, a page.
pub fn field_errors<T>(
    result: Result<T, DomainError>,
) -> Result<Result<T, FieldErrors>, PageError> {
    match result {
        Ok(v) => Ok(Ok(v)),
        Err(DomainError::Invalid(errors)) => Ok(Err(errors)),
        Err(e) => Err(e.into()),
    }
}

/// Saves what the form's own check let through, as this organiser and now: the saved
/// result, or the problems of the check or of the domain's refusal.
pub async fn save_form<V, T, F>(
    ctx: &Ctx<'_>,
    staff: &Staff,
    checked: Result<V, FieldErrors>,
    save: F,
) -> Result<Result<T, FieldErrors>, PageError>
where
    V: Send + 'static,
    T: Send + 'static,
    F: FnOnce(&mut DbConn, V, &Actor, NaiveDateTime) -> Result<T, DomainError> + Send + 'static,
{
    let valid = match checked {
        Ok(v) => v,
        Err(errors) => return Ok(Err(errors)),
    };
    let (actor, now) = (staff.actor(), ctx.now());
    let result = ctx
        .db
        .page(move |conn| Ok(save(conn, valid, &actor, now)))
        .await?;
    field_errors(result)
}

/// Saved: to `to`, with the sentence `message`.
pub fn saved(to: Redirect, message: &'static str) -> Result<Answer, PageError> {
    Ok(Either::Left(Flash::success(to, message)))
}

/// The form's page again (rendered with [`REFUSED`]).
pub async fn again(
    page: impl Future<Output = Result<Page, PageError>>,
) -> Result<Answer, PageError> {
    page.await.map(Either::Right)
}

/// Runs work that mails (through the outbox) as this organiser and now, with the letter's
/// public address and time zone; the domain's refusal is left to the caller's flash.
pub async fn mailing<T, F>(
    ctx: &Ctx<'_>,
    staff: &Staff,
    work: F,
) -> Result<Result<T, DomainError>, PageError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConn, Letter<'_>, &Actor, NaiveDateTime) -> Result<T, DomainError>
        + Send
        + 'static,
{
    let (actor, now) = (staff.actor(), ctx.now());
    let (base_url, tz) = (ctx.settings.public_url.clone(), ctx.settings.tz());
    ctx.db
        .page(move |conn| {
            let letter = Letter {
                base_url: &base_url,
                tz,
            };
            Ok(work(conn, letter, &actor, now))
        })
        .await
}

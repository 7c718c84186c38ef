//! What organisers do to a meeting's registrations: cancel, promote from the waiting list,
//! move within a series, erase on request. Adding one taken by the office is in
//! `registration_add`; the list page these actions return to is in `registrations`.

use rocket::form::FromForm;
use rocket::response::{Flash, Redirect};
use rocket::{Route, post, routes};

use super::managed_event;
use super::session::{Checked, Nothing, Staff};
use crate::domain::DomainError;
use crate::domain::roster;
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::policy;

/// The back office's words for refusals of its actions on registrations.
const WORDING: &[(&str, &str)] = &[
    ("full", "staff-not-enough-seats"),
    ("duplicate", "staff-move-duplicate"),
];

/// An organiser's action on one registration of a meeting they manage, told by a flash.
async fn on_registration<F>(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
    ok: &'static str,
    action: F,
) -> Result<Flash<Redirect>, PageError>
where
    F: FnOnce(
            &mut crate::db::DbConn,
            &crate::domain::audit::Actor,
            chrono::NaiveDateTime,
        ) -> Result<(), DomainError>
        + Send
        + 'static,
{
    managed_event(ctx, staff, id).await?;
    let (actor, now) = (staff.actor(), ctx.now());
    let result = ctx
        .db
        .page(move |conn| Ok(action(conn, &actor, now)))
        .await?;
    policy::flash(
        Redirect::to(format!("/admin/events/{id}/registrations")),
        result,
        ok,
        WORDING,
    )
}

#[post("/admin/events/<id>/registrations/<rid>/cancel", data = "<_form>")]
async fn cancel(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    rid: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    on_registration(
        &ctx,
        &staff,
        id,
        "staff-registration-cancelled",
        move |conn, actor, now| roster::cancel(conn, id, rid, actor, now).map(|_| ()),
    )
    .await
}

/// Erases a person's data on their request (a place still held is given up first).
#[post("/admin/events/<id>/registrations/<rid>/erase", data = "<_form>")]
async fn erase(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    rid: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    on_registration(
        &ctx,
        &staff,
        id,
        "staff-registration-erased",
        move |conn, actor, now| {
            crate::domain::privacy::erase_registration(conn, id, rid, actor, now)
        },
    )
    .await
}

#[post("/admin/events/<id>/registrations/<rid>/promote", data = "<_form>")]
async fn promote(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    rid: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    on_registration(
        &ctx,
        &staff,
        id,
        "staff-promoted",
        move |conn, actor, now| roster::promote(conn, id, rid, actor, now),
    )
    .await
}

#[derive(Debug, FromForm)]
struct MoveForm {
    target: Option<String>,
}

#[post("/admin/events/<id>/registrations/<rid>/move", data = "<form>")]
async fn move_to(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    rid: i64,
    form: Checked<MoveForm>,
) -> Result<Flash<Redirect>, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let back = Redirect::to(format!("/admin/events/{id}/registrations"));
    let Some(target) = form.0.target.and_then(|t| t.trim().parse::<i64>().ok()) else {
        return Ok(Flash::error(back, "error-move-series"));
    };
    // the target must be a meeting this person manages too, and one of the series' own
    // office (what the list offers)
    if managed_event(&ctx, &staff, target).await.is_err() {
        return Ok(Flash::error(back, "error-move-series"));
    }
    let offered = ctx
        .db
        .page(move |conn| {
            let siblings = match crate::domain::event::find(conn, id)? {
                Some(e) => crate::domain::event::series_siblings(conn, &e, false)?,
                None => Vec::new(),
            };
            Ok(siblings.iter().any(|e| e.id == target))
        })
        .await?;
    if !offered {
        return Ok(Flash::error(back, "error-move-series"));
    }
    let (actor, now) = (staff.actor(), ctx.now());
    let result = ctx
        .db
        .page(move |conn| Ok(roster::move_to(conn, id, rid, target, &actor, now).map(|_| ())))
        .await?;
    policy::flash(back, result, "staff-moved", WORDING)
}

pub fn routes() -> Vec<Route> {
    routes![erase, cancel, promote, move_to]
}

//! The pages that ask before a destructive action on a registration (cancel it, erase the
//! person's data): they say what will happen, and their button posts (with CSRF) to the
//! action in `registration_actions`. Plain forms: no JavaScript needed, and a GET never
//! changes anything.

use rocket::serde::json::serde_json::json;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;

use super::session::{CsrfToken, Staff};
use super::{managed_event, page};
use crate::domain::roster;
use crate::web::Ctx;
use crate::web::errors::PageError;

async fn confirm_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    id: i64,
    rid: i64,
    action: &'static str,
) -> Result<Template, PageError> {
    let event = managed_event(ctx, staff, id).await?;
    let r = ctx
        .db
        .page(move |conn| {
            Ok(roster::list(conn, id, None, None)?
                .into_iter()
                .map(|(r, _)| r)
                .find(|r| r.id == rid))
        })
        .await?
        .ok_or(PageError::NotFound)?;
    // nothing left to do: a cancelled registration cannot be cancelled, erased data not erased
    let done = match action {
        "cancel" => r.is_cancelled(),
        _ => r.purged_at.is_some(),
    };
    if done {
        return Err(PageError::NotFound);
    }
    let fmt = ctx.fmt();
    Ok(page(
        ctx,
        staff,
        csrf,
        None,
        "staff/registration_confirm",
        json!({
            "action": action,
            "event": { "id": event.id, "title": event.title, "when": fmt.span(event.starts_at, event.ends_at) },
            "registration": { "id": r.id, "name": r.name, "seats": r.seats, "state": r.state(),
                              "holds_seats": r.is_confirmed(), "active": !r.is_cancelled(),
                              "upcoming": event.starts_at > ctx.now() },
        }),
    ))
}

/// The page before cancelling (`cancel`) or erasing (`erase`) a registration; its button
/// posts to the same address.
#[get("/admin/events/<id>/registrations/<rid>/<action>", rank = 3)]
async fn confirm(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    rid: i64,
    action: &str,
) -> Result<Template, PageError> {
    let action = match action {
        "cancel" => "cancel",
        "erase" => "erase",
        _ => return Err(PageError::NotFound),
    };
    confirm_page(&ctx, &staff, &csrf, id, rid, action).await
}

pub fn routes() -> Vec<Route> {
    routes![confirm]
}

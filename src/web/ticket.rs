//! The ticket page of a registration (`/r/<token>/ticket`): its QR code, large and printable.

use rocket::serde::json::serde_json::json;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;

use super::errors::PageError;
use super::view::EventPage;
use super::{Ctx, render};
use crate::domain::ticket::Keys;
use crate::domain::{event, registration};
use crate::i18n;

/// The ticket with its QR code, large and printable.
#[get("/r/<token>/ticket")]
async fn ticket(ctx: Ctx<'_>, keys: &State<Keys>, token: &str) -> Result<Template, PageError> {
    let t = token.to_owned();
    let (r, detail) = ctx
        .db
        .page(move |conn| {
            let Some(r) = registration::find_by_token(conn, &t)? else {
                return Ok(None);
            };
            let d = event::find_detail(conn, r.event_id)?;
            Ok(d.map(|d| (r, d)))
        })
        .await?
        .ok_or(PageError::NotFound)?;
    let e = EventPage::new(&detail, &ctx.fmt(), ctx.now());
    // no scannable code for a meeting that does not take place
    let valid = r.is_confirmed() && !r.awaits_verification() && !detail.event.is_cancelled();
    let qr = valid
        .then(|| {
            crate::qr::svg(
                &keys.issue(r.id, r.event_id),
                &i18n::text(ctx.lang(), "ticket-qr-label"),
            )
        })
        .flatten();
    Ok(render(
        "ticket",
        &ctx.visitor,
        json!({ "event": e, "name": r.name, "party": r.seats, "status": r.status, "qr": qr, "token": r.token,
                "unconfirmed": r.awaits_verification() }),
    ))
}

pub fn routes() -> Vec<Route> {
    routes![ticket]
}

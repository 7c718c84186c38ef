//! The organiser's door page: make, list and revoke the door links (and their PINs) that
//! open a meeting's check-in for helpers without an account.

use chrono::Duration;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Nothing, Staff};
use crate::domain::{door_link, door_pin};
use crate::i18n;
use crate::web::Ctx;
use crate::web::errors::PageError;

/// The organiser's door page: make, list and revoke door links.
#[get("/admin/events/<id>/door")]
async fn links(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
) -> Result<Template, PageError> {
    super::managed_event(&ctx, &staff, id).await?;
    let now = ctx.now();
    let (rows, wrong) = ctx
        .db
        .page(move |conn| {
            let wrong = door_pin::wrong_attempts(conn, id)?;
            Ok((door_link::active(conn, id, now)?, wrong))
        })
        .await?;
    let fmt = ctx.fmt();
    let wrong = wrong.map(|w| json!({ "count": w.hits, "since": format!("{}, {}", fmt.date(w.first_at), fmt.time(w.first_at)) }));
    let list: Vec<_> = rows
        .iter()
        .map(|l| json!({ "id": l.id, "url": ctx.absolute(&format!("/door/{}", l.token)), "pin": door_pin::display(&l.pin), "label": l.label,
                         "expires": format!("{}, {}", fmt.date(l.expires_at), fmt.time(l.expires_at)) }))
        .collect();
    Ok(super::page(
        &ctx,
        &staff,
        &csrf,
        None,
        "staff/door",
        json!({ "event_id": id, "links": list, "pin_url": ctx.absolute(&format!("/door?event={id}")), "wrong_pins": wrong }),
    ))
}

#[derive(Debug, rocket::FromForm)]
struct NewLink {
    label: Option<String>,
}

#[post("/admin/events/<id>/door", data = "<form>")]
async fn create_link(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    form: Checked<NewLink>,
) -> Result<Redirect, PageError> {
    let e = super::managed_event(&ctx, &staff, id).await?;
    let label: String = form
        .0
        .label
        .unwrap_or_default()
        .trim()
        .chars()
        .take(60)
        .collect();
    let label = if label.is_empty() {
        i18n::text(ctx.lang(), "door-default-label")
    } else {
        label
    };
    let (actor, now) = (staff.actor(), ctx.now());
    // valid until the day after the meeting
    let expires = e.ends_at + Duration::hours(12);
    ctx.db
        .run(move |conn| {
            door_link::create(conn, id, &label, expires, &actor, now).map_err(PageError::from)
        })
        .await?;
    Ok(Redirect::to(format!("/admin/events/{id}/door")))
}

#[post("/admin/events/<id>/door/<link>/revoke", data = "<_form>")]
async fn revoke_link(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    link: i64,
    _form: Checked<Nothing>,
) -> Result<Redirect, PageError> {
    super::managed_event(&ctx, &staff, id).await?;
    let (actor, now) = (staff.actor(), ctx.now());
    let revoked = ctx
        .db
        .run(move |conn| door_link::revoke(conn, id, link, &actor, now).map_err(PageError::from))
        .await?;
    // revoked before (a second click) is no error: nothing happened, nothing was logged
    if revoked == door_link::Revoked::NotFound {
        return Err(PageError::NotFound);
    }
    Ok(Redirect::to(format!("/admin/events/{id}/door")))
}

pub fn routes() -> Vec<Route> {
    routes![links, create_link, revoke_link]
}

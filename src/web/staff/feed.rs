//! An organiser's private calendar feed: made, renewed and revoked here.

use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{page, require_organiser};
use crate::domain::{account, audit};
use crate::web::Ctx;
use crate::web::errors::PageError;

#[get("/admin/feed")]
async fn show(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<Template, PageError> {
    require_organiser(&staff)?;
    let url = staff
        .user
        .feed_token
        .as_ref()
        .map(|t| ctx.absolute(&format!("/feeds/{t}/calendar.ics")));
    let webcal = url.as_ref().map(|u| {
        u.replacen("https://", "webcal://", 1)
            .replacen("http://", "webcal://", 1)
    });
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/feed",
        json!({ "url": url, "webcal": webcal }),
    ))
}

async fn set(ctx: &Ctx<'_>, staff: &Staff, on: bool) -> Result<Flash<Redirect>, PageError> {
    require_organiser(staff)?;
    let (id, actor, now) = (staff.user.id, staff.actor(), ctx.now());
    ctx.db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                account::set_feed_token(conn, id, on)?;
                audit::record(
                    conn,
                    &actor,
                    if on { "feed.renew" } else { "feed.revoke" },
                    ("user", Some(id)),
                    "",
                    now,
                )
            })
            .map_err(PageError::from)
        })
        .await?;
    Ok(Flash::success(
        Redirect::to("/admin/feed"),
        if on {
            "staff-feed-renewed"
        } else {
            "staff-feed-revoked"
        },
    ))
}

#[post("/admin/feed", data = "<_form>")]
async fn renew(
    ctx: Ctx<'_>,
    staff: Staff,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    set(&ctx, &staff, true).await
}

#[post("/admin/feed/revoke", data = "<_form>")]
async fn revoke(
    ctx: Ctx<'_>,
    staff: Staff,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    set(&ctx, &staff, false).await
}

pub fn routes() -> Vec<Route> {
    routes![show, renew, revoke]
}

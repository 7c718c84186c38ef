//! The check-in page for phones, and the door link that opens it on a helper's device.

use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;

use super::access::{Door, DoorRefusal, device_token_in, door_cookie};
use crate::domain::{door_link, event, token};
use crate::web::errors::PageError;
use crate::web::view::EventPage;
use crate::web::{Ctx, render};

/// The check-in page for phones.
#[get("/checkin/<event>")]
async fn page(
    ctx: Ctx<'_>,
    door: Result<Door, DoorRefusal>,
    event: i64,
) -> Result<(Status, Template), PageError> {
    let door = match door {
        Ok(door) => door,
        Err(DoorRefusal::Unavailable) => {
            return Err(PageError::Unavailable("door access".into()));
        }
        // the ways in (login, PIN page) rather than a bare "no access"
        Err(_) => return Ok(super::denied::page(&ctx.visitor, event)),
    };
    let detail = ctx
        .db
        .page(move |conn| Ok(event::find_detail(conn, event)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let e = EventPage::new(&detail, &ctx.fmt(), ctx.now());
    Ok((
        Status::Ok,
        render(
            "checkin",
            &ctx.visitor,
            json!({ "event": e, "door_token": door.token,
                    "again_secs": crate::domain::rescan::WELCOME_AGAIN_SECS,
                    "tz": ctx.settings.tz().name() }),
        ),
    ))
}

/// A door link opens the check-in of its meeting on this device.
#[get("/door/<token>")]
async fn open_link(ctx: Ctx<'_>, token: &str, jar: &CookieJar<'_>) -> Result<Redirect, PageError> {
    let t = token.to_owned();
    let now = ctx.now();
    let found = ctx
        .db
        .page(move |conn| Ok(door_link::by_token(conn, &t, now)?))
        .await?;
    let Some((id, event, expires)) = found else {
        return Err(PageError::NotFound);
    };
    // the device keeps its door token when it opens the same link again
    let device_token = device_token_in(jar, event, id).unwrap_or_else(token::new_token);
    let secure = ctx.settings.public_url.starts_with("https://");
    jar.add_private(door_cookie(secure, event, id, &device_token, expires));
    Ok(Redirect::to(format!("/checkin/{event}")))
}

pub fn routes() -> Vec<Route> {
    routes![page, open_link]
}

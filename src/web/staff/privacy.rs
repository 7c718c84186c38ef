//! The administrator's privacy notice: edited here, published as a new version.

use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::{Either, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Staff};
use super::text_editor::{self, Kind, TextForm};
use crate::domain::notice;
use crate::web::Ctx;
use crate::web::errors::PageError;

/// Until the administrator writes one, the notice comes from the translations; the form
/// starts empty.
static NOTICE: Kind = Kind {
    path: "/admin/privacy",
    template: "staff/privacy",
    saved: "staff-privacy-saved",
    current: notice::current,
    save: notice::save,
    draft: ("", ""),
};

#[get("/admin/privacy")]
async fn show(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<(rocket::http::Status, Template), PageError> {
    text_editor::show(&NOTICE, &ctx, &staff, &csrf, flash, None).await
}

#[post("/admin/privacy", data = "<form>")]
async fn save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    form: Checked<TextForm>,
) -> Result<Either<Flash<Redirect>, (rocket::http::Status, Template)>, PageError> {
    text_editor::save(&NOTICE, &ctx, &staff, &csrf, form.0).await
}

pub fn routes() -> Vec<Route> {
    routes![show, save]
}

//! The administrator's privacy notice: edited here, published as a new version.

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Staff};
use super::{error_map, page, require_admin};
use crate::domain::{FieldErrors, notice};
use crate::web::Ctx;
use crate::web::errors::PageError;

/// The longest notice accepted (the whole form stays under the 32 KiB form limit).
const MAX_CHARS: usize = 12_000;

#[derive(Debug, FromForm, serde::Serialize)]
struct NoticeForm {
    body_de: Option<String>,
    body_en: Option<String>,
}

async fn notice_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    form: Option<&NoticeForm>,
    errors: &FieldErrors,
    status: Status,
) -> Result<(Status, Template), PageError> {
    let current = ctx.db.page(|conn| Ok(notice::current(conn)?)).await?;
    let form = match form {
        Some(f) => json!(f),
        None => json!({
            "body_de": current.as_ref().map(|n| n.body_de.clone()),
            "body_en": current.as_ref().map(|n| n.body_en.clone()),
        }),
    };
    let context = json!({
        "form": form,
        "errors": error_map(ctx.lang(), errors),
        "version": current.as_ref().map(notice::Notice::label),
        "days": ctx.settings.retention_days,
    });
    Ok((
        status,
        page(ctx, staff, csrf, flash, "staff/privacy", context),
    ))
}

#[get("/admin/privacy")]
async fn show(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<(Status, Template), PageError> {
    require_admin(&staff)?;
    notice_page(
        &ctx,
        &staff,
        &csrf,
        flash,
        None,
        &FieldErrors::new(),
        Status::Ok,
    )
    .await
}

#[post("/admin/privacy", data = "<form>")]
async fn save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    form: Checked<NoticeForm>,
) -> Result<Either<Flash<Redirect>, (Status, Template)>, PageError> {
    require_admin(&staff)?;
    let form = form.0;
    let de = form.body_de.as_deref().unwrap_or("").trim().to_owned();
    let en = form.body_en.as_deref().unwrap_or("").trim().to_owned();
    let mut errors = FieldErrors::new();
    if de.is_empty() {
        errors.insert("body_de", "error-required");
    }
    for (field, text) in [("body_de", &de), ("body_en", &en)] {
        if text.chars().count() > MAX_CHARS {
            errors.insert(field, "error-too-long");
        }
    }
    if !errors.is_empty() {
        return notice_page(
            &ctx,
            &staff,
            &csrf,
            None,
            Some(&form),
            &errors,
            Status::UnprocessableEntity,
        )
        .await
        .map(Either::Right);
    }
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(notice::save(conn, &de, &en, &actor, now)?))
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to("/admin/privacy"),
        "staff-privacy-saved",
    )))
}

pub fn routes() -> Vec<Route> {
    routes![show, save]
}

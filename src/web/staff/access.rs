//! The administrator's side of accessibility: the statement (edited like the privacy
//! notice, see `text_editor`) and the reported barriers, each marked answered when done.

use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::text_editor::{self, Kind, TextForm};
use super::{page, require_admin};
use crate::domain::access::{feedback, statement};
use crate::web::Ctx;
use crate::web::errors::PageError;

/// Until the administrator publishes one, the built-in statement is shown and is the
/// editor's first draft, its placeholders marked.
static STATEMENT: Kind = Kind {
    path: "/admin/accessibility",
    template: "staff/access_statement",
    saved: "access-admin-saved",
    current: statement::current,
    save: statement::save,
    draft: (statement::DEFAULT_DE, statement::DEFAULT_EN),
};

#[get("/admin/accessibility")]
async fn show(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<(Status, Template), PageError> {
    text_editor::show(&STATEMENT, &ctx, &staff, &csrf, flash, None).await
}

#[post("/admin/accessibility", data = "<form>")]
async fn save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    form: Checked<TextForm>,
) -> Result<Either<Flash<Redirect>, (Status, Template)>, PageError> {
    text_editor::save(&STATEMENT, &ctx, &staff, &csrf, form.0).await
}

/// The reported barriers, open ones first.
#[get("/admin/accessibility/feedback")]
async fn reports(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<Template, PageError> {
    require_admin(&staff)?;
    let all = ctx.db.page(|conn| Ok(feedback::list(conn)?)).await?;
    let fmt = ctx.fmt();
    let rows: Vec<_> = all
        .iter()
        .map(|f| {
            json!({
                "id": f.id, "what": f.what, "page": f.page, "contact": f.contact,
                "lang": f.lang, "when": format!("{}, {}", fmt.date(f.created_at), fmt.time(f.created_at)),
                "answered": f.answered_at.map(|a| fmt.date(a)),
            })
        })
        .collect();
    let open = all.iter().filter(|f| f.answered_at.is_none()).count();
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/access_feedback",
        json!({ "rows": rows, "open": open }),
    ))
}

#[post("/admin/accessibility/feedback/<id>/answered", data = "<_form>")]
async fn answered(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    require_admin(&staff)?;
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(feedback::mark_answered(conn, id, &actor, now)?))
        .await?;
    Ok(Flash::success(
        Redirect::to("/admin/accessibility/feedback"),
        "access-admin-answered-done",
    ))
}

pub fn routes() -> Vec<Route> {
    routes![show, save, reports, answered]
}

//! What is done to a meeting from its dashboard: publish, unpublish, duplicate, cancel.

use rocket::form::FromForm;
use rocket::post;
use rocket::response::{Flash, Redirect};

use crate::domain::manage;
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::policy;
use crate::web::staff::managed_event;
use crate::web::staff::session::{Checked, Nothing, Staff};

async fn status_change(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
    publish: bool,
) -> Result<Flash<Redirect>, PageError> {
    managed_event(ctx, staff, id).await?;
    let (actor, now) = (staff.actor(), ctx.now());
    let result = ctx
        .db
        .page(move |conn| Ok(manage::set_published(conn, id, publish, &actor, now)))
        .await?;
    let back = Redirect::to(format!("/admin/events/{id}"));
    let done = match publish {
        true => "staff-published",
        false => "staff-unpublished",
    };
    policy::flash(back, result, done, &[])
}

#[post("/admin/events/<id>/publish", data = "<_form>")]
pub(super) async fn publish(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    status_change(&ctx, &staff, id, true).await
}

#[post("/admin/events/<id>/unpublish", data = "<_form>")]
pub(super) async fn unpublish(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    status_change(&ctx, &staff, id, false).await
}

#[post("/admin/events/<id>/duplicate", data = "<_form>")]
pub(super) async fn duplicate(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let (actor, now) = (staff.actor(), ctx.now());
    let suffix = crate::i18n::text(ctx.lang(), "staff-copy-suffix");
    let new_id = ctx
        .db
        .page(move |conn| Ok(manage::duplicate(conn, id, &suffix, &actor, now)?))
        .await?;
    Ok(Flash::success(
        Redirect::to(format!("/admin/events/{new_id}/edit")),
        "staff-duplicated",
    ))
}

#[derive(Debug, FromForm)]
pub(super) struct CancelForm {
    reason: Option<String>,
    /// The reason in further languages, by language code.
    reasons: std::collections::BTreeMap<String, String>,
}

#[post("/admin/events/<id>/cancel", data = "<form>")]
pub(super) async fn cancel(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    form: Checked<CancelForm>,
) -> Result<Flash<Redirect>, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let CancelForm { reason, reasons } = form.0;
    let reason = reason.unwrap_or_default();
    let content_lang = ctx.visitor.content_lang;
    let (actor, now) = (staff.actor(), ctx.now());
    let result = ctx
        .db
        .page(move |conn| {
            let why = manage::CancelReason {
                reason: &reason,
                translations: &reasons,
                content_lang,
            };
            Ok(manage::cancel(conn, id, &why, &actor, now))
        })
        .await?;
    let back = Redirect::to(format!("/admin/events/{id}"));
    policy::flash(back, result, "staff-event-cancelled", &[])
}

//! Mail that has not gone out yet or failed for good, with the error, for administrators.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{page, require_admin};
use crate::db::schema::outbox;
use crate::domain::audit;
use crate::web::Ctx;
use crate::web::errors::PageError;

type Row = (
    i64,
    String,
    String,
    i32,
    Option<String>,
    NaiveDateTime,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

#[get("/admin/outbox")]
async fn list(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<Template, PageError> {
    require_admin(&staff)?;
    let rows: Vec<Row> = ctx
        .db
        .page(|conn| {
            Ok(outbox::table
                .filter(outbox::sent_at.is_null())
                .order(outbox::id.desc())
                .limit(500)
                .select((
                    outbox::id,
                    outbox::kind,
                    outbox::recipient,
                    outbox::attempts,
                    outbox::last_error,
                    outbox::created_at,
                    outbox::next_attempt_at,
                    outbox::failed_at,
                ))
                .load(conn)?)
        })
        .await?;
    let fmt = ctx.fmt();
    let at = |t: NaiveDateTime| format!("{}, {}", fmt.date(t), fmt.time(t));
    let mails: Vec<_> = rows
        .iter()
        .map(|(id, kind, to, attempts, error, created, next, failed)| {
            json!({ "id": id, "kind": kind, "to": to, "attempts": attempts, "error": error, "created": at(*created),
                    "next": at(*next), "failed": failed.map(at) })
        })
        .collect();
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/outbox",
        json!({ "mails": mails }),
    ))
}

#[post("/admin/outbox/<id>/retry", data = "<_form>")]
async fn retry(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    require_admin(&staff)?;
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                diesel::update(outbox::table.find(id).filter(outbox::sent_at.is_null()))
                    .set((
                        outbox::failed_at.eq(None::<NaiveDateTime>),
                        outbox::attempts.eq(0),
                        outbox::next_attempt_at.eq(now),
                    ))
                    .execute(conn)?;
                audit::record(conn, &actor, "mail.retry", ("mail", Some(id)), "", now)
            })
            .map_err(PageError::from)
        })
        .await?;
    Ok(Flash::success(
        Redirect::to("/admin/outbox"),
        "staff-mail-retry",
    ))
}

pub fn routes() -> Vec<Route> {
    routes![list, retry]
}

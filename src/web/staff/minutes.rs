//! The organiser's minutes page of a meeting: Markdown and/or one of its documents, for the
//! invitees or the public; publishing mails the link once, to invitees and to everybody
//! who came.

use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, post, routes};

use super::form_page::{Answer, Page, REFUSED, again, mailing, save_form, saved};
use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{error_map, managed_event};
use crate::domain::FieldErrors;
use crate::domain::document;
use crate::domain::event::Event;
use crate::domain::links::{Pass, minutes_path};
use crate::domain::minutes::{self, MinutesInput};
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::policy;

fn base(id: i64) -> String {
    format!("/admin/events/{id}/minutes")
}

async fn page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    e: &Event,
    typed: Option<(MinutesInput, FieldErrors)>,
    status: Status,
) -> Result<Page, PageError> {
    let id = e.id;
    let (saved, docs, people) = ctx
        .db
        .page(move |conn| {
            Ok((
                minutes::find(conn, id)?,
                document::all_of(conn, id)?,
                minutes::recipient_count(conn, id)?,
            ))
        })
        .await?;
    let (form, errors) =
        typed.unwrap_or_else(|| (MinutesInput::of(saved.as_ref()), FieldErrors::new()));
    let lang = ctx.lang();
    let fmt = ctx.fmt();
    let published = saved
        .as_ref()
        .and_then(|m| m.published_at)
        .map(|at| format!("{}, {}", fmt.date(at), fmt.time(at)));
    let docs: Vec<_> = docs
        .iter()
        .map(|d| json!({ "id": d.id, "title": d.title, "file_name": d.file_name }))
        .collect();
    let context = json!({
        "event": { "id": e.id, "title": e.title }, "base": base(id),
        "form": form, "errors": error_map(lang, &errors), "documents": docs,
        "saved": saved.is_some(), "published": published, "people": people,
        "view": minutes_path(id, Pass::Open),
    });
    Ok((
        status,
        super::page(ctx, staff, csrf, flash, "staff/minutes", context),
    ))
}

#[get("/admin/events/<id>/minutes")]
async fn minutes_page(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Page, PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    page(&ctx, &staff, &csrf, flash, &e, None, Status::Ok).await
}

#[post("/admin/events/<id>/minutes", data = "<form>")]
async fn save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<MinutesInput>,
) -> Result<Answer, PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    let form = form.0;
    // the domain checks the minutes with their documents, so there is no check of its own
    let result = save_form(
        &ctx,
        &staff,
        Ok(form.clone()),
        move |conn, input, actor, now| minutes::save(conn, id, &input, actor, now),
    )
    .await?;
    match result {
        Ok(()) => saved(Redirect::to(base(id)), "minutes-saved"),
        Err(errors) => {
            again(page(
                &ctx,
                &staff,
                &csrf,
                None,
                &e,
                Some((form, errors)),
                REFUSED,
            ))
            .await
        }
    }
}

#[post("/admin/events/<id>/minutes/publish", data = "<_form>")]
async fn publish(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let result = mailing(&ctx, &staff, move |conn, letter, actor, now| {
        minutes::publish(conn, id, letter, actor, now).map(|_| ())
    })
    .await?;
    policy::flash(Redirect::to(base(id)), result, "minutes-published", &[])
}

pub fn routes() -> Vec<Route> {
    routes![minutes_page, save, publish]
}

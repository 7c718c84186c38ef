//! The organiser's agenda page of a meeting: its items (added, changed, ordered, removed),
//! its documents (`documents`), the online address of a hybrid meeting (`online`), and,
//! once invitations went out, the button that sends the updated agenda to those who come.

use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{Route, get, post, routes};

use super::form_page::{self, Answer, Page, REFUSED, mailing, save_form};
use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{error_map, managed_event};
use crate::domain::agenda::{self, AgendaItem, ItemInput};
use crate::domain::document::{self, DocumentInput};
use crate::domain::event::Event;
use crate::domain::links::{Pass, document_link};
use crate::domain::online::{self, OnlineInput};
use crate::domain::{FieldErrors, agenda_update};
use crate::web::Ctx;
use crate::web::agenda_view::size_text;
use crate::web::errors::PageError;
use crate::web::policy;

pub(super) fn base(event_id: i64) -> String {
    format!("/admin/events/{event_id}/agenda")
}

/// The page's three forms as typed, each with its problems: only one comes back at a time.
#[derive(Default)]
pub(super) struct Forms {
    pub item: (ItemInput, Option<i64>, FieldErrors),
    pub document: (DocumentInput, FieldErrors),
    pub online: Option<(OnlineInput, FieldErrors)>,
}

pub(super) async fn page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    e: &Event,
    (forms, changed): (Forms, bool),
    status: Status,
) -> Result<Page, PageError> {
    let id = e.id;
    let (items, docs, on, pending, people) = ctx
        .db
        .page(move |conn| {
            Ok((
                agenda::items_of(conn, id)?,
                document::all_of(conn, id)?,
                online::find(conn, id)?,
                agenda_update::pending(conn, id)?,
                agenda_update::recipients(conn, id)?.len(),
            ))
        })
        .await?;
    let lang = ctx.lang();
    let item_title = |iid: Option<i64>| {
        iid.and_then(|i| items.iter().find(|x| x.id == i))
            .map(|x| x.title.clone())
    };
    let docs: Vec<Value> = docs
        .iter()
        .map(|d| {
            json!({ "id": d.id, "title": d.title, "file_name": d.file_name, "size": size_text(d.size_bytes),
                    "visibility": crate::i18n::text(lang, &format!("document-visibility-{}", d.visibility)),
                    "item": item_title(d.agenda_item_id), "href": document_link(d.id, Pass::Open) })
        })
        .collect();
    let (item_form, editing, item_errors) = &forms.item;
    let (doc_form, doc_errors) = &forms.document;
    let (online_form, online_errors) = forms
        .online
        .unwrap_or_else(|| (OnlineInput::of(on.as_ref()), FieldErrors::new()));
    let max = ctx.settings.document_max_bytes;
    let context = json!({
        "event": { "id": e.id, "title": e.title }, "base": base(e.id),
        "items": items, "documents": docs,
        "item_form": item_form, "editing": editing, "item_errors": error_map(lang, item_errors),
        "doc_form": doc_form, "doc_errors": error_map(lang, doc_errors),
        "visibilities": document::VISIBILITIES.iter().map(|v| json!({ "value": v,
            "label": crate::i18n::text(lang, &format!("document-visibility-{v}")) })).collect::<Vec<_>>(),
        "max_size": size_text(i64::try_from(max).unwrap_or(i64::MAX)),
        "online_form": online_form, "online_errors": error_map(lang, &online_errors),
        "online_set": on.is_some(),
        "update": { "offered": pending && people > 0 && !e.is_cancelled() && ctx.now() < e.ends_at,
                    "people": people, "changed": changed },
    });
    let template = super::page(ctx, staff, csrf, flash, "staff/agenda", context);
    Ok((status, template))
}

#[get("/admin/events/<id>/agenda?<changed>")]
async fn agenda_page(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
    changed: Option<&str>,
) -> Result<Page, PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    let forms = (Forms::default(), changed.is_some());
    page(&ctx, &staff, &csrf, flash, &e, forms, Status::Ok).await
}

/// After a change: back to the page, which offers the update mail when invitations went out.
fn saved(event_id: i64, message: &'static str) -> Flash<Redirect> {
    Flash::success(
        Redirect::to(format!("{}?changed=1", base(event_id))),
        message,
    )
}

#[post("/admin/events/<id>/agenda", data = "<form>")]
async fn add_item(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<ItemInput>,
) -> Result<Answer, PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    let form = form.0;
    let result = save_form(
        &ctx,
        &staff,
        form.check(),
        move |conn, valid, actor, now| agenda::add(conn, id, &valid, actor, now).map(|_| ()),
    )
    .await?;
    answer(
        &ctx,
        &staff,
        &csrf,
        &e,
        (form, None),
        result,
        "agenda-item-added",
    )
    .await
}

/// Saved, or the item form again with the problems at its fields.
async fn answer(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    e: &Event,
    (form, editing): (ItemInput, Option<i64>),
    result: Result<(), FieldErrors>,
    done: &'static str,
) -> Result<Answer, PageError> {
    let errors = match result {
        Ok(()) => return Ok(rocket::Either::Left(saved(e.id, done))),
        Err(errors) => errors,
    };
    let forms = Forms {
        item: (form, editing, errors),
        ..Forms::default()
    };
    again(ctx, staff, csrf, e, forms).await
}

/// The page again with one of its forms as typed and its problems.
pub(super) async fn again(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    e: &Event,
    forms: Forms,
) -> Result<Answer, PageError> {
    form_page::again(page(ctx, staff, csrf, None, e, (forms, false), REFUSED)).await
}

/// An item and its meeting, for the organisers of the meeting's office only.
async fn item_of(
    ctx: &Ctx<'_>,
    staff: &Staff,
    item: i64,
) -> Result<(AgendaItem, Event), PageError> {
    let found = ctx
        .db
        .page(move |conn| Ok(agenda::find(conn, item)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let e = managed_event(ctx, staff, found.event_id).await?;
    Ok((found, e))
}

#[get("/admin/agenda/<item>/edit")]
async fn edit_page(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    item: i64,
) -> Result<Page, PageError> {
    let (found, e) = item_of(&ctx, &staff, item).await?;
    let forms = Forms {
        item: (ItemInput::of(&found), Some(found.id), FieldErrors::new()),
        ..Forms::default()
    };
    page(&ctx, &staff, &csrf, None, &e, (forms, false), Status::Ok).await
}

#[post("/admin/agenda/<item>/edit", data = "<form>")]
async fn edit_save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    item: i64,
    form: Checked<ItemInput>,
) -> Result<Answer, PageError> {
    let (found, e) = item_of(&ctx, &staff, item).await?;
    let form = form.0;
    let result = save_form(
        &ctx,
        &staff,
        form.check(),
        move |conn, valid, actor, now| agenda::update(conn, &found, &valid, actor, now),
    )
    .await?;
    let typed = (form, Some(item));
    answer(&ctx, &staff, &csrf, &e, typed, result, "agenda-item-saved").await
}

/// Move up or down, remove.
#[post("/admin/agenda/<item>/<action>", data = "<_form>", rank = 2)]
async fn act(
    ctx: Ctx<'_>,
    staff: Staff,
    item: i64,
    action: &str,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    let (found, e) = item_of(&ctx, &staff, item).await?;
    let done = match action {
        "remove" => "agenda-item-removed",
        "up" | "down" => "agenda-item-moved",
        _ => return Err(PageError::NotFound),
    };
    let (actor, now, up) = (staff.actor(), ctx.now(), action == "up");
    let remove = action == "remove";
    ctx.db
        .page(move |conn| {
            if remove {
                Ok(agenda::remove(conn, &found, &actor, now)?)
            } else {
                Ok(agenda::move_item(conn, &found, up, &actor, now)?)
            }
        })
        .await?;
    Ok(saved(e.id, done))
}

/// Sends the agenda as it is now to everybody who comes.
#[post("/admin/events/<id>/agenda/send", data = "<_form>")]
async fn send_update(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let result = mailing(&ctx, &staff, move |conn, letter, actor, now| {
        agenda_update::send(conn, id, letter, actor, now).map(|_| ())
    })
    .await?;
    policy::flash(Redirect::to(base(id)), result, "agenda-update-sent", &[])
}

pub fn routes() -> Vec<Route> {
    routes![
        agenda_page,
        add_item,
        edit_page,
        edit_save,
        act,
        send_update
    ]
}

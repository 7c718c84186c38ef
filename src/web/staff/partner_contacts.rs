//! An organisation's contact persons: added on the organisation's page, changed on their
//! own page, removed. A contact is only reached through its own organisation's address,
//! so a contact id of another organisation (or office) is not found.

use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, post, routes};

use super::error_map;
use super::form_page::{Answer, Page, REFUSED, again, save_form, saved};
use super::partners::{Forms, contact_choices, managed_partner, partner_page};
use super::session::{Checked, CsrfToken, Nothing, Staff};
use crate::domain::FieldErrors;
use crate::domain::partner::contact::{self, ContactInput};
use crate::domain::partner::organisation::PartnerInput;
use crate::domain::partner::{self, Partner, PartnerContact};
use crate::web::Ctx;
use crate::web::errors::PageError;

async fn managed_contact(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
    cid: i64,
) -> Result<(Partner, PartnerContact), PageError> {
    let p = managed_partner(ctx, staff, id).await?;
    let (c, _) = ctx
        .db
        .page(move |conn| Ok(partner::find_contact(conn, cid)?))
        .await?
        .filter(|(c, _)| c.partner_id == p.id)
        .ok_or(PageError::NotFound)?;
    Ok((p, c))
}

fn back_to(id: i64) -> Redirect {
    Redirect::to(format!("/admin/partners/{id}#contacts"))
}

#[post("/admin/partners/<id>/contacts", data = "<form>")]
async fn add(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<ContactInput>,
) -> Result<Answer, PageError> {
    let p = managed_partner(&ctx, &staff, id).await?;
    let input = form.0;
    let added = save_form(
        &ctx,
        &staff,
        input.check(),
        move |conn, valid, actor, now| contact::add(conn, id, &valid, actor, now),
    )
    .await?;
    let errors = match added {
        Ok(_) => return saved(back_to(id), "staff-partner-contact-added"),
        Err(errors) => errors,
    };
    let forms = Forms {
        partner: &PartnerInput::of(&p),
        contact: &input,
        errors: &errors,
        failed: "contact",
    };
    again(partner_page(&ctx, &staff, &csrf, None, &p, forms, REFUSED)).await
}

async fn edit_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    (p, cid): (&Partner, i64),
    (form, errors): (&ContactInput, &FieldErrors),
    status: Status,
) -> Result<Page, PageError> {
    let lang = ctx.lang();
    let (roles, languages) = contact_choices(lang);
    let context = json!({
        "partner": { "id": p.id, "name": p.name }, "contact_id": cid,
        "roles": roles, "contact_languages": languages,
        "contact": form, "contact_errors": error_map(lang, errors),
    });
    let template = super::page(ctx, staff, csrf, flash, "staff/partner_contact", context);
    Ok((status, template))
}

#[get("/admin/partners/<id>/contacts/<cid>")]
async fn edit(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    cid: i64,
) -> Result<Page, PageError> {
    let (p, c) = managed_contact(&ctx, &staff, id, cid).await?;
    let form = (&ContactInput::of(&c), &FieldErrors::new());
    edit_page(&ctx, &staff, &csrf, None, (&p, cid), form, Status::Ok).await
}

#[post("/admin/partners/<id>/contacts/<cid>", data = "<form>")]
async fn save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    cid: i64,
    form: Checked<ContactInput>,
) -> Result<Answer, PageError> {
    let (p, _) = managed_contact(&ctx, &staff, id, cid).await?;
    let input = form.0;
    let changed = save_form(
        &ctx,
        &staff,
        input.check(),
        move |conn, valid, actor, now| contact::update(conn, cid, &valid, actor, now),
    )
    .await?;
    let errors = match changed {
        Ok(()) => return saved(back_to(id), "staff-partner-contact-saved"),
        Err(errors) => errors,
    };
    let form = (&input, &errors);
    again(edit_page(
        &ctx,
        &staff,
        &csrf,
        None,
        (&p, cid),
        form,
        REFUSED,
    ))
    .await
}

#[post("/admin/partners/<id>/contacts/<cid>/remove", data = "<_form>")]
async fn remove(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    cid: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    managed_contact(&ctx, &staff, id, cid).await?;
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(contact::remove(conn, cid, &actor, now)?))
        .await?;
    Ok(Flash::success(back_to(id), "staff-partner-contact-removed"))
}

pub fn routes() -> Vec<Route> {
    routes![add, edit, save, remove]
}

//! The office's partner organisations: the list (with a choice of office for those who
//! manage several), an organisation's page with its contact persons, adding, changing and
//! removing organisations. Another office's organisation is not found, for every route.

use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{FromForm, Route, get, post, routes};

use super::form_page::{Answer, Page, REFUSED, again, save_form, saved};
use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{error_map, of_own_office, require_organiser, usable_offices};
use crate::db::DbConn;
use crate::domain::FieldErrors;
use crate::domain::audit::Actor;
use crate::domain::partner::contact::ContactInput;
use crate::domain::partner::organisation::{self, PartnerInput};
use crate::domain::partner::{self, KINDS, Partner, PartnerContact, ROLES};
use crate::i18n::{self, SUPPORTED};
use crate::web::Ctx;
use crate::web::errors::PageError;

/// An organisation this person may manage: another office's is not found (its existence
/// is not theirs to learn).
pub(super) async fn managed_partner(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
) -> Result<Partner, PageError> {
    let find = move |conn: &mut DbConn| partner::find(conn, id);
    of_own_office(ctx, staff, find, |p| p.office_id, PageError::NotFound).await
}

/// The office a partner page is about: the one asked for if it is theirs (else not found),
/// or the first they manage. Answers it with the offices to choose from.
pub(super) async fn chosen_office(
    ctx: &Ctx<'_>,
    staff: &Staff,
    asked: Option<i64>,
) -> Result<(Option<(i64, String)>, Vec<(i64, String)>), PageError> {
    require_organiser(staff)?;
    let offices = usable_offices(ctx, staff).await?;
    let chosen = match asked {
        Some(id) => Some(
            offices
                .iter()
                .find(|(o, _)| *o == id)
                .cloned()
                .ok_or(PageError::NotFound)?,
        ),
        None => offices.first().cloned(),
    };
    Ok((chosen, offices))
}

pub(super) fn kinds_json(lang: &str) -> Vec<Value> {
    KINDS
        .iter()
        .map(|k| json!({ "value": k, "label": i18n::text(lang, &format!("partner-kind-{k}")) }))
        .collect()
}

/// The choices of the contact form: roles and languages.
pub(super) fn contact_choices(lang: &str) -> (Vec<Value>, Vec<Value>) {
    let roles = ROLES
        .iter()
        .map(|r| json!({ "value": r, "label": i18n::text(lang, &format!("partner-role-{r}")) }))
        .collect();
    let languages = SUPPORTED
        .iter()
        .map(|l| json!({ "value": l, "label": i18n::native_name(l) }))
        .collect();
    (roles, languages)
}

pub(super) fn contact_json(lang: &str, c: &PartnerContact) -> Value {
    json!({ "id": c.id, "name": c.name, "email": c.email, "phone": c.phone,
            "role": i18n::text(lang, &format!("partner-role-{}", c.role)),
            "language": i18n::native_name(&c.language), "language_code": c.language })
}

async fn list_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    asked: Option<i64>,
    (form, errors): (&PartnerInput, &FieldErrors),
    status: Status,
) -> Result<Page, PageError> {
    let (chosen, offices) = chosen_office(ctx, staff, asked).await?;
    let office_id = chosen.as_ref().map(|(id, _)| *id);
    let list = match office_id {
        Some(id) => {
            ctx.db
                .page(move |conn| Ok(partner::of_office(conn, id)?))
                .await?
        }
        None => Vec::new(),
    };
    let lang = ctx.lang();
    let partners: Vec<Value> = list
        .iter()
        .map(|(p, n)| {
            json!({ "id": p.id, "name": p.name, "contacts": n,
                    "kind": i18n::text(lang, &format!("partner-kind-{}", p.kind)) })
        })
        .collect();
    let offices: Vec<Value> = offices
        .iter()
        .map(|(id, name)| json!({ "id": id, "name": name }))
        .collect();
    let context = json!({
        "office": chosen.map(|(id, name)| json!({ "id": id, "name": name })),
        "offices": offices, "partners": partners, "kinds": kinds_json(lang),
        "form": form, "errors": error_map(lang, errors),
    });
    let template = super::page(ctx, staff, csrf, flash, "staff/partners", context);
    Ok((status, template))
}

#[get("/admin/partners?<office>")]
async fn list(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    office: Option<i64>,
) -> Result<Page, PageError> {
    let form = PartnerInput {
        kind: Some("other".into()),
        ..Default::default()
    };
    let typed = (&form, &FieldErrors::new());
    list_page(&ctx, &staff, &csrf, flash, office, typed, Status::Ok).await
}

#[derive(Debug, FromForm)]
struct NewPartner {
    office: Option<i64>,
    partner: PartnerInput,
}

#[post("/admin/partners/new", data = "<form>")]
async fn add(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    form: Checked<NewPartner>,
) -> Result<Answer, PageError> {
    let NewPartner { office, partner } = form.0;
    let (chosen, _) = chosen_office(&ctx, &staff, Some(office.unwrap_or(-1))).await?;
    let office_id = chosen.map(|(id, _)| id).ok_or(PageError::NotFound)?;
    let added = save_form(
        &ctx,
        &staff,
        partner.check(),
        move |conn, valid, actor, now| organisation::add(conn, office_id, &valid, actor, now),
    )
    .await?;
    let errors = match added {
        Ok(id) => {
            let to = Redirect::to(format!("/admin/partners/{id}"));
            return saved(to, "staff-partner-added");
        }
        Err(errors) => errors,
    };
    let typed = (&partner, &errors);
    again(list_page(&ctx, &staff, &csrf, None, office, typed, REFUSED)).await
}

/// The forms of an organisation's page: the organisation's own and a new contact's.
pub(super) struct Forms<'a> {
    pub partner: &'a PartnerInput,
    pub contact: &'a ContactInput,
    pub errors: &'a FieldErrors,
    /// Which form the errors belong to: "partner" or "contact".
    pub failed: &'static str,
}

pub(super) async fn partner_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    p: &Partner,
    forms: Forms<'_>,
    status: Status,
) -> Result<Page, PageError> {
    let id = p.id;
    let contacts = ctx
        .db
        .page(move |conn| Ok(partner::contacts_of(conn, id)?))
        .await?;
    let lang = ctx.lang();
    let (roles, languages) = contact_choices(lang);
    let errors = error_map(lang, forms.errors);
    let (partner_errors, contact_errors) = if forms.failed == "contact" {
        (serde_json::Map::new(), errors)
    } else {
        (errors, serde_json::Map::new())
    };
    let context = json!({
        "partner": { "id": p.id, "name": p.name, "office_id": p.office_id,
                     "kind": i18n::text(lang, &format!("partner-kind-{}", p.kind)) },
        "contacts": contacts.iter().map(|c| contact_json(lang, c)).collect::<Vec<_>>(),
        "kinds": kinds_json(lang), "roles": roles, "contact_languages": languages,
        "form": forms.partner, "errors": partner_errors,
        "contact": forms.contact, "contact_errors": contact_errors,
    });
    let template = super::page(ctx, staff, csrf, flash, "staff/partner", context);
    Ok((status, template))
}

#[get("/admin/partners/<id>")]
async fn show(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Page, PageError> {
    let p = managed_partner(&ctx, &staff, id).await?;
    let forms = Forms {
        partner: &PartnerInput::of(&p),
        contact: &ContactInput::fresh(),
        errors: &FieldErrors::new(),
        failed: "",
    };
    partner_page(&ctx, &staff, &csrf, flash, &p, forms, Status::Ok).await
}

#[post("/admin/partners/<id>", data = "<form>")]
async fn save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<PartnerInput>,
) -> Result<Answer, PageError> {
    let p = managed_partner(&ctx, &staff, id).await?;
    let input = form.0;
    let changed = save_form(
        &ctx,
        &staff,
        input.check(),
        move |conn, valid, actor, now| organisation::update(conn, id, &valid, actor, now),
    )
    .await?;
    let errors = match changed {
        Ok(()) => {
            return saved(
                Redirect::to(format!("/admin/partners/{id}")),
                "staff-partner-saved",
            );
        }
        Err(errors) => errors,
    };
    let forms = Forms {
        partner: &input,
        contact: &ContactInput::fresh(),
        errors: &errors,
        failed: "partner",
    };
    again(partner_page(&ctx, &staff, &csrf, None, &p, forms, REFUSED)).await
}

#[post("/admin/partners/<id>/remove", data = "<_form>")]
async fn remove(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    let p = managed_partner(&ctx, &staff, id).await?;
    let (actor, now): (Actor, _) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(organisation::remove(conn, id, &actor, now)?))
        .await?;
    Ok(Flash::success(
        Redirect::to(format!("/admin/partners?office={}", p.office_id)),
        "staff-partner-removed",
    ))
}

pub fn routes() -> Vec<Route> {
    routes![list, add, show, save, remove]
}

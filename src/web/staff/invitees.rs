//! The invitation list of a series or a single meeting: whole organisations and single
//! persons of the office's partners. A meeting's page shows its series' list too, and who
//! the two lists together invite.

use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{FromForm, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::partners::managed_partner;
use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{managed_series, own_event, series_of};
use crate::domain::partner::invitees::{self, Entry, List, contacts_for_event};
use crate::domain::partner::{self};
use crate::i18n;
use crate::web::Ctx;
use crate::web::errors::PageError;

type Page = (Status, Template);

/// A list with what its page needs to know of its owner.
struct Owner {
    list: List,
    office_id: i64,
    title: String,
    /// A meeting's series: `(id, title)`.
    series: Option<(i64, String)>,
}

impl Owner {
    fn base(&self) -> String {
        match self.list {
            List::Event(id) => format!("/admin/events/{id}/invitees"),
            List::Series(id) => format!("/admin/series/{id}/invitees"),
        }
    }
}

/// Another office's meeting is not found here (the dashboard answers 403; a list names
/// partners, whose existence is not another office's to learn).
async fn of_event(ctx: &Ctx<'_>, staff: &Staff, id: i64) -> Result<Owner, PageError> {
    let e = own_event(ctx, staff, id).await?;
    let series = series_of(ctx, &e).await?;
    Ok(Owner {
        list: List::Event(e.id),
        office_id: e.office_id,
        title: e.title,
        series,
    })
}

async fn of_series(ctx: &Ctx<'_>, staff: &Staff, id: i64) -> Result<Owner, PageError> {
    let s = managed_series(ctx, staff, id).await?;
    Ok(Owner {
        list: List::Series(s.id),
        office_id: s.office_id,
        title: s.title,
        series: None,
    })
}

fn entry_json(lang: &str, e: &Entry) -> Value {
    json!({
        "id": e.id, "partner": { "id": e.partner.id, "name": e.partner.name },
        "kind": i18n::text(lang, &format!("partner-kind-{}", e.partner.kind)),
        "members": e.members,
        "contact": e.contact.as_ref().map(|c| json!({ "name": c.name, "email": c.email,
            "role": i18n::text(lang, &format!("partner-role-{}", c.role)) })),
    })
}

async fn list_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    owner: &Owner,
) -> Result<Page, PageError> {
    let (list, office, series) = (owner.list, owner.office_id, owner.series.clone());
    let (own, inherited, invited, partners, contacts) = ctx
        .db
        .page(move |conn| {
            let own = invitees::entries(conn, list)?;
            let inherited = match series {
                Some((s, _)) => invitees::entries(conn, List::Series(s))?,
                None => Vec::new(),
            };
            let invited = match list {
                List::Event(id) => Some(contacts_for_event(conn, id)?),
                List::Series(_) => None,
            };
            let partners = partner::of_office(conn, office)?;
            let contacts = partner::contacts_of_office(conn, office)?;
            Ok((own, inherited, invited, partners, contacts))
        })
        .await?;
    let lang = ctx.lang();
    let partners: Vec<Value> = partners
        .iter()
        .map(|(p, n)| json!({ "id": p.id, "name": p.name, "contacts": n }))
        .collect();
    // the persons grouped by organisation, for the choice's option groups
    let mut groups: Vec<Value> = Vec::new();
    for (c, p) in &contacts {
        let person = json!({ "id": c.id, "name": c.name, "email": c.email,
            "role": i18n::text(lang, &format!("partner-role-{}", c.role)) });
        match groups.last_mut() {
            Some(g) if g["id"] == json!(p.id) => {
                if let Some(list) = g["people"].as_array_mut() {
                    list.push(person);
                }
            }
            _ => groups.push(json!({ "id": p.id, "name": p.name, "people": [person] })),
        }
    }
    let invited: Option<Vec<Value>> = invited.map(|list| {
        list.iter()
            .map(|i| json!({ "name": i.contact.name, "email": i.contact.email,
                             "partner": i.partner.name,
                             "role": i18n::text(lang, &format!("partner-role-{}", i.contact.role)) }))
            .collect()
    });
    let context = json!({
        "title": owner.title, "base": owner.base(),
        "event_id": match owner.list { List::Event(id) => Some(id), List::Series(_) => None },
        "series": owner.series.as_ref().map(|(id, title)| json!({ "id": id, "title": title })),
        "entries": own.iter().map(|e| entry_json(lang, e)).collect::<Vec<_>>(),
        "inherited": inherited.iter().map(|e| entry_json(lang, e)).collect::<Vec<_>>(),
        "invited": invited, "partners": partners, "groups": groups, "office_id": office,
    });
    let template = super::page(ctx, staff, csrf, flash, "staff/invitees", context);
    Ok((Status::Ok, template))
}

#[get("/admin/events/<id>/invitees")]
async fn event_list(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Page, PageError> {
    let owner = of_event(&ctx, &staff, id).await?;
    list_page(&ctx, &staff, &csrf, flash, &owner).await
}

#[get("/admin/series/<id>/invitees")]
async fn series_list(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Page, PageError> {
    let owner = of_series(&ctx, &staff, id).await?;
    list_page(&ctx, &staff, &csrf, flash, &owner).await
}

/// An organisation (`partner`) or a person (`contact`) to put on the list.
#[derive(Debug, FromForm)]
struct AddForm {
    partner: Option<i64>,
    contact: Option<i64>,
}

async fn add(
    ctx: &Ctx<'_>,
    staff: &Staff,
    owner: Owner,
    form: AddForm,
) -> Result<Flash<Redirect>, PageError> {
    let back = Redirect::to(owner.base());
    let (list, office, actor, now) = (owner.list, owner.office_id, staff.actor(), ctx.now());
    let added = match (form.partner, form.contact) {
        (_, Some(c)) => {
            ctx.db
                .page(move |conn| Ok(invitees::add_contact(conn, list, office, c, &actor, now)?))
                .await?
        }
        (Some(p), None) => {
            // another office's organisation: not found, as on its own page
            managed_partner(ctx, staff, p).await?;
            ctx.db
                .page(move |conn| Ok(invitees::add_partner(conn, list, office, p, &actor, now)?))
                .await?
        }
        (None, None) => return Ok(Flash::error(back, "staff-invitee-choose")),
    };
    Ok(if added {
        Flash::success(back, "staff-invitee-added")
    } else {
        Flash::warning(back, "staff-invitee-already")
    })
}

#[post("/admin/events/<id>/invitees", data = "<form>")]
async fn event_add(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    form: Checked<AddForm>,
) -> Result<Flash<Redirect>, PageError> {
    let owner = of_event(&ctx, &staff, id).await?;
    add(&ctx, &staff, owner, form.0).await
}

#[post("/admin/series/<id>/invitees", data = "<form>")]
async fn series_add(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    form: Checked<AddForm>,
) -> Result<Flash<Redirect>, PageError> {
    let owner = of_series(&ctx, &staff, id).await?;
    add(&ctx, &staff, owner, form.0).await
}

async fn remove(
    ctx: &Ctx<'_>,
    staff: &Staff,
    owner: Owner,
    entry: i64,
) -> Result<Flash<Redirect>, PageError> {
    let (list, actor, now) = (owner.list, staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(invitees::remove(conn, list, entry, &actor, now)?))
        .await?;
    Ok(Flash::success(
        Redirect::to(owner.base()),
        "staff-invitee-removed",
    ))
}

#[post("/admin/events/<id>/invitees/<entry>/remove", data = "<_form>")]
async fn event_remove(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    entry: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    let owner = of_event(&ctx, &staff, id).await?;
    remove(&ctx, &staff, owner, entry).await
}

#[post("/admin/series/<id>/invitees/<entry>/remove", data = "<_form>")]
async fn series_remove(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    entry: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    let owner = of_series(&ctx, &staff, id).await?;
    remove(&ctx, &staff, owner, entry).await
}

pub fn routes() -> Vec<Route> {
    routes![
        event_list,
        series_list,
        event_add,
        series_add,
        event_remove,
        series_remove
    ]
}

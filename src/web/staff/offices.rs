//! Administrators' pages for what meetings are filed under: organising offices and topics
//! (categories), listed together and each added through one form.

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, post, routes};

use super::session::{Checked, CsrfToken, Staff};
use super::topic_names::{self, NamesForm};
use super::{Page, error_map, page, require_admin};
use crate::domain::FieldErrors;
use crate::domain::audit;
use crate::domain::event;
use crate::domain::validate::is_deliverable_email;
use crate::web::Ctx;
use crate::web::errors::PageError;

#[derive(Debug, FromForm, serde::Serialize)]
struct OfficeForm {
    office_name: Option<String>,
    office_email: Option<String>,
    office_phone: Option<String>,
}

async fn offices_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    status: Status,
    form: serde_json::Value,
    errors: &FieldErrors,
) -> Result<Page, PageError> {
    let (offices, categories) = ctx
        .db
        .page(|conn| Ok((event::all_offices(conn)?, event::all_categories(conn)?)))
        .await?;
    let offices: Vec<_> = offices.iter().map(|o| json!({"id": o.id, "name": o.name, "email": o.email, "phone": o.phone, "slug": o.slug})).collect();
    let categories: Vec<_> = categories
        .iter()
        .map(|c| {
            json!({"id": c.id, "slug": c.slug, "name_de": c.name_de, "name_en": c.name_en,
                   "named_in": topic_names::named_in(c).join(", ")})
        })
        .collect();
    let errors = serde_json::Value::Object(error_map(ctx.lang(), errors));
    let empty = json!({});
    let category_fields =
        topic_names::fields(ctx.lang(), form.get("category").unwrap_or(&empty), &errors);
    Ok((
        status,
        page(
            ctx,
            staff,
            csrf,
            flash,
            "staff/offices",
            json!({ "offices": offices, "categories": categories, "category_fields": category_fields,
                    "form": form, "errors": errors }),
        ),
    ))
}

#[get("/admin/offices")]
async fn offices(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<Page, PageError> {
    require_admin(&staff)?;
    offices_page(
        &ctx,
        &staff,
        &csrf,
        flash,
        Status::Ok,
        json!({}),
        &FieldErrors::new(),
    )
    .await
}

#[post("/admin/offices", data = "<form>")]
async fn add_office(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    form: Checked<OfficeForm>,
) -> Result<Either<Flash<Redirect>, Page>, PageError> {
    require_admin(&staff)?;
    let f = form.0;
    let name = f.office_name.clone().unwrap_or_default().trim().to_owned();
    let email = f.office_email.clone().unwrap_or_default().trim().to_owned();
    let phone = f.office_phone.clone().unwrap_or_default().trim().to_owned();
    let mut errors = FieldErrors::new();
    if name.is_empty() || name.chars().count() > 200 {
        errors.insert("office_name", "error-required");
    } else if let Some(problem) = crate::domain::validate::single_line_problem(&name) {
        errors.insert("office_name", problem);
    }
    if let Some(problem) = crate::domain::validate::single_line_problem(&phone) {
        errors.insert("office_phone", problem);
    }
    if !email.is_empty() && !is_deliverable_email(&email) {
        errors.insert("office_email", "error-email-invalid");
    }
    if phone.chars().count() > 50 {
        errors.insert("office_phone", "error-too-long");
    }
    let form = json!({ "office": f });
    add_listed(
        &ctx,
        &staff,
        &csrf,
        (form, errors),
        ("office", name.clone()),
        move |conn| {
            let slug = event::free_slug(conn, event::SlugOf::Office, &name, "x")?;
            event::insert_office(conn, &slug, &name, &email, &phone)
        },
    )
    .await
}

#[post("/admin/categories", data = "<form>")]
async fn add_category(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    form: Checked<NamesForm>,
) -> Result<Either<Flash<Redirect>, Page>, PageError> {
    require_admin(&staff)?;
    let f = form.0;
    let (names, errors) = match f.check() {
        Ok(names) => (names, FieldErrors::new()),
        Err(errors) => (Vec::new(), errors),
    };
    let de = topic_names::name_of(&names, "de").to_owned();
    let form = json!({ "category": f });
    add_listed(
        &ctx,
        &staff,
        &csrf,
        (form, errors),
        ("category", de.clone()),
        move |conn| {
            let slug = event::free_slug(conn, event::SlugOf::Category, &de, "x")?;
            let en = topic_names::name_of(&names, "en");
            let id = event::insert_category(conn, &slug, &de, en)?;
            event::set_category_names(conn, id, &names)?;
            Ok(id)
        },
    )
    .await
}

/// Adds an office or a category from the offices page, the one way for both: with a
/// problem the page comes back (422) with the form kept and the reasons at its fields;
/// else `insert` writes the row and the audit log records `<kind>.create` with `detail`,
/// in one transaction.
async fn add_listed<F>(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    (form, errors): (serde_json::Value, FieldErrors),
    (kind, detail): (&'static str, String),
    insert: F,
) -> Result<Either<Flash<Redirect>, Page>, PageError>
where
    F: FnOnce(&mut crate::db::DbConn) -> diesel::QueryResult<i64> + Send + 'static,
{
    if !errors.is_empty() {
        return offices_page(
            ctx,
            staff,
            csrf,
            None,
            Status::UnprocessableEntity,
            form,
            &errors,
        )
        .await
        .map(Either::Right);
    }
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                let id = insert(conn)?;
                audit::record(
                    conn,
                    &actor,
                    &format!("{kind}.create"),
                    (kind, Some(id)),
                    &detail,
                    now,
                )
            })
            .map_err(PageError::from)
        })
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to("/admin/offices"),
        "staff-saved",
    )))
}

pub fn routes() -> Vec<Route> {
    routes![offices, add_office, add_category]
}

//! The meeting form: creating and editing a meeting (also postponing and changing its
//! capacity), shown again with the values kept and a message at each field.

use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Either, get, post};
use rocket_dyn_templates::Template;

use crate::domain::FieldErrors;
use crate::domain::manage::{self, EventInput};
use crate::domain::{event, event_text};
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::staff::session::{Checked, CsrfToken, Staff};
use crate::web::staff::{error_map, managed_event, page, require_organiser, usable_offices};

/// A form shown (again), with the status to answer with.
pub(crate) type FormPage = (Status, Template);

pub(crate) async fn form_context(
    ctx: &Ctx<'_>,
    staff: &Staff,
) -> Result<serde_json::Value, PageError> {
    let offices = usable_offices(ctx, staff).await?;
    let lang = ctx.lang();
    let (categories, series) = ctx
        .db
        .page(|conn| Ok((event::all_categories(conn)?, event::all_series(conn)?)))
        .await?;
    // every language of the site but the meeting's own, then Leichte Sprache
    let translations: Vec<serde_json::Value> = crate::i18n::SUPPORTED
        .iter()
        .filter(|code| **code != ctx.visitor.content_lang)
        .map(|code| json!({"code": code, "name": crate::i18n::native_name(code)}))
        .chain(std::iter::once(json!({
            "code": event_text::LEICHTE_SPRACHE,
            "name": crate::i18n::text(lang, "staff-easy-read"),
            "help": crate::i18n::text(lang, "staff-easy-read-help"),
        })))
        .collect();
    Ok(json!({
        "translation_languages": translations,
        "offices": offices.iter().map(|(id, name)| json!({"id": id.to_string(), "name": name})).collect::<Vec<_>>(),
        "categories": categories.iter().map(|c| json!({"id": c.id.to_string(), "name": c.name(lang)})).collect::<Vec<_>>(),
        "series": series.iter().filter(|s| staff.can_manage_office(s.office_id))
            .map(|s| json!({"id": s.id.to_string(), "title": s.title})).collect::<Vec<_>>(),
    }))
}

async fn event_form(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    (status, action, heading): (Status, String, &str),
    input: &EventInput,
    errors: &FieldErrors,
) -> Result<FormPage, PageError> {
    let mut c = form_context(ctx, staff).await?;
    c["form"] = json!(input);
    c["errors"] = json!(error_map(ctx.lang(), errors));
    c["action"] = json!(action);
    c["heading"] = json!(heading);
    Ok((status, page(ctx, staff, csrf, None, "staff/event_form", c)))
}

/// The form's input checked against every rule, those of stored data too (see
/// `EventInput::check`).
pub(crate) async fn checked(
    ctx: &Ctx<'_>,
    staff: &Staff,
    input: &EventInput,
) -> Result<Result<manage::EventFields, FieldErrors>, PageError> {
    let (tz, lang, now) = (
        ctx.settings.tz(),
        ctx.settings.default_language.clone(),
        ctx.now(),
    );
    let (input, staff) = (input.clone(), staff.clone());
    ctx.db
        .page(move |conn| {
            let may_use = |o: i64| staff.can_manage_office(o);
            Ok(input.check(conn, tz, (&lang, now), &may_use)?)
        })
        .await
}

#[get("/admin/events/new")]
pub(super) async fn new_form(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
) -> Result<FormPage, PageError> {
    require_organiser(&staff)?;
    let offices = usable_offices(&ctx, &staff).await?;
    let input = EventInput {
        office_id: offices.first().map(|(id, _)| id.to_string()),
        max_companions: Some("0".into()),
        waitlist_enabled: Some("on".into()),
        visibility: Some("public".into()),
        reminder_hours: Some("24".into()),
        ..Default::default()
    };
    event_form(
        &ctx,
        &staff,
        &csrf,
        (Status::Ok, "/admin/events/new".into(), "staff-new-event"),
        &input,
        &FieldErrors::new(),
    )
    .await
}

#[post("/admin/events/new", data = "<form>")]
pub(super) async fn create(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    form: Checked<EventInput>,
) -> Result<Either<Flash<Redirect>, FormPage>, PageError> {
    require_organiser(&staff)?;
    let input = form.0;
    let fields = match checked(&ctx, &staff, &input).await? {
        Ok(f) => f,
        Err(errors) => {
            return event_form(
                &ctx,
                &staff,
                &csrf,
                (
                    Status::UnprocessableEntity,
                    "/admin/events/new".into(),
                    "staff-new-event",
                ),
                &input,
                &errors,
            )
            .await
            .map(Either::Right);
        }
    };
    let (actor, now) = (staff.actor(), ctx.now());
    let id = ctx
        .db
        .page(move |conn| Ok(manage::create(conn, &fields, &actor, now)?))
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to(format!("/admin/events/{id}")),
        "staff-saved-draft",
    )))
}

#[get("/admin/events/<id>/edit")]
pub(super) async fn edit_form(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
) -> Result<FormPage, PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    let tz = ctx.settings.tz();
    let input = ctx
        .db
        .page(move |conn| Ok(EventInput::of_stored(conn, &e, tz)?))
        .await?;
    event_form(
        &ctx,
        &staff,
        &csrf,
        (
            Status::Ok,
            format!("/admin/events/{id}/edit"),
            "staff-edit-event",
        ),
        &input,
        &FieldErrors::new(),
    )
    .await
}

#[post("/admin/events/<id>/edit", data = "<form>")]
pub(super) async fn update(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<EventInput>,
) -> Result<Either<Flash<Redirect>, FormPage>, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let input = form.0;
    let fields = match checked(&ctx, &staff, &input).await? {
        Ok(f) => f,
        Err(errors) => {
            return event_form(
                &ctx,
                &staff,
                &csrf,
                (
                    Status::UnprocessableEntity,
                    format!("/admin/events/{id}/edit"),
                    "staff-edit-event",
                ),
                &input,
                &errors,
            )
            .await
            .map(Either::Right);
        }
    };
    let (actor, now) = (staff.actor(), ctx.now());
    let edited = ctx
        .db
        .page(move |conn| Ok(manage::update(conn, id, &fields, &actor, now)?))
        .await?;
    let message = if edited.over_capacity {
        "staff-saved-over-capacity"
    } else {
        "staff-saved"
    };
    let redirect = Redirect::to(format!("/admin/events/{id}"));
    Ok(Either::Left(if edited.over_capacity {
        Flash::warning(redirect, message)
    } else {
        Flash::success(redirect, message)
    }))
}

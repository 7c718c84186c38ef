//! Managing meetings: list, create, edit (also postpone and capacity), preview, publish,
//! unpublish, duplicate, cancel; and creating recurring series.

use diesel::prelude::*;
use rocket::form::FromForm;
use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{error_map, managed_event, page, require_organiser, usable_offices};
use crate::db::schema::events;
use crate::domain::event::{self, Event};
use crate::domain::manage::{self, EventInput};
use crate::domain::roster;
use crate::domain::series_plan::{self, Recurrence};
use crate::domain::{DomainError, FieldErrors};
use crate::web::errors::PageError;
use crate::web::view::{EventPage, availability_text};
use crate::web::{Ctx, render};

type FormPage = (Status, Template);

/// Meetings of the person's offices (all for administrators), soonest first, drafts too.
#[get("/admin")]
async fn list(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<Template, PageError> {
    if !staff.user.is_organiser() {
        return Ok(page(
            &ctx,
            &staff,
            &csrf,
            flash,
            "staff/home",
            json!({ "events": [] }),
        ));
    }
    let offices = staff.offices.clone();
    let admin = staff.user.is_admin();
    let since = ctx.now() - chrono::Duration::days(90);
    let rows = ctx
        .db
        .run(move |conn| {
            let mut q = events::table
                .filter(events::ends_at.ge(since))
                .order((events::starts_at.asc(), events::id.asc()))
                .select(Event::as_select())
                .into_boxed();
            if !admin {
                q = q.filter(events::office_id.eq_any(offices));
            }
            let list: Vec<Event> = q.load(conn)?;
            let ids: Vec<i64> = list.iter().map(|e| e.id).collect();
            let occupancy = event::occupancy_of(conn, &ids)?;
            Ok::<_, PageError>((list, occupancy))
        })
        .await?;
    let (list, occupancy) = rows;
    let fmt = ctx.fmt();
    let now = ctx.now();
    let events: Vec<_> = list
        .iter()
        .map(|e| {
            let o = occupancy.get(&e.id).copied().unwrap_or_default();
            let a = crate::domain::availability::Availability::of(e, o, now);
            json!({
                "id": e.id, "title": e.title, "when": fmt.span(e.starts_at, e.ends_at), "status": e.status,
                "visibility": e.visibility, "capacity": e.capacity, "confirmed_seats": o.confirmed_seats,
                "waiting": o.waiting, "availability_text": availability_text(ctx.lang(), a),
            })
        })
        .collect();
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/home",
        json!({ "events": events }),
    ))
}

async fn form_context(ctx: &Ctx<'_>, staff: &Staff) -> Result<serde_json::Value, PageError> {
    let offices = usable_offices(ctx, staff).await?;
    let lang = ctx.lang();
    let (categories, series) = ctx
        .db
        .run(|conn| Ok::<_, PageError>((event::all_categories(conn)?, event::all_series(conn)?)))
        .await?;
    Ok(json!({
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
async fn checked(
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
        .run(move |conn| {
            let may_use = |o: i64| staff.can_manage_office(o);
            Ok::<_, PageError>(input.check(conn, tz, (&lang, now), &may_use)?)
        })
        .await
}

#[get("/admin/events/new")]
async fn new_form(ctx: Ctx<'_>, staff: Staff, csrf: CsrfToken) -> Result<FormPage, PageError> {
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
async fn create(
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
        .run(move |conn| Ok::<_, PageError>(manage::create(conn, &fields, &actor, now)?))
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to(format!("/admin/events/{id}")),
        "staff-saved-draft",
    )))
}

/// The meeting's dashboard: state, seats, charts and the actions.
#[get("/admin/events/<id>")]
async fn dashboard(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Template, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let (detail, counts, timeline, siblings) = ctx
        .db
        .run(move |conn| {
            let detail = event::find_detail(conn, id)?.ok_or(PageError::NotFound)?;
            let counts = roster::counts(conn, id)?;
            let timeline = super::registrations::timeline(conn, id)?;
            let siblings = event::series_siblings(conn, &detail.event, true)?;
            Ok::<_, PageError>((detail, counts, timeline, siblings))
        })
        .await?;
    let fmt = ctx.fmt();
    let now = ctx.now();
    let event = EventPage::new(&detail, &fmt, now);
    let registrations_chart = crate::web::chart::registrations_over_time(
        &timeline,
        detail.event.capacity,
        &fmt,
        ctx.lang(),
    );
    let checkin_chart = crate::web::chart::progress(
        counts.checked_in_seats,
        counts.confirmed_seats,
        detail.event.capacity,
        ctx.lang(),
    );
    let siblings: Vec<_> = siblings
        .iter()
        .map(|e| json!({"id": e.id, "when": fmt.span(e.starts_at, e.ends_at)}))
        .collect();
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/event",
        json!({
            "event": event, "status": detail.event.status, "visibility": detail.event.visibility,
            "counts": counts, "registrations_chart": registrations_chart, "checkin_chart": checkin_chart,
            "seats_left": detail.event.capacity.map(|c| (i64::from(c) - counts.confirmed_seats).max(0)),
            "over_capacity": detail.event.capacity.is_some_and(|c| counts.confirmed_seats > i64::from(c)),
            "siblings": siblings, "public_url": ctx.absolute(&event.path),
            "can_withdraw": counts.confirmed + counts.waiting == 0,
        }),
    ))
}

#[get("/admin/events/<id>/edit")]
async fn edit_form(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
) -> Result<FormPage, PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    let tz = ctx.settings.tz();
    let input = ctx
        .db
        .run(move |conn| Ok::<_, PageError>(EventInput::of_stored(conn, &e, tz)?))
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
async fn update(
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
        .run(move |conn| Ok::<_, PageError>(manage::update(conn, id, &fields, &actor, now)))
        .await?;
    let edited = edited.map_err(PageError::from)?;
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

/// The public page as it will look, also for drafts.
#[get("/admin/events/<id>/preview")]
async fn preview(ctx: Ctx<'_>, staff: Staff, id: i64) -> Result<Template, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let detail = ctx
        .db
        .run(move |conn| Ok::<_, PageError>(event::find_detail(conn, id)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let page = EventPage::new(&detail, &ctx.fmt(), ctx.now());
    Ok(render(
        "event",
        &ctx.visitor,
        json!({ "event": page, "form": {}, "errors": {}, "preview": true, "preview_back": format!("/admin/events/{id}") }),
    ))
}

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
        .run(move |conn| Ok::<_, PageError>(manage::set_published(conn, id, publish, &actor, now)))
        .await?;
    let back = Redirect::to(format!("/admin/events/{id}"));
    Ok(match result {
        Ok(()) => Flash::success(
            back,
            if publish {
                "staff-published"
            } else {
                "staff-unpublished"
            },
        ),
        Err(DomainError::Closed("staff-withdraw-has-registrations")) => {
            Flash::error(back, "staff-withdraw-has-registrations")
        }
        Err(DomainError::Closed(_)) => Flash::error(back, "staff-cancelled-stays"),
        Err(e) => return Err(e.into()),
    })
}

#[post("/admin/events/<id>/publish", data = "<_form>")]
async fn publish(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    status_change(&ctx, &staff, id, true).await
}

#[post("/admin/events/<id>/unpublish", data = "<_form>")]
async fn unpublish(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    status_change(&ctx, &staff, id, false).await
}

#[post("/admin/events/<id>/duplicate", data = "<_form>")]
async fn duplicate(
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
        .run(move |conn| Ok::<_, PageError>(manage::duplicate(conn, id, &suffix, &actor, now)))
        .await?
        .map_err(PageError::from)?;
    Ok(Flash::success(
        Redirect::to(format!("/admin/events/{new_id}/edit")),
        "staff-duplicated",
    ))
}

#[derive(Debug, FromForm)]
struct CancelForm {
    reason: Option<String>,
}

#[post("/admin/events/<id>/cancel", data = "<form>")]
async fn cancel(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    form: Checked<CancelForm>,
) -> Result<Flash<Redirect>, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let reason = form.0.reason.unwrap_or_default();
    let (actor, now) = (staff.actor(), ctx.now());
    let result = ctx
        .db
        .run(move |conn| Ok::<_, PageError>(manage::cancel(conn, id, &reason, &actor, now)))
        .await?;
    let back = Redirect::to(format!("/admin/events/{id}"));
    Ok(match result {
        Ok(()) => Flash::success(back, "staff-event-cancelled"),
        Err(DomainError::Invalid(_)) => Flash::error(back, "staff-cancel-reason-needed"),
        Err(e) => return Err(e.into()),
    })
}

#[derive(Debug, Default, FromForm, serde::Serialize)]
struct SeriesForm {
    event: EventInput,
    interval_weeks: Option<String>,
    until: Option<String>,
    exceptions: Option<String>,
    publish: Option<String>,
}

async fn series_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    status: Status,
    form: &SeriesForm,
    errors: &FieldErrors,
) -> Result<FormPage, PageError> {
    let mut c = form_context(ctx, staff).await?;
    c["form"] = json!(form);
    c["errors"] = json!(error_map(ctx.lang(), errors));
    Ok((status, page(ctx, staff, csrf, None, "staff/series_form", c)))
}

#[get("/admin/series/new")]
async fn series_new(ctx: Ctx<'_>, staff: Staff, csrf: CsrfToken) -> Result<FormPage, PageError> {
    require_organiser(&staff)?;
    let offices = usable_offices(&ctx, &staff).await?;
    let form = SeriesForm {
        event: EventInput {
            office_id: offices.first().map(|(id, _)| id.to_string()),
            max_companions: Some("0".into()),
            waitlist_enabled: Some("on".into()),
            reminder_hours: Some("24".into()),
            ..Default::default()
        },
        interval_weeks: Some("2".into()),
        ..Default::default()
    };
    series_page(&ctx, &staff, &csrf, Status::Ok, &form, &FieldErrors::new()).await
}

#[post("/admin/series/new", data = "<form>")]
async fn series_create(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    form: Checked<SeriesForm>,
) -> Result<Either<Flash<Redirect>, FormPage>, PageError> {
    require_organiser(&staff)?;
    let form = form.0;
    let tz = ctx.settings.tz();
    let mut errors = FieldErrors::new();
    let fields = checked(&ctx, &staff, &form.event)
        .await?
        .map_err(|e| errors.extend(e))
        .ok();
    let recurrence = Recurrence::parse(
        form.interval_weeks.as_deref(),
        form.until.as_deref(),
        form.exceptions.as_deref(),
        &mut errors,
    );
    if let (Some(f), Some(r)) = (&fields, &recurrence) {
        let first = chrono::TimeZone::from_utc_datetime(&tz, &f.starts_at).date_naive();
        let last = r.until.and_time(chrono::NaiveTime::MIN);
        if r.until < first {
            errors.insert("until", "error-until-before-start");
        } else if !manage::in_date_window(last, ctx.now()) {
            errors.insert("until", "error-date-out-of-range");
        } else if first
            + chrono::Duration::weeks(r.interval_weeks * series_plan::MAX_OCCURRENCES as i64)
            <= r.until
        {
            errors.insert("until", "error-series-too-long");
        }
    }
    let (Some(fields), Some(recurrence)) = (fields, recurrence) else {
        return series_page(
            &ctx,
            &staff,
            &csrf,
            Status::UnprocessableEntity,
            &form,
            &errors,
        )
        .await
        .map(Either::Right);
    };
    if !errors.is_empty() {
        return series_page(
            &ctx,
            &staff,
            &csrf,
            Status::UnprocessableEntity,
            &form,
            &errors,
        )
        .await
        .map(Either::Right);
    }
    let publish = form.publish.is_some();
    let (actor, now) = (staff.actor(), ctx.now());
    let (_, ids) = ctx
        .db
        .run(move |conn| {
            Ok::<_, PageError>(series_plan::create(
                conn,
                &fields,
                &recurrence,
                publish,
                tz,
                &actor,
                now,
            )?)
        })
        .await?;
    let first = ids.first().copied().unwrap_or_default();
    Ok(Either::Left(Flash::success(
        Redirect::to(format!("/admin/events/{first}")),
        "staff-series-created",
    )))
}

pub fn routes() -> Vec<Route> {
    routes![
        list,
        new_form,
        create,
        dashboard,
        edit_form,
        update,
        preview,
        publish,
        unpublish,
        duplicate,
        cancel,
        series_new,
        series_create
    ]
}

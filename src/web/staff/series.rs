//! Creating recurring series: one form for the meeting and the recurrence, then every
//! date of the plan as its own meeting.

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, post, routes};

use crate::domain::FieldErrors;
use crate::domain::manage::{self, EventInput};
use crate::domain::series_plan::{self, Recurrence};
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::staff::events::form::{FormPage, checked, form_context};
use crate::web::staff::session::{Checked, CsrfToken, Staff};
use crate::web::staff::{error_map, page, require_organiser, usable_offices};

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
        let first = chrono::TimeZone::from_utc_datetime(&tz, &f.columns.starts_at).date_naive();
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
        .page(move |conn| {
            Ok(series_plan::create(
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
    routes![series_new, series_create]
}

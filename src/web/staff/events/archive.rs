//! The archive: every meeting of the person's offices, past ones too, searched and
//! filtered, a page at a time, with the same rows (and links to each meeting's pages) as the
//! list of current meetings.

use chrono::{NaiveDate, TimeZone};
use rocket::get;
use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::serde::json::serde_json::json;
use rocket_dyn_templates::Template;

use super::list::rows_of;
use crate::domain::FieldErrors;
use crate::domain::event::{self, STATUS_CANCELLED, STATUS_DRAFT, STATUS_PUBLISHED, archive};
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::staff::session::{CsrfToken, Staff};
use crate::web::staff::{self, error_map, require_organiser, usable_offices};

const STATES: [&str; 3] = [STATUS_PUBLISHED, STATUS_DRAFT, STATUS_CANCELLED];

/// The filter as typed, kept for the form; numbers and dates are read in [`read`].
#[derive(Debug, Default, Clone, serde::Serialize)]
struct Typed {
    q: String,
    office: String,
    category: String,
    series: String,
    status: String,
    from: String,
    to: String,
}

/// A local calendar day's first moment, in UTC.
fn day_start(ctx: &Ctx<'_>, d: NaiveDate) -> chrono::NaiveDateTime {
    let local = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    ctx.settings
        .tz()
        .from_local_datetime(&local)
        .earliest()
        .map_or(local, |t| t.naive_utc())
}

/// The filter from the form, or the fields that cannot be read (left out of the search).
fn read(ctx: &Ctx<'_>, t: &Typed, errors: &mut FieldErrors) -> archive::Filter {
    let mut id = |field: &'static str, v: &str| match v.trim() {
        "" => None,
        s => s.parse::<i64>().ok().or_else(|| {
            errors.insert(field, "error-choice-invalid");
            None
        }),
    };
    let (office, category, series) = (
        id("office", &t.office),
        id("category", &t.category),
        id("series", &t.series),
    );
    let status = match t.status.trim() {
        "" => None,
        s if STATES.contains(&s) => Some(s.to_owned()),
        _ => {
            errors.insert("status", "error-choice-invalid");
            None
        }
    };
    let mut date = |field: &'static str, v: &str| match v.trim() {
        "" => None,
        s => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().or_else(|| {
            errors.insert(field, "error-date-invalid");
            None
        }),
    };
    let (from, to) = (date("from", &t.from), date("to", &t.to));
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        errors.insert("to", "error-end-before-start");
    }
    archive::Filter {
        title: Some(t.q.trim().to_owned()).filter(|q| !q.is_empty()),
        office,
        category,
        series,
        status,
        from: from.map(|d| day_start(ctx, d)),
        // the last day counts whole
        until: to.and_then(|d| d.succ_opt()).map(|d| day_start(ctx, d)),
    }
}

#[allow(clippy::too_many_arguments)]
#[get("/admin/archive?<q>&<office>&<category>&<series>&<status>&<from>&<to>&<page>")]
pub(super) async fn archive_page(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    q: Option<&str>,
    office: Option<&str>,
    category: Option<&str>,
    series: Option<&str>,
    status: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
    page: Option<&str>,
) -> Result<(Status, Template), PageError> {
    require_organiser(&staff)?;
    let typed = Typed {
        q: q.unwrap_or_default().chars().take(200).collect(),
        office: office.unwrap_or_default().into(),
        category: category.unwrap_or_default().into(),
        series: series.unwrap_or_default().into(),
        status: status.unwrap_or_default().into(),
        from: from.unwrap_or_default().into(),
        to: to.unwrap_or_default().into(),
    };
    let mut errors = FieldErrors::new();
    let filter = read(&ctx, &typed, &mut errors);
    let number = page
        .and_then(|p| p.parse::<i64>().ok())
        .unwrap_or(1)
        .clamp(1, 100_000);
    let offices = usable_offices(&ctx, &staff).await?;
    let mine: Option<Vec<i64>> =
        (!staff.user.is_admin()).then(|| offices.iter().map(|(id, _)| *id).collect());
    let (found, occupancy, categories, all_series) = ctx
        .db
        .page(move |conn| {
            let found = archive::search(conn, mine.as_deref(), &filter, number)?;
            let ids: Vec<i64> = found.events.iter().map(|e| e.id).collect();
            let occupancy = event::occupancy_of(conn, &ids)?;
            let series: Vec<event::Series> = event::all_series(conn)?
                .into_iter()
                .filter(|s| mine.as_ref().is_none_or(|m| m.contains(&s.office_id)))
                .collect();
            Ok((found, occupancy, event::all_categories(conn)?, series))
        })
        .await?;
    let pages = (found.total + archive::PER_PAGE - 1) / archive::PER_PAGE;
    let rows = rows_of(&ctx, &found.events, &occupancy);
    // the page links keep the filter
    let query = {
        let pairs = [
            ("q", &typed.q),
            ("office", &typed.office),
            ("category", &typed.category),
            ("series", &typed.series),
            ("status", &typed.status),
            ("from", &typed.from),
            ("to", &typed.to),
        ];
        pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::web::view::url_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    };
    let lang = ctx.lang();
    let status = if errors.is_empty() {
        Status::Ok
    } else {
        Status::UnprocessableEntity
    };
    Ok((
        status,
        staff::page(
            &ctx,
            &staff,
            &csrf,
            flash,
            "staff/archive",
            json!({
                "events": rows, "total": found.total, "page": number, "pages": pages,
                "query": query, "form": typed, "errors": error_map(lang, &errors),
                "offices": offices.iter().map(|(id, name)| json!({"id": id, "name": name})).collect::<Vec<_>>(),
                "categories": categories.iter().map(|c| json!({"id": c.id, "name": c.name(lang)})).collect::<Vec<_>>(),
                "series": all_series.iter().map(|s| json!({"id": s.id, "title": s.title})).collect::<Vec<_>>(),
                "states": STATES,
            }),
        ),
    ))
}

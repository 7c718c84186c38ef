//! Which organisations were represented: the part of a meeting's dashboard ("12 of 15
//! invited organisations took part", the list, a tick per organisation) and a series' year
//! view (organisations × that year's dates, "7 of 9 dates" each).

use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{FromForm, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::managed_series;
use super::own_event;
use super::page;
use super::replies::short_date;
use super::session::{Checked, CsrfToken, Staff};
use crate::db::DbConn;
use crate::domain::DomainError;
use crate::domain::event::Event;
use crate::domain::partner_attendance::{self, SOURCE_CHECKIN};
use crate::i18n;
use crate::web::Ctx;
use crate::web::errors::PageError;

/// The dashboard's record of organisations, or nothing for a meeting nobody was invited to.
pub fn dashboard_part(conn: &mut DbConn, e: &Event, lang: &str) -> Result<Value, PageError> {
    let record = partner_attendance::record(conn, e.id)?;
    if record.entries.is_empty() {
        return Ok(Value::Null);
    }
    let entries: Vec<Value> = record
        .entries
        .iter()
        .map(|x| {
            let how = x.present.as_deref().map(|s| {
                i18n::text(
                    lang,
                    if s == SOURCE_CHECKIN {
                        "attendance-by-checkin"
                    } else {
                        "attendance-by-staff"
                    },
                )
            });
            json!({ "id": x.partner.id, "name": x.partner.name, "invited": x.invited,
                    "present": x.present.is_some(), "how": how })
        })
        .collect();
    let line = i18n::text_with(
        lang,
        "attendance-summary",
        &[
            ("present", (record.took_part() as i64).into()),
            ("invited", (record.invited() as i64).into()),
        ],
    );
    Ok(json!({ "line": line, "entries": entries, "series_id": e.series_id }))
}

#[derive(Debug, FromForm)]
struct MarkForm {
    partner: Option<String>,
    present: Option<String>,
}

/// Ticks or unticks an organisation by hand; anything but an organisation on the meeting's
/// record changes nothing and says so.
#[post("/admin/events/<id>/attendance", data = "<form>")]
async fn mark(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    form: Checked<MarkForm>,
) -> Result<Flash<Redirect>, PageError> {
    let e = own_event(&ctx, &staff, id).await?;
    let back = Redirect::to(format!("/admin/events/{id}#attendance"));
    let MarkForm { partner, present } = form.0;
    let Some(partner) = partner.and_then(|p| p.trim().parse::<i64>().ok()) else {
        return Ok(Flash::error(back, "attendance-unknown-partner"));
    };
    let present = present.is_some_and(|p| p == "on" || p == "1" || p == "true");
    let (actor, now) = (staff.actor(), ctx.now());
    let done = ctx
        .db
        .page(move |conn| {
            match partner_attendance::set_by_staff(conn, &e, partner, present, &actor, now) {
                Ok(()) => Ok(true),
                Err(DomainError::Invalid(_)) => Ok(false),
                Err(other) => Err(other.into()),
            }
        })
        .await?;
    Ok(match (done, present) {
        (false, _) => Flash::error(back, "attendance-unknown-partner"),
        (true, true) => Flash::success(back, "attendance-marked"),
        (true, false) => Flash::success(back, "attendance-unmarked"),
    })
}

/// Years a person would ask for; anything else shows the current year.
fn sensible(year: Option<i32>) -> Option<i32> {
    year.filter(|y| (2000..=2100).contains(y))
}

#[get("/admin/series/<id>/attendance?<year>")]
async fn year_view(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
    year: Option<i32>,
) -> Result<Template, PageError> {
    let s = managed_series(&ctx, &staff, id).await?;
    let (tz, now, lang) = (ctx.settings.tz(), ctx.now(), ctx.lang());
    let year = sensible(year).unwrap_or_else(|| partner_attendance::this_year(tz, now));
    let title = s.title.clone();
    let view = ctx
        .db
        .page(move |conn| Ok(partner_attendance::year_view(conn, &s, year, tz, now)?))
        .await?;
    let fmt = ctx.fmt();
    let dates: Vec<Value> = view
        .dates
        .iter()
        .map(|e| {
            json!({ "id": e.id, "when": short_date(&fmt, e), "iso": fmt.iso(e.starts_at),
                    "cancelled": e.is_cancelled(), "upcoming": e.starts_at > now })
        })
        .collect();
    let rows: Vec<Value> = view
        .rows
        .iter()
        .map(|r| {
            // an absence is only known once the date was held
            let marks: Vec<&str> = r
                .marks
                .iter()
                .zip(&view.dates)
                .map(|(m, e)| match m {
                    Some(true) => "yes",
                    Some(false) if e.starts_at > now && !e.is_cancelled() => "later",
                    Some(false) => "no",
                    None => "none",
                })
                .collect();
            let total = i18n::text_with(
                lang,
                "attendance-year-count",
                &[
                    ("attended", (r.attended as i64).into()),
                    ("held", (view.held as i64).into()),
                ],
            );
            json!({ "name": r.partner.name, "marks": marks, "total": total })
        })
        .collect();
    let years: Vec<i32> = view.years.iter().copied().filter(|y| *y != year).collect();
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/attendance_year",
        json!({ "series": { "id": id, "title": title }, "year": year, "dates": dates,
                "rows": rows, "years": years }),
    ))
}

pub fn routes() -> Vec<Route> {
    routes![mark, year_view]
}

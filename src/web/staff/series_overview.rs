//! A series at a glance: its dates, and for a Runder Tisch the invitation list, inviting
//! and reminding all dates at once, the replies and the year's attendance.

use rocket::get;
use rocket::request::FlashMessage;
use rocket::serde::json::serde_json::json;
use rocket::{Route, routes};
use rocket_dyn_templates::Template;

use super::session::{CsrfToken, Staff};
use super::{managed_series, page};
use crate::domain::{event, invitation, partner};
use crate::web::Ctx;
use crate::web::errors::PageError;

#[get("/admin/series/<id>")]
async fn overview(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Template, PageError> {
    let series = managed_series(&ctx, &staff, id).await?;
    let now = ctx.now();
    let s = series.clone();
    let (dates, tallies, listed) = ctx
        .db
        .page(move |conn| {
            let dates = event::series_dates(conn, &s)?;
            let mut tallies = Vec::with_capacity(dates.len());
            for e in &dates {
                tallies.push(invitation::tally(conn, &[e.id], now)?);
            }
            let listed = match dates.iter().find(|e| e.starts_at > now) {
                Some(next) => partner::invitees::contacts_for_event(conn, next.id)?.len(),
                None => 0,
            };
            Ok((dates, tallies, listed))
        })
        .await?;
    let fmt = ctx.fmt();
    let ids: Vec<i64> = dates.iter().map(|e| e.id).collect();
    let upcoming: Vec<i64> = dates
        .iter()
        .filter(|e| e.starts_at > now)
        .map(|e| e.id)
        .collect();
    let all = ctx
        .db
        .page(move |conn| Ok(invitation::tally(conn, &upcoming, now)?))
        .await?;
    let rows: Vec<_> = dates
        .iter()
        .zip(&tallies)
        .map(|(e, t)| {
            json!({ "id": e.id, "when": fmt.span(e.starts_at, e.ends_at), "status": e.status,
                    "past": e.starts_at <= now, "tally": t })
        })
        .collect();
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/series",
        json!({ "series": { "id": series.id, "title": series.title }, "dates": rows,
                "listed": listed, "tally": all, "has_dates": !ids.is_empty() }),
    ))
}

pub fn routes() -> Vec<Route> {
    routes![overview]
}

//! The list of meetings in the back office.

use std::collections::HashMap;

use diesel::prelude::*;
use rocket::get;
use rocket::request::FlashMessage;
use rocket::serde::json::serde_json::{Value, json};
use rocket_dyn_templates::Template;

use crate::db::schema::events;
use crate::domain::event::{self, Event, Occupancy};
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::staff::page;
use crate::web::staff::session::{CsrfToken, Staff};
use crate::web::view::availability_text;

/// The table's rows of `list`, the same in the list and the archive.
pub(super) fn rows_of(
    ctx: &Ctx<'_>,
    list: &[Event],
    occupancy: &HashMap<i64, Occupancy>,
) -> Vec<Value> {
    let fmt = ctx.fmt();
    let now = ctx.now();
    list.iter()
        .map(|e| {
            let o = occupancy.get(&e.id).copied().unwrap_or_default();
            let a = crate::domain::availability::Availability::of(e, o, now);
            json!({
                "id": e.id, "title": e.title, "when": fmt.span(e.starts_at, e.ends_at), "status": e.status,
                "visibility": e.visibility, "capacity": e.capacity, "confirmed_seats": o.confirmed_seats,
                "waiting": o.waiting, "availability_text": availability_text(ctx.lang(), a),
            })
        })
        .collect()
}

/// Meetings of the person's offices (all for administrators), soonest first, drafts too.
#[get("/admin")]
pub(super) async fn list(
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
        .page(move |conn| {
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
            Ok((list, occupancy))
        })
        .await?;
    let (list, occupancy) = rows;
    let events = rows_of(&ctx, &list, &occupancy);
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/home",
        json!({ "events": events }),
    ))
}

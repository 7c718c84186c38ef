//! A meeting's dashboard (state, seats, charts, actions) and the preview of its public page.

use rocket::get;
use rocket::request::FlashMessage;
use rocket::serde::json::serde_json::json;
use rocket_dyn_templates::Template;

use crate::domain::roster;
use crate::domain::{capacity, event};
use crate::web::errors::PageError;
use crate::web::questions_view;
use crate::web::staff::session::{CsrfToken, Staff};
use crate::web::staff::{managed_event, page};
use crate::web::view::EventPage;
use crate::web::{Ctx, render};

/// The meeting's dashboard: state, seats, charts and the actions.
#[get("/admin/events/<id>")]
pub(super) async fn dashboard(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Template, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let (user, lang) = (staff.user.id, ctx.lang());
    let now = ctx.now();
    let (detail, counts, timeline, siblings, (needs, invitations, attendance)) = ctx
        .db
        .page(move |conn| {
            let detail = event::find_detail(conn, id)?.ok_or(PageError::NotFound)?;
            let counts = roster::counts(conn, id)?;
            let timeline = crate::domain::roster::timeline(conn, id)?;
            let siblings = event::series_siblings(conn, &detail.event, true)?;
            let needs = crate::web::staff::needs::dashboard_part(conn, &detail.event, user, lang)?;
            let invitations =
                crate::web::staff::invitations::dashboard_part(conn, &detail.event, now)?;
            let attendance =
                crate::web::staff::attendance::dashboard_part(conn, &detail.event, lang)?;
            Ok((
                detail,
                counts,
                timeline,
                siblings,
                (needs, invitations, attendance),
            ))
        })
        .await?;
    let fmt = ctx.fmt();
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
            "seats_left": capacity::seats_left(detail.event.capacity, counts.public_seats()),
            "over_capacity": detail.event.capacity.is_some_and(|c| counts.public_seats() > i64::from(c)),
            "siblings": siblings, "public_url": ctx.absolute(&event.path),
            "can_withdraw": counts.confirmed + counts.waiting == 0, "needs": needs,
            "invitations": invitations, "series_id": detail.event.series_id,
            "attendance": attendance,
        }),
    ))
}

/// The public page as it will look, also for drafts.
#[get("/admin/events/<id>/preview")]
pub(super) async fn preview(ctx: Ctx<'_>, staff: Staff, id: i64) -> Result<Template, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let (lang, content_lang) = (ctx.lang(), ctx.visitor.content_lang);
    let detail = ctx
        .db
        .page(move |conn| {
            let Some(d) = event::find_detail(conn, id)? else {
                return Ok(None);
            };
            let asked = questions_view::asked_of(conn, &d.event, lang, content_lang)?;
            let extras = crate::web::agenda_view::public_part(conn, &d)?;
            Ok(Some((d, asked, extras)))
        })
        .await?
        .ok_or(PageError::NotFound)?;
    let (detail, asked, extras) = detail;
    let page = EventPage::new(&detail, &ctx.fmt(), ctx.now());
    let questions = questions_view::form_fields(&asked, &Default::default(), &Default::default());
    Ok(render(
        "event",
        &ctx.visitor,
        json!({ "event": page, "form": {}, "errors": {}, "preview": true, "preview_back": format!("/admin/events/{id}"),
                "questions": questions, "asks_sensitive": questions_view::asks_sensitive(&asked),
                "agenda": extras["agenda"], "documents": extras["documents"] }),
    ))
}

//! The reply matrix of a series (all its dates) or of one meeting, as a page and as CSV or
//! XLSX (`replies_export.rs`). Another office's series or meeting is not found (404), so
//! its existence is not given away either.

use rocket::http::ContentType;
use rocket::request::FlashMessage;
use rocket::serde::json::serde_json::{Value, json};
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;

use super::registrations::Download;
use super::replies_export;
use super::session::{CsrfToken, Staff};
use super::{managed_series, own_event, page};
use crate::domain::event::Event;
use crate::domain::reply_matrix::{self, Cell, Matrix};
use crate::i18n::{self, Formatter};
use crate::web::Ctx;
use crate::web::errors::PageError;

/// Whose answers: a series or a meeting, with the title and address of its pages.
pub(super) struct Scope {
    pub(super) title: String,
    pub(super) base: String,
    pub(super) file_stem: String,
    pub(super) matrix: Matrix,
    series_id: Option<i64>,
    event_id: Option<i64>,
}

async fn of_series(ctx: &Ctx<'_>, staff: &Staff, id: i64) -> Result<Scope, PageError> {
    let s = managed_series(ctx, staff, id).await?;
    let (title, slug) = (s.title.clone(), s.slug.clone());
    let matrix = ctx
        .db
        .page(move |conn| {
            let dates = reply_matrix::series_dates(conn, &s)?;
            Ok(reply_matrix::build(conn, dates)?)
        })
        .await?;
    Ok(Scope {
        title,
        base: format!("/admin/series/{id}/replies"),
        file_stem: format!("rueckmeldungen-reihe-{id}-{slug}"),
        matrix,
        series_id: Some(id),
        event_id: None,
    })
}

async fn of_event(ctx: &Ctx<'_>, staff: &Staff, id: i64) -> Result<Scope, PageError> {
    let e = own_event(ctx, staff, id).await?;
    let (title, series) = (e.title.clone(), e.series_id);
    let slug: String = crate::domain::slug::slugify(&e.title)
        .chars()
        .take(40)
        .collect();
    let matrix = ctx
        .db
        .page(move |conn| Ok(reply_matrix::build(conn, vec![e])?))
        .await?;
    Ok(Scope {
        title,
        base: format!("/admin/events/{id}/replies"),
        file_stem: format!("rueckmeldungen-{id}-{slug}"),
        matrix,
        series_id: series,
        event_id: Some(id),
    })
}

/// A date as a column heading: short, so that many dates fit.
pub(super) fn short_date(fmt: &Formatter, e: &Event) -> String {
    let local = chrono::TimeZone::from_utc_datetime(&fmt.tz, &e.starts_at);
    format!("{} {}", local.format("%d.%m.%Y"), fmt.time(e.starts_at))
}

/// A cell in words.
pub(super) fn cell_text(lang: &str, cell: &Cell) -> String {
    match cell {
        // the name is gone once the substitute's data was erased
        Cell::Substitute(name) if name.is_empty() => {
            i18n::text(lang, "replies-cell-substitute-erased")
        }
        Cell::Substitute(name) => i18n::text_with(
            lang,
            "replies-cell-substitute",
            &[("name", name.clone().into())],
        ),
        other => i18n::text(lang, &format!("replies-cell-{}", other.kind())),
    }
}

fn matrix_json(m: &Matrix, fmt: &Formatter) -> Value {
    let lang = fmt.lang;
    let dates: Vec<Value> = m
        .dates
        .iter()
        .map(|e| {
            json!({ "id": e.id, "when": short_date(fmt, e), "iso": fmt.iso(e.starts_at),
                    "cancelled": e.is_cancelled() })
        })
        .collect();
    let organisations: Vec<Value> = m
        .organisations
        .iter()
        .map(|o| {
            let people: Vec<Value> = o
                .people
                .iter()
                .map(|p| {
                    let cells: Vec<Value> = p
                        .cells
                        .iter()
                        .map(|c| json!({ "kind": c.kind(), "text": cell_text(lang, c) }))
                        .collect();
                    json!({ "id": p.contact.id, "name": p.contact.name,
                            "deputy": p.contact.role == crate::domain::partner::ROLE_DEPUTY,
                            "removed": p.contact.removed_at.is_some(), "cells": cells })
                })
                .collect();
            json!({ "id": o.partner.id, "name": o.partner.name,
                    "removed": o.partner.removed_at.is_some(), "people": people })
        })
        .collect();
    json!({ "dates": dates, "cols": m.dates.len() + 1, "organisations": organisations, "totals": m.totals })
}

async fn show(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    scope: Scope,
) -> Result<Template, PageError> {
    let fmt = ctx.fmt();
    let now = ctx.now();
    let ids: Vec<i64> = scope.matrix.dates.iter().map(|e| e.id).collect();
    let tally = ctx
        .db
        .page(move |conn| Ok(crate::domain::invitation::tally(conn, &ids, now)?))
        .await?;
    // the reminder goes to the same dates the matrix shows: the series's or the meeting's
    let remind = match (scope.event_id, scope.series_id) {
        (Some(e), _) => format!("/admin/events/{e}/remind"),
        (None, Some(s)) => format!("/admin/series/{s}/remind"),
        (None, None) => String::new(),
    };
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/replies",
        json!({
            "title": scope.title, "base": scope.base, "matrix": matrix_json(&scope.matrix, &fmt),
            "series_id": scope.series_id, "event_id": scope.event_id,
            "tally": tally, "remind": remind,
        }),
    ))
}

#[get("/admin/series/<id>/replies")]
async fn series_page(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Template, PageError> {
    let scope = of_series(&ctx, &staff, id).await?;
    show(ctx, staff, csrf, flash, scope).await
}

#[get("/admin/events/<id>/replies")]
async fn event_page(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Template, PageError> {
    let scope = of_event(&ctx, &staff, id).await?;
    show(ctx, staff, csrf, flash, scope).await
}

fn csv_download(ctx: &Ctx<'_>, scope: &Scope, excel: Option<&str>) -> Result<Download, PageError> {
    let excel = excel.is_some_and(|v| v == "1" || v == "true");
    let body = replies_export::csv(&scope.matrix, &ctx.fmt(), excel)
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    Ok(Download::new(
        ContentType::new("text", "csv").with_params(("charset", "utf-8")),
        format!("{}.csv", scope.file_stem),
        body,
    ))
}

fn xlsx_download(ctx: &Ctx<'_>, scope: &Scope) -> Result<Download, PageError> {
    let body = replies_export::xlsx(&scope.matrix, &ctx.fmt())
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    Ok(Download::new(
        ContentType::new(
            "application",
            "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        format!("{}.xlsx", scope.file_stem),
        body,
    ))
}

/// CSV in UTF-8; `?excel=1` as German Excel opens it (semicolons, BOM).
#[get("/admin/series/<id>/replies.csv?<excel>")]
async fn series_csv(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    excel: Option<&str>,
) -> Result<Download, PageError> {
    let scope = of_series(&ctx, &staff, id).await?;
    csv_download(&ctx, &scope, excel)
}

#[get("/admin/events/<id>/replies.csv?<excel>")]
async fn event_csv(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    excel: Option<&str>,
) -> Result<Download, PageError> {
    let scope = of_event(&ctx, &staff, id).await?;
    csv_download(&ctx, &scope, excel)
}

#[get("/admin/series/<id>/replies.xlsx")]
async fn series_xlsx(ctx: Ctx<'_>, staff: Staff, id: i64) -> Result<Download, PageError> {
    let scope = of_series(&ctx, &staff, id).await?;
    xlsx_download(&ctx, &scope)
}

#[get("/admin/events/<id>/replies.xlsx")]
async fn event_xlsx(ctx: Ctx<'_>, staff: Staff, id: i64) -> Result<Download, PageError> {
    let scope = of_event(&ctx, &staff, id).await?;
    xlsx_download(&ctx, &scope)
}

pub fn routes() -> Vec<Route> {
    routes![
        series_page,
        event_page,
        series_csv,
        event_csv,
        series_xlsx,
        event_xlsx
    ]
}

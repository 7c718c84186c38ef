//! The report for the committee and the fund (`/admin/report`): a period and filters, the
//! figures, charts with their text beside them, one row per meeting, and the same as CSV,
//! XLSX and a one-page PDF (`report_export`, `report_pdf`). Only the offices a person may
//! see are counted; another office (or its series) is not found.

use rocket::http::{ContentType, Status};
use rocket::request::FlashMessage;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, routes};
use rocket_dyn_templates::Template;

use super::registrations::Download;
use super::report_filter::{self, DATES, Refused, Typed};
use super::report_text::{self as words, language_name, need_label, state_name};
use super::session::{CsrfToken, Staff};
use super::{error_map, report_export, report_pdf, require_organiser, usable_offices};
use crate::domain::FieldErrors;
use crate::domain::event;
use crate::domain::report::{self, Period, Report};
use crate::web::Ctx;
use crate::web::chart;
use crate::web::errors::PageError;

/// The report the typed filter asks for, or why there is none (bad fields come back as
/// the form; another office's as 404).
pub(super) async fn figures(
    ctx: &Ctx<'_>,
    staff: &Staff,
    typed: &Typed,
) -> Result<Result<(Period, Report), FieldErrors>, PageError> {
    require_organiser(staff)?;
    let (period, filter) = match report_filter::resolve(ctx, staff, typed).await {
        Ok(found) => found,
        Err(Refused::Invalid(errors)) => return Ok(Err(errors)),
        Err(Refused::NotFound) => return Err(PageError::NotFound),
        Err(Refused::Unavailable(why)) => return Err(PageError::Unavailable(why)),
    };
    let now = ctx.now();
    let r = ctx
        .db
        .page(move |conn| Ok(report::report(conn, &filter, now)?))
        .await?;
    Ok(Ok((period, r)))
}

fn charts(lang: &str, r: &Report) -> Vec<String> {
    let t = &r.totals;
    let seats = [
        ("report-registrations", t.registrations),
        ("report-confirmed-seats", t.confirmed_seats),
        ("report-attended", t.attended_seats),
        ("report-no-shows", t.no_show_seats),
    ]
    .map(|(k, v)| (crate::i18n::text(lang, k), v));
    let described = |items: &[(String, i64)]| {
        items
            .iter()
            .map(|(l, v)| format!("{l}: {v}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut out = vec![chart::bars(
        "chart-report-seats",
        &crate::i18n::text(lang, "report-chart-people"),
        &described(&seats),
        &seats,
    )];
    if !r.languages.is_empty() {
        let langs: Vec<(String, i64)> = r
            .languages
            .iter()
            .map(|(c, n)| (language_name(c), *n))
            .collect();
        out.push(chart::bars(
            "chart-report-languages",
            &crate::i18n::text(lang, "report-languages"),
            &described(&langs),
            &langs,
        ));
    }
    out
}

#[get("/admin/report?<filter..>")]
async fn report_page(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    filter: Typed,
) -> Result<(Status, Template), PageError> {
    let typed = filter.kept();
    let found = figures(&ctx, &staff, &typed).await?;
    let lang = ctx.lang();
    let fmt = ctx.fmt();
    let offices = usable_offices(&ctx, &staff).await?;
    let mine: Vec<i64> = offices.iter().map(|(id, _)| *id).collect();
    let (categories, all_series) = ctx
        .db
        .page(move |conn| {
            let series: Vec<event::Series> = event::all_series(conn)?
                .into_iter()
                .filter(|s| mine.contains(&s.office_id))
                .collect();
            Ok((event::all_categories(conn)?, series))
        })
        .await?;
    let today = {
        use chrono::TimeZone;
        ctx.settings.tz().from_utc_datetime(&ctx.now()).date_naive()
    };
    let choices: Vec<_> = Period::choices(today)
        .iter()
        .map(|p| json!({"value": p.key(), "label": words::period_name(lang, p)}))
        .collect();
    let (status, body) = match &found {
        Err(errors) => (
            Status::UnprocessableEntity,
            json!({"errors": error_map(lang, errors)}),
        ),
        Ok((p, r)) => (
            Status::Ok,
            json!({
                "errors": {},
                "period_name": words::period_name(lang, p),
                "summary": words::summary(lang, r).into_iter()
                    .map(|l| json!({"key": l.key, "label": l.label, "value": l.text})).collect::<Vec<_>>(),
                "charts": charts(lang, r),
                "report_languages": r.languages.iter()
                    .map(|(c, n)| json!({"name": language_name(c), "code": c, "count": n})).collect::<Vec<_>>(),
                "needs": r.needs.iter()
                    .map(|n| json!({"label": need_label(lang, n), "count": n.count})).collect::<Vec<_>>(),
                "organisations": r.organisations,
                "meetings": r.meetings.iter().map(|m| json!({
                    "id": m.id, "title": m.title, "office": m.office,
                    "date": words::short_date(&fmt, m.starts_at), "iso": fmt.iso(m.starts_at),
                    "state": state_name(lang, m.state), "counts": m.counts,
                    "no_show_rate": m.counts.no_show_percent().map(|v| words::percent(lang, Some(v))),
                })).collect::<Vec<_>>(),
            }),
        ),
    };
    let mut context = json!({
        "by_dates": typed.period.trim() == DATES
            || (typed.period.trim().is_empty() && !(typed.from.is_empty() && typed.to.is_empty())),
        "form": typed, "query": typed.query(), "dates": DATES, "choices": choices,
        "offices": offices.iter().map(|(id, name)| json!({"id": id, "name": name})).collect::<Vec<_>>(),
        "categories": categories.iter().map(|c| json!({"id": c.id, "name": c.name(lang)})).collect::<Vec<_>>(),
        "series": all_series.iter().map(|s| json!({"id": s.id, "title": s.title})).collect::<Vec<_>>(),
        "report": found.is_ok(),
    });
    if let (Some(map), Some(more)) = (context.as_object_mut(), body.as_object()) {
        map.extend(more.clone());
    }
    Ok((
        status,
        super::page(&ctx, &staff, &csrf, flash, "staff/report", context),
    ))
}

/// A file of the report; a filter that cannot be read goes back to the page, which
/// names the fields.
type FileOrForm = Either<Download, Redirect>;

async fn file(
    ctx: Ctx<'_>,
    staff: Staff,
    typed: Typed,
    make: impl FnOnce(&Ctx<'_>, &Period, &Report) -> Result<Download, PageError>,
) -> Result<FileOrForm, PageError> {
    match figures(&ctx, &staff, &typed).await? {
        Ok((p, r)) => Ok(Either::Left(make(&ctx, &p, &r)?)),
        Err(_) => Ok(Either::Right(Redirect::to(format!(
            "/admin/report?{}",
            typed.query()
        )))),
    }
}

fn unavailable(e: impl std::fmt::Display) -> PageError {
    PageError::Unavailable(e.to_string())
}

/// CSV in UTF-8; `?excel=1` as German Excel opens it (semicolons, BOM).
#[get("/admin/report.csv?<excel>&<filter..>")]
async fn report_csv(
    ctx: Ctx<'_>,
    staff: Staff,
    filter: Typed,
    excel: Option<&str>,
) -> Result<FileOrForm, PageError> {
    let excel = excel.is_some_and(|v| v == "1" || v == "true");
    let typed = filter.kept();
    file(ctx, staff, typed, move |ctx, p, r| {
        let body = report_export::csv(r, p, &ctx.fmt(), excel).map_err(unavailable)?;
        Ok(Download::new(
            ContentType::new("text", "csv").with_params(("charset", "utf-8")),
            report_export::file_name(ctx.lang(), p, "csv"),
            body,
        ))
    })
    .await
}

#[get("/admin/report.xlsx?<filter..>")]
async fn report_xlsx(ctx: Ctx<'_>, staff: Staff, filter: Typed) -> Result<FileOrForm, PageError> {
    let typed = filter.kept();
    file(ctx, staff, typed, |ctx, p, r| {
        let body = report_export::xlsx(r, p, &ctx.fmt()).map_err(unavailable)?;
        Ok(Download::new(
            ContentType::new(
                "application",
                "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
            report_export::file_name(ctx.lang(), p, "xlsx"),
            body,
        ))
    })
    .await
}

/// The filter in words for the paper: "Veranstalter: … · Thema: … · Reihe: …".
async fn scope_words(ctx: &Ctx<'_>, typed: &Typed) -> Result<String, PageError> {
    let lang = ctx.lang();
    let id = |v: &str| v.trim().parse::<i64>().ok();
    let (office, topic, series) = (id(&typed.office), id(&typed.topic), id(&typed.series));
    let names = ctx
        .db
        .page(move |conn| {
            let office = event::all_offices(conn)?
                .into_iter()
                .find(|o| Some(o.id) == office)
                .map(|o| o.name);
            let topic = event::all_categories(conn)?
                .into_iter()
                .find(|c| Some(c.id) == topic)
                .map(|c| c.name(lang).to_owned());
            let series = match series {
                Some(s) => event::find_series(conn, s)?.map(|s| s.title),
                None => None,
            };
            Ok([
                ("event-office", office),
                ("event-category", topic),
                ("event-series", series),
            ])
        })
        .await?;
    Ok(names
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| format!("{}: {v}", crate::i18n::text(lang, k))))
        .collect::<Vec<_>>()
        .join(" · "))
}

/// A one-page PDF for a committee paper.
#[get("/admin/report.pdf?<filter..>")]
async fn report_paper(ctx: Ctx<'_>, staff: Staff, filter: Typed) -> Result<FileOrForm, PageError> {
    let typed = filter.kept();
    let Ok((p, r)) = figures(&ctx, &staff, &typed).await? else {
        return Ok(Either::Right(Redirect::to(format!(
            "/admin/report?{}",
            typed.query()
        ))));
    };
    // the names are read only once the filter is known to be the person's
    let scope = scope_words(&ctx, &typed).await?;
    let body = report_pdf::pdf(&r, &p, &scope, &ctx.fmt(), ctx.now()).map_err(unavailable)?;
    Ok(Either::Left(Download::new(
        ContentType::PDF,
        report_export::file_name(ctx.lang(), &p, "pdf"),
        body,
    )))
}

pub fn routes() -> Vec<Route> {
    routes![report_page, report_csv, report_xlsx, report_paper]
}

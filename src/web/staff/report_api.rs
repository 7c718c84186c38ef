//! The report's figures as JSON for the district's own statistics
//! (`/api/v1/admin/report`), with the page's filter and the same office rules (the
//! back-office session authenticates, as for the rest of the staff API).

use rocket::http::Status;
use rocket::serde::json::Json;
use rocket::{Route, get, routes};
use serde::Serialize;
use utoipa::ToSchema;

use super::report_filter::{self, Refused, Typed};
use super::session::Staff;
use crate::domain::DomainError;
use crate::domain::report::{self, Counts, NeedCount, Organisation};
use crate::i18n;
use crate::web::Ctx;
use crate::web::api_error::ApiError;

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportPeriod {
    /// First day counted (local date).
    pub from: String,
    /// Last day counted (local date).
    pub to: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportLanguage {
    /// The registration's language (`de`, `en`, `ar`, `tr`, `uk`, `fa`, `ru`).
    pub language: String,
    pub registrations: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportMeeting {
    pub id: i64,
    pub title: String,
    pub starts_at: String,
    pub office: String,
    /// `held`, `cancelled` or `planned`.
    pub state: String,
    /// Whether anybody was checked in.
    pub check_in: bool,
    pub counts: Counts,
    /// No-shows in per cent of the confirmed seats; `null` without check-in.
    pub no_show_rate: Option<f64>,
}

/// The figures of the meetings starting in a period. Anonymised registrations count as
/// before: the needs they named are kept as counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportFigures {
    pub period: ReportPeriod,
    pub held: i64,
    pub cancelled: i64,
    pub planned: i64,
    /// Summed over the meetings not cancelled; `organisations` counts different ones.
    pub totals: Counts,
    /// No-shows in per cent of the confirmed seats at meetings held with check-in.
    pub no_show_rate: Option<f64>,
    pub languages: Vec<ReportLanguage>,
    pub needs: Vec<NeedCount>,
    pub organisations: Vec<Organisation>,
    pub meetings: Vec<ReportMeeting>,
}

/// The report's figures for a period, of the offices the signed-in organiser manages.
#[utoipa::path(get, path = "/api/v1/admin/report", tag = "staff",
    params(
        ("period" = Option<String>, Query, description = "`2026-11` (month), `2026-Q4` (quarter), `2026` (year) or `dates` (then `from` and `to`); default: this year"),
        ("from" = Option<String>, Query, description = "first day, `YYYY-MM-DD`"),
        ("to" = Option<String>, Query, description = "last day, `YYYY-MM-DD`"),
        ("office" = Option<i64>, Query, description = "one office"),
        ("topic" = Option<i64>, Query, description = "one topic (category)"),
        ("series" = Option<i64>, Query, description = "one series")),
    responses((status = 200, body = ReportFigures),
        (status = 401, body = ApiError, description = "no back-office session"),
        (status = 403, body = ApiError, description = "the account organises no meetings"),
        (status = 404, body = ApiError, description = "an office or series that is not the organiser's"),
        (status = 422, body = ApiError, description = "a filter that cannot be read, see `fields`"),
        (status = 503, body = ApiError)))]
#[allow(clippy::too_many_arguments)]
#[get("/admin/report?<period>&<from>&<to>&<office>&<topic>&<series>")]
async fn report_json(
    ctx: Ctx<'_>,
    staff: Staff,
    period: Vec<&str>,
    from: Vec<&str>,
    to: Vec<&str>,
    office: Vec<&str>,
    topic: Vec<&str>,
    series: Vec<&str>,
) -> Result<Json<ReportFigures>, ApiError> {
    let lang = ctx.lang();
    // a filter given twice is ambiguous: refused rather than one of them guessed
    let mut refused = crate::domain::FieldErrors::new();
    let mut one = |field: &'static str, values: Vec<&str>| match values.as_slice() {
        [] => None,
        [v] => Some(v.to_string()),
        _ => {
            refused.insert(field, "error-choice-invalid");
            None
        }
    };
    let (period, from, to) = (one("period", period), one("from", from), one("to", to));
    let (office, topic, series) = (
        one("office", office),
        one("topic", topic),
        one("series", series),
    );
    // the page's form sends "" for "all"; to the API an id is a number or left out
    for (field, value) in [("office", &office), ("topic", &topic), ("series", &series)] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            refused.insert(field, "error-choice-invalid");
        }
    }
    if !refused.is_empty() {
        return Err(ApiError::from_domain(DomainError::Invalid(refused), lang));
    }
    if !staff.user.is_organiser() {
        return Err(ApiError::new(
            Status::Forbidden,
            "forbidden",
            i18n::text(lang, "error-403-text"),
        ));
    }
    let typed = Typed::new(
        period.as_deref(),
        from.as_deref(),
        to.as_deref(),
        office.as_deref(),
        topic.as_deref(),
        series.as_deref(),
    );
    let (p, filter) = match report_filter::resolve(&ctx, &staff, &typed).await {
        Ok(found) => found,
        Err(Refused::Invalid(errors)) => {
            return Err(ApiError::from_domain(DomainError::Invalid(errors), lang));
        }
        Err(Refused::NotFound) => return Err(ApiError::from_domain(DomainError::NotFound, lang)),
        Err(Refused::Unavailable(why)) => return Err(ApiError::unavailable(lang, &why)),
    };
    let now = ctx.now();
    let r = ctx
        .db
        .query(move |conn| Ok(report::report(conn, &filter, now)?))
        .await
        .map_err(|e| ApiError::unavailable(lang, &e))?;
    let fmt = ctx.fmt();
    Ok(Json(ReportFigures {
        period: ReportPeriod {
            from: p.first_day().to_string(),
            to: p.last_day().to_string(),
        },
        held: r.held,
        cancelled: r.cancelled,
        planned: r.planned,
        no_show_rate: r.totals.no_show_percent(),
        totals: r.totals,
        languages: r
            .languages
            .into_iter()
            .map(|(language, registrations)| ReportLanguage {
                language,
                registrations,
            })
            .collect(),
        needs: r.needs,
        organisations: r.organisations,
        meetings: r
            .meetings
            .into_iter()
            .map(|m| ReportMeeting {
                id: m.id,
                starts_at: fmt.iso(m.starts_at),
                title: m.title,
                office: m.office,
                state: m.state.to_owned(),
                check_in: m.check_in,
                no_show_rate: m.counts.no_show_percent(),
                counts: m.counts,
            })
            .collect(),
    }))
}

pub fn routes() -> Vec<Route> {
    routes![report_json]
}

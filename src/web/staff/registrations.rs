//! A meeting's registrations for its organisers: the list with search and filter, and the
//! exports. The actions on it (add, cancel, promote, move, erase) are in
//! `registration_actions`.

use rocket::http::{ContentType, Header, Status};
use rocket::request::FlashMessage;
use rocket::response::Responder;
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;

use super::session::{CsrfToken, Staff};
use super::{export, managed_event, page};
use crate::domain::event::Event;
use crate::domain::registration::Registration;
use crate::domain::roster;
use crate::web::errors::PageError;
use crate::web::questions_view::{self, AnswerColumns};
use crate::web::{Ctx, view};

fn row(
    r: &Registration,
    position: Option<i64>,
    answers: Vec<serde_json::Value>,
    fmt: &crate::i18n::Formatter,
) -> serde_json::Value {
    json!({
        "answers": answers,
        "id": r.id, "name": r.name, "email": r.email, "organisation": r.organisation,
        "companions": r.companions, "seats": r.seats, "needs": r.needs, "status": r.state(),
        "awaits_verification": r.awaits_verification(),
        "position": position, "source": r.source,
        "registered_at": format!("{}, {}", fmt.date(r.created_at), fmt.time(r.created_at)),
        "checked_in_at": r.checked_in_at.map(|t| fmt.time(t)),
        "purged": r.purged_at.is_some(),
        "contact_kind": r.contact_kind, "phone": r.phone, "postal_address": r.postal_address,
        "via_name": r.via_name, "via_email": r.via_email, "no_mail": r.mail_to().is_none(),
    })
}

/// The integration managers and organisations who registered people for the meeting, each
/// with the names of their clients still registered: the office sees at a glance whom to
/// call about whom.
fn managers(rows: &[(Registration, Option<i64>)]) -> Vec<serde_json::Value> {
    let mut by: std::collections::BTreeMap<(String, String), Vec<&str>> = Default::default();
    for (r, _) in rows.iter().filter(|(r, _)| !r.is_cancelled()) {
        if let (Some(name), Some(email)) = (&r.via_name, &r.via_email) {
            by.entry((name.clone(), email.clone()))
                .or_default()
                .push(&r.name);
        }
    }
    by.into_iter()
        .map(|((name, email), clients)| json!({"name": name, "email": email, "clients": clients}))
        .collect()
}

/// The list's search and filter, as its address carries them.
#[derive(Debug, Clone, Default)]
pub(super) struct ListFilter {
    pub q: Option<String>,
    pub status: Option<String>,
    /// `<question id>:<value>`: the registrations that gave that answer.
    pub answer: Option<String>,
}

/// The list's rows for a search and status filter, with the answers; [`Listing::shown`]
/// applies the answer filter too.
pub(super) struct Listing {
    pub rows: Rows,
    pub answers: AnswerColumns,
    wanted: Option<(i64, String)>,
}

impl Listing {
    /// The rows the list shows.
    pub fn shown(&self) -> impl Iterator<Item = &(Registration, Option<i64>)> {
        self.rows.iter().filter(|(r, _)| {
            self.wanted
                .as_ref()
                .is_none_or(|(q, v)| self.answers.answered(r.id, *q, v))
        })
    }
}

/// The one filter of the registrations list: the list itself and "message to the rows
/// shown" both use it.
pub(super) fn listing(
    conn: &mut crate::db::DbConn,
    event: &Event,
    filter: &ListFilter,
    lang: &'static str,
) -> diesel::QueryResult<Listing> {
    let rows = roster::list(
        conn,
        event.id,
        filter.q.as_deref(),
        filter.status.as_deref(),
    )?;
    let ids: Vec<i64> = rows.iter().map(|(r, _)| r.id).collect();
    let answers = questions_view::answer_columns(conn, event, &ids, lang)?;
    let wanted = filter
        .answer
        .as_deref()
        .and_then(|a| a.split_once(':'))
        .and_then(|(q, v)| Some((q.parse::<i64>().ok()?, v.to_owned())));
    Ok(Listing {
        rows,
        answers,
        wanted,
    })
}

/// The list's search and filter as a query string for the message page.
fn message_query(q: &Option<String>, status: &Option<String>, answer: &Option<String>) -> String {
    let mut parts = Vec::new();
    for (name, value) in [("q", q), ("status", status), ("answer", answer)] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            parts.push(format!("{name}={}", crate::domain::links::url_encode(v)));
        }
    }
    parts.join("&")
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn list_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    event: &Event,
    (q, status, answer): (Option<String>, Option<String>, Option<String>),
    code: Status,
) -> Result<(Status, Template), PageError> {
    let id = event.id;
    let filter = ListFilter {
        q: q.clone(),
        status: status.clone(),
        answer: answer.clone(),
    };
    let this = event.clone();
    let now = ctx.now();
    let lang = ctx.lang();
    let (listing, counts, siblings, key) = ctx
        .db
        .page(move |conn| {
            let listing = listing(conn, &this, &filter, lang)?;
            let counts = roster::counts(conn, id)?;
            // only dates a registration may move to (`roster::move_to` checks again)
            let siblings: Vec<Event> = crate::domain::event::series_siblings(conn, &this, false)?
                .into_iter()
                .filter(|e| e.status == crate::domain::event::STATUS_PUBLISHED && e.starts_at > now)
                .collect();
            let key = crate::domain::event::access_key(conn, id)?;
            Ok((listing, counts, siblings, key))
        })
        .await?;
    let fmt = ctx.fmt();
    let answers = &listing.answers;
    let list: Vec<_> = listing
        .shown()
        .map(|(r, p)| {
            let given = answers
                .headers
                .iter()
                .zip(answers.of(r.id))
                .filter(|(_, v)| !v.is_empty())
                .map(|(h, v)| json!({ "label": h, "value": v }))
                .collect();
            row(r, *p, given, &fmt)
        })
        .collect();
    let filters: Vec<_> = answers
        .filters
        .iter()
        .map(|(id, label, values)| json!({ "id": id, "label": label, "values": values }))
        .collect();
    let siblings: Vec<_> = siblings
        .iter()
        .map(|e| json!({"id": e.id, "when": fmt.span(e.starts_at, e.ends_at)}))
        .collect();
    Ok((
        code,
        page(
            ctx,
            staff,
            csrf,
            flash,
            "staff/registrations",
            json!({
                "event": { "id": event.id, "title": event.title, "when": fmt.span(event.starts_at, event.ends_at),
                           "max_companions": event.max_party() - 1, "path": view::event_path(event, key.as_deref()) },
                "rows": list, "counts": counts, "q": q, "status": status, "siblings": siblings,
                "answer_filters": filters, "answer": answer,
                "managers": managers(&listing.rows),
                "message_query": message_query(&q, &status, &answer),
            }),
        ),
    ))
}

#[allow(clippy::too_many_arguments)]
#[get("/admin/events/<id>/registrations?<q>&<status>&<answer>")]
async fn list(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
    q: Option<String>,
    status: Option<String>,
    answer: Option<String>,
) -> Result<(Status, Template), PageError> {
    let event = managed_event(&ctx, &staff, id).await?;
    list_page(
        &ctx,
        &staff,
        &csrf,
        flash,
        &event,
        (q, status, answer),
        Status::Ok,
    )
    .await
}

/// A download with a file name.
pub struct Download {
    content_type: ContentType,
    name: String,
    body: Vec<u8>,
}

impl Download {
    pub fn new(content_type: ContentType, name: String, body: Vec<u8>) -> Download {
        Download {
            content_type,
            name,
            body,
        }
    }
}

impl<'r> Responder<'r, 'static> for Download {
    fn respond_to(self, req: &'r rocket::Request<'_>) -> rocket::response::Result<'static> {
        let mut res = (self.content_type, self.body).respond_to(req)?;
        res.set_header(Header::new(
            "Content-Disposition",
            format!("attachment; filename=\"{}\"", self.name),
        ));
        res.set_header(Header::new("Cache-Control", "no-store"));
        Ok(res)
    }
}

type Rows = Vec<(Registration, Option<i64>)>;

async fn export_rows(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
) -> Result<(Event, Rows, AnswerColumns), PageError> {
    let event = managed_event(ctx, staff, id).await?;
    let (e, lang) = (event.clone(), ctx.lang());
    let (rows, answers) = ctx
        .db
        .page(move |conn| {
            let rows = roster::list(conn, id, None, None)?;
            let ids: Vec<i64> = rows.iter().map(|(r, _)| r.id).collect();
            let answers = questions_view::answer_columns(conn, &e, &ids, lang)?;
            Ok((rows, answers))
        })
        .await?;
    Ok((event, rows, answers))
}

/// CSV in UTF-8; `?excel=1` gives what German Excel opens directly (semicolons, BOM).
#[get("/admin/events/<id>/registrations.csv?<excel>")]
async fn csv(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    excel: Option<&str>,
) -> Result<Download, PageError> {
    let (event, rows, answers) = export_rows(&ctx, &staff, id).await?;
    let excel = excel.is_some_and(|v| v == "1" || v == "true");
    let body = export::csv(&rows, &answers, &ctx.fmt(), excel)
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    Ok(Download {
        content_type: ContentType::new("text", "csv").with_params(("charset", "utf-8")),
        name: export::file_name(&event, "csv"),
        body,
    })
}

#[get("/admin/events/<id>/registrations.xlsx")]
async fn xlsx(ctx: Ctx<'_>, staff: Staff, id: i64) -> Result<Download, PageError> {
    let (event, rows, answers) = export_rows(&ctx, &staff, id).await?;
    let body = export::xlsx(&event.title, &rows, &answers, &ctx.fmt())
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    Ok(Download {
        content_type: ContentType::new(
            "application",
            "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        name: export::file_name(&event, "xlsx"),
        body,
    })
}

pub fn routes() -> Vec<Route> {
    routes![list, csv, xlsx]
}

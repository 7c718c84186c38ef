//! The privacy notice, and a person's own copy and erasure of their data by a link sent to
//! their address (no account needed).

use rocket::form::{Form, FromForm, Lenient};
use rocket::http::{Header, Status};
use rocket::serde::json::serde_json::json;
use rocket::{Responder, Route, State, get, post, routes};
use rocket_dyn_templates::Template;

use super::after::Deferred;
use super::errors::PageError;
use super::form_gate::{FormAnswer, Gate};
use super::{Ctx, render};
use crate::domain::audit::{self, Actor};
use crate::domain::validate::{email_key, is_deliverable_email};
use crate::domain::{notice, outbox, privacy, request_mail};
use crate::i18n;

/// The notice that every form links to: the installation's own text, else the built-in one.
#[get("/privacy")]
async fn notice_page(ctx: Ctx<'_>) -> Result<Template, PageError> {
    let current = ctx.db.page(|conn| Ok(notice::current(conn)?)).await?;
    let lang = ctx.lang();
    let (version, body) = match &current {
        Some(n) => (
            n.label(),
            Some(crate::markdown::to_safe_html(n.body_for(lang))),
        ),
        None => (
            crate::domain::registration::CONSENT_VERSION.to_owned(),
            None,
        ),
    };
    // the own text is written in German or English; say so when the page is in another language
    let body_lang = current.as_ref().map(|n| n.body_lang(lang));
    Ok(render(
        "privacy",
        &ctx.visitor,
        json!({ "version": version, "body": body, "body_lang": body_lang,
                "days": ctx.settings.retention_days }),
    ))
}

#[derive(Debug, Default, FromForm)]
struct RequestForm {
    email: Option<String>,
    website: Option<String>,
    started: Option<String>,
}

fn request_form(
    ctx: &Ctx<'_>,
    gate: &Gate<'_>,
    email: &str,
    error: Option<&str>,
    notice: Option<String>,
) -> Template {
    let lang = ctx.lang();
    render(
        "privacy_request",
        &ctx.visitor,
        json!({ "email": email, "error": error.map(|k| i18n::text(lang, k)), "notice": notice,
                "stamp": gate.stamp(ctx.now()) }),
    )
}

#[get("/privacy/data")]
fn request_page(ctx: Ctx<'_>, gate: Gate<'_>) -> Template {
    request_form(&ctx, &gate, "", None, None)
}

/// Sends a link for one's data. The answer is the same whether or not anything is stored
/// under the address, so the form reveals nobody.
#[post("/privacy/data", data = "<form>")]
async fn request_submit(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    deferred: &State<Deferred>,
    form: Form<Lenient<RequestForm>>,
) -> Result<FormAnswer, PageError> {
    let form = form.into_inner().into_inner();
    let email = form.email.unwrap_or_default().trim().to_owned();
    let now = ctx.now();
    let lang = ctx.lang();
    let admitted = gate
        .admit_request(form.website.as_deref(), form.started.as_deref())
        .await;
    if let Err(refusal) = admitted {
        let page = request_form(&ctx, &gate, &email, None, Some(refusal.message(lang)));
        return Ok(refusal.answer(page));
    }
    if !is_deliverable_email(&email) {
        return Ok(FormAnswer::Again((
            Status::UnprocessableEntity,
            request_form(&ctx, &gate, &email, Some("error-email-invalid"), None),
        )));
    }
    // answered before the address is looked up (see `after`): the same page at the same
    // speed for every address; at most one link per address within `request_mail_minutes`
    let page = render(
        "resent",
        &ctx.visitor,
        json!({ "email": email, "event_path": "/privacy", "data_request": true }),
    );
    let key = email_key(&email);
    let base = ctx.settings.public_url.clone();
    let window = chrono::Duration::minutes(i64::from(ctx.settings.request_mail_minutes));
    deferred.spawn(ctx.db, "data request", move |conn| {
        if privacy::holds_data(conn, &key)?
            && request_mail::claim(conn, &key, "data_link", now, window)?
            && let Some(token) = privacy::new_request(conn, &key, now)?
        {
            let link = format!("{}/privacy/data/{token}", base.trim_end_matches('/'));
            outbox::data_link(conn, &email, &link, lang, now)?;
        }
        Ok(())
    });
    Ok(FormAnswer::Page(page))
}

/// Everything stored under the address a valid data link is for, the copy logged (that it
/// happened, never whose) in the same round.
async fn export(ctx: &Ctx<'_>, token: &str) -> Result<Vec<privacy::Record>, PageError> {
    let (token, now) = (token.to_owned(), ctx.now());
    ctx.db
        .page(move |conn| {
            let Some(key) = privacy::request_of(conn, &token, now)? else {
                return Ok(None);
            };
            let records = privacy::records_of(conn, &key)?;
            let detail = format!("{} registrations", records.len());
            audit::record(
                conn,
                &Actor::person_concerned(),
                "privacy.export",
                ("person", None),
                &detail,
                now,
            )?;
            Ok(Some(records))
        })
        .await?
        .ok_or(PageError::NotFound)
}

/// What is stored about the person, with a download and the erasure button.
#[get("/privacy/data/<token>")]
async fn data_page(ctx: Ctx<'_>, token: &str) -> Result<Template, PageError> {
    let records = export(&ctx, token).await?;
    let fmt = ctx.fmt();
    let rows: Vec<_> = records
        .iter()
        .map(|r| {
            json!({
                "meeting": r.meeting, "when": fmt.date(r.meeting_starts_at),
                "name": r.name, "email": r.email, "organisation": r.organisation,
                "companions": r.companions, "needs": r.needs, "answers": r.answers,
                "status": r.status, "registered": format!("{}, {}", fmt.date(r.registered_at), fmt.time(r.registered_at)),
                "consent": r.consent_version,
            })
        })
        .collect();
    Ok(render(
        "privacy_data",
        &ctx.visitor,
        json!({ "token": token, "rows": rows }),
    ))
}

#[derive(Responder)]
#[response(content_type = "json")]
struct Download(String, Header<'static>);

/// A record with its times as RFC 3339 in the site's time zone (`2026-12-17T18:30:00+01:00`):
/// stored times are UTC without a zone, which a reader would take for local time.
fn with_offsets(r: &privacy::Record, fmt: &i18n::Formatter) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap_or_default();
    let times = [
        ("meeting_starts_at", Some(r.meeting_starts_at)),
        ("registered_at", Some(r.registered_at)),
        ("consent_at", Some(r.consent_at)),
        ("cancelled_at", r.cancelled_at),
        ("checked_in_at", r.checked_in_at),
    ];
    if let Some(map) = v.as_object_mut() {
        for (field, time) in times {
            map.insert(field.into(), json!(time.map(|t| fmt.iso(t))));
        }
    }
    v
}

/// The same as a JSON file (a copy in a machine-readable format, Art. 20 GDPR).
#[get("/privacy/data/<token>/export.json")]
async fn data_json(ctx: Ctx<'_>, token: &str) -> Result<Download, PageError> {
    let records = export(&ctx, token).await?;
    let fmt = ctx.fmt();
    let records: Vec<serde_json::Value> = records.iter().map(|r| with_offsets(r, &fmt)).collect();
    let body = serde_json::to_string_pretty(&json!({ "registrations": records }))
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    Ok(Download(
        body,
        Header::new(
            "Content-Disposition",
            "attachment; filename=\"treffpunkt-data.json\"",
        ),
    ))
}

/// Erases everything under the address and ends the link.
#[post("/privacy/data/<token>/erase")]
async fn erase(ctx: Ctx<'_>, token: &str) -> Result<Template, PageError> {
    let (token, now) = (token.to_owned(), ctx.now());
    let erased = ctx
        .db
        .page(move |conn| {
            let Some(key) = privacy::request_of(conn, &token, now)? else {
                return Ok(None);
            };
            let n = privacy::erase_person(conn, &key, now)?;
            privacy::close_request(conn, &token)?;
            Ok(Some(n))
        })
        .await?
        .ok_or(PageError::NotFound)?;
    Ok(render(
        "privacy_erased",
        &ctx.visitor,
        json!({ "count": erased }),
    ))
}

pub fn routes() -> Vec<Route> {
    routes![
        notice_page,
        request_page,
        request_submit,
        data_page,
        data_json,
        erase
    ]
}

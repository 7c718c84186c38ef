//! Attendance certificates for the person and for strangers: the person downloads theirs
//! from their own page (its token link) once the meeting is over, if they were checked in;
//! anyone holding a certificate checks its code at `/certificate/<code>`, which confirms the
//! initials, the meeting and its date and nothing more. Checks are limited per client
//! address in the counters all instances share, so codes cannot be tried in bulk.

use rocket::http::Status;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, State, get, routes};
use rocket_dyn_templates::Template;

use super::abuse::{ClientIp, TooMany};
use super::certificate_sheet::{self, Sheet};
use super::errors::PageError;
use super::shared_limits::SharedLimits;
use super::staff::slip::PdfFile;
use super::{Ctx, render};
use crate::domain::certificate::{self, Check};
use crate::domain::event::EventDetail;
use crate::domain::registration::Registration;
use crate::domain::throttle::Allowance;
use crate::i18n::Formatter;

/// Checks per client address: plenty for an employer checking a few papers, hopeless for
/// trying codes (60 bits).
const CHECKS: Allowance = Allowance {
    burst: 30,
    period_secs: 3600,
};

/// The person's certificate with its meeting, made now if it is the first time; 404 for an
/// unknown token, a person not checked in, or a meeting not over yet.
async fn own(ctx: &Ctx<'_>, token: &str) -> Result<(Registration, Sheet), PageError> {
    let (r, _, detail) = super::registration::load(ctx, token).await?;
    if !certificate::earned(&r) || ctx.now() < detail.event.ends_at {
        return Err(PageError::NotFound);
    }
    let (person, now) = (r.clone(), ctx.now());
    let c = ctx
        .db
        .page(move |conn| Ok(certificate::issue(conn, &person, now)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let sheet =
        certificate_sheet::sheet(&r, &c, &detail, ctx.settings.tz(), &ctx.settings.public_url);
    Ok((r, sheet))
}

/// Whether the person's page offers a certificate: see [`own`].
pub fn offered(r: &Registration, detail: &EventDetail, now: chrono::NaiveDateTime) -> bool {
    certificate::earned(r) && now >= detail.event.ends_at
}

#[get("/r/<token>/certificate")]
async fn own_page(ctx: Ctx<'_>, token: &str) -> Result<Template, PageError> {
    let (r, sheet) = own(&ctx, token).await?;
    Ok(render(
        "certificate",
        &ctx.visitor,
        json!({ "sheets": [sheet], "token": r.token, "title": sheet_title(&sheet) }),
    ))
}

#[get("/r/<token>/certificate.pdf")]
async fn own_pdf(ctx: Ctx<'_>, token: &str) -> Result<PdfFile, PageError> {
    let (r, sheet) = own(&ctx, token).await?;
    let title = sheet_title(&sheet);
    let body = certificate_sheet::pdf(std::slice::from_ref(&sheet), &title, sheet.parts[0].lang)
        .map_err(|e| PageError::Unavailable(format!("PDF: {e}")))?;
    Ok(PdfFile::new(
        format!("teilnahmebescheinigung-{}.pdf", r.event_id),
        body,
    ))
}

fn sheet_title(sheet: &Sheet) -> String {
    sheet
        .parts
        .first()
        .map(|p| p.title.clone())
        .unwrap_or_default()
}

/// The form to type a code from paper; a typed code goes to its check page.
#[get("/certificate?<code>")]
fn check_form(ctx: Ctx<'_>, code: Option<&str>) -> Either<Template, Redirect> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(typed) => {
            let path: String = typed
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .take(40)
                .collect();
            Either::Right(Redirect::to(format!("/certificate/{path}")))
        }
        None => Either::Left(render("certificate_check", &ctx.visitor, json!({}))),
    }
}

type CheckAnswer = Either<(Status, Template), TooMany<Template>>;

#[get("/certificate/<code>")]
async fn check_page(
    ctx: Ctx<'_>,
    ip: ClientIp,
    limits: &State<SharedLimits>,
    code: &str,
) -> Result<CheckAnswer, PageError> {
    let now = ctx.now();
    let key = match ip.0 {
        Some(ip) => limits.address_key("certificate-check", ip),
        None => "certificate-check:unknown".to_owned(),
    };
    let typed: String = code.chars().take(40).collect();
    if let Err(wait) = limits.take(ctx.db, key, CHECKS, now).await {
        let message = crate::i18n::text_with(
            ctx.lang(),
            "error-too-many",
            &[("minutes", wait.div_ceil(60).into())],
        );
        let page = render(
            "certificate_check",
            &ctx.visitor,
            json!({ "code": typed, "limited": message }),
        );
        return Ok(Either::Right(TooMany(page, wait)));
    }
    let c = typed.clone();
    let found = ctx
        .db
        .page(move |conn| Ok(certificate::check(conn, &c)?))
        .await?;
    let fmt = Formatter {
        lang: ctx.lang(),
        tz: ctx.settings.tz(),
    };
    let (status, context) = match found {
        Some(Check::Genuine {
            initials,
            meeting,
            starts_at,
            ends_at,
            office,
        }) => (
            Status::Ok,
            json!({ "genuine": { "initials": initials, "meeting": meeting,
                    "date": fmt.span(starts_at, ends_at), "office": office } }),
        ),
        Some(Check::Withdrawn) => (Status::Gone, json!({ "withdrawn": true })),
        None => (Status::NotFound, json!({ "unknown": true })),
    };
    let mut context = context;
    context["code"] = json!(typed);
    Ok(Either::Left((
        status,
        render("certificate_check", &ctx.visitor, context),
    )))
}

pub fn routes() -> Vec<Route> {
    routes![own_page, own_pdf, check_form, check_page]
}

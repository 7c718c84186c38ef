//! All attendance certificates of a meeting at once, for the office to sign and hand out:
//! a printable page (one certificate per printed page) and one PDF with a page each. Only
//! people checked in get one; each in their language with German beside it.

use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, routes};
use rocket_dyn_templates::Template;

use super::own_event;
use super::session::Staff;
use super::slip::PdfFile;
use crate::domain::{certificate, event};
use crate::i18n;
use crate::web::certificate_sheet::{self, Sheet};
use crate::web::errors::PageError;
use crate::web::{Ctx, render};

async fn sheets(ctx: &Ctx<'_>, staff: &Staff, id: i64) -> Result<(String, Vec<Sheet>), PageError> {
    own_event(ctx, staff, id).await?;
    let now = ctx.now();
    let (detail, issued) = ctx
        .db
        .page(move |conn| {
            let issued = certificate::issue_all(conn, id, now)?;
            Ok(event::find_detail(conn, id)?.map(|d| (d, issued)))
        })
        .await?
        .ok_or(PageError::NotFound)?;
    let (tz, base) = (ctx.settings.tz(), &ctx.settings.public_url);
    let sheets = issued
        .iter()
        .map(|(r, c)| certificate_sheet::sheet(r, c, &detail, tz, base))
        .collect();
    Ok((detail.event.title, sheets))
}

#[get("/admin/events/<id>/certificates")]
async fn page(ctx: Ctx<'_>, staff: Staff, id: i64) -> Result<Template, PageError> {
    let (title, sheets) = sheets(&ctx, &staff, id).await?;
    let lang = ctx.lang();
    Ok(render(
        "staff/certificates",
        &ctx.visitor,
        json!({
            "event": { "id": id, "title": title },
            "count": i18n::text_with(lang, "paper-certificates-count", &[("count", (sheets.len() as i64).into())]),
            "sheets": sheets,
        }),
    ))
}

/// The PDF; with nobody checked in, the page that says so.
#[get("/admin/events/<id>/certificates.pdf")]
async fn pdf(ctx: Ctx<'_>, staff: Staff, id: i64) -> Result<Either<PdfFile, Redirect>, PageError> {
    let (title, sheets) = sheets(&ctx, &staff, id).await?;
    if sheets.is_empty() {
        return Ok(Either::Right(Redirect::to(format!(
            "/admin/events/{id}/certificates"
        ))));
    }
    let name = format!(
        "{} – {title}",
        i18n::text(ctx.lang(), "paper-certificates-title")
    );
    let body = certificate_sheet::pdf(&sheets, &name, "de")
        .map_err(|e| PageError::Unavailable(format!("PDF: {e}")))?;
    Ok(Either::Left(PdfFile::new(
        format!("teilnahmebescheinigungen-{id}.pdf"),
        body,
    )))
}

pub fn routes() -> Vec<Route> {
    routes![page, pdf]
}

//! The sign-in list of a meeting (Teilnehmerliste zum Unterschreiben): a printable page with
//! its choices (order, empty rows for walk-ins, e-mail addresses only when chosen), and the
//! same as a PDF with "Seite 1 von 2" on every page. Another office's meeting: 404.

use rocket::http::Status;
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, routes};
use rocket_dyn_templates::Template;

use super::own_event;
use super::session::Staff;
use super::slip::PdfFile;
use crate::domain::event::{self, EventDetail};
use crate::domain::sign_in::{self, Line, Mark, Options, Order};
use crate::i18n::{self, Formatter};
use crate::web::errors::PageError;
use crate::web::{Ctx, render};

/// The choices as given in the address, and the field that is wrong if one is (the
/// choices that could be read are kept).
fn options(
    order: Option<&str>,
    walk_ins: Option<&str>,
    email: Option<&str>,
) -> (Options, Option<&'static str>) {
    let mut o = Options {
        with_email: email == Some("1"),
        ..Options::default()
    };
    let mut error = None;
    match Order::parse(order) {
        Some(order) => o.order = order,
        None => error = Some("order"),
    }
    if let Some(w) = walk_ins.map(str::trim).filter(|w| !w.is_empty()) {
        match w.parse::<u32>() {
            Ok(n) if n <= sign_in::MAX_WALK_INS => o.walk_ins = n,
            _ => error = Some("walk_ins"),
        }
    }
    (o, error)
}

/// Everything on the sheet, in the staff member's language.
pub struct SignIn {
    pub detail: EventDetail,
    pub lines: Vec<Line>,
    pub options: Options,
    pub when: String,
    pub place: String,
}

async fn load(ctx: &Ctx<'_>, staff: &Staff, id: i64, o: Options) -> Result<SignIn, PageError> {
    let e = own_event(ctx, staff, id).await?;
    let (detail, lines) = ctx
        .db
        .page(move |conn| {
            let lines = sign_in::lines(conn, &e, o)?;
            Ok(event::find_detail(conn, id)?.map(|d| (d, lines)))
        })
        .await?
        .ok_or(PageError::NotFound)?;
    let fmt = ctx.fmt();
    let e = &detail.event;
    let venue = match &e.venue_room {
        Some(room) => format!("{}, {room}", e.venue_name),
        None => e.venue_name.clone(),
    };
    let place = format!("{venue} · {}, {} {}", e.street, e.postal_code, e.town);
    Ok(SignIn {
        when: fmt.span(e.starts_at, e.ends_at),
        place,
        lines,
        options: o,
        detail,
    })
}

/// A need as the door reads it: "Dolmetschen: Arabisch".
pub fn mark_text(lang: &str, m: &Mark) -> String {
    let what: i18n::Args = [(
        "what".into(),
        match m.what.parse::<i64>() {
            Ok(n) if m.kind == "childcare" => n.into(),
            _ => m.what.clone().into(),
        },
    )]
    .into_iter()
    .collect();
    i18n::try_text(lang, &format!("paper-need-{}", m.kind), Some(&what))
        .unwrap_or_else(|| m.what.clone())
}

fn seats(lines: &[Line]) -> i64 {
    lines.iter().map(|l| 1 + i64::from(l.companions)).sum()
}

#[get("/admin/events/<id>/sign-in?<order>&<walk_ins>&<email>")]
async fn page(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    order: Option<&str>,
    walk_ins: Option<&str>,
    email: Option<&str>,
) -> Result<(Status, Template), PageError> {
    let (o, error) = options(order, walk_ins, email);
    let s = load(&ctx, &staff, id, o).await?;
    Ok(sheet_page(&ctx, &s, walk_ins, error))
}

fn sheet_page(
    ctx: &Ctx<'_>,
    s: &SignIn,
    typed_walk_ins: Option<&str>,
    error: Option<&'static str>,
) -> (Status, Template) {
    let lang = ctx.lang();
    let lines: Vec<_> = s
        .lines
        .iter()
        .map(|l| {
            json!({ "number": l.number, "name": l.name, "companions": l.companions,
                    "organisation": l.organisation, "email": l.email,
                    "marks": l.marks.iter().map(|m| mark_text(lang, m)).collect::<Vec<_>>() })
        })
        .collect();
    let first_free = s.lines.len() + 1;
    let walk_ins: Vec<usize> = (first_free..first_free + s.options.walk_ins as usize).collect();
    let query = format!(
        "order={}&walk_ins={}{}",
        s.options.order.as_str(),
        s.options.walk_ins,
        if s.options.with_email { "&email=1" } else { "" }
    );
    let status = if error.is_some() {
        Status::UnprocessableEntity
    } else {
        Status::Ok
    };
    let e = &s.detail.event;
    let template = render(
        "staff/sign_in",
        &ctx.visitor,
        json!({
            "event": { "id": e.id, "title": e.title, "when": s.when, "place": s.place,
                       "office": s.detail.office.name },
            "lines": lines, "walk_ins": walk_ins, "with_email": s.options.with_email,
            "order": s.options.order.as_str(),
            "walk_ins_value": match error {
                Some("walk_ins") => typed_walk_ins.unwrap_or_default().to_owned(),
                _ => s.options.walk_ins.to_string(),
            },
            "error": error.map(|f| json!({ "field": f, "message": i18n::text(lang, "paper-walk-ins-invalid") })),
            "count": i18n::text_with(lang, "paper-count", &[
                ("count", (s.lines.len() as i64).into()), ("seats", seats(&s.lines).into())]),
            "any_marked": s.lines.iter().any(|l| !l.marks.is_empty()),
            "pdf": format!("/admin/events/{}/sign-in.pdf?{query}", e.id),
        }),
    );
    (status, template)
}

#[get("/admin/events/<id>/sign-in.pdf?<order>&<walk_ins>&<email>")]
async fn pdf(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    order: Option<&str>,
    walk_ins: Option<&str>,
    email: Option<&str>,
) -> Result<Either<PdfFile, (Status, Template)>, PageError> {
    let (o, error) = options(order, walk_ins, email);
    let s = load(&ctx, &staff, id, o).await?;
    if error.is_some() {
        return Ok(Either::Right(sheet_page(&ctx, &s, walk_ins, error)));
    }
    let fmt = Formatter {
        lang: ctx.lang(),
        tz: ctx.settings.tz(),
    };
    let body = super::sign_in_pdf::render(&s, &fmt, ctx.now())
        .map_err(|e| PageError::Unavailable(format!("PDF: {e}")))?;
    Ok(Either::Left(PdfFile::new(
        format!("teilnehmerliste-{id}.pdf"),
        body,
    )))
}

pub fn routes() -> Vec<Route> {
    routes![page, pdf]
}

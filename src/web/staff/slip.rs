//! The confirmation slip the office prints for a person it registered, above all one
//! without e-mail: meeting, time, place with address, the QR ticket and the phone number to
//! cancel, in the person's language. A printable page, and the same as a PDF.

use rocket::http::{ContentType, Header};
use rocket::response::Responder;
use rocket::serde::json::serde_json::json;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Template;

use super::managed_event;
use super::session::Staff;
use crate::domain::event::{self, EventDetail};
use crate::domain::registration::{self, Registration};
use crate::domain::ticket::Keys;
use crate::i18n::{self, Formatter};
use crate::pdf::{Block, Document};
use crate::web::errors::PageError;
use crate::web::lang::Visitor;
use crate::web::{Ctx, render};

/// Every word of the slip, in one language.
struct Words {
    title: String,
    name: String,
    party: String,
    when_label: String,
    when: String,
    where_label: String,
    venue: String,
    address: String,
    ticket: String,
    ticket_explain: String,
    cancel: String,
}

fn words(lang: &'static str, tz: chrono_tz::Tz, r: &Registration, d: &EventDetail) -> Words {
    let e = &d.event;
    let fmt = Formatter { lang, tz };
    let phone = e
        .contact_phone
        .clone()
        .or(d.office.phone.clone())
        .filter(|p| !p.trim().is_empty());
    let cancel = match phone {
        Some(phone) => i18n::text_with(lang, "slip-cancel", &[("phone", phone.into())]),
        None => i18n::text_with(
            lang,
            "slip-cancel-office",
            &[("office", d.office.name.clone().into())],
        ),
    };
    Words {
        title: i18n::text(lang, "slip-title"),
        name: i18n::text_with(lang, "slip-name", &[("name", r.name.clone().into())]),
        party: i18n::text_with(lang, "slip-party", &[("party", r.seats.into())]),
        when_label: i18n::text(lang, "slip-when"),
        when: fmt.span(e.starts_at, e.ends_at),
        where_label: i18n::text(lang, "slip-where"),
        venue: match &e.venue_room {
            Some(room) => format!("{}, {room}", e.venue_name),
            None => e.venue_name.clone(),
        },
        address: format!("{}, {} {}", e.street, e.postal_code, e.town),
        ticket: i18n::text(lang, "slip-ticket"),
        ticket_explain: i18n::text(lang, "slip-ticket-explain"),
        cancel,
    }
}

/// A confirmed registration of a meeting this person manages, with its meeting; none for a
/// place not (or no longer) held, which has no valid ticket.
async fn confirmed(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
    rid: i64,
) -> Result<(Registration, EventDetail), PageError> {
    managed_event(ctx, staff, id).await?;
    let found = ctx
        .db
        .page(move |conn| {
            let Some(r) = registration::find_of_event(conn, id, rid)? else {
                return Ok(None);
            };
            Ok(event::find_detail(conn, id)?.map(|d| (r, d)))
        })
        .await?;
    match found {
        Some((r, d))
            if r.is_confirmed()
                && !r.awaits_verification()
                && r.purged_at.is_none()
                && !d.event.is_cancelled() =>
        {
            Ok((r, d))
        }
        _ => Err(PageError::NotFound),
    }
}

fn person_language(r: &Registration) -> &'static str {
    i18n::SUPPORTED
        .iter()
        .copied()
        .find(|l| *l == r.language)
        .unwrap_or("de")
}

#[get("/admin/events/<id>/registrations/<rid>/slip")]
async fn slip(
    ctx: Ctx<'_>,
    staff: Staff,
    keys: &State<Keys>,
    id: i64,
    rid: i64,
) -> Result<Template, PageError> {
    let (r, d) = confirmed(&ctx, &staff, id, rid).await?;
    let lang = person_language(&r);
    let w = words(lang, ctx.fmt().tz, &r, &d);
    let qr = crate::qr::svg(
        &keys.issue(r.id, r.event_id),
        &i18n::text(lang, "ticket-qr-label"),
    );
    // the whole page speaks the person's language: it is theirs to take home
    let visitor = Visitor {
        lang,
        ..ctx.visitor.clone()
    };
    Ok(render(
        "staff/slip",
        &visitor,
        json!({
            "title": w.title, "name": w.name, "party": w.party, "party_n": r.seats,
            "when_label": w.when_label, "when": w.when, "where_label": w.where_label,
            "venue": w.venue, "address": w.address, "ticket": w.ticket,
            "ticket_explain": w.ticket_explain, "cancel": w.cancel, "qr": qr,
            "event": { "id": id, "title": d.event.title }, "rid": r.id, "staff_lang": ctx.lang(),
        }),
    ))
}

/// A PDF to download.
pub struct PdfFile {
    name: String,
    body: Vec<u8>,
}

impl<'r> Responder<'r, 'static> for PdfFile {
    fn respond_to(self, req: &'r rocket::Request<'_>) -> rocket::response::Result<'static> {
        let mut res = (ContentType::PDF, self.body).respond_to(req)?;
        res.set_header(Header::new(
            "Content-Disposition",
            format!("inline; filename=\"{}\"", self.name),
        ));
        res.set_header(Header::new("Cache-Control", "no-store"));
        Ok(res)
    }
}

#[get("/admin/events/<id>/registrations/<rid>/slip.pdf")]
async fn slip_pdf(
    ctx: Ctx<'_>,
    staff: Staff,
    keys: &State<Keys>,
    id: i64,
    rid: i64,
) -> Result<PdfFile, PageError> {
    let (r, d) = confirmed(&ctx, &staff, id, rid).await?;
    let tz = ctx.fmt().tz;
    let w = words(person_language(&r), tz, &r, &d);
    let lang = person_language(&r);
    let mut doc = Document::new(&w.title, lang);
    for block in [
        Block::Title(w.title.clone()),
        Block::Text(w.name),
        Block::Text(w.party),
        Block::Gap(6.0),
        Block::Heading(d.event.title.clone()),
        Block::Heading(w.when_label),
        Block::Text(w.when),
        Block::Heading(w.where_label),
        Block::Text(format!("{}\n{}", w.venue, w.address)),
        Block::Heading(w.ticket),
        Block::Qr {
            payload: keys.issue(r.id, r.event_id),
            size: 170.0,
            caption: Vec::new(),
        },
        Block::Text(w.ticket_explain),
        Block::Text(w.cancel),
    ] {
        doc.push(block);
    }
    let body = doc
        .render()
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    Ok(PdfFile {
        name: format!("bestaetigung-{}-{}.pdf", id, r.id),
        body,
    })
}

pub fn routes() -> Vec<Route> {
    routes![slip, slip_pdf]
}

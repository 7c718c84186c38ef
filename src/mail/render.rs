//! Turning an outbox row into a message: text and HTML from `templates/mail/`, in the
//! person's language, with the meeting's .ics attached.

use chrono::Duration;
use diesel::prelude::*;
use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use rocket_dyn_templates::tera::{Context, Tera};

use crate::Settings;
use crate::db::DbConn;
use crate::domain::event::{self, EventDetail};
use crate::domain::event_text;
use crate::domain::links::event_path;
use crate::domain::online::Online;
use crate::domain::question::{self, Answered};
use crate::domain::registration::{self, Registration};
use crate::i18n::{self, Formatter};

/// A mail ready to send.
pub struct Rendered {
    /// The ticket's QR code as PNG, shown inline (confirmations only).
    pub ticket_png: Option<Vec<u8>>,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub ics: Option<String>,
    /// One-click cancel address for List-Unsubscribe (RFC 8058).
    pub unsubscribe: Option<String>,
}

pub struct Renderer {
    tera: Tera,
    keys: Option<crate::domain::ticket::Keys>,
}

impl Renderer {
    pub fn new(keys: Option<crate::domain::ticket::Keys>) -> Result<Renderer, String> {
        // built into the binary: mail must go out whatever the working directory is
        let mut tera = Tera::default();
        tera.add_raw_templates(vec![
            (
                "registration.txt",
                include_str!("../../templates/mail/registration.txt.mail"),
            ),
            (
                "registration.html",
                include_str!("../../templates/mail/registration.html.mail"),
            ),
        ])
        .map_err(|e| format!("mail templates: {e:?}"))?;
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(i18n::escape_html);
        tera.register_function("t", i18n::TeraTranslate);
        Ok(Renderer { tera, keys })
    }

    /// Renders a registration mail from the data as it is now.
    pub fn registration_mail(
        &self,
        conn: &mut DbConn,
        settings: &Settings,
        kind: &str,
        registration_id: i64,
        payload: &str,
    ) -> Result<Option<Rendered>, String> {
        let q = |e: diesel::result::Error| e.to_string();
        let Some(r) = crate::db::schema::registrations::table
            .find(registration_id)
            .select(Registration::as_select())
            .first(conn)
            .optional()
            .map_err(q)?
        else {
            return Ok(None);
        };
        let Some(mut detail) = event::find_detail(conn, r.event_id).map_err(q)? else {
            return Ok(None);
        };
        // the meeting as the person reads it: its translation into their language, if any
        if let Some(t) = event_text::in_language(conn, &[r.event_id], &r.language)
            .map_err(q)?
            .remove(&r.event_id)
        {
            event_text::overlay(&mut detail.event, &t);
        }
        let position = registration::waiting_position(conn, &r).map_err(q)?;
        // what the person answered goes with the mails that confirm what they sent, and
        // with the one that confirms a change
        let answers = match kind {
            "confirmed" | "waiting" | "opt_in" | "registration_changed" => {
                question::answered(conn, &detail.event, r.id, &r.language, true).map_err(q)?
            }
            _ => Vec::new(),
        };
        let online = crate::domain::online::find(conn, r.event_id).map_err(q)?;
        self.render(
            settings,
            kind,
            (&r, &answers),
            (&detail, online.as_ref()),
            position,
            payload,
        )
        .map(Some)
    }

    fn render(
        &self,
        settings: &Settings,
        kind: &str,
        (r, answers): (&Registration, &[Answered]),
        (d, online): (&EventDetail, Option<&Online>),
        position: Option<i64>,
        payload: &str,
    ) -> Result<Rendered, String> {
        let lang: &'static str = i18n::SUPPORTED
            .iter()
            .copied()
            .find(|l| *l == r.language)
            .unwrap_or("de");
        let fmt = Formatter {
            lang,
            tz: settings.tz(),
        };
        let base = settings.public_url.trim_end_matches('/');
        let e = &d.event;
        let title = e.title.clone();
        let reason = e.cancel_reason.clone().unwrap_or_default();
        let deadline = r
            .verify_deadline
            .map(|t| format!("{}, {}", fmt.date(t), fmt.time(t)))
            .unwrap_or_default();
        let args = [
            ("title", title.clone().into()),
            ("position", position.unwrap_or(0).into()),
            ("seats", i64::from(r.seats).into()),
            ("reason", reason.into()),
            ("deadline", deadline.into()),
            ("by", payload.to_owned().into()),
            ("companions", i64::from(r.companions).into()),
        ];
        let words = crate::domain::registration::mail_words(kind, r);
        // Someone on the waiting list holds no seat and was never sent a calendar entry:
        // a change or a cancellation reaches them in words of their own and without one.
        let waiting = r.is_waiting() && matches!(kind, "changed" | "event_cancelled");
        let subject = i18n::text_with(lang, &format!("mail-{words}-subject"), &args);
        let body_key = if waiting {
            format!("mail-{words}-waiting-body")
        } else {
            format!("mail-{words}-body")
        };
        let body = i18n::text_with(lang, &body_key, &args);
        let mut place = vec![e.venue_name.clone()];
        place.extend(e.venue_room.clone());
        place.push(e.street.clone());
        place.push(format!("{} {}", e.postal_code, e.town));
        let manage = format!("{base}/r/{}", r.token);
        let mut ctx = Context::new();
        ctx.insert("lang", lang);
        let rtl = i18n::is_rtl(lang);
        ctx.insert("dir", i18n::direction(lang));
        // Mail programs know little CSS: the side the bar stands on is named outright.
        ctx.insert("start", if rtl { "right" } else { "left" });
        // In right-to-left plain text a phone number's digit groups would come out in
        // reverse order; left-to-right isolate marks keep them together.
        ctx.insert("ltr_open", if rtl { "\u{2066}" } else { "" });
        ctx.insert("ltr_close", if rtl { "\u{2069}" } else { "" });
        ctx.insert("name", &r.name);
        ctx.insert("answers", answers);
        // a client's mail goes to the integration manager who registered them: say so
        let via = (r.contact_kind == crate::domain::contact::VIA)
            .then_some(r.via_name.as_deref())
            .flatten();
        ctx.insert("via", &via);
        ctx.insert("body", &body);
        ctx.insert("title", &title);
        ctx.insert("when", &fmt.span(e.starts_at, e.ends_at));
        ctx.insert("place", &place.join(", "));
        ctx.insert(
            "url",
            &format!("{base}{}", event_path(e, d.access_key.as_deref())),
        );
        ctx.insert("manage_url", &manage);
        ctx.insert(
            "verify_url",
            // the opt-in mail always; until the person confirms, every other mail too (none
            // for a meeting that no longer takes place)
            &(kind == crate::domain::outbox::OPT_IN
                || (r.awaits_verification() && !e.is_cancelled()))
            .then(|| format!("{manage}/verify")),
        );
        ctx.insert("office", &d.office.name);
        ctx.insert(
            "contact_email",
            &e.contact_email.clone().or(d.office.email.clone()),
        );
        ctx.insert(
            "contact_phone",
            &e.contact_phone.clone().or(d.office.phone.clone()),
        );
        ctx.insert("active", &!r.is_cancelled());
        let has_ticket = matches!(kind, "confirmed" | "promoted" | "reminder")
            && r.is_confirmed()
            && !r.awaits_verification()
            && !e.is_cancelled();
        let ticket_png = if has_ticket {
            self.keys
                .as_ref()
                .and_then(|k| crate::qr::png(&k.issue(r.id, r.event_id), 8))
        } else {
            None
        };
        ctx.insert("ticket", &ticket_png.is_some());
        // a hybrid meeting's address only to those with a seat: in the reminder itself,
        // in the confirmation when it will be on their page
        let seat = online.filter(|_| crate::domain::online::holds_seat(e, r));
        ctx.insert(
            "online_url",
            &seat.filter(|_| kind == "reminder").map(|o| o.url.clone()),
        );
        ctx.insert(
            "online_from",
            &seat
                .filter(|_| matches!(kind, "confirmed" | "promoted"))
                .map(|o| {
                    let from = o.shown_from(e);
                    format!("{}, {}", fmt.date(from), fmt.time(from))
                }),
        );
        ctx.insert("ticket_url", &format!("{manage}/ticket"));
        let text = self
            .tera
            .render("registration.txt", &ctx)
            .map_err(|e| format!("mail template: {e:?}"))?;
        let html = self
            .tera
            .render("registration.html", &ctx)
            .map_err(|e| format!("mail template: {e:?}"))?;
        // the calendar entry goes with every mail that concerns the date itself, to those
        // who have (or now get) it. Not to the waiting list: an updated entry for one they
        // never had would add the meeting to their calendar as if they had a seat, and a
        // cancelled one would add a struck-through meeting they never had.
        let with_ics = (!waiting
            && matches!(
                kind,
                "confirmed" | "promoted" | "changed" | "event_cancelled" | "reminder"
            ))
            // a changed registration with its seat held: the entry the confirmation carried
            || (kind == "registration_changed"
                && r.is_confirmed()
                && !r.awaits_verification()
                && !e.is_cancelled());
        let ics = with_ics.then(|| {
            let host = crate::ical::host_of(base);
            crate::ical::single_ics(d, &host, base, lang, fmt.tz)
        });
        let unsubscribe = (!r.is_cancelled()).then(|| format!("{manage}/unsubscribe"));
        Ok(Rendered {
            ticket_png,
            subject,
            text,
            html,
            ics,
            unsubscribe,
        })
    }
}

/// A MIME message: text and HTML as alternatives, the .ics attached; the headers that keep
/// automatic mail out of auto-replies and let mail programs offer a one-click cancel.
pub fn compose(
    from: &Mailbox,
    to: &str,
    message_id: &str,
    r: &Rendered,
    automatic: bool,
) -> Result<Message, String> {
    let to: Mailbox = to.parse().map_err(|e| format!("recipient: {e}"))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&r.subject)
        .message_id(Some(message_id.to_owned()))
        .date_now();
    if automatic {
        builder = builder.raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".into(),
        ));
    }
    if let Some(u) = &r.unsubscribe {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{u}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    let html = SinglePart::builder()
        .header(ContentType::TEXT_HTML)
        .body(r.html.clone());
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(r.text.clone());
    let alternative = match &r.ticket_png {
        // the HTML shows the ticket by `cid:ticket`
        Some(png) => MultiPart::alternative().singlepart(text).multipart(
            MultiPart::related().singlepart(html).singlepart(
                Attachment::new_inline("ticket".into()).body(
                    png.clone(),
                    ContentType::parse("image/png").map_err(|e| e.to_string())?,
                ),
            ),
        ),
        None => MultiPart::alternative().singlepart(text).singlepart(html),
    };
    let body = match &r.ics {
        Some(ics) => MultiPart::mixed().multipart(alternative).singlepart(
            Attachment::new("termin.ics".into()).body(
                ics.clone(),
                // the same method as the file's METHOD line (RFC 6047 §2.4)
                ContentType::parse(&format!(
                    "text/calendar; charset=utf-8; method={}",
                    crate::ical::MAIL_METHOD
                ))
                .map_err(|e| e.to_string())?,
            ),
        ),
        None => alternative,
    };
    builder.multipart(body).map_err(|e| e.to_string())
}

/// A plain text mail (staff set-up links).
pub fn compose_plain(
    from: &Mailbox,
    to: &str,
    message_id: &str,
    subject: &str,
    text: &str,
) -> Result<Message, String> {
    let to: Mailbox = to.parse().map_err(|e| format!("recipient: {e}"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .message_id(Some(message_id.to_owned()))
        .date_now()
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".into(),
        ))
        .header(ContentType::TEXT_PLAIN)
        .body(text.to_owned())
        .map_err(|e| e.to_string())
}

/// Retries wait 30 s, 1, 2, 4 … minutes, at most an hour.
pub fn backoff(attempts: i32) -> Duration {
    Duration::seconds((30i64 << attempts.clamp(0, 7)).min(3600))
}

#[cfg(test)]
mod tests {
    #[test]
    fn mail_templates_load() {
        let r = super::Renderer::new(None).unwrap();
        let names: Vec<&str> = r.tera.get_template_names().collect();
        assert!(names.contains(&"registration.txt"), "{names:?}");
        assert!(names.contains(&"registration.html"), "{names:?}");
    }
}

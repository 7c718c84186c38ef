//! Delivers the outbox. Each mail is claimed with a compare-and-set on its row before it is
//! sent, so that several app instances on one database never send a mail twice; failures
//! are retried with growing pauses and, after the last try, kept visible as failed.

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use lettre::message::Mailbox;
use lettre::{FileTransport, Message, SmtpTransport, Transport as _};

use super::render::{self, Renderer};
use crate::Settings;
use crate::db::schema::{outbox, registrations};
use crate::db::{DbConn, DbError};
use crate::ical::host_of;

/// After this many failed tries a mail is given up (and shown to administrators).
pub const MAX_ATTEMPTS: i32 = 12;
/// How long a claim holds: a crashed instance's mails are picked up after this. Far longer
/// than one send can take (the SMTP timeout is 20 s a command), so a claim never runs out
/// while its mail is still being sent.
const CLAIM_MINUTES: i64 = 10;

#[derive(Queryable, Selectable, Clone)]
#[diesel(table_name = outbox)]
struct Pending {
    id: i64,
    registration_id: Option<i64>,
    kind: String,
    recipient: String,
    subject: String,
    body_text: String,
    body_html: String,
    payload: String,
    attempts: i32,
    created_at: NaiveDateTime,
}

/// Where mail goes: an SMTP server, or .eml files when none is configured.
pub enum Transport {
    Smtp(Box<SmtpTransport>),
    Files(PathBuf),
}

impl Transport {
    pub fn from_settings(settings: &Settings) -> Result<Transport, String> {
        match settings
            .smtp_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            Some(url) => SmtpTransport::from_url(url)
                .map(|b| {
                    Transport::Smtp(Box::new(b.timeout(Some(Duration::from_secs(20))).build()))
                })
                .map_err(|e| e.to_string()),
            None => Ok(Transport::Files(
                PathBuf::from(&settings.data_dir).join("outbox"),
            )),
        }
    }

    fn send(&self, message: &Message) -> Result<(), (String, bool)> {
        match self {
            Transport::Smtp(t) => t
                .send(message)
                .map(|_| ())
                .map_err(|e| (e.to_string(), e.is_permanent())),
            Transport::Files(dir) => std::fs::create_dir_all(dir)
                .map_err(|e| (e.to_string(), false))
                .and_then(|_| {
                    FileTransport::new(dir)
                        .send(message)
                        .map(|_| ())
                        .map_err(|e| (e.to_string(), false))
                }),
        }
    }
}

pub fn sender(settings: &Settings) -> Mailbox {
    if let Some(from) = settings.mail_from.as_deref().and_then(|f| f.parse().ok()) {
        return from;
    }
    let host = host_of(&settings.public_url);
    let host = if host.contains('.') && !host.chars().all(|c| c.is_ascii_digit() || c == '.') {
        host
    } else {
        "treffpunkt.invalid".into()
    };
    format!("Treffpunkt <noreply@{host}>")
        .parse()
        .unwrap_or_else(|_| {
            "Treffpunkt <noreply@treffpunkt.invalid>"
                .parse()
                .expect("valid literal")
        })
}

/// Claims one mail for this worker; false when another instance got it first.
fn claim(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::sent_at.is_null())
            .filter(outbox::failed_at.is_null())
            // another instance may have tried and failed since we looked: keep its pause
            .filter(outbox::next_attempt_at.le(now))
            .filter(
                outbox::claimed_until
                    .is_null()
                    .or(outbox::claimed_until.lt(now)),
            ),
    )
    .set(outbox::claimed_until.eq(now + chrono::Duration::minutes(CLAIM_MINUTES)))
    .execute(conn)
    .map(|n| n == 1)
}

fn build(
    conn: &mut DbConn,
    settings: &Settings,
    renderer: &Renderer,
    mail: &Pending,
) -> Result<Option<(Message, String, String, String)>, String> {
    let host = host_of(&settings.public_url);
    let message_id = format!(
        "<treffpunkt.{}.{}@{host}>",
        mail.id,
        mail.created_at.and_utc().timestamp()
    );
    let from = sender(settings);
    if !mail.body_text.is_empty() && !mail.body_html.is_empty() {
        // written when queued (an organiser's message): text and HTML as they are; a
        // registration's one-click unsubscribe stops such optional mail
        let token: Option<String> = match mail.registration_id {
            Some(rid) => registrations::table
                .find(rid)
                .select(registrations::token)
                .first(conn)
                .optional()
                .map_err(|e| e.to_string())?,
            None => None,
        };
        let base = settings.public_url.trim_end_matches('/');
        let written = render::Rendered {
            ticket_png: None,
            subject: mail.subject.clone(),
            text: mail.body_text.clone(),
            html: mail.body_html.clone(),
            ics: None,
            unsubscribe: token.map(|t| format!("{base}/r/{t}/unsubscribe")),
        };
        let m = render::compose(&from, &mail.recipient, &message_id, &written, true)?;
        return Ok(Some((m, written.subject, written.text, written.html)));
    }
    if !mail.body_text.is_empty() {
        let m = render::compose_plain(
            &from,
            &mail.recipient,
            &message_id,
            &mail.subject,
            &mail.body_text,
        )?;
        return Ok(Some((
            m,
            mail.subject.clone(),
            mail.body_text.clone(),
            String::new(),
        )));
    }
    let Some(rid) = mail.registration_id else {
        return Ok(None);
    };
    let Some(rendered) =
        renderer.registration_mail(conn, settings, &mail.kind, rid, &mail.payload)?
    else {
        return Ok(None);
    };
    let m = render::compose(&from, &mail.recipient, &message_id, &rendered, true)?;
    Ok(Some((m, rendered.subject, rendered.text, rendered.html)))
}

/// Sends what is due; returns how many mails went out.
pub fn deliver_due(
    conn: &mut DbConn,
    settings: &Settings,
    renderer: &Renderer,
    transport: &Transport,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    let due: Vec<Pending> = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::failed_at.is_null())
        .filter(outbox::next_attempt_at.le(now))
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.lt(now)),
        )
        .order(outbox::id.asc())
        .limit(50)
        .select(Pending::as_select())
        .load(conn)?;
    let mut sent = 0;
    for mail in due {
        if !claim(conn, mail.id, now)? {
            continue;
        }
        let outcome = build(conn, settings, renderer, &mail)
            .map_err(|e| (e, true))
            .and_then(|built| match built {
                Some((message, subject, text, html)) => transport
                    .send(&message)
                    .map(|_| Some((subject, text, html))),
                // the registration is gone (data deleted): nothing to send
                None => Ok(None),
            });
        match outcome {
            Ok(done) => {
                let (subject, text, html) = done.unwrap_or_default();
                diesel::update(outbox::table.find(mail.id))
                    .set((
                        outbox::sent_at.eq(now),
                        outbox::claimed_until.eq(None::<NaiveDateTime>),
                        outbox::subject.eq(subject),
                        outbox::body_text.eq(text),
                        outbox::body_html.eq(html),
                    ))
                    .execute(conn)?;
                sent += 1;
            }
            Err((error, permanent)) => {
                let attempts = mail.attempts + 1;
                let give_up = permanent || attempts >= MAX_ATTEMPTS;
                log::warn!(
                    "mail {} ({}) not delivered, attempt {attempts}: {}",
                    mail.id,
                    mail.kind,
                    redact_addresses(&error)
                );
                diesel::update(outbox::table.find(mail.id))
                    .set((
                        outbox::attempts.eq(attempts),
                        outbox::last_error.eq(error),
                        outbox::next_attempt_at.eq(now + render::backoff(mail.attempts)),
                        outbox::claimed_until.eq(None::<NaiveDateTime>),
                        outbox::failed_at.eq(give_up.then_some(now)),
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(sent)
}

/// A server's error message without the e-mail addresses it may quote: logs hold no
/// personal data.
fn redact_addresses(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            if word.contains('@') {
                "<address>"
            } else {
                word
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn logged_errors_name_no_address() {
        assert_eq!(
            super::redact_addresses("550 5.1.1 <anna@example.org>: mailbox unavailable"),
            "550 5.1.1 <address> mailbox unavailable"
        );
    }
}

//! Delivers pending outbox mails. Without an SMTP server configured, each mail is written
//! as an .eml file under `<data_dir>/outbox/` so that a fresh install works out of the box.

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use lettre::message::{Mailbox, header::ContentType};
use lettre::{FileTransport, Message, Transport};

use crate::db::schema::outbox;
use crate::db::{Db, DbConn, DbError};
use crate::{Clock, Settings};

#[derive(Queryable, Selectable)]
#[diesel(table_name = outbox)]
struct Pending {
    id: i64,
    recipient: String,
    subject: String,
    body_text: String,
    attempts: i32,
}

fn sender(settings: &Settings) -> Mailbox {
    let host = settings
        .public_url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', ':']).next())
        .filter(|h| h.contains('.') && !h.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .unwrap_or("treffpunkt.invalid");
    format!("Treffpunkt <noreply@{host}>")
        .parse()
        .unwrap_or_else(|_| {
            "Treffpunkt <noreply@treffpunkt.invalid>"
                .parse()
                .expect("valid literal")
        })
}

/// Retries wait 30 s, 1 min, 2 min … up to an hour.
fn backoff(attempts: i32) -> chrono::Duration {
    chrono::Duration::seconds((30i64 << attempts.clamp(0, 7)).min(3600))
}

/// Sends what is due; returns how many mails went out.
pub fn deliver_due(
    conn: &mut DbConn,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    let due: Vec<Pending> = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::next_attempt_at.le(now))
        .order(outbox::id.asc())
        .limit(50)
        .select(Pending::as_select())
        .load(conn)?;
    let dir = PathBuf::from(&settings.data_dir).join("outbox");
    let mut sent = 0;
    for mail in due {
        let result = std::fs::create_dir_all(&dir)
            .map_err(|e| e.to_string())
            .and_then(|_| build(settings, &mail))
            .and_then(|m| FileTransport::new(&dir).send(&m).map_err(|e| e.to_string()));
        match result {
            Ok(_) => {
                diesel::update(outbox::table.find(mail.id))
                    .set(outbox::sent_at.eq(now))
                    .execute(conn)?;
                sent += 1;
            }
            Err(e) => {
                log::warn!(
                    "mail {} not delivered (attempt {}): {e}",
                    mail.id,
                    mail.attempts + 1
                );
                diesel::update(outbox::table.find(mail.id))
                    .set((
                        outbox::attempts.eq(mail.attempts + 1),
                        outbox::last_error.eq(e),
                        outbox::next_attempt_at.eq(now + backoff(mail.attempts)),
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(sent)
}

fn build(settings: &Settings, mail: &Pending) -> Result<Message, String> {
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|e| format!("recipient: {e}"))?;
    Message::builder()
        .from(sender(settings))
        .to(to)
        .subject(&mail.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body_text.clone())
        .map_err(|e| e.to_string())
}

/// Runs until the process ends, checking the outbox every few seconds.
pub fn spawn(db: Db, settings: Settings, clock: Clock) {
    rocket::tokio::spawn(async move {
        loop {
            let (db, settings, now) = (db.clone(), settings.clone(), clock.now());
            let result = db.run(move |conn| deliver_due(conn, &settings, now)).await;
            if let Err(e) = result {
                log::warn!("outbox: {e}");
            }
            rocket::tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });
}

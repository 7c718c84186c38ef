//! Sending a message: the message record, one outbox row per person and the audit entry in
//! one transaction, so that an SMTP outage loses nothing and the worker's once-only
//! delivery holds. A form's one-time key makes a second submit send nothing, and an
//! allowance per organiser and meeting keeps a slip from flooding people.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use super::compose::{About, Draft, letter};
use super::{Audience, group};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{messages, offices};
use crate::domain::audit::{self, Actor};
use crate::domain::event::Event;
use crate::domain::throttle::{self, Allowance};
use crate::domain::{DomainError, outbox, token};

/// The outbox kind of a message mail.
pub const KIND: &str = "message";

/// Five messages per organiser and meeting, then one more every twelve minutes.
pub const ALLOWANCE: Allowance = Allowance {
    burst: 5,
    period_secs: 3600,
};

/// A message as listed on its meeting.
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = messages)]
pub struct Message {
    pub id: i64,
    pub event_id: i64,
    pub sender_name: String,
    pub audience: String,
    pub subject: String,
    pub recipients: i32,
    pub left_out: i32,
    pub created_at: NaiveDateTime,
}

/// Who sends, and what makes the links absolute.
#[derive(Debug, Clone)]
pub struct Sender<'a> {
    pub actor: &'a Actor,
    pub name: &'a str,
    pub base_url: &'a str,
}

/// What was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub message_id: i64,
    pub recipients: usize,
    pub opted_out: usize,
}

/// Sends `draft` to `audience` of meeting `e`. `Duplicate` when this form was sent already
/// (nothing is sent again); `Closed` with the reason when it may not go.
#[allow(clippy::too_many_arguments)]
pub fn send(
    conn: &mut DbConn,
    e: &Event,
    (audience, selection): (Audience, &[i64]),
    draft: &Draft,
    form_key: &str,
    sender: &Sender<'_>,
    now: NaiveDateTime,
) -> Result<Sent, DomainError> {
    if !token::looks_like_token(form_key) {
        return Err(DomainError::Closed("message-form-stale"));
    }
    write_transaction(conn, |conn| {
        let done: i64 = messages::table
            .filter(messages::form_key.eq(form_key))
            .count()
            .get_result(conn)?;
        if done > 0 {
            return Err(DomainError::Duplicate);
        }
        if !audience.offered(e, now) {
            return Err(DomainError::Closed("message-group-not-offered"));
        }
        let g = group(conn, e, audience, selection)?;
        if g.reach.is_empty() {
            return Err(DomainError::Closed("message-nobody"));
        }
        let key = format!(
            "message:{}:{}",
            sender.actor.user_id.unwrap_or_default(),
            e.id
        );
        if throttle::take(conn, &key, ALLOWANCE, now)?.is_err() {
            return Err(DomainError::Closed("message-too-many"));
        }
        let inserted = diesel::insert_into(messages::table)
            .values((
                messages::event_id.eq(e.id),
                messages::sender_id.eq(sender.actor.user_id),
                messages::sender_name.eq(sender.name),
                messages::audience.eq(audience.key()),
                messages::subject.eq(&draft.original.subject),
                messages::body.eq(&draft.original.body),
                messages::versions.eq(draft.versions_json()),
                messages::recipients.eq(i32::try_from(g.reach.len()).unwrap_or(i32::MAX)),
                messages::left_out.eq(i32::try_from(g.opted_out).unwrap_or(i32::MAX)),
                messages::form_key.eq(form_key),
                messages::created_at.eq(now),
            ))
            .returning(messages::id)
            .get_result::<i64>(conn);
        let id = match inserted {
            Ok(id) => id,
            // the same form sent twice at once: the other request sends it
            Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                return Err(DomainError::Duplicate);
            }
            Err(e) => return Err(e.into()),
        };
        let contact = contact_of(conn, e)?;
        let about = About {
            meeting: &e.title,
            contact: contact.as_deref(),
            base_url: sender.base_url,
        };
        for to in &g.reach {
            let l = letter(draft, to, &about);
            outbox::written(
                conn,
                KIND,
                to.registration_id,
                &to.email,
                (&l.subject, &l.text, &l.html),
                now,
            )?;
        }
        audit::record(
            conn,
            sender.actor,
            "message-send",
            ("event", Some(e.id)),
            &format!(
                "message {id} to {}: {} people, {} left out (no more mail)",
                audience.key(),
                g.reach.len(),
                g.opted_out
            ),
            now,
        )?;
        Ok(Sent {
            message_id: id,
            recipients: g.reach.len(),
            opted_out: g.opted_out,
        })
    })
}

/// The address people may ask: the meeting's contact, else its office's.
pub fn contact_of(conn: &mut DbConn, e: &Event) -> QueryResult<Option<String>> {
    if let Some(c) = e.contact_email.clone().filter(|c| !c.trim().is_empty()) {
        return Ok(Some(c));
    }
    offices::table
        .find(e.office_id)
        .select(offices::email)
        .first(conn)
}

/// The messages of a meeting, newest first.
pub fn of_event(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Message>> {
    messages::table
        .filter(messages::event_id.eq(event_id))
        .order(messages::id.desc())
        .select(Message::as_select())
        .load(conn)
}

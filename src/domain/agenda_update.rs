//! After invitations went out, a changed agenda is worth a mail to those who come: the
//! organiser decides (a button after saving), and each confirmed registration of the
//! meeting, public or invited, gets the agenda as it is now in its own language.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::agenda::{self, AgendaItem};
use super::audit::{self, Actor};
use super::event::{self, Event};
use super::invitation::send::Letter;
use super::registration::{Registration, STATUS_CONFIRMED};
use super::{DomainError, outbox};
use crate::db::DbConn;
use crate::db::lock::with_event_locked;
use crate::db::schema::{audit_log, invitations, registrations};
use crate::i18n;

pub const KIND: &str = "agenda_update";

/// When the first invitation to the meeting went out, if one did: the agenda up to then
/// was in the invitation mails themselves.
fn first_sent(conn: &mut DbConn, event_id: i64) -> QueryResult<Option<NaiveDateTime>> {
    invitations::table
        .filter(invitations::event_id.eq(event_id))
        .select(diesel::dsl::min(invitations::sent_at))
        .first(conn)
}

/// What changes an agenda, as the audit log records it.
const CHANGES: [&str; 4] = [
    "agenda_item_added",
    "agenda_item_changed",
    "agenda_item_removed",
    "agenda_item_moved",
];

const KIND_SENT: &str = "agenda_update_sent";

/// Whether there is something to send: the agenda changed after the invitations went out
/// and since the update was last sent. Pressing the button twice, or two organisers at
/// once, mails nobody twice.
pub fn pending(conn: &mut DbConn, event_id: i64) -> QueryResult<bool> {
    let Some(since) = first_sent(conn, event_id)? else {
        return Ok(false);
    };
    let latest: Option<String> = audit_log::table
        .filter(audit_log::object_type.eq("event"))
        .filter(audit_log::object_id.eq(event_id))
        .filter(audit_log::at.gt(since))
        .filter(audit_log::action.eq_any(CHANGES.iter().chain([&KIND_SENT])))
        .order(audit_log::id.desc())
        .select(audit_log::action)
        .first(conn)
        .optional()?;
    Ok(latest.is_some_and(|a| a != KIND_SENT))
}

/// Those who come and can be written to: confirmed registrations with an address (those
/// still to confirm their address by double opt-in included: they hold their seat).
pub fn recipients(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Registration>> {
    let people: Vec<Registration> = registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.eq(STATUS_CONFIRMED))
        .filter(registrations::purged_at.is_null())
        .order(registrations::id.asc())
        .select(Registration::as_select())
        .load(conn)?;
    Ok(people
        .into_iter()
        .filter(|r| r.mail_to().is_some())
        .collect())
}

/// Queues the updated agenda to everybody who comes; returns how many mails.
pub fn send(
    conn: &mut DbConn,
    event_id: i64,
    letter: Letter<'_>,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<usize, DomainError> {
    let sent = with_event_locked(conn, event_id, |conn| {
        let e = event::find(conn, event_id)?.ok_or(DomainError::NotFound)?;
        if e.is_cancelled() || now >= e.ends_at {
            return Err(DomainError::Closed("agenda-update-closed"));
        }
        if !pending(conn, event_id)? {
            return Err(DomainError::Closed("agenda-update-nothing-new"));
        }
        let items = agenda::items_of(conn, event_id)?;
        let people = recipients(conn, event_id)?;
        for r in &people {
            let (subject, body) = mail(&e, &items, r, letter);
            if let Some(to) = r.mail_to() {
                outbox::prerendered(conn, KIND, to, &subject, &body, now)?;
            }
        }
        audit::record_mailing(conn, actor, KIND_SENT, event_id, people.len(), now)?;
        Ok(people.len())
    })?;
    sent.ok_or(DomainError::NotFound)
}

fn mail(e: &Event, items: &[AgendaItem], r: &Registration, letter: Letter<'_>) -> (String, String) {
    let (lang, fmt) = letter.in_language(&r.language);
    let mut lines = vec![
        i18n::text_with(
            lang,
            "agenda-update-intro",
            &[
                ("title", e.title.clone().into()),
                ("when", fmt.span(e.starts_at, e.ends_at).into()),
            ],
        ),
        String::new(),
    ];
    if items.is_empty() {
        lines.push(i18n::text(lang, "agenda-empty"));
    } else {
        lines.extend(agenda::mail_lines(items));
    }
    lines.push(String::new());
    lines.push(i18n::text(lang, "agenda-update-own-page"));
    lines.push(format!(
        "{}/r/{}",
        letter.base_url.trim_end_matches('/'),
        r.token
    ));
    outbox::meeting_mail(lang, "agenda-update-subject", &e.title, &r.name, lines)
}

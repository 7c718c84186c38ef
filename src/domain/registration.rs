//! Registrations as stored, and how a person finds theirs again.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::registrations;

pub const STATUS_CONFIRMED: &str = "confirmed";
pub const STATUS_WAITING: &str = "waiting";
pub const STATUS_CANCELLED: &str = "cancelled";
/// A seat taken through a partner's invitation (the invitee or their substitute). Invited
/// seats are a pool of their own: they never count against the public capacity, so public
/// registrations can never take a partner's seat (`waitlist::confirmed_seats`).
pub const SOURCE_INVITATION: &str = "invitation";
/// Not stored: a `confirmed` registration of a double opt-in meeting that the person has
/// not yet confirmed by the link in the mail. It holds its seats (capacity counts it) but
/// gets no ticket and lapses at its `verify_deadline`. See [`Registration::state`].
pub const STATE_UNCONFIRMED: &str = "unconfirmed";

/// Version of the built-in privacy notice; an edited notice is `v<number>` (see
/// `domain::notice`). Each registration stores the version it agreed to.
pub const CONSENT_VERSION: &str = "2026-11-23";

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = registrations)]
pub struct Registration {
    pub id: i64,
    pub event_id: i64,
    pub token: String,
    pub name: String,
    pub email: String,
    pub email_key: String,
    pub organisation: Option<String>,
    pub companions: i32,
    pub seats: i32,
    pub needs: Option<String>,
    pub status: String,
    pub language: String,
    pub consent_version: String,
    pub consent_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub promoted_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub checked_in_at: Option<NaiveDateTime>,
    /// `online`, or `office` when an organiser entered it (a phone registration).
    pub source: String,
    /// With double opt-in: the place is given up unless confirmed before this.
    pub verify_deadline: Option<NaiveDateTime>,
    pub verified_at: Option<NaiveDateTime>,
    pub reminded_at: Option<NaiveDateTime>,
    pub checked_in_device: Option<String>,
    /// When the personal data was removed (retention period over, or erased on request).
    pub purged_at: Option<NaiveDateTime>,
    /// When the person turned off the optional mails (reminders, organisers' messages), by
    /// the mail program's one-click unsubscribe or on their page; `None` while they get them.
    pub optional_mail_off_at: Option<NaiveDateTime>,
    /// How the person is reached: `email`, `phone`, `post` or `via` (see `domain::contact`).
    pub contact_kind: String,
    pub phone: Option<String>,
    pub postal_address: Option<String>,
    /// The integration manager or organisation who registered the person (`via`).
    pub via_name: Option<String>,
    /// Their address: it gets the person's mails, each with the person's own ticket.
    pub via_email: Option<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = registrations)]
pub struct NewRegistration<'a> {
    pub event_id: i64,
    pub token: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub email_key: &'a str,
    pub organisation: Option<&'a str>,
    pub companions: i32,
    pub seats: i32,
    pub needs: Option<&'a str>,
    pub status: &'a str,
    pub language: &'a str,
    pub consent_version: &'a str,
    pub consent_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub source: &'a str,
    pub verify_deadline: Option<NaiveDateTime>,
    pub contact_kind: &'a str,
    pub phone: Option<&'a str>,
    pub postal_address: Option<&'a str>,
    pub via_name: Option<&'a str>,
    pub via_email: Option<&'a str>,
}

/// [`Registration::mail_to`] of a registration with these contact details.
pub fn mail_address<'a>(
    contact_kind: &str,
    email: &'a str,
    via_email: Option<&'a str>,
) -> Option<&'a str> {
    let to = if contact_kind == super::contact::VIA {
        via_email
    } else {
        Some(email)
    };
    to.filter(|a| !a.trim().is_empty())
}

impl Registration {
    /// Where the mails about this registration go: the integration manager's address for
    /// people registered through one, else the person's own; `None` when there is neither
    /// (registered by phone or post without an address: the office prints a slip).
    pub fn mail_to(&self) -> Option<&str> {
        mail_address(&self.contact_kind, &self.email, self.via_email.as_deref())
    }
    pub fn is_confirmed(&self) -> bool {
        self.status == STATUS_CONFIRMED
    }
    pub fn is_waiting(&self) -> bool {
        self.status == STATUS_WAITING
    }
    pub fn is_cancelled(&self) -> bool {
        self.status == STATUS_CANCELLED
    }
    /// Waiting for the person to confirm by the link in the mail (double opt-in).
    pub fn awaits_verification(&self) -> bool {
        self.verify_deadline.is_some() && self.verified_at.is_none() && !self.is_cancelled()
    }
    /// What the registration means to its person and the organisers: `confirmed`,
    /// `unconfirmed` (a seat held until the person confirms), `waiting` or `cancelled`.
    /// Everything people read (pages, mails, lists, exports, door, API) shows this, never the
    /// stored `status`, which only says whether seats are held.
    pub fn state(&self) -> &'static str {
        match self.status.as_str() {
            STATUS_CONFIRMED if self.awaits_verification() => STATE_UNCONFIRMED,
            STATUS_CONFIRMED => STATUS_CONFIRMED,
            STATUS_WAITING => STATUS_WAITING,
            _ => STATUS_CANCELLED,
        }
    }
    /// Whether reminders and organisers' messages may go to the person.
    pub fn wants_optional_mail(&self) -> bool {
        self.optional_mail_off_at.is_none()
    }
}

/// Which words a mail of `kind` (see `outbox`) takes for this registration: the
/// double opt-in mail of someone on the waiting list speaks of no place (she has none), and
/// someone who moves up unconfirmed is told that the place lapses unless she confirms.
pub fn mail_words<'a>(kind: &'a str, r: &Registration) -> &'a str {
    match kind {
        "opt_in" if r.is_waiting() => "opt_in_waiting",
        "promoted" if r.awaits_verification() => "promoted_unconfirmed",
        "registration_changed" if r.is_waiting() => "registration_changed_waiting",
        other => other,
    }
}

/// Registration `id` if it belongs to meeting `event_id` (an id of another meeting is none).
pub fn find_of_event(
    conn: &mut DbConn,
    event_id: i64,
    id: i64,
) -> QueryResult<Option<Registration>> {
    registrations::table
        .find(id)
        .filter(registrations::event_id.eq(event_id))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<Registration>> {
    if !super::token::looks_like_token(token) {
        return Ok(None);
    }
    registrations::table
        .filter(registrations::token.eq(token))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

/// The active (not cancelled) registration of an address for a meeting, if any.
pub fn find_active_by_email(
    conn: &mut DbConn,
    event_id: i64,
    email: &str,
) -> QueryResult<Option<Registration>> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::email_key.eq(super::validate::email_key(email)))
        .filter(registrations::status.ne(STATUS_CANCELLED))
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

/// Place on the waiting list, counted from 1 in order of registration. Positions are
/// derived, never stored, so they stay unique and without gaps whoever leaves the list.
pub fn waiting_position(
    conn: &mut DbConn,
    registration: &Registration,
) -> QueryResult<Option<i64>> {
    if !registration.is_waiting() {
        return Ok(None);
    }
    registrations::table
        .filter(registrations::event_id.eq(registration.event_id))
        .filter(registrations::status.eq(STATUS_WAITING))
        .filter(registrations::id.le(registration.id))
        .count()
        .get_result(conn)
        .map(Some)
}

/// Turns the optional mails (reminders, organisers' messages) of a registration off or on
/// again; nothing else about the registration changes. Turning off twice keeps the first
/// time. `None` for an unknown token.
pub fn set_optional_mail(
    conn: &mut DbConn,
    token: &str,
    wanted: bool,
    now: NaiveDateTime,
) -> QueryResult<Option<Registration>> {
    let Some(r) = find_by_token(conn, token)? else {
        return Ok(None);
    };
    if r.wants_optional_mail() != wanted {
        diesel::update(registrations::table.find(r.id))
            .set((
                registrations::optional_mail_off_at.eq((!wanted).then_some(now)),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    find_by_token(conn, token)
}

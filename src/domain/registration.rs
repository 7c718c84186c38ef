//! Registrations as stored, and how a person finds theirs again.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::registrations;

pub const STATUS_CONFIRMED: &str = "confirmed";
pub const STATUS_WAITING: &str = "waiting";
pub const STATUS_CANCELLED: &str = "cancelled";

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
}

impl Registration {
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

//! The door's read side: the attendee list door devices keep for offline use, search by
//! name for check-in by hand, and the counters the door page shows.

use diesel::prelude::*;
use serde::Serialize;

use super::checkin::stamp;
use super::event;
use super::registration::{Registration, STATUS_CONFIRMED};
use crate::db::DbConn;
use crate::db::schema::registrations;

/// One person as the door list shows them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Attendee {
    pub registration_id: i64,
    pub name: String,
    pub party: i32,
    /// `confirmed`, `waiting`, `cancelled` or `unconfirmed`.
    pub status: String,
    pub checked_in_at: Option<String>,
    pub device: Option<String>,
}

fn attendee(r: &Registration) -> Attendee {
    let status = if r.awaits_verification() && r.status == STATUS_CONFIRMED {
        "unconfirmed".to_owned()
    } else {
        r.status.clone()
    };
    Attendee {
        registration_id: r.id,
        name: r.name.clone(),
        party: r.seats,
        status,
        checked_in_at: r.checked_in_at.map(stamp),
        device: r.checked_in_device.clone(),
    }
}

/// Everybody registered, for door devices to keep (names, party size, state).
pub fn attendees(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Attendee>> {
    let all: Vec<Registration> = registrations::table
        .filter(registrations::event_id.eq(event_id))
        .order(registrations::name.asc())
        .select(Registration::as_select())
        .load(conn)?;
    Ok(all.iter().map(attendee).collect())
}

/// Search by name or e-mail for check-in by hand.
pub fn search(conn: &mut DbConn, event_id: i64, q: &str) -> QueryResult<Vec<Attendee>> {
    let rows = super::roster::list(conn, event_id, Some(q), None)?;
    Ok(rows.iter().take(30).map(|(r, _)| attendee(r)).collect())
}

#[derive(Debug, Clone, Copy, Default, Serialize, utoipa::ToSchema)]
pub struct Counters {
    pub checked_in: i64,
    pub confirmed: i64,
    pub capacity: Option<i32>,
}

pub fn counters(conn: &mut DbConn, event_id: i64) -> QueryResult<Counters> {
    let c = super::roster::counts(conn, event_id)?;
    let capacity = event::find(conn, event_id)?.and_then(|e| e.capacity);
    Ok(Counters {
        checked_in: c.checked_in_seats,
        confirmed: c.confirmed_seats,
        capacity,
    })
}

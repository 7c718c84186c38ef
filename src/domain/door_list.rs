//! The door's read side: the attendee list door devices keep for offline use, search by
//! name for check-in by hand, and the counters the door page shows.

use diesel::prelude::*;
use serde::Serialize;

use super::checkin::stamp;
use super::registration::{Registration, STATUS_CONFIRMED};
use super::{event, question};
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
    /// What the person needs or answered, one "question: answer" each; health-related
    /// answers only for the meeting's organisers, never on a door link's device.
    pub needs: Vec<String>,
}

/// Whether the door sees health-related answers: organisers of the meeting do, helpers on
/// a door link's device and door staff do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sensitive(pub bool);

/// Each registration's answers as short lines for the door.
fn needs_of(
    conn: &mut DbConn,
    event_id: i64,
    rows: &[Registration],
    Sensitive(sensitive): Sensitive,
) -> QueryResult<std::collections::HashMap<i64, Vec<String>>> {
    let Some(e) = event::find(conn, event_id)? else {
        return Ok(Default::default());
    };
    let questions = question::of_event(conn, &e, false)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let given = question::answers_of(conn, &ids)?;
    let texts = Default::default();
    Ok(given
        .into_iter()
        .map(|(rid, answers)| {
            let lines = question::in_order(&questions, &answers, &texts, "de", sensitive)
                .into_iter()
                .map(|a| format!("{}: {}", a.label, a.value))
                .collect();
            (rid, lines)
        })
        .collect())
}

fn attendee(r: &Registration, needs: &mut std::collections::HashMap<i64, Vec<String>>) -> Attendee {
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
        needs: needs.remove(&r.id).unwrap_or_default(),
    }
}

/// Everybody registered, for door devices to keep (names, party size, state).
pub fn attendees(
    conn: &mut DbConn,
    event_id: i64,
    sensitive: Sensitive,
) -> QueryResult<Vec<Attendee>> {
    let all: Vec<Registration> = registrations::table
        .filter(registrations::event_id.eq(event_id))
        .order(registrations::name.asc())
        .select(Registration::as_select())
        .load(conn)?;
    let mut needs = needs_of(conn, event_id, &all, sensitive)?;
    Ok(all.iter().map(|r| attendee(r, &mut needs)).collect())
}

/// Search by name or e-mail for check-in by hand.
pub fn search(
    conn: &mut DbConn,
    event_id: i64,
    q: &str,
    sensitive: Sensitive,
) -> QueryResult<Vec<Attendee>> {
    let rows: Vec<Registration> = super::roster::list(conn, event_id, Some(q), None)?
        .into_iter()
        .take(30)
        .map(|(r, _)| r)
        .collect();
    let mut needs = needs_of(conn, event_id, &rows, sensitive)?;
    Ok(rows.iter().map(|r| attendee(r, &mut needs)).collect())
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

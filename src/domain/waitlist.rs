//! Moving people up from the waiting list when seats become free.
//!
//! The rule: strictly first come, first served. The longest-waiting registration moves up
//! as soon as its whole party fits; a party is never split, and nobody behind it is moved
//! past it, even when a smaller party behind it would fit. Free seats that the head of the
//! list cannot use stay free until more seats open up or the head leaves the list. New
//! registrations join the end of the list whenever anybody is waiting.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::event::Event;
use super::registration::{Registration, SOURCE_INVITATION, STATUS_CONFIRMED, STATUS_WAITING};
use crate::db::DbConn;
use crate::db::schema::registrations;

/// Confirmed public seats of a meeting (invited ones are a pool apart), as the locked
/// transaction sees them.
pub fn confirmed_seats(conn: &mut DbConn, event_id: i64) -> QueryResult<i64> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.eq(STATUS_CONFIRMED))
        .filter(registrations::source.ne(SOURCE_INVITATION))
        .select(diesel::dsl::sum(registrations::seats))
        .first::<Option<i64>>(conn)
        .map(|s| s.unwrap_or(0))
}

/// Registrations still holding or waiting for a place (not cancelled).
pub fn active_registrations(conn: &mut DbConn, event_id: i64) -> QueryResult<i64> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.ne(super::registration::STATUS_CANCELLED))
        .count()
        .get_result(conn)
}

pub fn waiting_count(conn: &mut DbConn, event_id: i64) -> QueryResult<i64> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.eq(STATUS_WAITING))
        .count()
        .get_result(conn)
}

/// Promotes from the head of the waiting list while parties fit. Call only inside
/// [`crate::db::lock::with_event_locked`] for this event. Returns who moved up, in order.
pub fn promote(
    conn: &mut DbConn,
    event: &Event,
    now: NaiveDateTime,
) -> QueryResult<Vec<Registration>> {
    if event.is_cancelled() {
        return Ok(Vec::new());
    }
    let mut free = super::capacity::free_now(conn, event)?;
    let waiting: Vec<Registration> = registrations::table
        .filter(registrations::event_id.eq(event.id))
        .filter(registrations::status.eq(STATUS_WAITING))
        .order(registrations::id.asc())
        .select(Registration::as_select())
        .load(conn)?;
    let mut promoted = Vec::new();
    for mut r in waiting {
        if !super::capacity::fits_in(free, r.seats) {
            break;
        }
        if let Some(f) = free.as_mut() {
            *f -= i64::from(r.seats);
        }
        diesel::update(registrations::table.find(r.id))
            .set((
                registrations::status.eq(STATUS_CONFIRMED),
                registrations::promoted_at.eq(now),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
        r.status = STATUS_CONFIRMED.to_owned();
        r.promoted_at = Some(now);
        super::outbox::enqueue(conn, super::outbox::PROMOTED, &r, "", now)?;
        promoted.push(r);
    }
    Ok(promoted)
}

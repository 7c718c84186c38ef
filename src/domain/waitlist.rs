//! Moving people up from the waiting list when seats become free.
//!
//! The rule: strictly first come, first served. The longest-waiting registration moves up
//! as soon as its whole party fits; a party is never split, and nobody behind it is moved
//! past it, even when a smaller party behind it would fit. Free seats that the head of the
//! list cannot use stay free until more seats open up or the head leaves the list. New
//! registrations join the end of the list whenever anybody is waiting.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::event::{Event, Occupancy};
use super::registration::{Registration, STATUS_CONFIRMED, STATUS_WAITING};
use crate::db::DbConn;
use crate::db::keyset::row_after;
use crate::db::schema::{event_counts, registrations};

/// Confirmed public seats of a meeting (invited ones are a pool apart), as the locked
/// transaction sees them: the count the database keeps (`event_counts`), one key lookup.
pub fn confirmed_seats(conn: &mut DbConn, event_id: i64) -> QueryResult<i64> {
    Ok(counts(conn, event_id)?.confirmed_seats)
}

/// Confirmed seats and people waiting of one meeting, kept by the database in the same
/// transaction as every change to a registration (migration `event_counts`).
pub fn counts(conn: &mut DbConn, event_id: i64) -> QueryResult<Occupancy> {
    event_counts::table
        .find(event_id)
        .select((event_counts::confirmed_seats, event_counts::waiting))
        .first::<(i64, i64)>(conn)
        .optional()
        .map(|row| {
            row.map_or_else(Occupancy::default, |(confirmed_seats, waiting)| Occupancy {
                confirmed_seats,
                waiting,
            })
        })
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
    Ok(counts(conn, event_id)?.waiting)
}

/// The head of the waiting list after registration `after` (from the start: `0`): one
/// step along the index `(event_id, status, id)`, whatever the list's length, and whether
/// the database has statistics or not (see `db::keyset`).
fn next_waiting(conn: &mut DbConn, event_id: i64, after: i64) -> QueryResult<Option<Registration>> {
    use diesel::sql_types::{BigInt, Text};
    let next: Option<Registration> = registrations::table
        .filter(row_after(
            (
                registrations::event_id,
                registrations::status,
                registrations::id,
            ),
            (
                event_id.into_sql::<BigInt>(),
                STATUS_WAITING.into_sql::<Text>(),
                after.into_sql::<BigInt>(),
            ),
        ))
        .order((
            registrations::event_id,
            registrations::status,
            registrations::id,
        ))
        .select(Registration::as_select())
        .first(conn)
        .optional()?;
    // past the list's end the index goes on with the next status or meeting
    Ok(next.filter(|r| r.event_id == event_id && r.status == STATUS_WAITING))
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
    let mut promoted = Vec::new();
    // head by head, not the whole list: a long list costs no more than a short one
    let mut after = 0;
    loop {
        // no party fits into no seats: no need to look at the list
        if free.is_some_and(|f| f < 1) {
            break;
        }
        let Some(mut r) = next_waiting(conn, event.id, after)? else {
            break;
        };
        after = r.id;
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

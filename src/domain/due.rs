//! Rules that fall due with time: the reminder before a meeting, and giving up unconfirmed
//! places of double opt-in meetings after their deadline. `scheduler` runs each as a job
//! of its own; `mail` only renders and sends what they queue.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::event::{self, STATUS_PUBLISHED};
use super::registration::{Registration, STATUS_CANCELLED, STATUS_CONFIRMED};
use super::{DomainError, outbox, waitlist};
use crate::db::DbConn;
use crate::db::lock::with_event_locked;
use crate::db::schema::{events, registrations};

/// Queues the reminders that are due (each registration once).
pub fn remind(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<()> {
    // meetings that start within the next two weeks and have not started
    let soon: Vec<(i64, NaiveDateTime, Option<i32>)> = events::table
        .filter(events::status.eq(STATUS_PUBLISHED))
        .filter(events::reminder_hours.is_not_null())
        .filter(events::starts_at.gt(now))
        .filter(events::starts_at.le(now + Duration::days(14)))
        .select((events::id, events::starts_at, events::reminder_hours))
        .load(conn)?;
    for (id, starts, hours) in soon {
        if starts - Duration::hours(i64::from(hours.unwrap_or(24))) > now {
            continue;
        }
        crate::db::lock::write_transaction(conn, |conn| {
            let due: Vec<Registration> = registrations::table
                .filter(registrations::event_id.eq(id))
                .filter(registrations::status.eq(STATUS_CONFIRMED))
                .filter(registrations::reminded_at.is_null())
                .filter(registrations::optional_mail_off_at.is_null())
                .select(Registration::as_select())
                .load(conn)?;
            for r in due.iter().filter(|r| !r.awaits_verification()) {
                // the mark and the mail in one transaction: exactly one reminder each
                let marked = diesel::update(
                    registrations::table
                        .find(r.id)
                        .filter(registrations::reminded_at.is_null()),
                )
                .set(registrations::reminded_at.eq(now))
                .execute(conn)?;
                if marked == 1 {
                    outbox::enqueue(conn, outbox::REMINDER, r, "", now)?;
                }
            }
            Ok::<_, diesel::result::Error>(())
        })?;
    }
    Ok(())
}

/// Gives up the places of double opt-in registrations not confirmed in time; the waiting
/// list moves up.
pub fn expire_unverified(conn: &mut DbConn, now: NaiveDateTime) -> Result<(), DomainError> {
    let expired: Vec<(i64, i64)> = registrations::table
        .filter(registrations::verify_deadline.lt(now))
        .filter(registrations::verified_at.is_null())
        .filter(registrations::status.ne(STATUS_CANCELLED))
        .select((registrations::id, registrations::event_id))
        .load(conn)?;
    for (id, event_id) in expired {
        with_event_locked(conn, event_id, |conn| {
            let changed = diesel::update(
                registrations::table
                    .find(id)
                    .filter(registrations::verified_at.is_null())
                    .filter(registrations::status.ne(STATUS_CANCELLED)),
            )
            .set((
                registrations::status.eq(STATUS_CANCELLED),
                registrations::cancelled_at.eq(now),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
            if changed == 1
                && let Some(e) = event::find(conn, event_id)?
            {
                waitlist::promote(conn, &e, now)?;
            }
            Ok::<_, DomainError>(())
        })?;
    }
    Ok(())
}

//! The organiser's view of a meeting's registrations: search, counts, and the changes made
//! by hand (cancel, promote, move to another meeting of the series).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::audit::{self, Actor};
use super::event;
use super::registration::{
    Registration, SOURCE_INVITATION, STATE_UNCONFIRMED, STATUS_CANCELLED, STATUS_CONFIRMED,
    STATUS_WAITING,
};
use super::{DomainError, capacity, outbox, waitlist};
use crate::db::DbConn;
use crate::db::lock::{lock_also, with_event_locked};
use crate::db::schema::registrations;

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Counts {
    /// Confirmed by the person (or needing no confirmation).
    pub confirmed: i64,
    /// Holding seats but not yet confirmed (double opt-in); counted in `confirmed_seats`.
    pub unconfirmed: i64,
    /// Seats held, confirmed or not, invited ones included: who is expected at the door.
    pub confirmed_seats: i64,
    /// Of those, the seats of partners' invitees and substitutes: a pool apart from the
    /// public capacity.
    pub invited_seats: i64,
    pub waiting: i64,
    pub waiting_seats: i64,
    pub cancelled: i64,
    pub checked_in: i64,
    pub checked_in_seats: i64,
}

/// Changes to registrations in one cheap query, for caches of private feeds.
pub fn change_mark(conn: &mut DbConn) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    registrations::table
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::max(registrations::updated_at),
        ))
        .first(conn)
}

/// When each still-active registration came in and with how many seats, oldest first: what
/// the meeting's dashboard charts.
pub fn timeline(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<(NaiveDateTime, i32)>> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.ne(STATUS_CANCELLED))
        .order(registrations::created_at.asc())
        .select((registrations::created_at, registrations::seats))
        .load(conn)
}

impl Counts {
    /// The seats the public's capacity counts (`capacity`).
    pub fn public_seats(&self) -> i64 {
        self.confirmed_seats - self.invited_seats
    }
}

pub fn counts(conn: &mut DbConn, event_id: i64) -> QueryResult<Counts> {
    type Row = (String, i32, Option<NaiveDateTime>, bool, String);
    let rows: Vec<Row> = registrations::table
        .filter(registrations::event_id.eq(event_id))
        .select((
            registrations::status,
            registrations::seats,
            registrations::checked_in_at,
            unconfirmed_sql(),
            registrations::source,
        ))
        .load(conn)?;
    let mut c = Counts::default();
    for (status, seats, checked_in, unconfirmed, source) in rows {
        let seats = i64::from(seats);
        match status.as_str() {
            STATUS_CONFIRMED => {
                if unconfirmed {
                    c.unconfirmed += 1;
                } else {
                    c.confirmed += 1;
                }
                c.confirmed_seats += seats;
                if source == SOURCE_INVITATION {
                    c.invited_seats += seats;
                }
                if checked_in.is_some() {
                    c.checked_in += 1;
                    c.checked_in_seats += seats;
                }
            }
            STATUS_WAITING => {
                c.waiting += 1;
                c.waiting_seats += seats;
            }
            _ => c.cancelled += 1,
        }
    }
    Ok(c)
}

/// Waiting for the person's confirmation (double opt-in), as SQL: see
/// `Registration::awaits_verification`.
fn unconfirmed_sql() -> diesel::dsl::And<
    diesel::dsl::IsNotNull<registrations::verify_deadline>,
    diesel::dsl::IsNull<registrations::verified_at>,
> {
    registrations::verify_deadline
        .is_not_null()
        .and(registrations::verified_at.is_null())
}

/// Filter of the list: `confirmed`, `unconfirmed`, `waiting`, `cancelled`, `checked_in`,
/// or all; the states are those of `Registration::state`.
pub fn list(
    conn: &mut DbConn,
    event_id: i64,
    search: Option<&str>,
    status: Option<&str>,
) -> QueryResult<Vec<(Registration, Option<i64>)>> {
    let mut query = registrations::table
        .filter(registrations::event_id.eq(event_id))
        .order(registrations::id.asc())
        .select(Registration::as_select())
        .into_boxed();
    match status {
        Some(STATUS_CONFIRMED) => {
            query = query
                .filter(registrations::status.eq(STATUS_CONFIRMED))
                .filter(diesel::dsl::not(unconfirmed_sql()));
        }
        Some(STATE_UNCONFIRMED) => {
            query = query
                .filter(registrations::status.eq(STATUS_CONFIRMED))
                .filter(unconfirmed_sql());
        }
        Some(s @ (STATUS_WAITING | STATUS_CANCELLED)) => {
            query = query.filter(registrations::status.eq(s.to_owned()));
        }
        Some("checked_in") => query = query.filter(registrations::checked_in_at.is_not_null()),
        _ => {}
    }
    if let Some(term) = search.map(str::trim).filter(|s| !s.is_empty()) {
        let escaped = term
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        query = query.filter(
            lower(registrations::name)
                .like(pattern.clone())
                .escape('\\')
                .or(registrations::email_key.like(pattern.clone()).escape('\\'))
                .or(lower(registrations::organisation.assume_not_null())
                    .like(pattern.clone())
                    .escape('\\'))
                // a manager's clients are found by the manager's name too
                .or(lower(registrations::via_name.assume_not_null())
                    .like(pattern)
                    .escape('\\')),
        );
    }
    let rows = query.load(conn)?;
    // positions in one pass over the waiting list, not one query per row
    let waiting: Vec<i64> = registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.eq(STATUS_WAITING))
        .order(registrations::id.asc())
        .select(registrations::id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let pos = waiting
                .iter()
                .position(|id| *id == r.id)
                .map(|p| p as i64 + 1);
            (r, pos)
        })
        .collect())
}

/// One registration of a meeting, or `NotFound`.
pub(super) fn load(conn: &mut DbConn, event_id: i64, id: i64) -> Result<Registration, DomainError> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .find(id)
        .select(Registration::as_select())
        .first(conn)
        .optional()?
        .ok_or(DomainError::NotFound)
}

/// Cancels a registration for its owner (at their request) and moves the list up.
pub fn cancel(
    conn: &mut DbConn,
    event_id: i64,
    id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Vec<Registration>, DomainError> {
    with_event_locked(conn, event_id, |conn| {
        let r = load(conn, event_id, id)?;
        if r.status == STATUS_CANCELLED {
            return Ok(Vec::new());
        }
        diesel::update(registrations::table.find(id))
            .set((
                registrations::status.eq(STATUS_CANCELLED),
                registrations::cancelled_at.eq(now),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
        outbox::enqueue(conn, outbox::CANCELLED, &r, "office", now)?;
        super::invitation::seat_given_up(conn, id, now)?;
        let e = event::find(conn, event_id)?.ok_or(DomainError::NotFound)?;
        let promoted = waitlist::promote(conn, &e, now)?;
        audit::record(
            conn,
            actor,
            "registration.cancel",
            ("registration", Some(id)),
            &format!("event {event_id}"),
            now,
        )?;
        Ok::<_, DomainError>(promoted)
    })?
    .ok_or(DomainError::NotFound)
}

/// Confirms a waiting registration out of turn (the organiser's decision), if its party fits.
pub fn promote(
    conn: &mut DbConn,
    event_id: i64,
    id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    with_event_locked(conn, event_id, |conn| {
        let r = load(conn, event_id, id)?;
        if r.status != STATUS_WAITING {
            return Err(DomainError::Closed("error-not-waiting"));
        }
        let e = event::find(conn, event_id)?.ok_or(DomainError::NotFound)?;
        if !capacity::fits_in(capacity::free_now(conn, &e)?, r.seats) {
            return Err(DomainError::Full);
        }
        diesel::update(registrations::table.find(id))
            .set((
                registrations::status.eq(STATUS_CONFIRMED),
                registrations::promoted_at.eq(now),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
        outbox::enqueue(conn, outbox::PROMOTED, &r, "", now)?;
        audit::record(
            conn,
            actor,
            "registration.promote",
            ("registration", Some(id)),
            &format!("event {event_id}, by hand"),
            now,
        )?;
        Ok::<_, DomainError>(())
    })?
    .ok_or(DomainError::NotFound)
}

/// Moves a registration to another meeting of the same series: it is confirmed there if a
/// seat is free and nobody waits, else it joins that waiting list; its old place moves the
/// old list up. Both meetings are locked, in id order so two moves cannot deadlock.
pub fn move_to(
    conn: &mut DbConn,
    event_id: i64,
    id: i64,
    target: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<String, DomainError> {
    if target == event_id {
        return Err(DomainError::Invalid(
            [("target", "error-move-same")].into_iter().collect(),
        ));
    }
    let (first, second) = if event_id < target {
        (event_id, target)
    } else {
        (target, event_id)
    };
    with_event_locked(conn, first, |conn| {
        if !lock_also(conn, second)? {
            return Err(DomainError::NotFound);
        }
        let r = load(conn, event_id, id)?;
        let from = event::find(conn, event_id)?.ok_or(DomainError::NotFound)?;
        let to = event::find(conn, target)?.ok_or(DomainError::NotFound)?;
        if from.series_id.is_none() || from.series_id != to.series_id {
            return Err(DomainError::Invalid(
                [("target", "error-move-series")].into_iter().collect(),
            ));
        }
        if r.status == STATUS_CANCELLED {
            return Err(DomainError::Closed("error-move-cancelled"));
        }
        if to.is_cancelled() {
            return Err(DomainError::Closed("closed-cancelled"));
        }
        // the same rules as registering there: a date people can see and that is to come,
        // and a party no bigger than that date allows
        if to.status != event::STATUS_PUBLISHED {
            return Err(DomainError::Closed("error-move-draft"));
        }
        if to.starts_at <= now {
            return Err(DomainError::Closed("error-move-past"));
        }
        if r.companions > to.max_companions {
            return Err(DomainError::Closed("error-move-party"));
        }
        if super::registration::find_active_by_email(conn, target, &r.email_key)?.is_some() {
            return Err(DomainError::Duplicate);
        }
        // an error counting seats refuses the move: it must never be taken for free seats
        let free = capacity::free_now(conn, &to)?;
        let nobody_waits = waitlist::waiting_count(conn, target)? == 0;
        let status = match free {
            None => STATUS_CONFIRMED,
            Some(_) if nobody_waits && capacity::fits_in(free, r.seats) => STATUS_CONFIRMED,
            Some(_) if to.waitlist_enabled => STATUS_WAITING,
            Some(_) => return Err(DomainError::Full),
        };
        diesel::update(registrations::table.find(id))
            .set((
                registrations::event_id.eq(target),
                registrations::status.eq(status),
                registrations::checked_in_at.eq(None::<NaiveDateTime>),
                // the new date gets its own reminder
                registrations::reminded_at.eq(None::<NaiveDateTime>),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
        waitlist::promote(conn, &from, now)?;
        let moved = registrations::table
            .find(id)
            .select(Registration::as_select())
            .first(conn)?;
        let kind = if status == STATUS_CONFIRMED {
            outbox::CONFIRMED
        } else {
            outbox::WAITING
        };
        outbox::enqueue(conn, kind, &moved, "", now)?;
        audit::record(
            conn,
            actor,
            "registration.move",
            ("registration", Some(id)),
            &format!("event {event_id} -> {target}: {status}"),
            now,
        )?;
        Ok::<_, DomainError>(status.to_owned())
    })?
    .ok_or(DomainError::NotFound)
}

//! Capacity arithmetic, written once: how many seats a meeting has left and whether a party
//! fits. Registering, the waiting list moving up (by itself and by the organiser's hand),
//! moving a registration to another date and walk-ins at the door all ask here, so the rule
//! cannot drift apart between them. What each caller does with "does not fit" stays with the
//! caller: the waiting list stops, registering joins the waiting list or is refused, and the
//! door may let a walk-in in over capacity on purpose (`checkin::walk_in`, logged).

use diesel::QueryResult;

use super::event::Event;
use super::waitlist;
use crate::db::DbConn;

/// Seats still free: `None` when the meeting has no limit. Below zero when more seats are
/// taken than the capacity allows (capacity lowered later, or a walk-in by override).
pub fn free_seats(capacity: Option<i32>, taken: i64) -> Option<i64> {
    capacity.map(|c| i64::from(c) - taken)
}

/// Seats left as pages show them: never below zero (`None`: no limit).
pub fn seats_left(capacity: Option<i32>, taken: i64) -> Option<i64> {
    free_seats(capacity, taken).map(|f| f.max(0))
}

/// Whether a party of `party` seats fits into `free` seats (`None`: no limit).
/// A party is never split, so it fits only as a whole.
pub fn fits_in(free: Option<i64>, party: i32) -> bool {
    free.is_none_or(|f| i64::from(party) <= f)
}

/// Free seats of `event` as the locked transaction sees them; counts only when it has a
/// limit. Call inside [`crate::db::lock::with_event_locked`] for this event. A failing count
/// is an error, never "all seats free".
pub fn free_now(conn: &mut DbConn, event: &Event) -> QueryResult<Option<i64>> {
    match event.capacity {
        Some(_) => Ok(free_seats(
            event.capacity,
            waitlist::confirmed_seats(conn, event.id)?,
        )),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits(capacity: Option<i32>, taken: i64, party: i32) -> bool {
        fits_in(free_seats(capacity, taken), party)
    }

    #[test]
    fn unlimited_takes_any_party() {
        assert_eq!(free_seats(None, 1_000), None);
        assert!(fits(None, 1_000, 21));
        assert!(fits_in(None, i32::MAX));
    }

    #[test]
    fn exactly_full_and_one_over() {
        assert_eq!(free_seats(Some(10), 7), Some(3));
        assert_eq!(free_seats(Some(10), 12), Some(-2));
        assert_eq!(seats_left(Some(10), 12), Some(0));
        assert_eq!(seats_left(None, 12), None);
        // a party that fills the last seats fits; one seat more does not
        assert!(fits(Some(10), 7, 3));
        assert!(!fits(Some(10), 7, 4));
        // full: not even one
        assert_eq!(free_seats(Some(10), 10), Some(0));
        assert!(!fits(Some(10), 10, 1));
    }

    #[test]
    fn over_capacity_counts_below_zero_and_nothing_fits() {
        // capacity lowered below the seats held, or a walk-in let in by override
        assert_eq!(free_seats(Some(5), 8), Some(-3));
        assert!(!fits(Some(5), 8, 1));
        assert!(!fits_in(Some(-3), 1));
    }
}

//! What a visitor can do for a meeting right now: register, join the waiting list, or not.

use chrono::NaiveDateTime;

use super::event::{Event, Occupancy};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Seats are free; `None` means the meeting has no limit.
    Open {
        free: Option<i64>,
    },
    /// No seat is free now (or others already wait), new registrations join the waiting list.
    WaitingList,
    /// No seat and no waiting list.
    Full,
    Cancelled,
    NotYetOpen,
    /// The registration window has closed, or the meeting has begun.
    Closed,
}

impl Availability {
    /// Why registration is shut whatever the seats: cancelled, not yet open or over.
    pub fn shut(event: &Event, now: NaiveDateTime) -> Option<Availability> {
        if event.is_cancelled() {
            Some(Availability::Cancelled)
        } else if now >= event.starts_at || event.registration_closes_at.is_some_and(|c| now >= c) {
            Some(Availability::Closed)
        } else if event.registration_opens_at.is_some_and(|o| now < o) {
            Some(Availability::NotYetOpen)
        } else {
            None
        }
    }

    pub fn of(event: &Event, occupancy: Occupancy, now: NaiveDateTime) -> Availability {
        if let Some(shut) = Availability::shut(event, now) {
            return shut;
        }
        let Some(free) = super::capacity::free_seats(event.capacity, occupancy.confirmed_seats)
        else {
            return Availability::Open { free: None };
        };
        let free = free.max(0);
        if free > 0 && occupancy.waiting == 0 {
            Availability::Open { free: Some(free) }
        } else if event.waitlist_enabled {
            Availability::WaitingList
        } else {
            Availability::Full
        }
    }

    pub fn accepts_registrations(self) -> bool {
        matches!(self, Availability::Open { .. } | Availability::WaitingList)
    }

    /// The message key that explains why registration is not possible.
    pub fn closed_reason(self) -> Option<&'static str> {
        match self {
            Availability::Open { .. } | Availability::WaitingList => None,
            Availability::Full => Some("closed-full"),
            Availability::Cancelled => Some("closed-cancelled"),
            Availability::NotYetOpen => Some("closed-not-yet-open"),
            Availability::Closed => Some("closed-over"),
        }
    }

    /// A stable machine name, used by the API and as a CSS hook.
    pub fn as_str(self) -> &'static str {
        match self {
            Availability::Open { .. } => "open",
            Availability::WaitingList => "waiting_list",
            Availability::Full => "full",
            Availability::Cancelled => "cancelled",
            Availability::NotYetOpen => "not_yet_open",
            Availability::Closed => "closed",
        }
    }
}

/// Where a party goes once a meeting's counts are known, for a meeting that is not shut:
/// what [`Availability::of`] and `capacity::fits_in` decide for a public registration, as a
/// rule that one statement can apply to the counts it reads under the lock
/// (`register_pg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// Confirmed while nobody waits and at most this many seats are confirmed; `None`: the
    /// meeting has no limit, always confirmed.
    pub confirm_up_to: Option<i64>,
    /// Otherwise the waiting list; without one the registration is refused as full.
    pub may_wait: bool,
}

impl Placement {
    pub fn of(event: &Event, seats: i32) -> Placement {
        Placement {
            confirm_up_to: event.capacity.map(|c| i64::from(c) - i64::from(seats)),
            may_wait: event.waitlist_enabled,
        }
    }
}

#[cfg(test)]
mod placement_tests {
    use super::*;
    use crate::domain::capacity;

    /// The statement's `CASE` (`register_pg`) in Rust: confirmed (`true`), waiting
    /// (`false`), or full (`None`) at these counts.
    fn confirms(placement: Placement, occupancy: Occupancy) -> Option<bool> {
        let fits = placement
            .confirm_up_to
            .is_none_or(|most| occupancy.waiting == 0 && occupancy.confirmed_seats <= most);
        if fits {
            Some(true)
        } else {
            placement.may_wait.then_some(false)
        }
    }

    /// What registering decides (`register::register`, public registration) from the
    /// availability: confirmed, waiting or full.
    fn decided(
        event: &Event,
        occupancy: Occupancy,
        seats: i32,
        now: NaiveDateTime,
    ) -> Option<bool> {
        match Availability::of(event, occupancy, now) {
            Availability::Open { free } if capacity::fits_in(free, seats) => Some(true),
            Availability::Open { .. } | Availability::WaitingList if event.waitlist_enabled => {
                Some(false)
            }
            Availability::Open { .. } | Availability::WaitingList | Availability::Full => None,
            other => panic!("the placement is only asked for open meetings, not {other:?}"),
        }
    }

    #[test]
    fn the_rule_of_one_statement_decides_as_registering_does() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("a date");
        let starts_at = now + chrono::Duration::days(3);
        let mut event = Event {
            id: 1,
            office_id: 1,
            category_id: None,
            series_id: None,
            title: "Runder Tisch".into(),
            summary: String::new(),
            description: String::new(),
            starts_at,
            ends_at: starts_at + chrono::Duration::hours(2),
            venue_name: "Landratsamt".into(),
            venue_room: None,
            street: "Wilhelm-Keil-Straße 50".into(),
            postal_code: "72072".into(),
            town: "Tübingen".into(),
            latitude: None,
            longitude: None,
            contact_name: None,
            contact_phone: None,
            contact_email: None,
            capacity: None,
            max_companions: 4,
            waitlist_enabled: true,
            registration_opens_at: None,
            registration_closes_at: None,
            status: "published".into(),
            visibility: "public".into(),
            cancel_reason: None,
            sequence: 0,
            created_at: now,
            updated_at: now,
            reminder_hours: None,
            double_opt_in: false,
        };
        for capacity in [None, Some(0), Some(1), Some(3), Some(10)] {
            for waitlist in [false, true] {
                event.capacity = capacity;
                event.waitlist_enabled = waitlist;
                for confirmed_seats in 0..14 {
                    for waiting in 0..3 {
                        for seats in 1..5 {
                            let occupancy = Occupancy {
                                confirmed_seats,
                                waiting,
                            };
                            assert_eq!(
                                confirms(Placement::of(&event, seats), occupancy),
                                decided(&event, occupancy, seats, now),
                                "capacity {capacity:?}, waiting list {waitlist}, {occupancy:?}, \
                                 party of {seats}"
                            );
                        }
                    }
                }
            }
        }
    }
}

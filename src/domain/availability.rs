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

//! Door PINs: a PIN opens the check-in only together with its meeting, and wrong PINs are
//! limited per client address and for the whole server, in counters every instance shares
//! (`domain::throttle`). Each meeting counts the wrong PINs typed for it, for its organisers.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::audit::{self, Actor};
use super::throttle::{self, Window};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{door_links, events};

/// Digits of a new PIN: 10^8 per meeting.
pub const DIGITS: usize = 8;

/// How wrong PINs are limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Wrong PINs per client address and day before it has to wait.
    pub free_per_address: i64,
    /// The first wait after those; each further wrong PIN doubles it (until the day ends).
    pub first_wait_secs: i64,
    /// Wrong PINs per minute from all addresses together (0: no ceiling).
    pub per_minute: i64,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            free_per_address: 5,
            first_wait_secs: 30,
            per_minute: 10,
        }
    }
}

/// What typing a PIN led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The token of the door link it belongs to.
    Open(String),
    Wrong,
    /// Too many wrong PINs: try again in this many seconds.
    Limited(u64),
}

/// A new random PIN.
pub fn new_pin() -> String {
    use rand::Rng;
    let n = rand::rngs::OsRng.gen_range(0..10_u64.pow(DIGITS as u32));
    format!("{n:0width$}", width = DIGITS)
}

/// The PIN as typed, without the spaces and dashes people put in.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .take(32)
        .collect()
}

/// Easier to read out and type: `1234 5678`.
pub fn display(pin: &str) -> String {
    if pin.len() == DIGITS && pin.is_ascii() {
        format!("{} {}", &pin[..DIGITS / 2], &pin[DIGITS / 2..])
    } else {
        pin.to_owned()
    }
}

const ALL: &str = "door-pin:all";

fn address_key(address: &str) -> String {
    format!("door-pin:addr:{address}")
}

fn meeting_key(event_id: i64) -> String {
    format!("door-pin:event:{event_id}")
}

/// How long the meeting's count of wrong PINs is kept after the last one.
const KEEP_MEETING_COUNT_DAYS: i64 = 60;

/// Tries `pin` for meeting `event_id` from the client address `address` (a keyed hash, or
/// `None` when unknown). Attempts that arrive together are decided one after the other, so
/// the limits hold however many come at once; a right PIN counts nothing.
pub fn attempt(
    conn: &mut DbConn,
    event_id: i64,
    pin: &str,
    address: Option<&str>,
    rules: Rules,
    now: NaiveDateTime,
) -> QueryResult<Answer> {
    write_transaction(conn, |conn| {
        let (day, day_end) = throttle::window_of(now, 86_400);
        let (minute, minute_end) = throttle::window_of(now, 60);
        let mut wait: Option<NaiveDateTime> = None;
        // always the address first, then the server-wide row: one order, no deadlock
        let by_address = match address {
            Some(a) => {
                let key = address_key(a);
                let w = throttle::hold(conn, &key, day, day_end, now)?;
                if w.hits >= rules.free_per_address {
                    let doublings = (w.hits - rules.free_per_address).min(20) as u32;
                    let until = (w.last_at + Duration::seconds(rules.first_wait_secs << doublings))
                        .min(day_end);
                    if now < until {
                        wait = Some(until);
                    }
                }
                Some(key)
            }
            None => None,
        };
        let all = throttle::hold(conn, ALL, minute, minute_end, now)?;
        if wait.is_none() && rules.per_minute > 0 && all.hits >= rules.per_minute {
            wait = Some(minute_end);
        }
        if let Some(until) = wait {
            let secs = (until - now).num_seconds().max(1);
            return Ok(Answer::Limited(secs as u64));
        }
        let token = door_links::table
            .filter(door_links::event_id.eq(event_id))
            .filter(door_links::pin.eq(pin))
            .filter(door_links::revoked_at.is_null())
            .filter(door_links::expires_at.gt(now))
            .select(door_links::token)
            .first::<String>(conn)
            .optional()?;
        if let Some(t) = token {
            return Ok(Answer::Open(t));
        }
        let meeting = events::table
            .find(event_id)
            .select(events::id)
            .first::<i64>(conn)
            .optional()?;
        let actor = Actor {
            user_id: None,
            label: "door PIN".into(),
        };
        if let Some(key) = by_address {
            let hits = throttle::bump(conn, &key, day, day_end, now)?;
            if hits == rules.free_per_address {
                // once per address and day, and without the address
                audit::record(
                    conn,
                    &actor,
                    "door.pin_limit",
                    ("event", meeting),
                    &format!("{hits} wrong PINs from one address today"),
                    now,
                )?;
            }
        }
        let hits = throttle::bump(conn, ALL, minute, minute_end, now)?;
        if hits == rules.per_minute {
            audit::record(
                conn,
                &actor,
                "door.pin_ceiling",
                ("event", meeting),
                &format!("{hits} wrong PINs this minute from all addresses"),
                now,
            )?;
        }
        if let Some(id) = meeting {
            let key = meeting_key(id);
            let keep = now + Duration::days(KEEP_MEETING_COUNT_DAYS);
            throttle::hold(conn, &key, 0, keep, now)?;
            throttle::bump(conn, &key, 0, keep, now)?;
        }
        Ok(Answer::Wrong)
    })
}

/// Wrong PINs typed for a meeting, and since when.
pub fn wrong_attempts(conn: &mut DbConn, event_id: i64) -> QueryResult<Option<Window>> {
    Ok(throttle::read(conn, &meeting_key(event_id), 0)?.filter(|w| w.hits > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_long_and_typed_loosely() {
        let pin = new_pin();
        assert_eq!(pin.len(), DIGITS);
        assert!(pin.chars().all(|c| c.is_ascii_digit()));
        assert_eq!(normalise(" 1234 5678 "), "12345678");
        assert_eq!(normalise("1234-5678"), "12345678");
        assert_eq!(display("12345678"), "1234 5678");
        assert_eq!(display("123456"), "123456");
    }
}

//! Letting people in: redeeming tickets (idempotent by a client nonce, exactly one success
//! when two devices scan at once), check-in by name, undo and walk-ins. What the door reads
//! (attendee list, search, counters) is in `door_list`.
//! (Over 400 lines: the verdicts and every way in and back out at the door belong together;
//! the PostgreSQL statement of a check-in is in `checkin_pg`.)

use chrono::NaiveDateTime;
use diesel::prelude::*;
use ed25519_dalek::VerifyingKey;
use serde::Serialize;

use super::audit::{self, Actor};
use super::registration::{
    Registration, SOURCE_INVITATION, STATUS_CANCELLED, STATUS_CONFIRMED, STATUS_WAITING,
};
use super::ticket::{self, TicketError};
use super::{DomainError, capacity, event, rescan, token};
// the door's read side, still reachable as `checkin::…` for the door API and the tests
pub use super::door_list::{Attendee, Counters, Sensitive, attendees, counters, search};
use crate::db::DbConn;
use crate::db::lock::{with_event_locked, write_transaction};
use crate::db::schema::{checkins, events, registrations};

/// The answer a door device shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Verdict {
    /// Let in.
    Welcome {
        registration_id: i64,
        name: String,
        party: i32,
    },
    /// Let in a moment ago by this same device, which shows the ticket again (a guest who
    /// keeps the phone in front of the camera): still a welcome, with the time of the
    /// check-in (UTC, RFC 3339). See [`rescan::WELCOME_AGAIN_SECS`].
    WelcomeAgain {
        registration_id: i64,
        name: String,
        party: i32,
        at: String,
    },
    /// Already let in earlier (time in UTC, RFC 3339).
    Already {
        registration_id: i64,
        name: String,
        party: i32,
        at: String,
        device: String,
    },
    Cancelled {
        registration_id: i64,
        name: String,
    },
    Waiting {
        registration_id: i64,
        name: String,
    },
    /// Registered, but the double opt-in confirmation never came.
    Unconfirmed {
        registration_id: i64,
        name: String,
    },
    WrongMeeting,
    /// The meeting is over: its tickets no longer let anybody in.
    Expired,
    /// Not a ticket of ours, or forged or altered.
    Invalid,
}

pub(super) fn stamp(t: NaiveDateTime) -> String {
    t.and_utc().to_rfc3339()
}

fn load(conn: &mut DbConn, id: i64) -> QueryResult<Option<Registration>> {
    registrations::table
        .find(id)
        .select(Registration::as_select())
        .first(conn)
        .optional()
}

fn judge(r: &Registration) -> Option<Verdict> {
    let (registration_id, name) = (r.id, r.name.clone());
    if r.status == STATUS_CANCELLED {
        return Some(Verdict::Cancelled {
            registration_id,
            name,
        });
    }
    if r.status == STATUS_WAITING {
        return Some(Verdict::Waiting {
            registration_id,
            name,
        });
    }
    if r.awaits_verification() {
        return Some(Verdict::Unconfirmed {
            registration_id,
            name,
        });
    }
    if let Some(at) = r.checked_in_at {
        return Some(Verdict::Already {
            registration_id,
            name,
            party: r.seats,
            at: stamp(at),
            device: r.checked_in_device.clone().unwrap_or_default(),
        });
    }
    None
}

/// [`judge`] for a scan or tap by `device` at `at`: "already" turns into "welcome again"
/// for the device that let the person in a moment ago.
fn judge_scan(r: &Registration, device: &str, at: NaiveDateTime) -> Option<Verdict> {
    match judge(r)? {
        v @ Verdict::Already { .. } => Some(rescan::welcome_again(r, device, at).unwrap_or(v)),
        v => Some(v),
    }
}

/// The longest nonce a device may send, in characters.
pub const NONCE_MAX_CHARS: usize = 100;

/// The device's nonce, trimmed; refused when longer than [`NONCE_MAX_CHARS`] (as sent, as
/// the API document counts) or blank, whatever the rest of the request holds.
fn checked_nonce(nonce: &str) -> Result<&str, DomainError> {
    let problem = if nonce.chars().count() > NONCE_MAX_CHARS {
        "door-nonce-too-long"
    } else if nonce.trim().is_empty() {
        "error-required"
    } else {
        return Ok(nonce.trim());
    };
    Err(DomainError::Invalid(
        [("nonce", problem)].into_iter().collect(),
    ))
}

/// Checks in one registration of `event_id` at `at` from `device`, once per `nonce`. The
/// first check-in to reach the server wins (a compare-and-set on the row); every later one,
/// also a scan synced from an offline device, is told when and where it happened.
pub fn check_in(
    conn: &mut DbConn,
    event_id: i64,
    registration_id: i64,
    nonce: &str,
    device: &str,
    at: NaiveDateTime,
) -> Result<Verdict, DomainError> {
    scan(
        conn,
        (event_id, registration_id),
        nonce,
        device,
        (at, false),
    )
}

/// [`check_in`]; `ticket`: a scanned ticket, which no longer lets anybody in once the
/// meeting is over.
fn scan(
    conn: &mut DbConn,
    (event_id, registration_id): (i64, i64),
    nonce: &str,
    device: &str,
    (at, ticket): (NaiveDateTime, bool),
) -> Result<Verdict, DomainError> {
    let nonce = checked_nonce(nonce)?;
    let device: String = device.trim().chars().take(60).collect();
    let scan = Scan {
        event_id,
        registration_id,
        nonce,
        device: &device,
        at,
        ticket,
    };
    match conn {
        // Nothing is locked (the compare-and-set decides), so on PostgreSQL the read needs
        // no transaction around it and both writes go as one statement (`checkin_pg`).
        DbConn::Postgres(_) => scan.check_in(conn, true),
        DbConn::Sqlite(_) => write_transaction(conn, |conn| scan.check_in(conn, false)),
    }
}

/// One scan or tap, as [`check_in`] takes it.
#[derive(Clone, Copy)]
struct Scan<'a> {
    event_id: i64,
    registration_id: i64,
    nonce: &'a str,
    device: &'a str,
    at: NaiveDateTime,
    ticket: bool,
}

impl Scan<'_> {
    /// `alone`: outside a transaction, on PostgreSQL (see [`check_in`]).
    fn check_in(self, conn: &mut DbConn, alone: bool) -> Result<Verdict, DomainError> {
        let Scan {
            event_id,
            nonce,
            device,
            at,
            ..
        } = self;
        // The same scan sent again (a retry after a timeout) gets the same answer. A nonce
        // counts only for its own meeting and person, and not once undone: a nonce seen
        // elsewhere must never answer with someone else's name or skip this check-in.
        // One statement reads the meeting's end, the person and such an earlier scan.
        let found: Option<(NaiveDateTime, Option<Registration>, Option<i64>)> = events::table
            .left_join(registrations::table.on(registrations::id.eq(self.registration_id)))
            .left_join(
                checkins::table.on(checkins::registration_id
                    .eq(registrations::id)
                    .and(checkins::event_id.eq(event_id))
                    .and(checkins::nonce.eq(nonce))
                    .and(checkins::undone_at.is_null())),
            )
            .filter(events::id.eq(event_id))
            .select((
                events::ends_at,
                Option::<Registration>::as_select(),
                checkins::id.nullable(),
            ))
            .first(conn)
            .optional()?;
        let Some((ends_at, r, earlier)) = found else {
            return Ok(Verdict::Invalid);
        };
        if self.ticket && at > ends_at + chrono::Duration::hours(TICKET_GRACE_HOURS) {
            return Ok(Verdict::Expired);
        }
        let Some(r) = r else {
            return Ok(Verdict::Invalid);
        };
        if earlier.is_some() {
            return Ok(Verdict::Welcome {
                registration_id: r.id,
                name: r.name,
                party: r.seats,
            });
        }
        if r.event_id != event_id {
            return Ok(Verdict::WrongMeeting);
        }
        if let Some(v) = judge_scan(&r, device, at) {
            return Ok(v);
        }
        let won = match conn {
            // an invitee's check-in also marks their organisation: all in one transaction
            DbConn::Postgres(_) if alone && r.source == SOURCE_INVITATION => {
                return write_transaction(conn, |conn| self.check_in(conn, false));
            }
            DbConn::Postgres(pg) if alone => {
                let won = super::checkin_pg::at_once(pg, (event_id, r.id), nonce, device, at)?;
                if won {
                    crate::db::written();
                }
                won
            }
            _ => self.write(conn, &r)?,
        };
        if !won {
            let now = load(conn, r.id)?.ok_or(DomainError::NotFound)?;
            return Ok(judge_scan(&now, device, at).unwrap_or(Verdict::Invalid));
        }
        Ok(Verdict::Welcome {
            registration_id: r.id,
            name: r.name,
            party: r.seats,
        })
    }

    /// Inside a transaction: the compare-and-set, the check-in's row and the organisation's
    /// mark; false when another check-in came first.
    fn write(self, conn: &mut DbConn, r: &Registration) -> QueryResult<bool> {
        let won = diesel::update(
            registrations::table
                .find(r.id)
                .filter(registrations::status.eq(STATUS_CONFIRMED))
                .filter(registrations::checked_in_at.is_null()),
        )
        .set((
            registrations::checked_in_at.eq(self.at),
            registrations::checked_in_device.eq(self.device),
        ))
        .execute(conn)?;
        if won == 0 {
            return Ok(false);
        }
        diesel::insert_into(checkins::table)
            .values((
                checkins::registration_id.eq(r.id),
                checkins::event_id.eq(self.event_id),
                checkins::nonce.eq(self.nonce),
                checkins::device.eq(self.device),
                checkins::at.eq(self.at),
            ))
            .execute(conn)?;
        super::partner_attendance::on_check_in(conn, r, self.at)?;
        Ok(true)
    }
}

/// How long after a meeting's end its tickets still work (a late second scan, say).
pub const TICKET_GRACE_HOURS: i64 = 6;

/// Redeems a scanned ticket token.
pub fn redeem(
    conn: &mut DbConn,
    key: &VerifyingKey,
    event_id: i64,
    token: &str,
    nonce: &str,
    device: &str,
    at: NaiveDateTime,
) -> Result<Verdict, DomainError> {
    checked_nonce(nonce)?;
    match ticket::verify(key, token) {
        Err(TicketError::Malformed | TicketError::BadSignature) => Ok(Verdict::Invalid),
        Ok(t) if t.event_id != event_id => Ok(Verdict::WrongMeeting),
        Ok(t) => scan(
            conn,
            (event_id, t.registration_id),
            nonce,
            device,
            (at, true),
        ),
    }
}

/// Takes back the check-in made with `nonce` (a mistaken tap).
pub fn undo(
    conn: &mut DbConn,
    event_id: i64,
    nonce: &str,
    at: NaiveDateTime,
) -> Result<bool, DomainError> {
    let nonce = checked_nonce(nonce)?;
    write_transaction(conn, |conn| {
        let found: Option<(i64, i64)> = checkins::table
            .filter(checkins::nonce.eq(nonce))
            .filter(checkins::event_id.eq(event_id))
            .filter(checkins::undone_at.is_null())
            .order(checkins::id.desc())
            .select((checkins::id, checkins::registration_id))
            .first(conn)
            .optional()?;
        let Some((id, rid)) = found else {
            return Ok(false);
        };
        diesel::update(checkins::table.find(id))
            .set(checkins::undone_at.eq(at))
            .execute(conn)?;
        diesel::update(registrations::table.find(rid))
            .set((
                registrations::checked_in_at.eq(None::<NaiveDateTime>),
                registrations::checked_in_device.eq(None::<String>),
            ))
            .execute(conn)?;
        super::partner_attendance::on_undo(conn, rid)?;
        Ok(true)
    })
}

/// Someone who came without registering.
#[derive(Debug, Clone)]
pub struct WalkIn {
    pub name: String,
    pub companions: i32,
    /// Let in over capacity; logged.
    pub override_capacity: bool,
    pub device: String,
}

/// Registers and lets in someone who came without registering. Over capacity only with
/// `override_capacity`, which is logged.
pub fn walk_in(
    conn: &mut DbConn,
    event_id: i64,
    who: &WalkIn,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Verdict, DomainError> {
    let (companions, override_capacity, device) =
        (who.companions, who.override_capacity, who.device.as_str());
    let name = who.name.trim();
    if let Some(reason) = super::validate::name_problem(name) {
        return Err(DomainError::Invalid(
            [("name", reason)].into_iter().collect(),
        ));
    }
    if !(0..=20).contains(&companions) {
        return Err(DomainError::Invalid(
            [("companions", "error-companions-invalid")]
                .into_iter()
                .collect(),
        ));
    }
    let seats = companions + 1;
    with_event_locked(conn, event_id, |conn| {
        let e = event::find(conn, event_id)?.ok_or(DomainError::NotFound)?;
        if e.is_cancelled() {
            return Err(DomainError::Closed("closed-cancelled"));
        }
        // a count that fails refuses: it must never read as "nobody is here yet"
        let over = !capacity::fits_in(capacity::free_now(conn, &e)?, seats);
        // the one place a party may exceed capacity: the door decides, and it is logged
        if over && !override_capacity {
            return Err(DomainError::Full);
        }
        let token = token::new_token();
        // walk-ins have no address; a unique key keeps the one-per-address rule out of the way
        let key = format!("walk-in:{token}");
        let id: i64 = diesel::insert_into(registrations::table)
            .values((
                registrations::event_id.eq(event_id),
                registrations::token.eq(&token),
                registrations::name.eq(name),
                registrations::email.eq(""),
                registrations::email_key.eq(&key),
                registrations::companions.eq(companions),
                registrations::seats.eq(seats),
                registrations::status.eq(STATUS_CONFIRMED),
                registrations::language.eq("de"),
                registrations::consent_version.eq("walk-in"),
                registrations::consent_at.eq(now),
                registrations::created_at.eq(now),
                registrations::updated_at.eq(now),
                registrations::source.eq("door"),
                registrations::checked_in_at.eq(now),
                registrations::checked_in_device.eq(device),
            ))
            .returning(registrations::id)
            .get_result(conn)?;
        let detail = if over {
            format!("walk-in of {seats} OVER CAPACITY by override")
        } else {
            format!("walk-in of {seats}")
        };
        audit::record(
            conn,
            actor,
            "checkin.walk_in",
            ("registration", Some(id)),
            &detail,
            now,
        )?;
        Ok::<_, DomainError>(Verdict::Welcome {
            registration_id: id,
            name: name.to_owned(),
            party: seats,
        })
    })?
    .ok_or(DomainError::NotFound)
}

//! Which organisations were represented at a partner meeting. Checking in anybody who came
//! through an invitation marks their organisation (in the check-in's own transaction); the
//! office ticks or unticks an organisation by hand. The record names organisations only,
//! no person, so the retention's anonymisation leaves it alone: "12 of 15 took part" stays
//! true for good.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone};
use diesel::prelude::*;

use super::audit::{self, Actor};
use super::event::{Event, Series};
use super::partner::Partner;
use super::registration::{Registration, SOURCE_INVITATION, STATUS_CONFIRMED};
use super::{DomainError, FieldErrors};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{invitations, partner_attendance, partners, registrations};

pub const SOURCE_CHECKIN: &str = "checkin";
pub const SOURCE_STAFF: &str = "staff";

/// Marks `partner_id` as represented at `event_id`; a mark already there stays as it is
/// (two representatives checked in at once both succeed).
fn mark(
    conn: &mut DbConn,
    event_id: i64,
    partner_id: i64,
    source: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let row = (
        partner_attendance::event_id.eq(event_id),
        partner_attendance::partner_id.eq(partner_id),
        partner_attendance::recorded_at.eq(now),
        partner_attendance::source.eq(source),
    );
    match conn {
        DbConn::Sqlite(c) => diesel::insert_or_ignore_into(partner_attendance::table)
            .values(row)
            .execute(c),
        DbConn::Postgres(c) => diesel::insert_into(partner_attendance::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c),
    }
}

/// The organisation a registration came for, when it holds an invitation's seat.
fn partner_of(conn: &mut DbConn, r: &Registration) -> QueryResult<Option<i64>> {
    if r.source != SOURCE_INVITATION {
        return Ok(None);
    }
    let found: Option<Option<i64>> = invitations::table
        .filter(invitations::registration_id.eq(r.id))
        .select(invitations::partner_id)
        .first(conn)
        .optional()?;
    Ok(found.flatten())
}

/// After `r` was checked in: its organisation was represented.
pub(crate) fn on_check_in(
    conn: &mut DbConn,
    r: &Registration,
    now: NaiveDateTime,
) -> QueryResult<()> {
    if let Some(partner) = partner_of(conn, r)? {
        mark(conn, r.event_id, partner, SOURCE_CHECKIN, now)?;
    }
    Ok(())
}

/// After the check-in of `r` was taken back (a mistaken tap): the mark the check-in made
/// goes too, unless another of the organisation's people is still checked in. A mark the
/// office set by hand stays.
pub(crate) fn on_undo(conn: &mut DbConn, registration_id: i64) -> QueryResult<()> {
    let Some(r) = registrations::table
        .find(registration_id)
        .select(Registration::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(());
    };
    let Some(partner) = partner_of(conn, &r)? else {
        return Ok(());
    };
    let others: i64 = invitations::table
        .inner_join(registrations::table)
        .filter(invitations::event_id.eq(r.event_id))
        .filter(invitations::partner_id.eq(partner))
        .filter(registrations::checked_in_at.is_not_null())
        .filter(registrations::status.eq(STATUS_CONFIRMED))
        .count()
        .get_result(conn)?;
    if others == 0 {
        diesel::delete(
            partner_attendance::table
                .filter(partner_attendance::event_id.eq(r.event_id))
                .filter(partner_attendance::partner_id.eq(partner))
                .filter(partner_attendance::source.eq(SOURCE_CHECKIN)),
        )
        .execute(conn)?;
    }
    Ok(())
}

/// An organisation on a meeting's record: invited or not, and how it was marked present.
#[derive(Debug, Clone)]
pub struct Entry {
    pub partner: Partner,
    pub invited: bool,
    /// `checkin` or `staff` when it was represented.
    pub present: Option<String>,
}

/// A meeting's record: its invited organisations (and any other marked present), by name.
#[derive(Debug, Clone)]
pub struct Record {
    pub entries: Vec<Entry>,
}

impl Record {
    pub fn invited(&self) -> usize {
        self.entries.iter().filter(|e| e.invited).count()
    }

    /// Invited organisations that were represented.
    pub fn took_part(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.invited && e.present.is_some())
            .count()
    }
}

fn invited_partners(conn: &mut DbConn, event_ids: &[i64]) -> QueryResult<Vec<(i64, i64)>> {
    let rows: Vec<(i64, Option<i64>)> = invitations::table
        .filter(invitations::event_id.eq_any(event_ids))
        .select((invitations::event_id, invitations::partner_id))
        .distinct()
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(e, p)| p.map(|p| (e, p)))
        .collect())
}

/// Organisations by name, sorted here: SQLite and PostgreSQL collate names differently.
fn by_name(conn: &mut DbConn, ids: Vec<i64>) -> QueryResult<Vec<Partner>> {
    let mut list: Vec<Partner> = partners::table
        .filter(partners::id.eq_any(ids))
        .select(Partner::as_select())
        .load(conn)?;
    list.sort_by_cached_key(|p| (p.name.to_lowercase(), p.id));
    Ok(list)
}

/// The record of meeting `event_id`.
pub fn record(conn: &mut DbConn, event_id: i64) -> QueryResult<Record> {
    let invited: BTreeSet<i64> = invited_partners(conn, &[event_id])?
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    let present: HashMap<i64, String> = partner_attendance::table
        .filter(partner_attendance::event_id.eq(event_id))
        .select((partner_attendance::partner_id, partner_attendance::source))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let ids: Vec<i64> = invited.iter().chain(present.keys()).copied().collect();
    let list = by_name(conn, ids)?;
    Ok(Record {
        entries: list
            .into_iter()
            .map(|p| Entry {
                invited: invited.contains(&p.id),
                present: present.get(&p.id).cloned(),
                partner: p,
            })
            .collect(),
    })
}

/// The office ticks (`present`) or unticks an organisation for meeting `e`. Only an
/// organisation of the meeting's own office that was invited or is on the record can be
/// changed; anything else changes nothing and is refused at `partner`.
pub fn set_by_staff(
    conn: &mut DbConn,
    e: &Event,
    partner_id: i64,
    present: bool,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    let refused = || {
        let mut errors = FieldErrors::new();
        errors.insert("partner", "attendance-unknown-partner");
        DomainError::Invalid(errors)
    };
    let partner: Partner = partners::table
        .find(partner_id)
        .filter(partners::office_id.eq(e.office_id))
        .select(Partner::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(refused)?;
    let listed = record(conn, e.id)?
        .entries
        .iter()
        .any(|x| x.partner.id == partner.id);
    if !listed {
        return Err(refused());
    }
    write_transaction(conn, |conn| {
        let changed = if present {
            mark(conn, e.id, partner.id, SOURCE_STAFF, now)?
        } else {
            diesel::delete(
                partner_attendance::table
                    .filter(partner_attendance::event_id.eq(e.id))
                    .filter(partner_attendance::partner_id.eq(partner.id)),
            )
            .execute(conn)?
        };
        if changed > 0 {
            audit::record(
                conn,
                actor,
                if present {
                    "attendance.mark"
                } else {
                    "attendance.unmark"
                },
                ("event", Some(e.id)),
                &format!("partner {} ({})", partner.id, partner.name),
                now,
            )?;
        }
        Ok::<_, DomainError>(())
    })
}

/// One organisation's line of the year view: a mark per date, and how many of the dates
/// held so far it was represented at.
#[derive(Debug, Clone)]
pub struct YearRow {
    pub partner: Partner,
    /// Per date: `None` not invited, `Some(false)` invited and not represented,
    /// `Some(true)` represented.
    pub marks: Vec<Option<bool>>,
    pub attended: usize,
}

#[derive(Debug, Clone)]
pub struct YearView {
    pub dates: Vec<Event>,
    /// Dates that have begun and were not cancelled: what "7 of 9 dates" counts.
    pub held: usize,
    pub rows: Vec<YearRow>,
    /// Years with dates of the series, for moving between them.
    pub years: Vec<i32>,
}

/// UTC start of local New Year of `year` in `tz`.
fn new_year(tz: chrono_tz::Tz, year: i32) -> NaiveDateTime {
    let date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    tz.from_local_datetime(&date.and_time(chrono::NaiveTime::MIN))
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| date.and_time(chrono::NaiveTime::MIN))
}

/// The attendance of the series' organisations at its dates of `year` (local time in
/// `tz`): every organisation invited to one of them or marked present.
pub fn year_view(
    conn: &mut DbConn,
    s: &Series,
    year: i32,
    tz: chrono_tz::Tz,
    now: NaiveDateTime,
) -> QueryResult<YearView> {
    let all = super::reply_matrix::series_dates(conn, s)?;
    let mut years: Vec<i32> = all
        .iter()
        .map(|e| tz.from_utc_datetime(&e.starts_at).year())
        .collect();
    years.dedup();
    let (from, to) = (new_year(tz, year), new_year(tz, year + 1));
    let dates: Vec<Event> = all
        .into_iter()
        .filter(|e| e.starts_at >= from && e.starts_at < to)
        .collect();
    let is_held = |e: &Event| !e.is_cancelled() && e.starts_at <= now;
    let held = dates.iter().filter(|e| is_held(e)).count();
    let ids: Vec<i64> = dates.iter().map(|e| e.id).collect();
    let invited: BTreeSet<(i64, i64)> = invited_partners(conn, &ids)?.into_iter().collect();
    let present: BTreeSet<(i64, i64)> = partner_attendance::table
        .filter(partner_attendance::event_id.eq_any(&ids))
        .select((partner_attendance::event_id, partner_attendance::partner_id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let partner_ids: BTreeSet<i64> = invited.iter().chain(&present).map(|(_, p)| *p).collect();
    let list = by_name(conn, partner_ids.into_iter().collect())?;
    let rows = list
        .into_iter()
        .map(|p| {
            let marks: Vec<Option<bool>> = dates
                .iter()
                .map(|e| {
                    let here = present.contains(&(e.id, p.id));
                    (here || invited.contains(&(e.id, p.id))).then_some(here)
                })
                .collect();
            let attended = dates
                .iter()
                .zip(&marks)
                .filter(|(e, m)| is_held(e) && **m == Some(true))
                .count();
            YearRow {
                partner: p,
                marks,
                attended,
            }
        })
        .collect();
    Ok(YearView {
        dates,
        held,
        rows,
        years,
    })
}

/// The year of `now` in `tz`, the year view's default.
pub fn this_year(tz: chrono_tz::Tz, now: NaiveDateTime) -> i32 {
    tz.from_utc_datetime(&now).year()
}

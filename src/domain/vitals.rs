//! The figures `/metrics` reads from the database when it is scraped: registrations by
//! status, check-ins, and mail in the outbox. Read at scrape time rather than counted in
//! memory, so they are the same from every instance on one database and survive a restart.
//! Only counts: nothing here names a person or a meeting.

use chrono::NaiveDateTime;
use diesel::dsl::{count_star, min};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{checkins, outbox, registrations};
use crate::domain::registration::{STATUS_CANCELLED, STATUS_CONFIRMED, STATUS_WAITING};

#[derive(Debug, Clone, Default)]
pub struct Vitals {
    /// (status, registrations): confirmed, waiting, cancelled, each present.
    pub registrations: Vec<(&'static str, i64)>,
    /// Check-ins that stand (an undone one no longer counts).
    pub checkins: i64,
    /// Mail not yet sent that will still be tried.
    pub mail_pending: i64,
    /// Mail given up on (until an administrator retries it).
    pub mail_failed: i64,
    /// Seconds since the oldest pending mail was queued (0: none pending).
    pub oldest_pending_secs: i64,
}

pub fn read(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vitals> {
    let by_status: Vec<(String, i64)> = registrations::table
        .group_by(registrations::status)
        .select((registrations::status, count_star()))
        .load(conn)?;
    let registrations = [STATUS_CONFIRMED, STATUS_WAITING, STATUS_CANCELLED]
        .into_iter()
        .map(|status| {
            let n = by_status
                .iter()
                .find(|(s, _)| s == status)
                .map_or(0, |(_, n)| *n);
            (status, n)
        })
        .collect();
    let checkins = checkins::table
        .filter(checkins::undone_at.is_null())
        .select(count_star())
        .first(conn)?;
    let unsent = outbox::table.filter(outbox::sent_at.is_null());
    let mail_pending = unsent
        .filter(outbox::failed_at.is_null())
        .select(count_star())
        .first(conn)?;
    let mail_failed = unsent
        .filter(outbox::failed_at.is_not_null())
        .select(count_star())
        .first(conn)?;
    let oldest: Option<NaiveDateTime> = unsent
        .filter(outbox::failed_at.is_null())
        .select(min(outbox::created_at))
        .first(conn)?;
    Ok(Vitals {
        registrations,
        checkins,
        mail_pending,
        mail_failed,
        oldest_pending_secs: oldest.map_or(0, |t| (now - t).num_seconds().max(0)),
    })
}

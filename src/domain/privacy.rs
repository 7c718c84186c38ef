//! Personal data has an end: registrations are anonymised once a meeting's retention period
//! is over, and a person may have a copy of their data or have it erased at any time.
//! Counts, seats and check-ins stay, and the needs are kept as counts, so reports survive.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use super::audit::{self, Actor};
use super::registration::{Registration, STATUS_CANCELLED};
use super::{DomainError, register, token};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{
    answers, data_requests, event_retention, events, need_alerted, outbox, questions, registrations,
};

/// How long a link for one's own data stays valid.
pub const DATA_LINK_HOURS: i64 = 24;

/// A meeting whose registrations are (or would be) anonymised, with what goes.
#[derive(Debug, Clone, Serialize)]
pub struct Expired {
    pub event_id: i64,
    pub title: String,
    pub ends_at: NaiveDateTime,
    pub retention_days: i32,
    pub registrations: i64,
    pub mails: i64,
}

/// The meeting's own retention period, if it has one.
pub fn retention_of(conn: &mut DbConn, event_id: i64) -> QueryResult<Option<i32>> {
    event_retention::table
        .find(event_id)
        .select(event_retention::days)
        .first(conn)
        .optional()
}

/// Sets (or, with `None`, removes) a meeting's own retention period.
pub fn set_retention(conn: &mut DbConn, event_id: i64, days: Option<i32>) -> QueryResult<()> {
    diesel::delete(event_retention::table.find(event_id)).execute(conn)?;
    if let Some(days) = days {
        diesel::insert_into(event_retention::table)
            .values((
                event_retention::event_id.eq(event_id),
                event_retention::days.eq(days),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Meetings past their retention period that still hold personal data.
pub fn expired(
    conn: &mut DbConn,
    now: NaiveDateTime,
    default_days: u32,
) -> QueryResult<Vec<Expired>> {
    let default_days = i32::try_from(default_days).unwrap_or(i32::MAX);
    let own: HashMap<i64, i32> = event_retention::table
        .select((event_retention::event_id, event_retention::days))
        .load::<(i64, i32)>(conn)?
        .into_iter()
        .collect();
    let shortest = own.values().copied().chain([default_days]).min();
    let cutoff = now - Duration::days(i64::from(shortest.unwrap_or(default_days)));
    let candidates: Vec<(i64, String, NaiveDateTime)> = events::table
        .filter(events::ends_at.lt(cutoff))
        .filter(diesel::dsl::exists(
            registrations::table
                .filter(registrations::event_id.eq(events::id))
                .filter(registrations::purged_at.is_null()),
        ))
        .order(events::ends_at.asc())
        .select((events::id, events::title, events::ends_at))
        .load(conn)?;
    let mut out = Vec::new();
    for (event_id, title, ends_at) in candidates {
        let days = own.get(&event_id).copied().unwrap_or(default_days);
        if ends_at + Duration::days(i64::from(days)) >= now {
            continue;
        }
        let ids = unpurged_of_event(conn, event_id)?;
        let mails = outbox::table
            .filter(outbox::registration_id.eq_any(&ids))
            .count()
            .get_result(conn)?;
        out.push(Expired {
            event_id,
            title,
            ends_at,
            retention_days: days,
            registrations: ids.len() as i64,
            mails,
        });
    }
    Ok(out)
}

fn unpurged_of_event(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<i64>> {
    registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::purged_at.is_null())
        .select(registrations::id)
        .load(conn)
}

/// Anonymises the registrations of every meeting past its retention period (or, with
/// `dry_run`, only says which). Also forgets expired data-request links.
pub fn purge(
    conn: &mut DbConn,
    now: NaiveDateTime,
    default_days: u32,
    dry_run: bool,
) -> QueryResult<Vec<Expired>> {
    let due = expired(conn, now, default_days)?;
    if dry_run {
        return Ok(due);
    }
    for meeting in &due {
        write_transaction(conn, |conn| {
            let ids = unpurged_of_event(conn, meeting.event_id)?;
            anonymise(conn, &ids, now)?;
            audit::record(
                conn,
                &Actor::system(),
                "privacy.purge",
                ("event", Some(meeting.event_id)),
                &format!("{} registrations anonymised", ids.len()),
                now,
            )
        })?;
    }
    diesel::delete(data_requests::table.filter(data_requests::expires_at.lt(now))).execute(conn)?;
    let kept = i64::from(default_days);
    super::access::feedback::forget_contacts(conn, now - Duration::days(kept))?;
    Ok(due)
}

/// The purge report for people: one line per meeting, and the totals.
pub fn describe(report: &[Expired], dry_run: bool) -> String {
    let verb = if dry_run {
        "would anonymise"
    } else {
        "anonymised"
    };
    let mut out = String::new();
    for m in report {
        out.push_str(&format!(
            "meeting {} \"{}\" (ended {}, kept {} days): {} registrations, {} outbox mails\n",
            m.event_id,
            m.title,
            m.ends_at.format("%Y-%m-%d %H:%M UTC"),
            m.retention_days,
            m.registrations,
            m.mails
        ));
    }
    let people: i64 = report.iter().map(|m| m.registrations).sum();
    let mails: i64 = report.iter().map(|m| m.mails).sum();
    out.push_str(&format!(
        "{verb} {people} registrations of {} meetings; {} {mails} outbox mails",
        report.len(),
        if dry_run { "would delete" } else { "deleted" }
    ));
    out
}

/// Removes everything that identifies the people of `ids`, keeping status, seats and
/// check-in; their mails go from the outbox. Old links stop working.
fn anonymise(conn: &mut DbConn, ids: &[i64], now: NaiveDateTime) -> QueryResult<()> {
    // the needs go with the answers: reports keep them as counts per meeting
    super::report::kept::keep(conn, ids)?;
    for id in ids {
        diesel::update(registrations::table.find(id))
            .set((
                registrations::name.eq(""),
                registrations::email.eq(""),
                // unique among a meeting's active registrations, and matching no address
                registrations::email_key.eq(format!("purged:{id}")),
                registrations::organisation.eq(None::<String>),
                registrations::needs.eq(None::<String>),
                registrations::phone.eq(None::<String>),
                registrations::postal_address.eq(None::<String>),
                registrations::via_name.eq(None::<String>),
                registrations::via_email.eq(None::<String>),
                registrations::token.eq(token::new_token()),
                registrations::purged_at.eq(now),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    diesel::delete(outbox::table.filter(outbox::registration_id.eq_any(ids))).execute(conn)?;
    diesel::delete(answers::table.filter(answers::registration_id.eq_any(ids))).execute(conn)?;
    diesel::delete(need_alerted::table.filter(need_alerted::registration_id.eq_any(ids)))
        .execute(conn)?;
    super::invitation::forget_substitutes(conn, ids)?;
    Ok(())
}

/// What is stored about a person for one registration: their copy of their data.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub meeting: String,
    pub meeting_starts_at: NaiveDateTime,
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub companions: i32,
    pub needs: Option<String>,
    pub status: String,
    pub language: String,
    pub registered_at: NaiveDateTime,
    pub consent_version: String,
    pub consent_at: NaiveDateTime,
    pub cancelled_at: Option<NaiveDateTime>,
    pub checked_in_at: Option<NaiveDateTime>,
    pub source: String,
    pub mails_in_outbox: i64,
    /// The questions of the registration form as asked, with the answers given.
    pub answers: Vec<(String, String)>,
}

/// Every registration still holding the data of the address `email_key`.
pub fn records_of(conn: &mut DbConn, email_key: &str) -> QueryResult<Vec<Record>> {
    let rows: Vec<(Registration, String, NaiveDateTime)> = registrations::table
        .inner_join(events::table)
        .filter(registrations::email_key.eq(email_key))
        .filter(registrations::purged_at.is_null())
        .order(registrations::id.asc())
        .select((Registration::as_select(), events::title, events::starts_at))
        .load(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for (r, meeting, starts) in rows {
        let mails = outbox::table
            .filter(outbox::registration_id.eq(r.id))
            .count()
            .get_result(conn)?;
        let answers = answers::table
            .inner_join(questions::table)
            .filter(answers::registration_id.eq(r.id))
            .order(questions::id)
            .select((questions::label, answers::value))
            .load(conn)?;
        out.push(Record {
            meeting,
            meeting_starts_at: starts,
            name: r.name,
            email: r.email,
            organisation: r.organisation,
            companions: r.companions,
            needs: r.needs,
            status: r.status,
            language: r.language,
            registered_at: r.created_at,
            consent_version: r.consent_version,
            consent_at: r.consent_at,
            cancelled_at: r.cancelled_at,
            checked_in_at: r.checked_in_at,
            source: r.source,
            mails_in_outbox: mails,
            answers,
        });
    }
    Ok(out)
}

/// Erases a person's data from the given registrations: a place still held for a coming
/// meeting is given up first (the waiting list moves up), then the data goes.
fn erase(
    conn: &mut DbConn,
    regs: Vec<Registration>,
    actor: &Actor,
    reason: &str,
    now: NaiveDateTime,
) -> Result<usize, DomainError> {
    for r in &regs {
        let upcoming = super::event::find(conn, r.event_id)?.is_some_and(|e| e.starts_at > now);
        if r.status != STATUS_CANCELLED && upcoming {
            register::cancel(conn, &r.token, now)?;
        }
    }
    let ids: Vec<i64> = regs.iter().map(|r| r.id).collect();
    write_transaction(conn, |conn| {
        anonymise(conn, &ids, now)?;
        // erased on request: a certificate can no longer be confirmed (retention keeps it)
        super::certificate::forget(conn, &ids, now)?;
        for id in &ids {
            // the log says that and why, never whose
            audit::record(
                conn,
                actor,
                "privacy.erase",
                ("registration", Some(*id)),
                reason,
                now,
            )?;
        }
        Ok::<_, DomainError>(ids.len())
    })
}

/// Erases everything stored under an address (the person's own request).
pub fn erase_person(
    conn: &mut DbConn,
    email_key: &str,
    now: NaiveDateTime,
) -> Result<usize, DomainError> {
    let regs = registrations::table
        .filter(registrations::email_key.eq(email_key))
        .filter(registrations::purged_at.is_null())
        .select(Registration::as_select())
        .load(conn)?;
    erase(
        conn,
        regs,
        &Actor::person_concerned(),
        "requested by the person by e-mail link",
        now,
    )
}

/// Erases one registration's data (an organiser, on the person's request).
pub fn erase_registration(
    conn: &mut DbConn,
    event_id: i64,
    id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    let r = super::roster::load(conn, event_id, id)?;
    if r.purged_at.is_some() {
        return Err(DomainError::NotFound);
    }
    erase(conn, vec![r], actor, "requested from the office", now).map(|_| ())
}

/// Whether anything personal is stored under the address `email_key`.
pub fn holds_data(conn: &mut DbConn, email_key: &str) -> QueryResult<bool> {
    let n: i64 = registrations::table
        .filter(registrations::email_key.eq(email_key))
        .filter(registrations::purged_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// A one-time link for the data of an address, or `None` when nothing is stored under it
/// (the caller answers the same either way, so the form reveals nobody).
pub fn new_request(
    conn: &mut DbConn,
    email_key: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<String>> {
    if !holds_data(conn, email_key)? {
        return Ok(None);
    }
    let token = token::new_token();
    diesel::insert_into(data_requests::table)
        .values((
            data_requests::token_hash.eq(super::account::hash_token(&token)),
            data_requests::email_key.eq(email_key),
            data_requests::created_at.eq(now),
            data_requests::expires_at.eq(now + Duration::hours(DATA_LINK_HOURS)),
        ))
        .execute(conn)?;
    Ok(Some(token))
}

/// The address a data link is for, while it is valid.
pub fn request_of(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<String>> {
    if !token::looks_like_token(token) {
        return Ok(None);
    }
    data_requests::table
        .filter(data_requests::token_hash.eq(super::account::hash_token(token)))
        .filter(data_requests::expires_at.gt(now))
        .select(data_requests::email_key)
        .first(conn)
        .optional()
}

/// Ends a data link (after the erasure it was used for).
pub fn close_request(conn: &mut DbConn, token: &str) -> QueryResult<()> {
    diesel::delete(
        data_requests::table
            .filter(data_requests::token_hash.eq(super::account::hash_token(token))),
    )
    .execute(conn)
    .map(|_| ())
}

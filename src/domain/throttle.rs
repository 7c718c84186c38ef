//! Attempt counters kept in the database, so that every instance on one database shares
//! them instead of each counting for itself.
//!
//! Two kinds of row in `rate_counters`, both found by their primary key (one small indexed
//! write per attempt, never a scan):
//! - an allowance (`window_start` 0): `burst` attempts at once, then one more every
//!   `period / burst`, kept as the time the allowance is full again (`tat_ms`, the generic
//!   cell rate algorithm that the `governor` crate runs in memory). One upsert decides.
//! - a fixed window (`window_start` its start in unix seconds): hits and the last hit,
//!   locked for the rest of a transaction that decides with them ([`hold`], [`bump`]).
//!
//! Keys are made by the caller and carry no personal data (keyed hashes). Rows past
//! `expires_at` mean nothing any more and are deleted by [`sweep`].

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};

use crate::db::DbConn;
use crate::db::schema::rate_counters;

/// `burst` attempts at once, then one more every `period_secs / burst` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    pub burst: u32,
    pub period_secs: i64,
}

#[derive(QueryableByName)]
struct Cell {
    #[diesel(sql_type = BigInt)]
    tat_ms: i64,
    #[diesel(sql_type = Integer)]
    refused: i32,
}

/// One statement that counts an attempt and says whether it was within the allowance. Both
/// backends evaluate every SET expression with the row's old values, so `refused` and
/// `tat_ms` decide on the same state; a refused attempt leaves the allowance as it was.
const TAKE_SQLITE: &str = "INSERT INTO rate_counters \
     (key, window_start, hits, tat_ms, refused, first_at, last_at, expires_at) \
     VALUES (?1, 0, 1, ?2 + ?3, 0, ?5, ?5, ?6) \
     ON CONFLICT (key, window_start) DO UPDATE SET \
     refused = CASE WHEN MAX(rate_counters.tat_ms, ?2) - ?2 <= ?4 THEN 0 ELSE 1 END, \
     tat_ms = CASE WHEN MAX(rate_counters.tat_ms, ?2) - ?2 <= ?4 \
         THEN MAX(rate_counters.tat_ms, ?2) + ?3 ELSE rate_counters.tat_ms END, \
     hits = rate_counters.hits + 1, last_at = ?5, \
     expires_at = CASE WHEN rate_counters.expires_at > ?6 THEN rate_counters.expires_at ELSE ?6 END \
     RETURNING tat_ms, refused";

fn take_postgres() -> String {
    TAKE_SQLITE.replace('?', "$").replace("MAX(", "GREATEST(")
}

/// Counts an attempt against the allowance of `key`: `Err(seconds)` when it is one too many,
/// with how long until the next one is allowed.
pub fn take(
    conn: &mut DbConn,
    key: &str,
    allowance: Allowance,
    now: NaiveDateTime,
) -> QueryResult<Result<(), u64>> {
    let burst = i64::from(allowance.burst.max(1));
    let now_ms = now.and_utc().timestamp_millis();
    let every_ms = (allowance.period_secs * 1000 / burst).max(1);
    let tolerance_ms = every_ms * (burst - 1);
    // the allowance is full again at the latest one period after the last attempt
    let expires = now + Duration::seconds(allowance.period_secs);
    macro_rules! run {
        ($sql:expr, $c:expr) => {
            diesel::sql_query($sql)
                .bind::<Text, _>(key)
                .bind::<BigInt, _>(now_ms)
                .bind::<BigInt, _>(every_ms)
                .bind::<BigInt, _>(tolerance_ms)
                .bind::<Timestamp, _>(now)
                .bind::<Timestamp, _>(expires)
                .get_result::<Cell>($c)
        };
    }
    let cell = match conn {
        DbConn::Sqlite(c) => run!(TAKE_SQLITE, c)?,
        DbConn::Postgres(c) => run!(take_postgres(), c)?,
    };
    if cell.refused == 0 {
        return Ok(Ok(()));
    }
    let wait_ms = cell.tat_ms - tolerance_ms - now_ms;
    Ok(Err(u64::try_from(wait_ms.max(0))
        .unwrap_or(0)
        .div_ceil(1000)
        .max(1)))
}

/// A fixed window's row as [`hold`] found it.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub hits: i64,
    pub first_at: NaiveDateTime,
    pub last_at: NaiveDateTime,
}

/// Inside a write transaction: makes sure the row of `key` for the window starting at
/// `window_start` exists and holds it until commit (PostgreSQL `FOR UPDATE`; SQLite's write
/// transaction holds the whole database), so attempts that arrive together are decided one
/// after the other.
pub fn hold(
    conn: &mut DbConn,
    key: &str,
    window_start: i64,
    expires: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<Window> {
    let row = (
        rate_counters::key.eq(key),
        rate_counters::window_start.eq(window_start),
        rate_counters::hits.eq(0_i64),
        rate_counters::tat_ms.eq(0_i64),
        rate_counters::refused.eq(0),
        rate_counters::first_at.eq(now),
        rate_counters::last_at.eq(now),
        rate_counters::expires_at.eq(expires),
    );
    let found = rate_counters::table.find((key, window_start)).select((
        rate_counters::hits,
        rate_counters::first_at,
        rate_counters::last_at,
    ));
    let (hits, first_at, last_at) = match conn {
        DbConn::Sqlite(c) => {
            diesel::insert_or_ignore_into(rate_counters::table)
                .values(row)
                .execute(c)?;
            found.first::<(i64, NaiveDateTime, NaiveDateTime)>(c)?
        }
        DbConn::Postgres(c) => {
            diesel::insert_into(rate_counters::table)
                .values(row)
                .on_conflict_do_nothing()
                .execute(c)?;
            found
                .for_update()
                .first::<(i64, NaiveDateTime, NaiveDateTime)>(c)?
        }
    };
    Ok(Window {
        hits,
        first_at,
        last_at,
    })
}

/// Counts one hit in a window held by [`hold`]; returns the hits so far.
pub fn bump(
    conn: &mut DbConn,
    key: &str,
    window_start: i64,
    expires: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::update(rate_counters::table.find((key, window_start)))
        .set((
            rate_counters::hits.eq(rate_counters::hits + 1),
            rate_counters::last_at.eq(now),
            rate_counters::expires_at.eq(expires),
        ))
        .returning(rate_counters::hits)
        .get_result(conn)
}

/// The row of a window, if anything was counted in it.
pub fn read(conn: &mut DbConn, key: &str, window_start: i64) -> QueryResult<Option<Window>> {
    rate_counters::table
        .find((key, window_start))
        .select((
            rate_counters::hits,
            rate_counters::first_at,
            rate_counters::last_at,
        ))
        .first::<(i64, NaiveDateTime, NaiveDateTime)>(conn)
        .optional()
        .map(|r| {
            r.map(|(hits, first_at, last_at)| Window {
                hits,
                first_at,
                last_at,
            })
        })
}

/// Deletes the counters that have run out (through the index on `expires_at`).
pub fn sweep(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(rate_counters::table.filter(rate_counters::expires_at.lt(now))).execute(conn)
}

/// The start of the fixed window of `secs` seconds that `now` falls in, and its end.
pub fn window_of(now: NaiveDateTime, secs: i64) -> (i64, NaiveDateTime) {
    let t = now.and_utc().timestamp();
    let start = t - t.rem_euclid(secs);
    let end = chrono::DateTime::from_timestamp(start + secs, 0)
        .map(|d| d.naive_utc())
        .unwrap_or(now);
    (start, end)
}

//! Staff sessions kept in the database: made at login, looked up on every back-office
//! request, ended by logout or from another device. The cookie holds a random token; only
//! its hash is stored, so a copy of the database opens no session.
//!
//! A session also carries the account's `session_epoch` from when it began: a new
//! password, a role change or a lock raises the epoch and so ends every older session.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::account::hash_token;
use super::token;
use crate::db::DbConn;
use crate::db::schema::staff_sessions;

/// How long a session lasts after login, however busy it is.
pub const SESSION_HOURS: i64 = 12;
/// "Last seen" is written at most this often, so that reading pages does not write.
pub const TOUCH_MINUTES: i64 = 5;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = staff_sessions)]
pub struct StaffSession {
    pub id: i64,
    pub user_id: i64,
    pub epoch: i32,
    pub browser: String,
    pub platform: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
}

/// Where a session was started from, in short ("Firefox", "Linux"); empty when unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Device {
    pub browser: String,
    pub platform: String,
}

/// Starts a session for an account at its current `epoch`; returns the cookie's token.
/// Sessions of the account that have run out or were ended by an epoch change go now.
pub fn start(
    conn: &mut DbConn,
    user_id: i64,
    epoch: i32,
    device: &Device,
    now: NaiveDateTime,
) -> QueryResult<String> {
    diesel::delete(
        staff_sessions::table
            .filter(staff_sessions::user_id.eq(user_id))
            .filter(
                staff_sessions::expires_at
                    .le(now)
                    .or(staff_sessions::epoch.ne(epoch)),
            ),
    )
    .execute(conn)?;
    let token = token::new_token();
    diesel::insert_into(staff_sessions::table)
        .values((
            staff_sessions::token_hash.eq(hash_token(&token)),
            staff_sessions::user_id.eq(user_id),
            staff_sessions::epoch.eq(epoch),
            staff_sessions::browser.eq(&device.browser),
            staff_sessions::platform.eq(&device.platform),
            staff_sessions::created_at.eq(now),
            staff_sessions::last_seen_at.eq(now),
            staff_sessions::expires_at.eq(now + Duration::hours(SESSION_HOURS)),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The session a cookie token names, unless it has run out. Whether the account still
/// allows it (active, same epoch) is the caller's check.
pub fn find(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<StaffSession>> {
    if !token::looks_like_token(token) {
        return Ok(None);
    }
    staff_sessions::table
        .filter(staff_sessions::token_hash.eq(hash_token(token)))
        .filter(staff_sessions::expires_at.gt(now))
        .select(StaffSession::as_select())
        .first(conn)
        .optional()
}

/// Notes that the session was used, when the last note is older than [`TOUCH_MINUTES`].
pub fn touch(conn: &mut DbConn, session: &StaffSession, now: NaiveDateTime) -> QueryResult<()> {
    let stale = now - Duration::minutes(TOUCH_MINUTES);
    if session.last_seen_at > stale {
        return Ok(());
    }
    diesel::update(
        staff_sessions::table
            .find(session.id)
            .filter(staff_sessions::last_seen_at.le(stale)),
    )
    .set(staff_sessions::last_seen_at.eq(now))
    .execute(conn)
    .map(|_| ())
}

/// Ends the session a cookie token names (logout). Returns whether there was one.
pub fn end_by_token(conn: &mut DbConn, token: &str) -> QueryResult<bool> {
    if !token::looks_like_token(token) {
        return Ok(false);
    }
    diesel::delete(staff_sessions::table.filter(staff_sessions::token_hash.eq(hash_token(token))))
        .execute(conn)
        .map(|n| n > 0)
}

/// Ends one of the account's own sessions, never the one asking. Returns whether it did.
pub fn end_other(conn: &mut DbConn, user_id: i64, id: i64, current: i64) -> QueryResult<bool> {
    if id == current {
        return Ok(false);
    }
    diesel::delete(
        staff_sessions::table
            .find(id)
            .filter(staff_sessions::user_id.eq(user_id)),
    )
    .execute(conn)
    .map(|n| n > 0)
}

/// Ends every session of the account but `current`. Returns how many ended.
pub fn end_all_others(conn: &mut DbConn, user_id: i64, current: i64) -> QueryResult<usize> {
    diesel::delete(
        staff_sessions::table
            .filter(staff_sessions::user_id.eq(user_id))
            .filter(staff_sessions::id.ne(current)),
    )
    .execute(conn)
}

/// The account's sessions that still open the back office, most recently used first.
pub fn list(
    conn: &mut DbConn,
    user_id: i64,
    epoch: i32,
    now: NaiveDateTime,
) -> QueryResult<Vec<StaffSession>> {
    staff_sessions::table
        .filter(staff_sessions::user_id.eq(user_id))
        .filter(staff_sessions::epoch.eq(epoch))
        .filter(staff_sessions::expires_at.gt(now))
        .order((
            staff_sessions::last_seen_at.desc(),
            staff_sessions::id.desc(),
        ))
        .select(StaffSession::as_select())
        .load(conn)
}

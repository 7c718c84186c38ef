//! A partner list between its upload and the organiser's confirmation: too large for a
//! hidden field, so it waits here under a random token that only its uploader can use,
//! for the office it was uploaded for, for a day.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::partner_imports;
use crate::domain::token::{looks_like_token, new_token};

/// How long an upload waits for its confirmation.
pub const KEEP_HOURS: i64 = 24;

/// A waiting upload: the office it is for and its text.
#[derive(Debug, Clone)]
pub struct Pending {
    pub office_id: i64,
    pub text: String,
}

/// Forgets uploads nobody confirmed within a day (they hold people's names and addresses):
/// at each upload, and by the hourly purge job.
pub fn forget_stale(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        partner_imports::table
            .filter(partner_imports::created_at.lt(now - Duration::hours(KEEP_HOURS))),
    )
    .execute(conn)
}

/// Keeps `text` for `user_id`'s confirmation and answers its token; forgets stale uploads.
pub fn save(
    conn: &mut DbConn,
    user_id: i64,
    office_id: i64,
    text: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    forget_stale(conn, now)?;
    let token = new_token();
    diesel::insert_into(partner_imports::table)
        .values((
            partner_imports::token.eq(&token),
            partner_imports::user_id.eq(user_id),
            partner_imports::office_id.eq(office_id),
            partner_imports::csv.eq(text),
            partner_imports::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The upload behind `token`, if it is `user_id`'s and not stale.
pub fn load(
    conn: &mut DbConn,
    token: &str,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Option<Pending>> {
    if !looks_like_token(token) {
        return Ok(None);
    }
    partner_imports::table
        .filter(partner_imports::token.eq(token))
        .filter(partner_imports::user_id.eq(user_id))
        .filter(partner_imports::created_at.ge(now - Duration::hours(KEEP_HOURS)))
        .select((partner_imports::office_id, partner_imports::csv))
        .first::<(i64, String)>(conn)
        .optional()
        .map(|found| found.map(|(office_id, text)| Pending { office_id, text }))
}

/// Forgets an upload once it is imported.
pub fn forget(conn: &mut DbConn, token: &str) -> QueryResult<()> {
    diesel::delete(partner_imports::table.filter(partner_imports::token.eq(token)))
        .execute(conn)
        .map(|_| ())
}

/// Whether the upload is still waiting (inside the confirmation's transaction, after the
/// office's lock: a confirmation that came first has forgotten it).
pub fn still_there(conn: &mut DbConn, token: &str) -> QueryResult<bool> {
    let n: i64 = partner_imports::table
        .filter(partner_imports::token.eq(token))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

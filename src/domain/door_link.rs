//! Door links: the addresses that open a meeting's check-in on a helper's phone without an
//! account, each with a PIN (`door_pin`) as the other way in. A link counts until it
//! expires (the day after the meeting) or an organiser revokes it.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::audit::{self, Actor};
use super::{door_pin, token};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::door_links;

/// A valid door link as the organiser's door page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub id: i64,
    pub token: String,
    pub pin: String,
    pub label: String,
    pub expires_at: NaiveDateTime,
}

/// A valid link found by its token: `(link id, meeting id, expires at)`.
pub fn by_token(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<(i64, i64, NaiveDateTime)>> {
    door_links::table
        .filter(door_links::token.eq(token))
        .filter(door_links::revoked_at.is_null())
        .filter(door_links::expires_at.gt(now))
        .select((door_links::id, door_links::event_id, door_links::expires_at))
        .first::<(i64, i64, NaiveDateTime)>(conn)
        .optional()
}

/// The label and expiry of link `link` of meeting `event_id`, while it is still valid:
/// revoking a link locks its devices out at once.
pub fn valid(
    conn: &mut DbConn,
    link: i64,
    event_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Option<(String, NaiveDateTime)>> {
    door_links::table
        .find(link)
        .filter(door_links::event_id.eq(event_id))
        .filter(door_links::revoked_at.is_null())
        .filter(door_links::expires_at.gt(now))
        .select((door_links::label, door_links::expires_at))
        .first::<(String, NaiveDateTime)>(conn)
        .optional()
}

/// The valid links of a meeting, oldest first.
pub fn active(conn: &mut DbConn, event_id: i64, now: NaiveDateTime) -> QueryResult<Vec<Link>> {
    let rows: Vec<(i64, String, String, String, NaiveDateTime)> = door_links::table
        .filter(door_links::event_id.eq(event_id))
        .filter(door_links::revoked_at.is_null())
        .filter(door_links::expires_at.gt(now))
        .order(door_links::id.asc())
        .select((
            door_links::id,
            door_links::token,
            door_links::pin,
            door_links::label,
            door_links::expires_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, token, pin, label, expires_at)| Link {
            id,
            token,
            pin,
            label,
            expires_at,
        })
        .collect())
}

/// Makes a door link for meeting `event_id` with a new PIN, valid until `expires`, and
/// logs it; its id.
pub fn create(
    conn: &mut DbConn,
    event_id: i64,
    label: &str,
    expires: NaiveDateTime,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    write_transaction(conn, |conn| {
        // a PIN counts only together with its meeting: unique within it
        let pin = loop {
            let pin = door_pin::new_pin();
            let taken: i64 = door_links::table
                .filter(door_links::event_id.eq(event_id))
                .filter(door_links::pin.eq(&pin))
                .filter(door_links::revoked_at.is_null())
                .filter(door_links::expires_at.gt(now))
                .count()
                .get_result(conn)?;
            if taken == 0 {
                break pin;
            }
        };
        let lid: i64 = diesel::insert_into(door_links::table)
            .values((
                door_links::event_id.eq(event_id),
                door_links::token.eq(token::new_token()),
                door_links::pin.eq(pin),
                door_links::label.eq(label),
                door_links::created_at.eq(now),
                door_links::expires_at.eq(expires),
            ))
            .returning(door_links::id)
            .get_result(conn)?;
        audit::record(
            conn,
            actor,
            "door.link",
            ("door_link", Some(lid)),
            label,
            now,
        )?;
        Ok(lid)
    })
}

/// What revoking a link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revoked {
    /// Revoked now (and logged).
    Now,
    /// Revoked before (a second click): nothing happened, nothing was logged.
    Before,
    /// No such link of this meeting.
    NotFound,
}

/// Revokes link `link` of meeting `event_id`; devices opened with it are locked out.
pub fn revoke(
    conn: &mut DbConn,
    event_id: i64,
    link: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<Revoked> {
    write_transaction(conn, |conn| {
        // only a link of this meeting (the caller checked the office for this meeting)
        let state = door_links::table
            .find(link)
            .filter(door_links::event_id.eq(event_id))
            .select(door_links::revoked_at)
            .first::<Option<NaiveDateTime>>(conn)
            .optional()?;
        match state {
            None => return Ok(Revoked::NotFound),
            Some(Some(_)) => return Ok(Revoked::Before),
            Some(None) => {}
        }
        diesel::update(door_links::table.find(link))
            .set(door_links::revoked_at.eq(now))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "door.revoke",
            ("door_link", Some(link)),
            "",
            now,
        )?;
        Ok(Revoked::Now)
    })
}

//! The keys of unlisted meetings: an unlisted meeting is reached only through a link with
//! its own key.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::event_keys;

use super::Event;

impl Event {
    /// Whether the public reaches this meeting with the key `given` from a link, the
    /// meeting's own key being `stored`: a listed one always, an unlisted one only with its
    /// own key, so that counting ids finds nothing; a partners-only one never (its invitees
    /// come through their invitations).
    pub fn reachable_with(&self, stored: Option<&str>, given: Option<&str>) -> bool {
        self.is_visible()
            && !self.is_partners_only()
            && (!self.is_unlisted() || keys_match(stored, given))
    }
}

/// Compares in time independent of where the first difference is.
fn keys_match(stored: Option<&str>, given: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (stored, given) else {
        return false;
    };
    let (a, b) = (a.as_bytes(), b.as_bytes());
    !a.is_empty() && a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// The key in the links of meeting `id` (every meeting has one, made by the database when
/// the meeting is stored).
pub fn access_key(conn: &mut DbConn, id: i64) -> QueryResult<Option<String>> {
    event_keys::table
        .find(id)
        .select(event_keys::access_key)
        .first(conn)
        .optional()
}

/// The keys of the unlisted ones among `events`, for their links.
pub fn keys_of_unlisted(conn: &mut DbConn, events: &[&Event]) -> QueryResult<HashMap<i64, String>> {
    let ids: Vec<i64> = events
        .iter()
        .filter(|e| e.is_unlisted())
        .map(|e| e.id)
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(event_keys::table
        .filter(event_keys::event_id.eq_any(ids))
        .select((event_keys::event_id, event_keys::access_key))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect())
}

/// Whether the public reaches meeting `e` with the key `given` (see `reachable_with`); the
/// stored key is read only for an unlisted meeting.
pub fn reachable(conn: &mut DbConn, e: &Event, given: Option<&str>) -> QueryResult<bool> {
    if !e.is_unlisted() {
        return Ok(e.is_visible() && !e.is_partners_only());
    }
    let stored = access_key(conn, e.id)?;
    Ok(e.reachable_with(stored.as_deref(), given))
}

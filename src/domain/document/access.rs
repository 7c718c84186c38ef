//! Who may fetch a document, and who may read invitees' minutes. A link gives no right by
//! itself: the answer to anybody else is "not found", never "forbidden", so that nobody
//! learns which documents exist.

use diesel::prelude::*;

use super::{DocumentInfo, ORGANISERS, PARTICIPANTS, PUBLIC};
use crate::db::DbConn;
use crate::domain::event::EventDetail;
use crate::domain::{invitation, registration};

/// What a request brings: whether a staff member of the meeting's office asks, and the
/// secrets from its address.
#[derive(Debug, Clone, Copy, Default)]
pub struct Asker<'a> {
    /// A logged-in organiser who manages the meeting's office.
    pub manages: bool,
    /// The key of an unlisted meeting's link (`?k=`).
    pub key: Option<&'a str>,
    /// A registration's token (`?t=`).
    pub registration: Option<&'a str>,
    /// An invitation's token (`?i=`).
    pub invitation: Option<&'a str>,
}

/// Whether the tokens name a participant of meeting `event_id`: a registration of it that
/// was not cancelled, or an invitation to it.
pub fn is_participant(conn: &mut DbConn, event_id: i64, asker: &Asker<'_>) -> QueryResult<bool> {
    let registered = match asker.registration {
        Some(t) => registration::find_by_token(conn, t)?
            .is_some_and(|r| r.event_id == event_id && !r.is_cancelled()),
        None => false,
    };
    if registered {
        return Ok(true);
    }
    Ok(match asker.invitation {
        Some(i) => invitation::find_by_token(conn, i)?.is_some_and(|inv| inv.event_id == event_id),
        None => false,
    })
}

/// Whether `asker` may fetch `doc` of the meeting `detail`. Public documents follow the
/// meeting: whoever reaches its page (with the key of an unlisted one); a partners-only
/// meeting has no public page, so there even they need a participant's token.
pub fn may_fetch(
    conn: &mut DbConn,
    doc: &DocumentInfo,
    detail: &EventDetail,
    asker: &Asker<'_>,
) -> QueryResult<bool> {
    if doc.removed_at.is_some() || doc.event_id != detail.event.id {
        return Ok(false);
    }
    if asker.manages {
        return Ok(true);
    }
    match doc.visibility.as_str() {
        PUBLIC if detail.reachable_with(asker.key) => Ok(true),
        PUBLIC | PARTICIPANTS => is_participant(conn, doc.event_id, asker),
        ORGANISERS => Ok(false),
        _ => Ok(false),
    }
}

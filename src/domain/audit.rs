//! Who changed what and when, for administrators.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::audit_log;

/// The one acting: an account, or the system itself (`user_id` none).
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub label: String,
}

impl Actor {
    pub fn system() -> Actor {
        Actor {
            user_id: None,
            label: "system".into(),
        }
    }

    /// The person whose data it is, acting by the link sent to them (never named).
    pub fn person_concerned() -> Actor {
        Actor {
            user_id: None,
            label: "person concerned".into(),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct Entry {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<i64>,
    pub detail: String,
}

/// Records an action; call inside the transaction of the change itself.
pub fn record(
    conn: &mut DbConn,
    actor: &Actor,
    action: &str,
    object: (&str, Option<i64>),
    detail: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(now),
            audit_log::user_id.eq(actor.user_id),
            audit_log::actor.eq(&actor.label),
            audit_log::action.eq(action),
            audit_log::object_type.eq(object.0),
            audit_log::object_id.eq(object.1),
            audit_log::detail.eq(detail),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records that a meeting's people were mailed, with how many mails went to the outbox.
pub fn record_mailing(
    conn: &mut DbConn,
    actor: &Actor,
    action: &str,
    event_id: i64,
    mails: usize,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let detail = format!("{mails} mails");
    record(conn, actor, action, ("event", Some(event_id)), &detail, now)
}

pub fn latest(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<Entry>> {
    audit_log::table
        .order(audit_log::id.desc())
        .limit(limit)
        .select(Entry::as_select())
        .load(conn)
}

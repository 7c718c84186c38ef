//! The privacy notice: built in (from the translations) until an administrator writes the
//! installation's own. Every edit is a new version; registrations keep the one agreed to.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::audit::{self, Actor};
use super::registration::CONSENT_VERSION;
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::privacy_notices;

/// The installation's own notice (Markdown, German and English).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = privacy_notices)]
pub struct Notice {
    pub version: i32,
    pub body_de: String,
    pub body_en: String,
}

impl Notice {
    pub fn label(&self) -> String {
        format!("v{}", self.version)
    }

    /// The text for a visitor: English for every language but German, the German text
    /// when no English one was written.
    pub fn body_for(&self, lang: &str) -> &str {
        if lang == "de" || self.body_en.trim().is_empty() {
            &self.body_de
        } else {
            &self.body_en
        }
    }
}

pub fn current(conn: &mut DbConn) -> QueryResult<Option<Notice>> {
    privacy_notices::table
        .order(privacy_notices::version.desc())
        .select(Notice::as_select())
        .first(conn)
        .optional()
}

/// The version a registration made now agrees to.
pub fn consent_version(conn: &mut DbConn) -> QueryResult<String> {
    // the number only: every registration asks, the notice's text is not needed
    let newest: Option<i32> = privacy_notices::table
        .select(diesel::dsl::max(privacy_notices::version))
        .first(conn)?;
    Ok(newest.map_or_else(|| CONSENT_VERSION.to_owned(), |v| format!("v{v}")))
}

/// Publishes a new version of the notice; returns its number.
pub fn save(
    conn: &mut DbConn,
    body_de: &str,
    body_en: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    write_transaction(conn, |conn| {
        let last: Option<i32> = privacy_notices::table
            .select(diesel::dsl::max(privacy_notices::version))
            .first(conn)?;
        let version = last.unwrap_or(0) + 1;
        diesel::insert_into(privacy_notices::table)
            .values((
                privacy_notices::version.eq(version),
                privacy_notices::body_de.eq(body_de),
                privacy_notices::body_en.eq(body_en),
                privacy_notices::created_at.eq(now),
                privacy_notices::created_by.eq(actor.user_id),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "privacy.notice",
            ("privacy_notice", Some(i64::from(version))),
            "",
            now,
        )?;
        Ok(version)
    })
}

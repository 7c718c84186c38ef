//! The office's videos in German Sign Language (DGS) for the four explanations BITV 2.0
//! § 4 asks for on the start page: each is a file kept in the data folder (written by the
//! web layer; the database holds what the page shows about it) or the `https` address of
//! the office's own video server.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::sign_videos;
use crate::domain::audit::{self, Actor};

/// The four explanations, in the order the page shows them (Anlage 2 Teil 1 BITV 2.0):
/// the site's content, how to find one's way, the accessibility statement, and what else
/// there is in DGS and Leichte Sprache. Each has the message `access-sign-slot-{slot}`.
pub const SLOTS: [&str; 4] = ["inhalt", "navigation", "erklaerung", "weitere"];

/// What is known about one explanation's video.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = sign_videos)]
pub struct SignVideo {
    pub slot: String,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub duration_ms: Option<i64>,
    pub url: Option<String>,
    pub updated_at: NaiveDateTime,
}

impl SignVideo {
    /// Whether Treffpunkt serves the file itself (else it is the office's address).
    pub fn is_file(&self) -> bool {
        self.file_name.is_some()
    }
}

/// A stored file's facts, for [`set`].
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub duration_ms: Option<i64>,
    pub url: Option<String>,
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<SignVideo>> {
    sign_videos::table.select(SignVideo::as_select()).load(conn)
}

pub fn find(conn: &mut DbConn, slot: &str) -> QueryResult<Option<SignVideo>> {
    sign_videos::table
        .find(slot)
        .select(SignVideo::as_select())
        .first(conn)
        .optional()
}

/// Sets an explanation's video (a new file or address replaces the old one).
pub fn set(
    conn: &mut DbConn,
    slot: &str,
    source: &Source,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        diesel::delete(sign_videos::table.find(slot)).execute(conn)?;
        diesel::insert_into(sign_videos::table)
            .values((
                sign_videos::slot.eq(slot),
                sign_videos::file_name.eq(&source.file_name),
                sign_videos::content_type.eq(&source.content_type),
                sign_videos::size_bytes.eq(source.size_bytes),
                sign_videos::duration_ms.eq(source.duration_ms),
                sign_videos::url.eq(&source.url),
                sign_videos::updated_at.eq(now),
                sign_videos::updated_by.eq(actor.user_id),
            ))
            .execute(conn)?;
        let what = if source.url.is_some() {
            "address"
        } else {
            "file"
        };
        audit::record(
            conn,
            actor,
            "access.sign_video",
            ("sign_video", None),
            &format!("{slot}: {what}"),
            now,
        )
    })
}

/// Removes an explanation's video; the page then says whom to ask again.
pub fn remove(conn: &mut DbConn, slot: &str, actor: &Actor, now: NaiveDateTime) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        diesel::delete(sign_videos::table.find(slot)).execute(conn)?;
        audit::record(
            conn,
            actor,
            "access.sign_video",
            ("sign_video", None),
            &format!("{slot}: removed"),
            now,
        )
    })
}

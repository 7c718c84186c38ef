//! Documents of a meeting (PDF, office files, images), attached to the meeting or one of
//! its agenda items, each visible to the public, to participants (invitees and registered
//! people) or to organisers only. The file lives in the database, backed up with it; its
//! type is read from its content (`sniff`); who may fetch it is decided in `access`.

pub mod access;
pub mod sniff;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::audit::{self, Actor};
use super::validate::single_line_problem;
use super::{DomainError, FieldErrors, agenda};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::documents;

pub const PUBLIC: &str = "public";
pub const PARTICIPANTS: &str = "participants";
pub const ORGANISERS: &str = "organisers";
pub const VISIBILITIES: [&str; 3] = [PUBLIC, PARTICIPANTS, ORGANISERS];

/// A document without its bytes: what lists and links need.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = documents)]
pub struct DocumentInfo {
    pub id: i64,
    pub event_id: i64,
    pub agenda_item_id: Option<i64>,
    pub visibility: String,
    pub title: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: NaiveDateTime,
    pub removed_at: Option<NaiveDateTime>,
}

fn listed(
    conn: &mut DbConn,
    event_id: i64,
    visibilities: &[&str],
) -> QueryResult<Vec<DocumentInfo>> {
    documents::table
        .filter(documents::event_id.eq(event_id))
        .filter(documents::removed_at.is_null())
        .filter(documents::visibility.eq_any(visibilities))
        .order(documents::id.asc())
        .select(DocumentInfo::as_select())
        .load(conn)
}

/// Every document of a meeting that was not removed, for its organisers.
pub fn all_of(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<DocumentInfo>> {
    listed(conn, event_id, &VISIBILITIES)
}

/// The documents anyone who may see the meeting may fetch.
pub fn public_of(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<DocumentInfo>> {
    listed(conn, event_id, &[PUBLIC])
}

/// What invitees and registered people may fetch: public and participants' documents.
pub fn for_participants(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<DocumentInfo>> {
    listed(conn, event_id, &[PUBLIC, PARTICIPANTS])
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<DocumentInfo>> {
    documents::table
        .find(id)
        .select(DocumentInfo::as_select())
        .first(conn)
        .optional()
}

/// The stored bytes of a document.
pub fn body_of(conn: &mut DbConn, id: i64) -> QueryResult<Vec<u8>> {
    documents::table
        .find(id)
        .select(documents::body)
        .first(conn)
}

/// The fields of the upload form besides the file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocumentInput {
    pub title: String,
    pub visibility: String,
    /// An agenda item's id, or empty for the meeting itself.
    pub attach_to: String,
}

/// The file as it came: its name (as the sender's system had it) and its bytes, or only
/// the news that it was larger than allowed (its bytes were not kept).
#[derive(Debug, Clone, Default)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
    pub too_large: bool,
}

/// A name fit for a `Content-Disposition`: the last part of a path, no control characters,
/// no quotes, at most 120 characters.
pub fn clean_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !super::validate::is_bidi_control(*c) && *c != '"')
        .collect();
    let clean = clean.trim().trim_start_matches('.');
    let clean: String = clean
        .chars()
        .rev()
        .take(120)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if clean.is_empty() {
        "document".into()
    } else {
        clean
    }
}

/// A document ready to store.
struct Valid {
    title: String,
    visibility: &'static str,
    agenda_item_id: Option<i64>,
    file_name: String,
    content_type: String,
}

fn check(
    conn: &mut DbConn,
    event_id: i64,
    input: &DocumentInput,
    file: Option<&Upload>,
) -> Result<Result<Valid, FieldErrors>, DomainError> {
    let mut errors = FieldErrors::new();
    let visibility = VISIBILITIES.into_iter().find(|v| *v == input.visibility);
    if visibility.is_none() {
        errors.insert("visibility", "error-choice-invalid");
    }
    let agenda_item_id = match input.attach_to.trim() {
        "" => None,
        id => match id
            .parse::<i64>()
            .ok()
            .map(|id| agenda::find(conn, id))
            .transpose()?
        {
            Some(Some(item)) if item.event_id == event_id => Some(item.id),
            _ => {
                errors.insert("attach_to", "error-choice-invalid");
                None
            }
        },
    };
    let mut content_type = None;
    match file {
        None => {
            errors.insert("file", "document-error-missing");
        }
        Some(f) if f.too_large => {
            errors.insert("file", "document-error-too-large");
        }
        Some(f) if f.bytes.is_empty() => {
            errors.insert("file", "document-error-missing");
        }
        Some(f) => match sniff::content_type(&f.bytes, &f.name) {
            Some(ct) => content_type = Some(ct),
            None => {
                errors.insert("file", "document-error-type");
            }
        },
    }
    let name = file.map(|f| clean_name(&f.name)).unwrap_or_default();
    let mut title = input.title.trim().to_owned();
    if title.is_empty() {
        // the file's name without its extension says what it is well enough
        title = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem)
            .to_owned();
    }
    if title.chars().count() > 200 {
        errors.insert("title", "error-too-long");
    } else if let Some(p) = single_line_problem(&title) {
        errors.insert("title", p);
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let content_type = content_type.unwrap_or_default();
    Ok(Ok(Valid {
        title,
        visibility: visibility.unwrap_or(ORGANISERS),
        agenda_item_id,
        file_name: sniff::fitting_name(&name, &content_type),
        content_type,
    }))
}

/// Stores an uploaded document; the form's problems come back as `Invalid`, and nothing
/// is stored then.
pub fn store(
    conn: &mut DbConn,
    event_id: i64,
    input: &DocumentInput,
    file: Option<&Upload>,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<i64, DomainError> {
    write_transaction(conn, |conn| {
        let v = check(conn, event_id, input, file)?.map_err(DomainError::Invalid)?;
        let bytes = file.map(|f| f.bytes.as_slice()).unwrap_or_default();
        let id: i64 = diesel::insert_into(documents::table)
            .values((
                documents::event_id.eq(event_id),
                documents::agenda_item_id.eq(v.agenda_item_id),
                documents::visibility.eq(v.visibility),
                documents::title.eq(&v.title),
                documents::file_name.eq(&v.file_name),
                documents::content_type.eq(&v.content_type),
                documents::size_bytes.eq(bytes.len() as i64),
                documents::body.eq(bytes),
                documents::created_at.eq(now),
                documents::created_by.eq(actor.user_id),
            ))
            .returning(documents::id)
            .get_result(conn)?;
        audit::record(
            conn,
            actor,
            "document_added",
            ("document", Some(id)),
            &v.title,
            now,
        )?;
        Ok(id)
    })
}

/// Takes a document off every list and link; the row stays for the audit.
pub fn remove(
    conn: &mut DbConn,
    doc: &DocumentInfo,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        diesel::update(documents::table.find(doc.id))
            .set(documents::removed_at.eq(now))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "document_removed",
            ("document", Some(doc.id)),
            &doc.title,
            now,
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::clean_name;

    #[test]
    fn names_lose_paths_and_control_characters() {
        assert_eq!(
            clean_name("C:\\Users\\x\\Tagesordnung.pdf"),
            "Tagesordnung.pdf"
        );
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("a\"b\r\n.pdf"), "ab.pdf");
        assert_eq!(clean_name(".."), "document");
    }
}

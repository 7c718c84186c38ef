//! Importing the office's partner list: its Excel sheet saved as CSV, one row per contact
//! person. German Excel writes semicolons, a byte order mark and often Windows-1252; the
//! header may be German or English. The preview is a pure function of the file and the
//! office's current data, and confirming computes it again in the write transaction and
//! stores it only when it is still what the organiser saw (its fingerprint), so that the
//! confirmation applies exactly the preview.

mod plan;
mod sheet;

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

pub use plan::{BadRow, ContactChange, Current, KindChange, Planned, Preview, current, preview};
pub use sheet::{MAX_BYTES, Row, decode, parse, parse_kind};

use super::{contact, organisation};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::partners;
use crate::domain::DomainError;
use crate::domain::audit::{self, Actor};
use organisation::name_key;

/// What was stored by a confirmed import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub partners_added: usize,
    pub partners_changed: usize,
    pub contacts_added: usize,
    pub contacts_changed: usize,
}

/// Stores what `preview` (made from this office's current data) says.
fn apply(
    conn: &mut DbConn,
    office_id: i64,
    preview: &Preview,
    now: NaiveDateTime,
) -> QueryResult<Counts> {
    let mut ids: HashMap<String, i64> = HashMap::new();
    for p in &preview.new_partners {
        ids.insert(
            name_key(&p.name),
            organisation::insert(conn, office_id, p, now)?,
        );
    }
    for change in &preview.changed_partners {
        diesel::update(partners::table.find(change.id))
            .set(partners::kind.eq(change.new_kind))
            .execute(conn)?;
        ids.insert(name_key(&change.name), change.id);
    }
    let live = current(conn, office_id)?;
    for p in &live.partners {
        ids.entry(name_key(&p.name)).or_insert(p.id);
    }
    for planned in &preview.new_contacts {
        let Some(partner_id) = ids.get(&name_key(&planned.organisation)) else {
            return Err(diesel::result::Error::NotFound);
        };
        contact::insert(conn, *partner_id, &planned.contact, now)?;
    }
    for change in &preview.changed_contacts {
        contact::set(conn, change.id, &change.new)?;
    }
    Ok(Counts {
        partners_added: preview.new_partners.len(),
        partners_changed: preview.changed_partners.len(),
        contacts_added: preview.new_contacts.len(),
        contacts_changed: preview.changed_contacts.len(),
    })
}

/// Confirms the waiting upload `token` (its `text`) into the office: when the preview made
/// now is still the one shown (`fingerprint`), stores it, forgets the upload and answers
/// the counts; otherwise stores nothing and answers the new preview to be shown again.
pub fn confirm(
    conn: &mut DbConn,
    office_id: i64,
    (token, text): (&str, &str),
    fingerprint: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Result<Counts, Preview>, DomainError> {
    let rows = parse(text).map_err(|key| DomainError::Invalid([("file", key)].into()))?;
    write_transaction(conn, |conn| {
        super::lock_office(conn, office_id)?;
        // a second confirmation of the same upload (a double click) waits and finds it gone
        if !super::import_store::still_there(conn, token)? {
            return Err(DomainError::NotFound);
        }
        let preview = preview(&rows, &current(conn, office_id)?);
        if !crate::secret::same(&preview.fingerprint(), fingerprint) {
            return Ok(Err(preview));
        }
        let counts = apply(conn, office_id, &preview, now)?;
        super::import_store::forget(conn, token)?;
        audit::record(
            conn,
            actor,
            "partner.import",
            ("office", Some(office_id)),
            &format!(
                "organisations +{} ~{}, contacts +{} ~{}",
                counts.partners_added,
                counts.partners_changed,
                counts.contacts_added,
                counts.contacts_changed
            ),
            now,
        )?;
        Ok(Ok(counts))
    })
}

//! An office's partner organisations: added, renamed or given another kind, removed. A
//! removed organisation stays in the database (its attendance record outlives it) but no
//! longer counts: its name is free again and its contacts are invited no more.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{KINDS, Partner};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::partners;
use crate::domain::audit::{self, Actor};
use crate::domain::validate::single_line_problem;
use crate::domain::{DomainError, FieldErrors};

pub const NAME_MAX: usize = 150;

/// An organisation as typed into the form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct PartnerInput {
    pub name: Option<String>,
    pub kind: Option<String>,
}

/// An organisation after every rule of its own fields held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidPartner {
    pub name: String,
    pub kind: &'static str,
}

/// What is wrong with an organisation's (trimmed) name, if anything.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("error-partner-name-missing")
    } else if name.chars().count() > NAME_MAX {
        Some("error-partner-name-too-long")
    } else {
        single_line_problem(name).map(|_| "error-invalid-characters")
    }
}

/// A kind code from the list, as the static string.
pub fn kind_code(kind: &str) -> Option<&'static str> {
    KINDS.iter().copied().find(|k| *k == kind)
}

impl PartnerInput {
    pub fn of(p: &Partner) -> PartnerInput {
        PartnerInput {
            name: Some(p.name.clone()),
            kind: Some(p.kind.clone()),
        }
    }

    pub fn check(&self) -> Result<ValidPartner, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = self.name.as_deref().unwrap_or("").trim();
        if let Some(problem) = name_problem(name) {
            errors.insert("name", problem);
        }
        let kind = kind_code(self.kind.as_deref().unwrap_or("").trim());
        if kind.is_none() {
            errors.insert("kind", "error-partner-kind");
        }
        match kind {
            Some(kind) if errors.is_empty() => Ok(ValidPartner {
                name: name.to_owned(),
                kind,
            }),
            _ => Err(errors),
        }
    }
}

/// The comparison key of an organisation's name: "VHS Musterkreis" and "vhs musterkreis "
/// are one organisation.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The office's live organisation of this name (compared by [`name_key`]), but `except`.
fn same_name(
    conn: &mut DbConn,
    office_id: i64,
    name: &str,
    except: Option<i64>,
) -> QueryResult<Option<i64>> {
    let live: Vec<(i64, String)> = partners::table
        .filter(partners::office_id.eq(office_id))
        .filter(partners::removed_at.is_null())
        .select((partners::id, partners::name))
        .load(conn)?;
    let key = name_key(name);
    Ok(live
        .into_iter()
        .find(|(id, n)| Some(*id) != except && name_key(n) == key)
        .map(|(id, _)| id))
}

fn taken() -> DomainError {
    DomainError::Invalid([("name", "error-partner-name-taken")].into_iter().collect())
}

/// Inserts an organisation without checks or audit (for the import, which did both).
pub(super) fn insert(
    conn: &mut DbConn,
    office_id: i64,
    p: &ValidPartner,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(partners::table)
        .values((
            partners::office_id.eq(office_id),
            partners::name.eq(&p.name),
            partners::kind.eq(p.kind),
            partners::created_at.eq(now),
        ))
        .returning(partners::id)
        .get_result(conn)
}

pub fn add(
    conn: &mut DbConn,
    office_id: i64,
    p: &ValidPartner,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<i64, DomainError> {
    write_transaction(conn, |conn| {
        super::lock_office(conn, office_id)?;
        if same_name(conn, office_id, &p.name, None)?.is_some() {
            return Err(taken());
        }
        let id = insert(conn, office_id, p, now)?;
        audit::record(
            conn,
            actor,
            "partner.add",
            ("partner", Some(id)),
            &p.name,
            now,
        )?;
        Ok(id)
    })
}

pub fn update(
    conn: &mut DbConn,
    id: i64,
    p: &ValidPartner,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        let old = super::find(conn, id)?.ok_or(DomainError::NotFound)?;
        super::lock_office(conn, old.office_id)?;
        if same_name(conn, old.office_id, &p.name, Some(id))?.is_some() {
            return Err(taken());
        }
        diesel::update(partners::table.find(id))
            .set((partners::name.eq(&p.name), partners::kind.eq(p.kind)))
            .execute(conn)?;
        let detail = if old.name == p.name {
            p.name.clone()
        } else {
            format!("{} -> {}", old.name, p.name)
        };
        audit::record(
            conn,
            actor,
            "partner.update",
            ("partner", Some(id)),
            &detail,
            now,
        )?;
        Ok(())
    })
}

/// Removes an organisation: its contacts are no longer invited, lists that name it skip it.
pub fn remove(
    conn: &mut DbConn,
    id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        let old = super::find(conn, id)?.ok_or(DomainError::NotFound)?;
        diesel::update(partners::table.find(id))
            .set(partners::removed_at.eq(Some(now)))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "partner.remove",
            ("partner", Some(id)),
            &old.name,
            now,
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_needs_a_name_and_a_known_kind() {
        let bad = PartnerInput {
            name: Some("  ".into()),
            kind: Some("club".into()),
        };
        let errors = bad.check().unwrap_err();
        assert_eq!(errors.get("name"), Some(&"error-partner-name-missing"));
        assert_eq!(errors.get("kind"), Some(&"error-partner-kind"));
        let good = PartnerInput {
            name: Some(" VHS Musterkreis ".into()),
            kind: Some("adult_education".into()),
        };
        assert_eq!(
            good.check().unwrap(),
            ValidPartner {
                name: "VHS Musterkreis".into(),
                kind: "adult_education"
            }
        );
        assert_eq!(
            name_problem("Runder\nTisch"),
            Some("error-invalid-characters")
        );
    }
}

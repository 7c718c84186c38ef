//! An organisation's contact persons: the people who get the invitations, in their own
//! language. An address is there once per organisation (compared as `email_key`), since
//! one person answers one invitation; the same person may be the contact of two
//! organisations. Each gets a secret for their personal calendar feed.

use chrono::NaiveDateTime;
use diesel::dsl;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::{PartnerContact, ROLE_MEMBER, ROLES};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::partner_contacts;
use crate::domain::audit::{self, Actor};
use crate::domain::token::new_token;
use crate::domain::validate::{EMAIL_MAX, email_key, is_deliverable_email, name_problem};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::SUPPORTED;

pub const PHONE_MAX: usize = 40;

/// A contact person as typed into the form (or read from a row of the import).
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct ContactInput {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: Option<String>,
    pub language: Option<String>,
}

/// A contact person after every rule of their own fields held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidContact {
    pub name: String,
    pub email: String,
    #[serde(skip)]
    pub email_key: String,
    pub phone: Option<String>,
    pub role: &'static str,
    pub language: &'static str,
}

/// What is wrong with a (trimmed, non-empty) phone number: digits with the usual
/// separators, so that it can be dialled and shown on one line.
fn phone_problem(phone: &str) -> Option<&'static str> {
    let allowed = |c: char| c.is_ascii_digit() || " +-/().".contains(c);
    (phone.chars().count() > PHONE_MAX
        || !phone.chars().all(allowed)
        || !phone.chars().any(|c| c.is_ascii_digit()))
    .then_some("error-partner-phone")
}

fn trimmed(v: &Option<String>) -> &str {
    v.as_deref().map(str::trim).unwrap_or("")
}

impl ContactInput {
    pub fn of(c: &PartnerContact) -> ContactInput {
        ContactInput {
            name: Some(c.name.clone()),
            email: Some(c.email.clone()),
            phone: c.phone.clone(),
            role: Some(c.role.clone()),
            language: Some(c.language.clone()),
        }
    }

    /// A new contact's form: a member who reads German.
    pub fn fresh() -> ContactInput {
        ContactInput {
            role: Some(ROLE_MEMBER.into()),
            language: Some("de".into()),
            ..Default::default()
        }
    }

    /// Checks every field at once; an empty role or language is a member in German.
    pub fn check(&self) -> Result<ValidContact, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = trimmed(&self.name);
        if let Some(problem) = name_problem(name) {
            errors.insert("name", problem);
        }
        let email = trimmed(&self.email);
        if email.is_empty() {
            errors.insert("email", "error-email-missing");
        } else if email.len() > EMAIL_MAX {
            errors.insert("email", "error-email-too-long");
        } else if !is_deliverable_email(email) {
            errors.insert("email", "error-email-invalid");
        }
        let phone = trimmed(&self.phone);
        if let Some(problem) = Some(phone)
            .filter(|p| !p.is_empty())
            .and_then(phone_problem)
        {
            errors.insert("phone", problem);
        }
        let role = match trimmed(&self.role) {
            "" => Some(ROLE_MEMBER),
            r => ROLES.iter().copied().find(|x| *x == r),
        };
        if role.is_none() {
            errors.insert("role", "error-partner-role");
        }
        let language = match trimmed(&self.language) {
            "" => Some("de"),
            l => SUPPORTED.iter().copied().find(|x| *x == l),
        };
        if language.is_none() {
            errors.insert("language", "error-partner-language");
        }
        match (role, language) {
            (Some(role), Some(language)) if errors.is_empty() => Ok(ValidContact {
                name: name.to_owned(),
                email: email.to_owned(),
                email_key: email_key(email),
                phone: Some(phone.to_owned()).filter(|p| !p.is_empty()),
                role,
                language,
            }),
            _ => Err(errors),
        }
    }
}

impl ValidContact {
    /// The fields in which `self` differs from the stored contact `old`.
    pub fn changes_from(&self, old: &PartnerContact) -> Vec<&'static str> {
        let mut changed = Vec::new();
        if self.name != old.name {
            changed.push("name");
        }
        if self.email != old.email {
            changed.push("email");
        }
        if self.phone != old.phone {
            changed.push("phone");
        }
        if self.role != old.role {
            changed.push("role");
        }
        if self.language != old.language {
            changed.push("language");
        }
        changed
    }
}

/// The live contact of organisation `partner_id` with this address, but `except`.
pub(super) fn same_address(
    conn: &mut DbConn,
    partner_id: i64,
    key: &str,
    except: Option<i64>,
) -> QueryResult<Option<i64>> {
    let found: Vec<i64> = partner_contacts::table
        .filter(partner_contacts::partner_id.eq(partner_id))
        .filter(partner_contacts::email_key.eq(key))
        .filter(partner_contacts::removed_at.is_null())
        .select(partner_contacts::id)
        .load(conn)?;
    Ok(found.into_iter().find(|id| Some(*id) != except))
}

fn duplicate() -> DomainError {
    DomainError::Invalid(
        [("email", "error-partner-contact-duplicate")]
            .into_iter()
            .collect(),
    )
}

/// The columns of a contact's own fields, written alike when added and when changed.
type Columns<'a> = (
    dsl::Eq<partner_contacts::name, &'a String>,
    dsl::Eq<partner_contacts::email, &'a String>,
    dsl::Eq<partner_contacts::email_key, &'a String>,
    dsl::Eq<partner_contacts::phone, &'a Option<String>>,
    dsl::Eq<partner_contacts::role, &'static str>,
    dsl::Eq<partner_contacts::language, &'static str>,
);

fn columns(c: &ValidContact) -> Columns<'_> {
    (
        partner_contacts::name.eq(&c.name),
        partner_contacts::email.eq(&c.email),
        partner_contacts::email_key.eq(&c.email_key),
        partner_contacts::phone.eq(&c.phone),
        partner_contacts::role.eq(c.role),
        partner_contacts::language.eq(c.language),
    )
}

/// Inserts a contact without checks or audit (for the import, which did both).
pub(super) fn insert(
    conn: &mut DbConn,
    partner_id: i64,
    c: &ValidContact,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(partner_contacts::table)
        .values((
            partner_contacts::partner_id.eq(partner_id),
            columns(c),
            partner_contacts::feed_token.eq(new_token()),
            partner_contacts::created_at.eq(now),
        ))
        .returning(partner_contacts::id)
        .get_result(conn)
}

/// Overwrites a contact's fields without checks or audit (for the import).
pub(super) fn set(conn: &mut DbConn, id: i64, c: &ValidContact) -> QueryResult<()> {
    diesel::update(partner_contacts::table.find(id))
        .set(columns(c))
        .execute(conn)
        .map(|_| ())
}

pub fn add(
    conn: &mut DbConn,
    partner_id: i64,
    c: &ValidContact,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<i64, DomainError> {
    write_transaction(conn, |conn| {
        let partner = super::find(conn, partner_id)?.ok_or(DomainError::NotFound)?;
        super::lock_office(conn, partner.office_id)?;
        if same_address(conn, partner_id, &c.email_key, None)?.is_some() {
            return Err(duplicate());
        }
        let id = insert(conn, partner_id, c, now)?;
        audit::record(
            conn,
            actor,
            "partner.contact.add",
            ("partner_contact", Some(id)),
            &format!("partner {partner_id}"),
            now,
        )?;
        Ok(id)
    })
}

pub fn update(
    conn: &mut DbConn,
    id: i64,
    c: &ValidContact,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        let (old, partner) = super::find_contact(conn, id)?.ok_or(DomainError::NotFound)?;
        super::lock_office(conn, partner.office_id)?;
        if same_address(conn, partner.id, &c.email_key, Some(id))?.is_some() {
            return Err(duplicate());
        }
        set(conn, id, c)?;
        audit::record(
            conn,
            actor,
            "partner.contact.update",
            ("partner_contact", Some(id)),
            &c.changes_from(&old).join(", "),
            now,
        )?;
        Ok(())
    })
}

pub fn remove(
    conn: &mut DbConn,
    id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        let (_, partner) = super::find_contact(conn, id)?.ok_or(DomainError::NotFound)?;
        diesel::update(partner_contacts::table.find(id))
            .set(partner_contacts::removed_at.eq(Some(now)))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "partner.contact.remove",
            ("partner_contact", Some(id)),
            &format!("partner {}", partner.id),
            now,
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, email: &str, phone: &str, role: &str, language: &str) -> ContactInput {
        ContactInput {
            name: Some(name.into()),
            email: Some(email.into()),
            phone: Some(phone.into()),
            role: Some(role.into()),
            language: Some(language.into()),
        }
    }

    #[test]
    fn a_contact_is_checked_field_by_field() {
        let errors = input("", "anna@", "ruf an", "chef", "fr")
            .check()
            .unwrap_err();
        assert_eq!(errors.get("name"), Some(&"error-name-missing"));
        assert_eq!(errors.get("email"), Some(&"error-email-invalid"));
        assert_eq!(errors.get("phone"), Some(&"error-partner-phone"));
        assert_eq!(errors.get("role"), Some(&"error-partner-role"));
        assert_eq!(errors.get("language"), Some(&"error-partner-language"));
    }

    #[test]
    fn empty_role_and_language_mean_a_member_in_german() {
        let c = input(" Anna Weber ", " Anna.Weber@Example.org ", "", "", "")
            .check()
            .unwrap();
        assert_eq!(c.name, "Anna Weber");
        assert_eq!(c.email, "Anna.Weber@Example.org");
        assert_eq!(c.email_key, "anna.weber@example.org");
        assert_eq!((c.phone, c.role, c.language), (None, "member", "de"));
        let c = input(
            "Oleh",
            "oleh@example.org",
            "+49 (0)5141 / 12-34",
            "deputy",
            "uk",
        )
        .check()
        .unwrap();
        assert_eq!(c.phone.as_deref(), Some("+49 (0)5141 / 12-34"));
        assert_eq!((c.role, c.language), ("deputy", "uk"));
    }
}

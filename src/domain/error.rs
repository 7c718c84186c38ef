use std::collections::BTreeMap;

use crate::db::DbError;

/// Field name → message key (a Fluent id), in a stable order for the error summary.
pub type FieldErrors = BTreeMap<&'static str, &'static str>;

#[derive(Debug)]
pub enum DomainError {
    NotFound,
    /// Input that breaks a rule of a field; nothing was stored.
    Invalid(FieldErrors),
    /// Registration is not possible now; the key says why.
    Closed(&'static str),
    /// No seat left and no waiting list.
    Full,
    /// This e-mail address already holds a registration for the meeting.
    Duplicate,
    Db(DbError),
}

impl From<DbError> for DomainError {
    fn from(e: DbError) -> Self {
        DomainError::Db(e)
    }
}

impl From<diesel::result::Error> for DomainError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => DomainError::NotFound,
            // the partial unique index is the last guard against a second active registration
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, ref info)
                if info.message().contains("email_key")
                    || info.constraint_name() == Some("registrations_one_active_per_email") =>
            {
                DomainError::Duplicate
            }
            e => DomainError::Db(DbError::Query(e)),
        }
    }
}

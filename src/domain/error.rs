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

/// For logs and developers; people read the translated sentence of the error policy.
impl std::fmt::Display for DomainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DomainError::NotFound => f.write_str("not found"),
            DomainError::Invalid(fields) => {
                f.write_str("invalid input:")?;
                for (field, key) in fields {
                    write!(f, " {field} ({key})")?;
                }
                Ok(())
            }
            DomainError::Closed(why) => write!(f, "refused: {why}"),
            DomainError::Full => f.write_str("no seat left and no waiting list"),
            DomainError::Duplicate => f.write_str("this address is already registered"),
            DomainError::Db(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DomainError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_went_wrong_with_the_fields_named() {
        let e = DomainError::Invalid([("email", "error-email-invalid")].into_iter().collect());
        assert_eq!(e.to_string(), "invalid input: email (error-email-invalid)");
        assert_eq!(
            DomainError::Closed("closed-past").to_string(),
            "refused: closed-past"
        );
    }
}

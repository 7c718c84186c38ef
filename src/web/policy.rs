//! The error policy, written once. Every domain error reaches a person through
//! [`refusal_of`], whether the answer is a page ([`super::errors::PageError`]) or JSON
//! ([`super::api_error::ApiError`]):
//!
//! | domain error | status | logged | what the person reads (in their language) |
//! |---|---|---|---|
//! | `NotFound` | 404 | no | "not found" |
//! | `Invalid(fields)` | 422 | no | a sentence at each field (forms show the form again with the input kept; JSON lists `fields`) |
//! | `Closed(why)` | 409 | no | the sentence `why` names: registration not open yet, ended, meeting cancelled, … |
//! | `Full` | 409 | no | "fully booked, no waiting list" |
//! | `Duplicate` | 409 | no | "already registered with this address" |
//! | `Db` | 503, `Retry-After: 5` | yes, with the route's pattern (never the address: it can hold a token) | "not reachable just now, nothing you entered is lost" |
//!
//! A refusal is the person's answer, not a fault: it is never a 404, which would send them
//! looking for a page that exists, and never logged. Only the database failing is logged.
//! Pages are in the visitor's language (`?lang=`, cookie, `Accept-Language`), JSON in the
//! `Accept-Language`'s. Outside the domain, the web layer adds 403 (not theirs), 400/413/415
//! (a body it cannot read) and 429 (too many attempts), with the same page and JSON shapes.

use rocket::http::Status;
use rocket::response::{Flash, Redirect};

use super::errors::PageError;
use crate::domain::{DomainError, FieldErrors};

/// How a domain refusal is answered: its status, the code JSON clients match on, the
/// sentence's Fluent key, and the fields it concerns.
#[derive(Debug)]
pub struct Refusal {
    pub status: Status,
    pub code: &'static str,
    pub key: &'static str,
    pub fields: FieldErrors,
}

impl Refusal {
    fn new(status: Status, code: &'static str, key: &'static str) -> Refusal {
        Refusal {
            status,
            code,
            key,
            fields: FieldErrors::new(),
        }
    }
}

impl Refusal {
    /// The same refusal in a context's own words: at the door, "full" means "in only with
    /// an explicit override"; in the back office, "not enough seats for this party".
    pub fn saying(mut self, code: &str, key: &'static str) -> Refusal {
        if self.code == code {
            self.key = key;
        }
        self
    }
}

/// A back-office action's outcome as a flash on the page it came from: `ok` when done,
/// else the refusal's sentence (`wording` as in [`Refusal::saying`]); the database failing
/// is the 503 page.
pub fn flash(
    back: Redirect,
    result: Result<(), DomainError>,
    ok: &'static str,
    wording: &[(&str, &'static str)],
) -> Result<Flash<Redirect>, PageError> {
    let Err(e) = result else {
        return Ok(Flash::success(back, ok));
    };
    let refusal = wording
        .iter()
        .fold(refusal_of(e)?, |r, (code, key)| r.saying(code, key));
    if refusal.status == Status::NotFound {
        return Err(PageError::NotFound);
    }
    Ok(Flash::error(back, refusal.key))
}

/// What a domain error means for the person, or `Err` with the database's failure, which
/// is no refusal but ours (503, logged by whoever answers).
pub fn refusal_of(e: DomainError) -> Result<Refusal, crate::db::DbError> {
    Ok(match e {
        DomainError::NotFound => Refusal::new(Status::NotFound, "not_found", "error-404-title"),
        DomainError::Invalid(fields) => {
            // one wrong field: its own sentence says more than the summary
            let key = match fields.values().next() {
                Some(only) if fields.len() == 1 => only,
                _ => "error-summary",
            };
            Refusal {
                fields,
                ..Refusal::new(Status::UnprocessableEntity, "invalid", key)
            }
        }
        DomainError::Closed(why) => Refusal::new(Status::Conflict, "closed", why),
        DomainError::Full => Refusal::new(Status::Conflict, "full", "closed-full"),
        DomainError::Duplicate => Refusal::new(Status::Conflict, "duplicate", "register-duplicate"),
        DomainError::Db(e) => return Err(e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_never_not_found() {
        for e in [
            DomainError::Full,
            DomainError::Duplicate,
            DomainError::Closed("closed-not-open"),
            DomainError::Invalid([("name", "error-name-missing")].into_iter().collect()),
        ] {
            let r = refusal_of(e).expect("a refusal");
            assert!(matches!(r.status.code, 409 | 422), "{r:?}");
        }
        let r = refusal_of(DomainError::NotFound).expect("a refusal");
        assert_eq!(r.status, Status::NotFound);
    }

    #[test]
    fn one_wrong_field_names_its_own_sentence() {
        let one = [("name", "error-name-missing")].into_iter().collect();
        assert_eq!(
            refusal_of(DomainError::Invalid(one)).unwrap().key,
            "error-name-missing"
        );
        let two = [
            ("name", "error-name-missing"),
            ("email", "error-email-missing"),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            refusal_of(DomainError::Invalid(two)).unwrap().key,
            "error-summary"
        );
    }
}

//! Checks for what people type into the registration form or send to the API.

use email_address::EmailAddress;

use super::FieldErrors;

/// The registration as typed; every field optional so that nothing a browser or client
/// sends makes parsing itself fail.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RegistrationInput {
    pub name: Option<String>,
    pub email: Option<String>,
    pub organisation: Option<String>,
    pub companions: Option<String>,
    pub needs: Option<String>,
    pub consent: bool,
}

/// A registration that passed every field rule.
#[derive(Debug, Clone)]
pub struct ValidRegistration {
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub companions: i32,
    pub needs: Option<String>,
}

pub const NAME_MAX: usize = 100;
pub const EMAIL_MAX: usize = 254;
pub const ORGANISATION_MAX: usize = 150;
pub const NEEDS_MAX: usize = 1000;

fn trimmed(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn has_control(s: &str, allow_newlines: bool) -> bool {
    s.chars()
        .any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')))
}

/// Whether an address is one we can really send to: valid syntax and a domain with a dot.
pub fn is_deliverable_email(s: &str) -> bool {
    EmailAddress::parse_with_options(s, email_address::Options::default().without_display_text())
        .is_ok_and(|a| {
            let domain = a.domain();
            domain.contains('.')
                && !domain.starts_with('[')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
        })
}

/// The key an address is compared by: trimmed and lower-cased.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

impl RegistrationInput {
    /// Checks every field at once, so that the form shows all problems together.
    pub fn validate(&self, max_party: i32) -> Result<ValidRegistration, FieldErrors> {
        let mut errors = FieldErrors::new();

        let name = trimmed(&self.name);
        match name {
            None => {
                errors.insert("name", "error-name-missing");
            }
            Some(n) if n.chars().count() > NAME_MAX => {
                errors.insert("name", "error-name-too-long");
            }
            Some(n) if has_control(n, false) => {
                errors.insert("name", "error-invalid-characters");
            }
            _ => {}
        }

        let email = trimmed(&self.email);
        match email {
            None => {
                errors.insert("email", "error-email-missing");
            }
            Some(e) if e.len() > EMAIL_MAX => {
                errors.insert("email", "error-email-too-long");
            }
            Some(e) if !is_deliverable_email(e) => {
                errors.insert("email", "error-email-invalid");
            }
            _ => {}
        }

        let organisation = trimmed(&self.organisation);
        if organisation.is_some_and(|o| o.chars().count() > ORGANISATION_MAX) {
            errors.insert("organisation", "error-organisation-too-long");
        } else if organisation.is_some_and(|o| has_control(o, false)) {
            errors.insert("organisation", "error-invalid-characters");
        }

        let companions = match trimmed(&self.companions) {
            None => Some(0),
            Some(c) => c.parse::<i32>().ok().filter(|n| *n >= 0),
        };
        match companions {
            None => {
                errors.insert("companions", "error-companions-invalid");
            }
            Some(c) if c > max_party - 1 => {
                errors.insert("companions", "error-companions-too-many");
            }
            _ => {}
        }

        let needs = trimmed(&self.needs);
        if needs.is_some_and(|n| n.chars().count() > NEEDS_MAX) {
            errors.insert("needs", "error-needs-too-long");
        } else if needs.is_some_and(|n| has_control(n, true)) {
            errors.insert("needs", "error-invalid-characters");
        }

        if !self.consent {
            errors.insert("consent", "error-consent-missing");
        }

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidRegistration {
            name: name.unwrap_or_default().to_owned(),
            email: email.unwrap_or_default().to_owned(),
            organisation: organisation.map(str::to_owned),
            companions: companions.unwrap_or(0),
            needs: needs.map(str::to_owned),
        })
    }
}

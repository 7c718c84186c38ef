//! How the office reaches a person it registered: by their own e-mail address, by phone, by
//! post, or through an integration manager or organisation ("via") whose address gets the
//! person's mails. Online registrations are always `email`.

use super::FieldErrors;
use super::validate::{EMAIL_MAX, ORGANISATION_MAX, is_deliverable_email, single_line_problem};

pub const EMAIL: &str = "email";
pub const PHONE: &str = "phone";
pub const POST: &str = "post";
pub const VIA: &str = "via";
pub const KINDS: &[&str] = &[EMAIL, PHONE, POST, VIA];

pub const PHONE_MAX: usize = 40;
pub const ADDRESS_MAX: usize = 300;

/// The contact part of a registration taken by the office, as typed.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ContactInput {
    pub contact_kind: Option<String>,
    pub phone: Option<String>,
    pub postal_address: Option<String>,
    pub via_name: Option<String>,
    pub via_email: Option<String>,
}

/// A contact that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub kind: &'static str,
    pub phone: Option<String>,
    pub postal_address: Option<String>,
    pub via_name: Option<String>,
    pub via_email: Option<String>,
}

impl Contact {
    /// What an online registration has: the person's own address, nothing else.
    pub fn own_email() -> Contact {
        Contact {
            kind: EMAIL,
            phone: None,
            postal_address: None,
            via_name: None,
            via_email: None,
        }
    }

    /// Whether the person's own address must be given: only when it is the way to reach them.
    pub fn needs_own_email(&self) -> bool {
        self.kind == EMAIL
    }
}

fn trimmed(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A phone number as people write it: digits with `+ - / ( ) .` and spaces, at least three
/// digits.
fn phone_ok(p: &str) -> bool {
    p.chars().count() <= PHONE_MAX
        && p.chars()
            .all(|c| c.is_ascii_digit() || " +-/().".contains(c))
        && p.chars().filter(char::is_ascii_digit).count() >= 3
}

impl ContactInput {
    /// Checks the contact fields; the field the kind relies on is required.
    pub fn validate(&self) -> Result<Contact, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = match trimmed(&self.contact_kind) {
            None => EMAIL,
            Some(k) => match KINDS.iter().find(|x| **x == k) {
                Some(k) => k,
                None => {
                    errors.insert("contact_kind", "error-contact-kind");
                    EMAIL
                }
            },
        };

        let phone = trimmed(&self.phone);
        match phone {
            None if kind == PHONE => {
                errors.insert("phone", "error-phone-missing");
            }
            Some(p) if !phone_ok(p) => {
                errors.insert("phone", "error-phone-invalid");
            }
            _ => {}
        }

        let address = trimmed(&self.postal_address);
        match address {
            None if kind == POST => {
                errors.insert("postal_address", "error-address-missing");
            }
            Some(a) if a.chars().count() > ADDRESS_MAX => {
                errors.insert("postal_address", "error-address-too-long");
            }
            Some(a)
                if a.lines()
                    .any(|l| single_line_problem(l.trim_end_matches('\r')).is_some()) =>
            {
                errors.insert("postal_address", "error-invalid-characters");
            }
            _ => {}
        }

        let via_name = trimmed(&self.via_name);
        let via_email = trimmed(&self.via_email);
        if kind == VIA {
            match via_name {
                None => {
                    errors.insert("via_name", "error-via-name-missing");
                }
                Some(n) if n.chars().count() > ORGANISATION_MAX => {
                    errors.insert("via_name", "error-organisation-too-long");
                }
                Some(n) if single_line_problem(n).is_some() => {
                    errors.insert("via_name", "error-invalid-characters");
                }
                _ => {}
            }
            match via_email {
                None => {
                    errors.insert("via_email", "error-email-missing");
                }
                Some(e) if e.len() > EMAIL_MAX => {
                    errors.insert("via_email", "error-email-too-long");
                }
                Some(e) if !is_deliverable_email(e) => {
                    errors.insert("via_email", "error-email-invalid");
                }
                _ => {}
            }
        }

        if !errors.is_empty() {
            return Err(errors);
        }
        // only what the kind uses is kept about the manager: no stale "via" on a phone contact
        let (via_name, via_email) = match kind {
            VIA => (via_name.map(str::to_owned), via_email.map(str::to_owned)),
            _ => (None, None),
        };
        Ok(Contact {
            kind,
            phone: phone.map(str::to_owned),
            postal_address: address.map(|a| a.replace("\r\n", "\n")),
            via_name,
            via_email,
        })
    }
}

pub const REASON_MAX: usize = 300;

/// What is wrong with the reason for an override (full, or registration closed), if anything.
pub fn reason_problem(reason: &str) -> Option<&'static str> {
    if reason.chars().count() > REASON_MAX {
        Some("error-reason-too-long")
    } else {
        single_line_problem(reason).map(|_| "error-invalid-characters")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str) -> ContactInput {
        ContactInput {
            contact_kind: Some(kind.into()),
            ..ContactInput::default()
        }
    }

    #[test]
    fn the_field_of_the_kind_is_required() {
        assert_eq!(
            input("phone").validate().unwrap_err().get("phone"),
            Some(&"error-phone-missing")
        );
        assert_eq!(
            input("post").validate().unwrap_err().get("postal_address"),
            Some(&"error-address-missing")
        );
        let via = input("via").validate().unwrap_err();
        assert!(via.contains_key("via_name") && via.contains_key("via_email"));
        assert_eq!(input("email").validate().unwrap().kind, EMAIL);
        assert_eq!(ContactInput::default().validate().unwrap().kind, EMAIL);
        assert!(input("fax").validate().is_err());
    }

    #[test]
    fn phone_numbers_as_written_and_junk() {
        for ok in ["07071 207-0", "+49 (7071) 207/0", "0170.1234567"] {
            assert!(phone_ok(ok), "{ok}");
        }
        for bad in ["", "12", "call me", "0707\u{202E}1", &"1".repeat(41)] {
            assert!(!phone_ok(bad), "{bad}");
        }
    }

    #[test]
    fn a_manager_is_kept_only_for_via() {
        let mut i = input("phone");
        i.phone = Some("07071 1234".into());
        i.via_name = Some("Frau Yilmaz".into());
        i.via_email = Some("yilmaz@example.org".into());
        let c = i.validate().unwrap();
        assert_eq!((c.via_name, c.via_email), (None, None));
    }
}

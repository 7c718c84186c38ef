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
    /// Answers to the meeting's questions, by question id.
    pub answers: super::question::AnswerInput,
    /// The consent of its own for health-related answers (Art. 9 GDPR).
    pub health_consent: bool,
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

/// Unicode's bidirectional controls (Bidi_Control): they change the order in which the
/// text around them is shown, so "Anna\u{202E}nraw" reads differently from what is stored.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that take no room and show nothing (zero-width space, word joiner, byte order
/// mark, Mongolian vowel separator): a name of them looks empty.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{180E}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// What is wrong with a line of text (a title, a place, a name), if anything: no line
/// breaks, no other control characters and no bidirectional controls.
pub fn single_line_problem(s: &str) -> Option<&'static str> {
    (has_control(s, false) || s.chars().any(is_bidi_control)).then_some("error-single-line")
}

/// What is wrong with a person's (trimmed) name, if anything: the message key. One rule for
/// the registration form and API, names typed by organisers and walk-ins at the door: it
/// must contain a letter, and no control, bidirectional or invisible characters.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("error-name-missing")
    } else if name.chars().count() > NAME_MAX {
        Some("error-name-too-long")
    } else if has_control(name, false)
        || name.chars().any(|c| is_bidi_control(c) || is_invisible(c))
    {
        Some("error-invalid-characters")
    } else if !name.chars().any(char::is_alphabetic) {
        Some("error-name-no-letter")
    } else {
        None
    }
}

/// Whether an address is one we can really send to: valid syntax and a domain with a dot,
/// and exactly what the mailer (lettre) takes as a recipient, since it parses every
/// recipient again before sending (a quoted local part like `"a\"b"@example.org` passes the
/// syntax check but not lettre's).
pub fn is_deliverable_email(s: &str) -> bool {
    EmailAddress::parse_with_options(s, email_address::Options::default().without_display_text())
        .is_ok_and(|a| {
            let domain = a.domain();
            domain.contains('.')
                && !domain.starts_with('[')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
        })
        && s.parse::<lettre::Address>().is_ok()
        && s.parse::<lettre::message::Mailbox>()
            .is_ok_and(|m| m.name.is_none() && m.email.to_string() == s)
}

/// The key an address is compared by: trimmed and lower-cased.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

impl RegistrationInput {
    /// Checks every field at once, so that the form shows all problems together.
    pub fn validate(&self, max_party: i32) -> Result<ValidRegistration, FieldErrors> {
        self.validate_with(max_party, true)
    }

    /// As [`validate`](Self::validate); the address may be left out when the office reaches
    /// the person otherwise (by phone, post or an integration manager). An empty address
    /// is then stored as "".
    pub fn validate_with(
        &self,
        max_party: i32,
        email_required: bool,
    ) -> Result<ValidRegistration, FieldErrors> {
        let mut errors = FieldErrors::new();

        let name = trimmed(&self.name);
        if let Some(problem) = name_problem(name.unwrap_or("")) {
            errors.insert("name", problem);
        }

        let email = trimmed(&self.email);
        match email {
            None if email_required => {
                errors.insert("email", "error-email-missing");
            }
            None => {}
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
        } else if organisation.is_some_and(|o| single_line_problem(o).is_some()) {
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn any_field() -> impl Strategy<Value = Option<String>> {
        prop::option::of(prop_oneof![
            "\\PC{0,40}",
            any::<String>(),
            "[ \\t\\n]{0,3}[a-zA-Zäöüß0-9@. -]{0,300}[ \\t\\n]{0,3}",
        ])
    }

    fn address() -> impl Strategy<Value = String> {
        "[a-z0-9]{1,20}([._+-][a-z0-9]{1,10})?@[a-z0-9]{1,20}(-[a-z0-9]{1,10})?\\.[a-z]{2,6}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn accepted_registrations_keep_every_rule(
            name in any_field(),
            email in prop_oneof![any_field(), address().prop_map(Some)],
            organisation in any_field(),
            companions in prop_oneof![any_field(), (-3i64..30).prop_map(|n| Some(n.to_string()))],
            needs in any_field(),
            consent in any::<bool>(),
            max_party in 1i32..=21,
        ) {
            let input = RegistrationInput { name, email, organisation, companions, needs, consent, ..Default::default() };
            if let Ok(v) = input.validate(max_party) {
                prop_assert!(consent);
                prop_assert!(!v.name.is_empty() && v.name.chars().count() <= NAME_MAX);
                prop_assert_eq!(v.name.trim(), v.name.as_str());
                prop_assert!(!v.name.chars().any(char::is_control));
                prop_assert!(v.name.chars().any(char::is_alphabetic));
                prop_assert!(!v.name.chars().any(is_bidi_control));
                prop_assert!(v.email.len() <= EMAIL_MAX && is_deliverable_email(&v.email));
                let organisation_ok = v.organisation.as_ref().is_none_or(|o| {
                    !o.is_empty() && o.chars().count() <= ORGANISATION_MAX && !o.chars().any(char::is_control)
                });
                prop_assert!(organisation_ok);
                prop_assert!(v.needs.as_ref().is_none_or(|n| !n.is_empty() && n.chars().count() <= NEEDS_MAX));
                prop_assert!((0..max_party).contains(&v.companions));
            }
        }

        #[test]
        fn too_long_names_are_refused_with_their_reason(n in (NAME_MAX + 1)..(NAME_MAX + 50)) {
            let input = RegistrationInput {
                name: Some("ä".repeat(n)),
                email: Some("a@example.org".into()),
                consent: true,
                ..Default::default()
            };
            let errors = input.validate(1).unwrap_err();
            prop_assert_eq!(errors.get("name"), Some(&"error-name-too-long"));
        }

        #[test]
        fn plain_addresses_are_deliverable(a in address()) {
            prop_assert!(is_deliverable_email(&a), "{}", a);
            prop_assert_eq!(email_key(&format!("  {}  ", a.to_uppercase())), a);
        }

        #[test]
        fn deliverable_addresses_have_one_at_and_a_dotted_domain(s in "\\PC{0,60}") {
            if is_deliverable_email(&s) {
                let (_, domain) = s.rsplit_once('@').expect("an @");
                prop_assert!(domain.contains('.') && !domain.ends_with('.'));
                prop_assert!(!s.chars().any(char::is_whitespace));
            }
        }

        #[test]
        fn addresses_with_spaces_or_without_domain_are_refused(local in "[a-z]{1,10}", host in "[a-z]{1,10}") {
            for bad in [
                format!("{local}@{host}"),
                format!("{local} x@{host}.de"),
                format!("{local}@{host}.de."),
                format!("{local}@[127.0.0.1]"),
                format!("{local}.{host}.de"),
                format!("Name <{local}@{host}.de>"),
            ] {
                prop_assert!(!is_deliverable_email(&bad), "{}", bad);
            }
        }
    }

    #[test]
    fn names_need_a_letter_and_no_hidden_characters() {
        for bad in [
            "\u{200B}",
            "\u{200B}\u{200B}",
            "\u{FEFF}",
            "123",
            "--",
            "Anna\u{202E}reteP",
            "\u{2067}Anna",
            "Anna\u{200F}",
        ] {
            assert!(name_problem(bad).is_some(), "{bad:?}");
        }
        assert_eq!(name_problem("\u{200B}"), Some("error-invalid-characters"));
        assert_eq!(name_problem("42"), Some("error-name-no-letter"));
        for good in ["Anna Müller", "Ли Лэй", "محمد علي", "O'Brien-Smith", "Ø"] {
            assert_eq!(name_problem(good), None, "{good:?}");
        }
    }

    #[test]
    fn only_what_the_mailer_takes_is_deliverable() {
        assert!(!is_deliverable_email("\"a\\\"b\"@example.org"));
        assert!(is_deliverable_email("anna.mueller+treffpunkt@example.org"));
        assert_eq!(
            single_line_problem("Runder\r\nTisch"),
            Some("error-single-line")
        );
        assert_eq!(single_line_problem("Runder Tisch"), None);
    }
}

//! The people of the demo's main meeting: clients of an integration manager with their
//! answers, one person the office reached by phone and one who registered online. They go
//! through `register::register` like every registration, so the demo shows what the rules
//! really make of them (needs on the dashboard, the manager's list, the phone slip).

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{need_alerted, outbox};
use crate::domain::audit::{self, Actor};
use crate::domain::contact::ContactInput;
use crate::domain::question::{self, Scope};
use crate::domain::register::{OfficeTerms, Origin, register};
use crate::domain::validate::RegistrationInput;
use crate::domain::{DomainError, FieldErrors};

pub const MANAGER: &str = "Integrationsmanagement Stadt Rottenburg";
pub const MANAGER_EMAIL: &str = "integrationsmanagement@rottenburg.example.org";

/// The questions the meeting asks: interpreting, and childcare (children, their ages).
struct Asked {
    interpreting: i64,
    children: i64,
    ages: i64,
}

/// One registration of the demo: name, mail language, how the office reaches the person,
/// own address (if any) and answers.
struct Person {
    name: &'static str,
    language: &'static str,
    contact: ContactInput,
    email: Option<&'static str>,
    answers: Vec<(i64, &'static str)>,
}

fn via_manager() -> ContactInput {
    ContactInput {
        contact_kind: Some("via".into()),
        via_name: Some(MANAGER.into()),
        via_email: Some(MANAGER_EMAIL.into()),
        ..ContactInput::default()
    }
}

fn people(q: &Asked) -> Vec<Person> {
    vec![
        Person {
            name: "Samira Haddad",
            language: "de",
            contact: via_manager(),
            email: None,
            answers: vec![
                (q.interpreting, "Arabisch"),
                (q.children, "2"),
                (q.ages, "3 und 5"),
            ],
        },
        Person {
            name: "Mohammad Rezaei",
            language: "de",
            contact: via_manager(),
            email: None,
            answers: vec![(q.interpreting, "Dari")],
        },
        Person {
            name: "Olena Kovalenko",
            language: "uk",
            contact: via_manager(),
            email: None,
            answers: vec![(q.interpreting, "Ukrainisch")],
        },
        Person {
            name: "Erwin Haug",
            language: "de",
            contact: ContactInput {
                contact_kind: Some("phone".into()),
                phone: Some("030 23125 104".into()),
                ..ContactInput::default()
            },
            email: None,
            answers: Vec::new(),
        },
        Person {
            name: "Johanna Keller",
            language: "de",
            contact: ContactInput::default(),
            email: Some("johanna.keller@example.org"),
            answers: Vec::new(),
        },
    ]
}

fn invalid(errors: FieldErrors) -> DomainError {
    DomainError::Invalid(errors)
}

/// Asks the presets and registers the people for meeting `event_id`; removes the mails
/// their registrations queued, so that a demo with SMTP configured writes to nobody.
pub fn register_all(
    conn: &mut DbConn,
    event_id: i64,
    now: NaiveDateTime,
) -> Result<usize, DomainError> {
    let actor = Actor {
        user_id: None,
        label: "demo".into(),
    };
    let scope = Scope::Event(event_id);
    let interpreting = question::add_preset(conn, scope, "interpreting", "de", &actor, now)?;
    let childcare = question::add_preset(conn, scope, "childcare", "de", &actor, now)?;
    let (Some(&interpreting), [children, ages]) = (interpreting.first(), childcare.as_slice())
    else {
        return Err(DomainError::NotFound);
    };
    let asked = Asked {
        interpreting,
        children: *children,
        ages: *ages,
    };
    let mut ids = Vec::new();
    for p in people(&asked) {
        let mut answers: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        for (q, v) in &p.answers {
            answers.entry(*q).or_default().push((*v).to_owned());
        }
        let input = RegistrationInput {
            name: Some(p.name.into()),
            email: p.email.map(str::to_owned),
            consent: true,
            health_consent: !p.answers.is_empty(),
            answers,
            ..RegistrationInput::default()
        };
        let outcome = match p.contact.contact_kind {
            None => register(
                conn,
                event_id,
                &input,
                Origin::online(p.language, None),
                now,
            )?,
            Some(_) => {
                let contact = p.contact.validate().map_err(invalid)?;
                let terms = OfficeTerms {
                    contact: &contact,
                    override_reason: None,
                };
                let o = register(
                    conn,
                    event_id,
                    &input,
                    Origin::office(p.language, terms),
                    now,
                )?;
                let r = &o.registration;
                let mut detail = format!("event {event_id}, {}, {}", r.status, r.contact_kind);
                if let Some(via) = &r.via_name {
                    detail.push_str(&format!(", via {via}"));
                }
                audit::record(
                    conn,
                    &actor,
                    "registration.add",
                    ("registration", Some(r.id)),
                    &detail,
                    now,
                )?;
                o
            }
        };
        ids.push(outcome.registration.id);
    }
    diesel::delete(outbox::table.filter(outbox::registration_id.eq_any(&ids))).execute(conn)?;
    // the organisers are not told of these needs as if they were news (no mail either)
    for id in &ids {
        diesel::insert_into(need_alerted::table)
            .values((
                need_alerted::registration_id.eq(id),
                need_alerted::event_id.eq(event_id),
                need_alerted::at.eq(now),
                need_alerted::bookable.eq(false),
            ))
            .execute(conn)?;
    }
    Ok(ids.len())
}

//! The demo Runder Tisch's papers: the next date's agenda with two documents (a public
//! agenda, a presentation for participants), and a past date with the organisations that
//! took part and its published minutes. Made through the real rules, as the office would.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{invitations, partner_contacts, partners};
use crate::domain::audit::Actor;
use crate::domain::event::Event;
use crate::domain::invitation::send::Letter;
use crate::domain::partner::ROLE_MEMBER;
use crate::domain::{DomainError, agenda, document, minutes, partner_attendance, token};
use crate::pdf::{Block, Document};

const AGENDA: [(&str, Option<&str>, &str); 4] = [
    (
        "Begrüßung und Genehmigung des Protokolls",
        Some("Geschäftsstelle Runder Tisch"),
        "17:00",
    ),
    (
        "Sprachkurse im Landkreis: Angebot und Wartelisten",
        Some("Volkshochschule Ulm"),
        "17:15",
    ),
    (
        "Ausbildung für Geflüchtete: Erfahrungen der Betriebe",
        Some("IHK Ulm"),
        "17:45",
    ),
    ("Verschiedenes und nächste Termine", None, "18:40"),
];

const MINUTES: &str = "## Beschlüsse

1. Die Volkshochschule und das Jobcenter legen bis zum nächsten Termin eine gemeinsame Übersicht der Sprachkurse mit freien Plätzen vor.
2. Die Kammern laden im Frühjahr zu einem Informationsabend für Ausbildungsbetriebe ein.

## Anwesend

Zwölf der fünfzehn Partnerorganisationen waren vertreten.";

fn pdf_of(title: &str, lines: &[&str]) -> Result<Vec<u8>, DomainError> {
    let mut doc = Document::new(title, "de");
    doc.push(Block::Title(title.to_owned()));
    for line in lines {
        doc.push(Block::Text((*line).to_owned()));
    }
    doc.render().map_err(|_| DomainError::Closed("closed-over"))
}

fn store(
    conn: &mut DbConn,
    event: i64,
    (title, visibility, file): (&str, &str, &str),
    bytes: Vec<u8>,
    now: NaiveDateTime,
) -> Result<i64, DomainError> {
    let input = document::DocumentInput {
        title: title.into(),
        visibility: visibility.into(),
        attach_to: String::new(),
    };
    let upload = document::Upload {
        name: file.into(),
        bytes,
        too_large: false,
    };
    document::store(conn, event, &input, Some(&upload), &Actor::system(), now)
}

/// The next date's agenda and its two documents.
pub fn agenda_of_next(
    conn: &mut DbConn,
    next: &Event,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    for (title, presenter, at) in AGENDA {
        let input = agenda::ItemInput {
            title: Some(title.into()),
            presenter: presenter.map(Into::into),
            at_time: Some(at.into()),
        };
        let item = input.check().map_err(DomainError::Invalid)?;
        agenda::add(conn, next.id, &item, &Actor::system(), now)?;
    }
    let lines: Vec<String> = AGENDA
        .iter()
        .enumerate()
        .map(|(n, (t, _, at))| format!("{}. {at} {t}", n + 1))
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    store(
        conn,
        next.id,
        ("Tagesordnung", "public", "Tagesordnung-Runder-Tisch.pdf"),
        pdf_of("Tagesordnung Runder Tisch Integration", &refs)?,
        now,
    )?;
    store(
        conn,
        next.id,
        (
            "Präsentation: Sprachkurse im Landkreis",
            "participants",
            "Sprachkurse-VHS.pdf",
        ),
        pdf_of(
            "Sprachkurse im Landkreis",
            &["Integrationskurse, Berufssprachkurse und Wartezeiten nach Gemeinden."],
        )?,
        now,
    )?;
    Ok(())
}

/// A past date: its invitations as they were answered, twelve organisations marked present,
/// and the minutes published to the public.
pub fn past_date(
    conn: &mut DbConn,
    past: &Event,
    office: i64,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    let members: Vec<(i64, i64)> = partner_contacts::table
        .inner_join(partners::table)
        .filter(partners::office_id.eq(office))
        .filter(partner_contacts::role.eq(ROLE_MEMBER))
        .order(partners::id.asc())
        .select((partner_contacts::id, partners::id))
        .load(conn)?;
    let asked = past.starts_at - chrono::Duration::days(21);
    for (n, (contact, partner)) in members.iter().enumerate() {
        // invitations cannot be sent for a date that has begun: these were sent before it
        let reply = match n {
            0..=11 => Some("come"),
            12 | 13 => Some("decline"),
            _ => None,
        };
        diesel::insert_into(invitations::table)
            .values((
                invitations::event_id.eq(past.id),
                invitations::contact_id.eq(contact),
                invitations::partner_id.eq(Some(partner)),
                invitations::token.eq(token::new_token()),
                invitations::reply.eq(reply),
                invitations::replied_at.eq(reply.map(|_| asked + chrono::Duration::days(2))),
                invitations::sent_at.eq(Some(asked)),
                invitations::created_at.eq(asked),
            ))
            .execute(conn)?;
        if reply == Some("come") {
            partner_attendance::set_by_staff(conn, past, *partner, true, &Actor::system(), now)?;
        }
    }
    let input = minutes::MinutesInput {
        body: Some(MINUTES.into()),
        document: None,
        audience: Some("public".into()),
    };
    minutes::save(conn, past.id, &input, &Actor::system(), now)?;
    let letter = Letter {
        base_url: "http://127.0.0.1:8000",
        tz: chrono_tz::Europe::Berlin,
    };
    minutes::publish(conn, past.id, letter, &Actor::system(), now)?;
    Ok(())
}

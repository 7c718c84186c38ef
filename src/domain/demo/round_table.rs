//! The demo's Runder Tisch: fifteen partner organisations of the Alb-Donau-Kreis with their
//! contact persons on the series's invitation list, the next date invited with a few answers
//! (one sends a substitute). Invitations and answers go through the real rules; the mails
//! they cause are taken out again by `demo::insert_all`, so that the demo writes to nobody.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{invitees, partner_contacts, partners};
use crate::domain::audit::Actor;
use crate::domain::event::Event;
use crate::domain::invitation::reply::{self, Answer};
use crate::domain::invitation::{self, send};
use crate::domain::partner::{Partner, PartnerContact, ROLE_DEPUTY, ROLE_MEMBER};
use crate::domain::{DomainError, token};

/// Organisation, kind, member, and a deputy where the organisation named one.
const PARTNERS: [(&str, &str, &str, Option<&str>); 15] = [
    (
        "Berufliche Schulen Ehingen",
        "school",
        "Sabine Kraus",
        Some("Tobias Mahler"),
    ),
    ("IHK Ulm", "chamber", "Dr. Jens Albrecht", None),
    (
        "Handwerkskammer Ulm",
        "chamber",
        "Monika Eberle",
        Some("Stefan Wieland"),
    ),
    (
        "Caritas Ulm-Alb-Donau",
        "church_welfare",
        "Anna Lechner",
        None,
    ),
    (
        "Diakonisches Werk Alb-Donau",
        "church_welfare",
        "Martin Bühler",
        None,
    ),
    (
        "Katholisches Dekanat Ehingen-Ulm",
        "church_welfare",
        "Pfarrer Klaus Reiser",
        None,
    ),
    (
        "Volkshochschule Ulm",
        "adult_education",
        "Elif Demir",
        Some("Jana Hofmann"),
    ),
    (
        "Stadt Ehingen (Donau)",
        "municipality",
        "Bürgermeisterin Petra Schall",
        None,
    ),
    ("Stadt Blaubeuren", "municipality", "Markus Graf", None),
    (
        "Agentur für Arbeit Ulm",
        "employment",
        "Birgit Nägele",
        None,
    ),
    (
        "Jobcenter Alb-Donau",
        "employment",
        "Oliver Steinle",
        Some("Yasemin Kaya"),
    ),
    (
        "Polizeipräsidium Ulm",
        "police",
        "Hauptkommissar Frank Weiß",
        None,
    ),
    (
        "Bundesamt für Migration und Flüchtlinge, Außenstelle",
        "authority",
        "Ralf Bender",
        None,
    ),
    (
        "Kreistagsfraktion Freie Wähler",
        "council_group",
        "Gerda Moll",
        None,
    ),
    ("Kreisjugendring Alb-Donau", "other", "Lukas Brenner", None),
];

/// "Sabine Kraus" → "sabine.kraus@partner3.example.org": fictitious, like every demo contact.
fn address(name: &str, n: usize) -> String {
    let local: String = name
        .split_whitespace()
        .filter(|w| {
            !w.ends_with('.') && !["Pfarrer", "Bürgermeisterin", "Hauptkommissar"].contains(w)
        })
        .collect::<Vec<_>>()
        .join(".")
        .to_lowercase()
        .replace('ü', "ue")
        .replace('ä', "ae")
        .replace('ö', "oe")
        .replace('ß', "ss");
    format!("{local}@partner{n}.example.org")
}

fn contact(
    conn: &mut DbConn,
    partner: i64,
    (name, email, role, lang): (&str, &str, &str, &str),
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(partner_contacts::table)
        .values((
            partner_contacts::partner_id.eq(partner),
            partner_contacts::name.eq(name),
            partner_contacts::email.eq(email),
            partner_contacts::email_key.eq(email.to_lowercase()),
            partner_contacts::role.eq(role),
            partner_contacts::language.eq(lang),
            partner_contacts::feed_token.eq(token::new_token()),
            partner_contacts::created_at.eq(now),
        ))
        .returning(partner_contacts::id)
        .get_result(conn)
}

/// Partners, the series's list, and the next date invited with some answers.
pub fn add(
    conn: &mut DbConn,
    office: i64,
    series: i64,
    next: &Event,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    for (n, (name, kind, member, deputy)) in PARTNERS.iter().enumerate() {
        let id: i64 = diesel::insert_into(partners::table)
            .values((
                partners::office_id.eq(office),
                partners::name.eq(name),
                partners::kind.eq(kind),
                partners::created_at.eq(now),
            ))
            .returning(partners::id)
            .get_result(conn)?;
        // the job centre's member reads English better: her mails come in English
        let lang = if n == 10 { "en" } else { "de" };
        contact(
            conn,
            id,
            (member, &address(member, n), ROLE_MEMBER, lang),
            now,
        )?;
        if let Some(d) = deputy {
            contact(conn, id, (d, &address(d, n), ROLE_DEPUTY, "de"), now)?;
        }
        diesel::insert_into(invitees::table)
            .values((
                invitees::series_id.eq(Some(series)),
                invitees::partner_id.eq(Some(id)),
                invitees::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    let letter = send::Letter {
        base_url: "http://127.0.0.1:8000",
        tz: chrono_tz::Europe::Berlin,
    };
    send::invite(
        conn,
        std::slice::from_ref(next),
        &Actor::system(),
        letter,
        now,
    )?;
    // five accept, one sends her deputy, two decline, the rest have not answered yet
    let answers: [(usize, Answer); 8] = [
        (0, Answer::Come),
        (1, Answer::Come),
        (3, Answer::Come),
        (7, Answer::Come),
        (9, Answer::Come),
        (
            10,
            Answer::Substitute {
                name: "Yasemin Kaya".into(),
                email: address("Yasemin Kaya", 10),
            },
        ),
        (5, Answer::Decline),
        (13, Answer::Decline),
    ];
    for (n, answer) in answers {
        let (name, ..) = PARTNERS[n];
        let Some((inv, who)) = invitation_of(conn, next.id, name)? else {
            continue;
        };
        reply::answer(conn, &inv, (&who.0, &who.1), &answer, now)?;
    }
    Ok(())
}

/// The member's invitation to `event` of the organisation called `name`.
fn invitation_of(
    conn: &mut DbConn,
    event_id: i64,
    name: &str,
) -> QueryResult<Option<(invitation::Invitation, (PartnerContact, Partner))>> {
    use crate::db::schema::invitations;
    let found: Option<(invitation::Invitation, PartnerContact, Partner)> = invitations::table
        .inner_join(partner_contacts::table.inner_join(partners::table))
        .filter(invitations::event_id.eq(event_id))
        .filter(partners::name.eq(name))
        .filter(partner_contacts::role.eq(ROLE_MEMBER))
        .select((
            invitation::Invitation::as_select(),
            PartnerContact::as_select(),
            Partner::as_select(),
        ))
        .first(conn)
        .optional()?;
    Ok(found.map(|(i, c, p)| (i, (c, p))))
}

/// The next date of the demo's series.
pub fn next_date(conn: &mut DbConn, series: i64, now: NaiveDateTime) -> QueryResult<Option<Event>> {
    Ok(send::dates_of_series(conn, series, now)?.into_iter().next())
}

/// The date of the demo's series that was already held.
pub fn past_date(conn: &mut DbConn, series: i64, now: NaiveDateTime) -> QueryResult<Option<Event>> {
    use crate::db::schema::events;
    events::table
        .filter(events::series_id.eq(series))
        .filter(events::starts_at.lt(now))
        .order(events::starts_at.desc())
        .select(Event::as_select())
        .first(conn)
        .optional()
}

//! Putting mails into the outbox. Call these inside the transaction of the change that
//! causes the mail, so that a committed change always has its mail and a rolled-back one
//! never does. Registration mails are stored as a kind and rendered when sent.
//!
//! Which mail a change causes is a rule of the domain, so the rows are written here;
//! rendering and delivery are `mail`'s (`mail::render`, `mail::worker`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{outbox, registrations};
use crate::domain::registration::{Registration, STATUS_CANCELLED};
use crate::i18n;

/// A plain mail about a meeting to one person, for [`prerendered`]: the subject
/// (`subject_key` with the meeting's title), then the greeting, `body` and the note that
/// the mail was sent automatically.
pub fn meeting_mail(
    lang: &str,
    subject_key: &str,
    title: &str,
    name: &str,
    body: Vec<String>,
) -> (String, String) {
    let subject = i18n::text_with(lang, subject_key, &[("title", title.to_owned().into())]);
    let mut lines = vec![
        i18n::text_with(lang, "mail-hello", &[("name", name.to_owned().into())]),
        String::new(),
    ];
    lines.extend(body);
    lines.extend([
        String::new(),
        "-- ".to_owned(),
        i18n::text(lang, "mail-automatic"),
    ]);
    (subject, lines.join("\n"))
}

/// The kinds of registration mail; each has `mail-{kind}-subject` and `mail-{kind}-body`.
pub const CONFIRMED: &str = "confirmed";
pub const WAITING: &str = "waiting";
pub const PROMOTED: &str = "promoted";
pub const CANCELLED: &str = "cancelled";
pub const CHANGED: &str = "changed";
/// The registration itself was changed (party, language, details): by the person or the office.
pub const REGISTRATION_CHANGED: &str = "registration_changed";
pub const EVENT_CANCELLED: &str = "event_cancelled";
pub const REMINDER: &str = "reminder";
pub const MANAGEMENT_LINK: &str = "management_link";
pub const OPT_IN: &str = "opt_in";

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewMail<'a> {
    registration_id: Option<i64>,
    kind: &'a str,
    recipient: &'a str,
    subject: &'a str,
    body_text: &'a str,
    body_html: &'a str,
    payload: &'a str,
    created_at: NaiveDateTime,
    next_attempt_at: NaiveDateTime,
}

/// Queues a mail of `kind` to the person of `registration`, or to the integration manager
/// who registered them; nothing for a person the office reaches by phone or post only.
pub fn enqueue(
    conn: &mut DbConn,
    kind: &str,
    registration: &Registration,
    payload: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let Some(recipient) = registration.mail_to() else {
        return Ok(());
    };
    diesel::insert_into(outbox::table)
        .values(NewMail {
            registration_id: Some(registration.id),
            kind,
            recipient,
            subject: "",
            body_text: "",
            body_html: "",
            payload,
            created_at: now,
            next_attempt_at: now,
        })
        .execute(conn)
        .map(|_| ())
}

/// Queues `kind` to everybody still registered (confirmed or waiting) for a meeting.
pub fn to_all_registered(
    conn: &mut DbConn,
    event_id: i64,
    kind: &str,
    payload: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let people: Vec<Registration> = registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::status.ne(STATUS_CANCELLED))
        .select(Registration::as_select())
        .load(conn)?;
    for r in &people {
        enqueue(conn, kind, r, payload, now)?;
    }
    Ok(people.len())
}

/// The personal management link, sent again on request.
pub fn management_link(
    conn: &mut DbConn,
    registration: &Registration,
    now: NaiveDateTime,
) -> QueryResult<()> {
    enqueue(conn, MANAGEMENT_LINK, registration, "", now)
}

/// A mail written now rather than when sent: there is no registration to render it from
/// (set-up and data links, staff's mails about needs to book).
pub fn prerendered(
    conn: &mut DbConn,
    kind: &str,
    email: &str,
    subject: &str,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(outbox::table)
        .values(NewMail {
            registration_id: None,
            kind,
            recipient: email,
            subject,
            body_text: body,
            body_html: "",
            payload: "",
            created_at: now,
            next_attempt_at: now,
        })
        .execute(conn)
        .map(|_| ())
}

/// A mail written now with text and HTML (an organiser's message), tied to the
/// registration it goes to, if any, so that erasing the registration takes it along.
pub fn written(
    conn: &mut DbConn,
    kind: &str,
    registration_id: Option<i64>,
    email: &str,
    (subject, text, html): (&str, &str, &str),
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(outbox::table)
        .values(NewMail {
            registration_id,
            kind,
            recipient: email,
            subject,
            body_text: text,
            body_html: html,
            payload: "",
            created_at: now,
            next_attempt_at: now,
        })
        .execute(conn)
        .map(|_| ())
}

/// The one-time link with which a new staff member sets a password.
pub fn setup_link(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    link: &str,
    lang: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let subject = i18n::text(lang, "mail-setup-subject");
    let body = i18n::text_with(
        lang,
        "mail-setup-body",
        &[
            ("name", name.to_owned().into()),
            ("link", link.to_owned().into()),
            (
                "hours",
                crate::domain::account::SETUP_LINK_VALID_HOURS.into(),
            ),
        ],
    );
    prerendered(conn, "setup_link", email, &subject, &body, now)
}

/// The one-time link to a person's own data (a copy, or its erasure).
pub fn data_link(
    conn: &mut DbConn,
    email: &str,
    link: &str,
    lang: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let subject = i18n::text(lang, "mail-data-subject");
    let body = i18n::text_with(
        lang,
        "mail-data-body",
        &[
            ("link", link.to_owned().into()),
            ("hours", crate::domain::privacy::DATA_LINK_HOURS.into()),
        ],
    );
    prerendered(conn, "data_link", email, &subject, &body, now)
}

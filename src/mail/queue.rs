//! Putting mails into the outbox. Call these inside the transaction of the change.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::Settings;
use crate::db::DbConn;
use crate::db::schema::{events, outbox};
use crate::domain::registration::Registration;
use crate::i18n;

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewMail<'a> {
    registration_id: Option<i64>,
    kind: &'a str,
    recipient: &'a str,
    subject: &'a str,
    body_text: &'a str,
    created_at: NaiveDateTime,
    next_attempt_at: NaiveDateTime,
}

fn enqueue(
    conn: &mut DbConn,
    (registration_id, recipient): (Option<i64>, &str),
    kind: &str,
    subject: &str,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(outbox::table)
        .values(NewMail {
            registration_id,
            kind,
            recipient,
            subject,
            body_text: body,
            created_at: now,
            next_attempt_at: now,
        })
        .execute(conn)
        .map(|_| ())
}

/// The personal management link, sent again on request.
pub fn management_link(
    conn: &mut DbConn,
    settings: &Settings,
    registration: &Registration,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let title: String = events::table
        .find(registration.event_id)
        .select(events::title)
        .first(conn)?;
    let lang = registration.language.as_str();
    let link = format!(
        "{}/r/{}",
        settings.public_url.trim_end_matches('/'),
        registration.token
    );
    let subject = i18n::text_with(
        lang,
        "mail-link-subject",
        &[("title", title.clone().into())],
    );
    let body = i18n::text_with(
        lang,
        "mail-link-body",
        &[
            ("name", registration.name.clone().into()),
            ("title", title.into()),
            ("link", link.into()),
        ],
    );
    enqueue(
        conn,
        (Some(registration.id), &registration.email),
        "management_link",
        &subject,
        &body,
        now,
    )
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
    enqueue(conn, (None, email), "setup_link", &subject, &body, now)
}

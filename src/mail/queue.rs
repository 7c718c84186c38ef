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
    registration: &Registration,
    kind: &str,
    subject: &str,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(outbox::table)
        .values(NewMail {
            registration_id: Some(registration.id),
            kind,
            recipient: &registration.email,
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
    enqueue(conn, registration, "management_link", &subject, &body, now)
}

//! The minutes of a meeting: Markdown and/or one of its documents, for the invitees or the
//! public. Publishing mails the link once to every invitee and everybody who came (each
//! address once); publishing again mails nobody, so a correction never floods inboxes.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::audit::{self, Actor};
use super::document::access::{Asker, is_participant};
use super::event::{self, Event, EventDetail};
use super::invitation::send::Letter;
use super::links::{Pass, minutes_path};
use super::registration::{Registration, STATUS_CANCELLED};
use super::{DomainError, FieldErrors, document, outbox};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{invitations, minutes, partner_contacts, registrations};
use crate::i18n;

pub const FOR_INVITEES: &str = "invitees";
pub const FOR_PUBLIC: &str = "public";
pub const MAIL_KIND: &str = "minutes";
const MAX_BODY: usize = 100_000;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = minutes)]
pub struct Minutes {
    pub event_id: i64,
    pub body: String,
    pub document_id: Option<i64>,
    pub audience: String,
    pub published_at: Option<NaiveDateTime>,
    pub published_by: Option<i64>,
    pub updated_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConn, event_id: i64) -> QueryResult<Option<Minutes>> {
    minutes::table
        .find(event_id)
        .select(Minutes::as_select())
        .first(conn)
        .optional()
}

/// The organiser's form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct MinutesInput {
    pub body: Option<String>,
    /// A document's id, or empty for none.
    pub document: Option<String>,
    pub audience: Option<String>,
}

impl MinutesInput {
    pub fn of(m: Option<&Minutes>) -> MinutesInput {
        MinutesInput {
            body: m.map(|m| m.body.clone()),
            document: m.and_then(|m| m.document_id).map(|d| d.to_string()),
            audience: Some(m.map_or(FOR_INVITEES.to_owned(), |m| m.audience.clone())),
        }
    }
}

/// Stores the minutes (published ones stay published: the page shows the correction).
pub fn save(
    conn: &mut DbConn,
    event_id: i64,
    input: &MinutesInput,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        let mut errors = FieldErrors::new();
        let body = input
            .body
            .as_deref()
            .unwrap_or_default()
            .trim()
            .replace("\r\n", "\n");
        if body.chars().count() > MAX_BODY {
            errors.insert("body", "error-too-long");
        }
        let audience = [FOR_INVITEES, FOR_PUBLIC]
            .into_iter()
            .find(|a| Some(*a) == input.audience.as_deref());
        if audience.is_none() {
            errors.insert("audience", "error-choice-invalid");
        }
        let document_id = match input.document.as_deref().map(str::trim).unwrap_or_default() {
            "" => None,
            id => match id
                .parse::<i64>()
                .ok()
                .map(|id| document::find(conn, id))
                .transpose()?
            {
                // whoever may read the minutes may fetch their document too
                Some(Some(d))
                    if d.event_id == event_id
                        && d.removed_at.is_none()
                        && (d.visibility == document::PUBLIC
                            || (d.visibility == document::PARTICIPANTS
                                && input.audience.as_deref() == Some(FOR_INVITEES))) =>
                {
                    Some(d.id)
                }
                _ => {
                    errors.insert("document", "error-choice-invalid");
                    None
                }
            },
        };
        if body.is_empty() && document_id.is_none() && !errors.contains_key("document") {
            errors.insert("body", "minutes-error-empty");
        }
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        let audience = audience.unwrap_or(FOR_INVITEES);
        let values = (
            minutes::body.eq(&body),
            minutes::document_id.eq(document_id),
            minutes::audience.eq(audience),
            minutes::updated_at.eq(now),
        );
        if find(conn, event_id)?.is_some() {
            diesel::update(minutes::table.find(event_id))
                .set(values)
                .execute(conn)?;
        } else {
            diesel::insert_into(minutes::table)
                .values((minutes::event_id.eq(event_id), values))
                .execute(conn)?;
        }
        audit::record(
            conn,
            actor,
            "minutes_saved",
            ("event", Some(event_id)),
            audience,
            now,
        )?;
        Ok(())
    })
}

/// One who gets the mail: address, language, name, and the secret of their own link.
#[derive(Debug, Clone)]
struct Recipient {
    email: String,
    language: String,
    name: String,
    pass: OwnLink,
}

#[derive(Debug, Clone)]
enum OwnLink {
    Invitation(String),
    Registration(String),
}

/// Invitees first (their own link), then everybody checked in; each address once.
fn recipients(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Recipient>> {
    let invited: Vec<(String, String, String, String)> = invitations::table
        .inner_join(partner_contacts::table)
        .filter(invitations::event_id.eq(event_id))
        .filter(partner_contacts::removed_at.is_null())
        .order(invitations::id.asc())
        .select((
            partner_contacts::email,
            partner_contacts::language,
            partner_contacts::name,
            invitations::token,
        ))
        .load(conn)?;
    let came: Vec<Registration> = registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::checked_in_at.is_not_null())
        .filter(registrations::status.ne(STATUS_CANCELLED))
        .filter(registrations::purged_at.is_null())
        .order(registrations::id.asc())
        .select(Registration::as_select())
        .load(conn)?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (email, language, name, token) in invited {
        if seen.insert(super::validate::email_key(&email)) {
            out.push(Recipient {
                email,
                language,
                name,
                pass: OwnLink::Invitation(token),
            });
        }
    }
    for r in came {
        let Some(to) = r.mail_to() else { continue };
        if seen.insert(super::validate::email_key(to)) {
            out.push(Recipient {
                email: to.to_owned(),
                language: r.language.clone(),
                name: r.name.clone(),
                pass: OwnLink::Registration(r.token.clone()),
            });
        }
    }
    Ok(out)
}

/// How many people publishing would mail.
pub fn recipient_count(conn: &mut DbConn, event_id: i64) -> QueryResult<usize> {
    Ok(recipients(conn, event_id)?.len())
}

/// Publishes the saved minutes and queues the mails; `Closed` when they were published
/// before (nobody is mailed twice). Returns how many mails.
pub fn publish(
    conn: &mut DbConn,
    event_id: i64,
    letter: Letter<'_>,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<usize, DomainError> {
    write_transaction(conn, |conn| {
        let m = find(conn, event_id)?.ok_or(DomainError::Closed("minutes-not-saved"))?;
        if m.published_at.is_some() {
            return Err(DomainError::Closed("minutes-already-published"));
        }
        let e = event::find(conn, event_id)?.ok_or(DomainError::NotFound)?;
        let key = if e.is_unlisted() {
            event::access_key(conn, event_id)?
        } else {
            None
        };
        diesel::update(minutes::table.find(event_id))
            .set((
                minutes::published_at.eq(now),
                minutes::published_by.eq(actor.user_id),
            ))
            .execute(conn)?;
        let people = recipients(conn, event_id)?;
        for p in &people {
            let pass = match (&p.pass, m.audience.as_str(), &key) {
                (_, FOR_PUBLIC, Some(k)) => Pass::Key(k),
                (_, FOR_PUBLIC, None) => Pass::Open,
                (OwnLink::Invitation(t), _, _) => Pass::Invitation(t),
                (OwnLink::Registration(t), _, _) => Pass::Registration(t),
            };
            let link = format!(
                "{}{}",
                letter.base_url.trim_end_matches('/'),
                minutes_path(event_id, pass)
            );
            let (subject, body) = mail(&e, p, &link, letter);
            outbox::prerendered(conn, MAIL_KIND, &p.email, &subject, &body, now)?;
        }
        audit::record_mailing(
            conn,
            actor,
            "minutes_published",
            event_id,
            people.len(),
            now,
        )?;
        Ok(people.len())
    })
}

fn mail(e: &Event, p: &Recipient, link: &str, letter: Letter<'_>) -> (String, String) {
    let (lang, fmt) = letter.in_language(&p.language);
    let body = vec![
        i18n::text_with(
            lang,
            "minutes-mail-body",
            &[
                ("title", e.title.clone().into()),
                ("when", fmt.date(e.starts_at).into()),
            ],
        ),
        link.to_owned(),
    ];
    outbox::meeting_mail(lang, "minutes-mail-subject", &e.title, &p.name, body)
}

/// Whether `asker` may read the published minutes: invitees' minutes need a participant's
/// token; public ones whoever reaches the meeting (or holds such a token); its organisers
/// always (also before publishing, to check them).
pub fn may_read(
    conn: &mut DbConn,
    m: &Minutes,
    detail: &EventDetail,
    asker: &Asker<'_>,
) -> QueryResult<bool> {
    if asker.manages {
        return Ok(true);
    }
    if m.published_at.is_none() {
        return Ok(false);
    }
    let e = &detail.event;
    // a partners-only meeting has no public page, yet its minutes may be for everyone
    let open = m.audience == FOR_PUBLIC
        && (detail.reachable_with(asker.key) || (e.is_partners_only() && e.is_visible()));
    Ok(open || is_participant(conn, e.id, asker)?)
}

//! Sending invitations and reminders. Inviting creates the invitations that are missing
//! (everybody on the lists of the chosen dates who has none yet) and mails each person once,
//! listing their new dates with a personal link per date; inviting again therefore reaches
//! only those added since. Reminders go to whoever has not answered, at most once a day.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::{Invitation, open_for_replies};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::invitations;
use crate::domain::audit::{self, Actor};
use crate::domain::event::{self, Event};
use crate::domain::links::{invitation_path, partner_feed_path};
use crate::domain::partner::invitees::{Invited, contacts_for_event};
use crate::domain::partner::{Partner, PartnerContact};
use crate::domain::{DomainError, agenda, event_text, outbox, token};
use crate::i18n::{self, Formatter};

/// What a mail needs that the database does not hold: the site's address and time zone.
#[derive(Debug, Clone, Copy)]
pub struct Letter<'a> {
    pub base_url: &'a str,
    pub tz: chrono_tz::Tz,
}

impl Letter<'_> {
    /// The language a person's mail is written in (theirs, if offered) and its formatter.
    pub fn in_language(&self, language: &str) -> (&'static str, Formatter) {
        let lang = i18n::supported(language);
        let fmt = Formatter { lang, tz: self.tz };
        (lang, fmt)
    }
}

/// How many people got a mail, about how many invitations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sent {
    pub people: usize,
    pub invitations: usize,
}

/// The dates an invitation of meeting `event_id` covers: the meeting alone.
pub fn dates_of_event(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Event>> {
    Ok(event::find(conn, event_id)?.into_iter().collect())
}

/// The dates of a series that can still be answered, in order (the series' own office's).
pub fn dates_of_series(
    conn: &mut DbConn,
    series_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Vec<Event>> {
    let Some(series) = event::find_series(conn, series_id)? else {
        return Ok(Vec::new());
    };
    Ok(event::series_dates(conn, &series)?
        .into_iter()
        .filter(|e| e.starts_at > now && e.status == event::STATUS_PUBLISHED)
        .collect())
}

/// Invites everybody on the lists of `dates` who is not invited yet and mails each of them.
/// Drafts, cancelled and begun dates are left out; none left: `Closed`.
pub fn invite(
    conn: &mut DbConn,
    dates: &[Event],
    actor: &Actor,
    letter: Letter<'_>,
    now: NaiveDateTime,
) -> Result<Sent, DomainError> {
    let open: Vec<&Event> = dates
        .iter()
        .filter(|e| e.is_visible() && open_for_replies(e, now))
        .collect();
    if open.is_empty() {
        return Err(DomainError::Closed("invite-no-open-date"));
    }
    write_transaction(conn, |conn| {
        // per person: their organisation and the (date, token) pairs new to them
        let mut letters: Vec<(Invited, Vec<(Event, String)>)> = Vec::new();
        for e in &open {
            let invited_before: Vec<i64> = invitations::table
                .filter(invitations::event_id.eq(e.id))
                .select(invitations::contact_id)
                .load(conn)?;
            for person in contacts_for_event(conn, e.id)? {
                if invited_before.contains(&person.contact.id) {
                    continue;
                }
                let t = token::new_token();
                diesel::insert_into(invitations::table)
                    .values((
                        invitations::event_id.eq(e.id),
                        invitations::contact_id.eq(person.contact.id),
                        invitations::partner_id.eq(person.partner.id),
                        invitations::token.eq(&t),
                        invitations::sent_at.eq(now),
                        invitations::created_at.eq(now),
                    ))
                    .execute(conn)?;
                let date = ((*e).clone(), t);
                match letters
                    .iter_mut()
                    .find(|(p, _)| p.contact.id == person.contact.id)
                {
                    Some((_, dates)) => dates.push(date),
                    None => letters.push((person, vec![date])),
                }
            }
        }
        let mut sent = Sent::default();
        for (person, dates) in &letters {
            mail(
                conn,
                Kind::Invite,
                &person.contact,
                &person.partner,
                dates,
                letter,
                now,
            )?;
            sent.people += 1;
            sent.invitations += dates.len();
        }
        let ids: Vec<String> = open.iter().map(|e| e.id.to_string()).collect();
        audit::record(
            conn,
            actor,
            "invite",
            ("event", open.first().map(|e| e.id)),
            &format!(
                "dates {}: {} people, {} invitations",
                ids.join(","),
                sent.people,
                sent.invitations
            ),
            now,
        )?;
        Ok(sent)
    })
}

/// Reminds everybody invited to `dates` who has not answered, once per person with all
/// their open dates. At most once a day for the same dates, so that a double click or an
/// impatient office cannot flood the partners.
pub fn remind(
    conn: &mut DbConn,
    dates: &[Event],
    actor: &Actor,
    letter: Letter<'_>,
    now: NaiveDateTime,
) -> Result<Sent, DomainError> {
    let open: Vec<&Event> = dates.iter().filter(|e| open_for_replies(e, now)).collect();
    let ids: Vec<i64> = open.iter().map(|e| e.id).collect();
    write_transaction(conn, |conn| {
        let last: Option<NaiveDateTime> = invitations::table
            .filter(invitations::event_id.eq_any(&ids))
            .select(diesel::dsl::max(invitations::reminded_at))
            .first(conn)?;
        if last.is_some_and(|at| now - at < Duration::hours(24)) {
            return Err(DomainError::Closed("invite-reminded-today"));
        }
        let waiting: Vec<Invitation> = invitations::table
            .filter(invitations::event_id.eq_any(&ids))
            .filter(invitations::reply.is_null())
            .filter(invitations::sent_at.is_not_null())
            .order(invitations::id.asc())
            .select(Invitation::as_select())
            .load(conn)?;
        let mut sent = Sent::default();
        let mut people: Vec<i64> = waiting.iter().map(|i| i.contact_id).collect();
        people.sort_unstable();
        people.dedup();
        for contact_id in people {
            let Some((contact, partner)) = person(conn, contact_id)? else {
                continue;
            };
            let dates: Vec<(Event, String)> = waiting
                .iter()
                .filter(|i| i.contact_id == contact_id)
                .filter_map(|i| {
                    open.iter()
                        .find(|e| e.id == i.event_id)
                        .map(|e| ((*e).clone(), i.token.clone()))
                })
                .collect();
            mail(conn, Kind::Remind, &contact, &partner, &dates, letter, now)?;
            sent.people += 1;
            sent.invitations += dates.len();
        }
        let reminded: Vec<i64> = waiting.iter().map(|i| i.id).collect();
        diesel::update(invitations::table.filter(invitations::id.eq_any(&reminded)))
            .set(invitations::reminded_at.eq(now))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "invite-remind",
            ("event", ids.first().copied()),
            &format!("{} people, {} invitations", sent.people, sent.invitations),
            now,
        )?;
        Ok(sent)
    })
}

/// A live contact person with their live organisation.
fn person(conn: &mut DbConn, contact_id: i64) -> QueryResult<Option<(PartnerContact, Partner)>> {
    use crate::db::schema::{partner_contacts, partners};
    partner_contacts::table
        .inner_join(partners::table)
        .filter(partner_contacts::id.eq(contact_id))
        .filter(partner_contacts::removed_at.is_null())
        .filter(partners::removed_at.is_null())
        .select((PartnerContact::as_select(), Partner::as_select()))
        .first(conn)
        .optional()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Invite,
    Remind,
}

/// One mail to one person: their dates, each with its agenda so far and its links, in the
/// person's language (the meeting's own translation where there is one).
fn mail(
    conn: &mut DbConn,
    kind: Kind,
    contact: &PartnerContact,
    partner: &Partner,
    dates: &[(Event, String)],
    letter: Letter<'_>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let (lang, fmt) = letter.in_language(&contact.language);
    let ids: Vec<i64> = dates.iter().map(|(e, _)| e.id).collect();
    let texts = event_text::in_language(conn, &ids, lang)?;
    let title_of = |e: &Event| {
        texts
            .get(&e.id)
            .map_or_else(|| e.title.clone(), |t| t.title.clone())
    };
    let mut blocks = Vec::with_capacity(dates.len());
    for (e, t) in dates {
        let link = format!("{}{}", letter.base_url, invitation_path(t));
        let mut block = vec![
            title_of(e),
            fmt.span(e.starts_at, e.ends_at),
            event::place_line(&e.venue_name, e.venue_room.as_deref(), &e.town),
        ];
        let items = agenda::items_of(conn, e.id)?;
        if !items.is_empty() {
            block.push(i18n::text(lang, "invite-mail-agenda"));
            block.extend(agenda::mail_lines(&items));
        }
        block.push(i18n::text_with(
            lang,
            "invite-mail-come",
            &[("link", format!("{link}?reply=come").into())],
        ));
        block.push(i18n::text_with(
            lang,
            "invite-mail-answer",
            &[("link", link.into())],
        ));
        blocks.push(block.join("\n"));
    }
    let (subject_key, body_key) = match kind {
        Kind::Invite => ("invite-mail-subject", "invite-mail-body"),
        Kind::Remind => ("invite-remind-subject", "invite-remind-body"),
    };
    let title = dates.first().map(|(e, _)| title_of(e)).unwrap_or_default();
    let subject = i18n::text_with(lang, subject_key, &[("title", title.into())]);
    let feed = format!(
        "{}{}",
        letter.base_url,
        partner_feed_path(&contact.feed_token)
    );
    let mut body = i18n::text_with(
        lang,
        body_key,
        &[
            ("name", contact.name.clone().into()),
            ("organisation", partner.name.clone().into()),
            ("count", (dates.len() as i64).into()),
            ("dates", blocks.join("\n\n").into()),
        ],
    );
    body.push_str("\n\n");
    body.push_str(&i18n::text_with(
        lang,
        "invite-mail-feed",
        &[("link", feed.into())],
    ));
    let mail_kind = match kind {
        Kind::Invite => "invitation",
        Kind::Remind => "invitation_reminder",
    };
    outbox::prerendered(conn, mail_kind, &contact.email, &subject, &body, now)
}

//! Messages from a meeting's organisers to a group of its people (room changed, "please
//! bring your documents"): who is in which group (`Audience`, [`group`]), how the text
//! reads for each person (`compose`), and sending it through the outbox (`send`).

pub mod compose;
pub mod send;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::event::Event;
use super::links::invitation_path;
use super::registration::Registration;
use super::roster;
use crate::db::DbConn;
use crate::db::schema::{invitations, partner_contacts, registrations};

/// The groups a message can go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Everybody holding a seat (also those who have yet to confirm their address: a room
    /// change concerns them as much).
    Confirmed,
    Waiting,
    CheckedIn,
    /// Holding a seat but not checked in: only once the meeting has begun.
    NotCheckedIn,
    /// Partner contacts invited to the meeting who have not answered.
    Invitees,
    /// The rows the registrations list shows for its search and filter.
    Selection,
}

impl Audience {
    pub const ALL: [Audience; 6] = [
        Audience::Confirmed,
        Audience::Waiting,
        Audience::CheckedIn,
        Audience::NotCheckedIn,
        Audience::Invitees,
        Audience::Selection,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Audience::Confirmed => "confirmed",
            Audience::Waiting => "waiting",
            Audience::CheckedIn => "checked_in",
            Audience::NotCheckedIn => "not_checked_in",
            Audience::Invitees => "invitees",
            Audience::Selection => "selection",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.key() == s)
    }

    /// Whether the group can be chosen for this meeting now.
    pub fn offered(self, e: &Event, now: NaiveDateTime) -> bool {
        match self {
            Audience::NotCheckedIn => e.starts_at <= now,
            _ => true,
        }
    }
}

/// One person a message goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub registration_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub language: String,
    /// Their own page: `/r/<token>`, or their invitation for an invitee.
    pub link: String,
    /// The secret of that page, which also opens the meeting's documents for them.
    pub token: String,
}

/// A group as it stands now: whom a message reaches, and who is left out and why.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub reach: Vec<Recipient>,
    /// Asked for no more optional mail.
    pub opted_out: usize,
    /// Registered by phone or post without an address.
    pub no_address: usize,
}

/// The people of `audience` for meeting `e`; for `Selection`, `selection` holds the
/// registration ids the list shows (others of the meeting are ignored).
pub fn group(
    conn: &mut DbConn,
    e: &Event,
    audience: Audience,
    selection: &[i64],
) -> QueryResult<Group> {
    let people: Vec<Registration> = match audience {
        Audience::Invitees => return invitees(conn, e.id),
        Audience::Confirmed => all(conn, e.id)?
            .into_iter()
            .filter(Registration::is_confirmed)
            .collect(),
        Audience::Waiting => roster::list(conn, e.id, None, Some("waiting"))?
            .into_iter()
            .map(|(r, _)| r)
            .collect(),
        Audience::CheckedIn => roster::list(conn, e.id, None, Some("checked_in"))?
            .into_iter()
            .map(|(r, _)| r)
            .filter(|r| !r.is_cancelled())
            .collect(),
        Audience::NotCheckedIn => all(conn, e.id)?
            .into_iter()
            .filter(|r| r.is_confirmed() && r.checked_in_at.is_none())
            .collect(),
        Audience::Selection => registrations::table
            .filter(registrations::event_id.eq(e.id))
            .filter(registrations::id.eq_any(selection))
            .order(registrations::id.asc())
            .select(Registration::as_select())
            .load(conn)?,
    };
    let mut g = Group::default();
    for r in people.iter().filter(|r| r.purged_at.is_none()) {
        let Some(email) = r.mail_to() else {
            g.no_address += 1;
            continue;
        };
        if !r.wants_optional_mail() {
            g.opted_out += 1;
            continue;
        }
        g.reach.push(Recipient {
            registration_id: Some(r.id),
            name: r.name.clone(),
            email: email.to_owned(),
            language: r.language.clone(),
            link: format!("/r/{}", r.token),
            token: r.token.clone(),
        });
    }
    Ok(g)
}

fn all(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Registration>> {
    Ok(roster::list(conn, event_id, None, None)?
        .into_iter()
        .map(|(r, _)| r)
        .collect())
}

fn invitees(conn: &mut DbConn, event_id: i64) -> QueryResult<Group> {
    let rows: Vec<(String, String, String, String)> = invitations::table
        .inner_join(partner_contacts::table)
        .filter(invitations::event_id.eq(event_id))
        .filter(invitations::reply.is_null())
        .filter(invitations::sent_at.is_not_null())
        .filter(partner_contacts::removed_at.is_null())
        .order(invitations::id.asc())
        .select((
            partner_contacts::name,
            partner_contacts::email,
            partner_contacts::language,
            invitations::token,
        ))
        .load(conn)?;
    let mut g = Group::default();
    for (name, email, language, token) in rows {
        if email.trim().is_empty() {
            g.no_address += 1;
            continue;
        }
        g.reach.push(Recipient {
            registration_id: None,
            name,
            email,
            language,
            link: invitation_path(&token),
            token,
        });
    }
    Ok(g)
}

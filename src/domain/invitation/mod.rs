//! Invitations to partner meetings: one per invited person and date, answered through a
//! personal link without an account (`reply`), sent and reminded by the office (`send`).
//! The seat of whoever comes is a registration of source `invitation`, from the invited
//! pool that the public's capacity never counts (`waitlist::confirmed_seats`).

pub mod reply;
pub mod send;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::event::{self, Event};
use super::partner::{Partner, PartnerContact};
use super::registration::{Registration, STATUS_CANCELLED};
use super::token;
use crate::db::DbConn;
use crate::db::schema::{events, invitations, partner_contacts, partners, registrations};

pub const REPLY_COME: &str = "come";
pub const REPLY_DECLINE: &str = "decline";
pub const REPLY_SUBSTITUTE: &str = "substitute";

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = invitations)]
pub struct Invitation {
    pub id: i64,
    pub event_id: i64,
    pub contact_id: i64,
    pub partner_id: Option<i64>,
    pub token: String,
    pub reply: Option<String>,
    pub replied_at: Option<NaiveDateTime>,
    pub substitute_name: Option<String>,
    pub substitute_email: Option<String>,
    pub registration_id: Option<i64>,
    pub sent_at: Option<NaiveDateTime>,
    pub reminded_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// An invitation with everything its page shows.
#[derive(Debug, Clone)]
pub struct Opened {
    pub invitation: Invitation,
    pub event: Event,
    pub contact: PartnerContact,
    pub partner: Partner,
    /// The registration of whoever comes (the invitee or their substitute), if anybody does.
    pub seat: Option<Registration>,
    /// The same person's invitations to the other dates of the series still to come.
    pub siblings: Vec<(Invitation, Event)>,
}

/// The invitation behind a personal link; junk never reaches the database.
pub fn find_by_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<Invitation>> {
    if !token::looks_like_token(token) {
        return Ok(None);
    }
    invitations::table
        .filter(invitations::token.eq(token))
        .select(Invitation::as_select())
        .first(conn)
        .optional()
}

/// The invitation of a personal link with its meeting, person and organisation, and the
/// person's other dates of the same series that have not begun. `None` when the link is
/// unknown, or the person or organisation was removed (their links end with them).
pub fn open(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> QueryResult<Option<Opened>> {
    let Some(invitation) = find_by_token(conn, token)? else {
        return Ok(None);
    };
    let Some(event) = event::find(conn, invitation.event_id)? else {
        return Ok(None);
    };
    let found: Option<(PartnerContact, Partner)> = partner_contacts::table
        .inner_join(partners::table)
        .filter(partner_contacts::id.eq(invitation.contact_id))
        .filter(partner_contacts::removed_at.is_null())
        .filter(partners::removed_at.is_null())
        .select((PartnerContact::as_select(), Partner::as_select()))
        .first(conn)
        .optional()?;
    let Some((contact, partner)) = found else {
        return Ok(None);
    };
    let siblings = match event.series_id {
        Some(series) => invitations::table
            .inner_join(events::table)
            .filter(invitations::contact_id.eq(invitation.contact_id))
            .filter(events::series_id.eq(series))
            .filter(events::starts_at.gt(now))
            .filter(invitations::id.ne(invitation.id))
            .order(events::starts_at.asc())
            .select((Invitation::as_select(), Event::as_select()))
            .load(conn)?,
        None => Vec::new(),
    };
    let seat = match invitation.registration_id {
        Some(id) => registrations::table
            .find(id)
            .filter(registrations::status.ne(STATUS_CANCELLED))
            .select(Registration::as_select())
            .first(conn)
            .optional()?,
        None => None,
    };
    Ok(Some(Opened {
        invitation,
        event,
        contact,
        partner,
        seat,
        siblings,
    }))
}

/// Invitations of a meeting, for the office.
pub fn of_event(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Invitation>> {
    invitations::table
        .filter(invitations::event_id.eq(event_id))
        .order(invitations::id.asc())
        .select(Invitation::as_select())
        .load(conn)
}

/// Whether a reply can still be given or changed: until the meeting starts, not when it
/// was cancelled.
pub fn open_for_replies(e: &Event, now: NaiveDateTime) -> bool {
    !e.is_cancelled() && now < e.starts_at
}

/// How the invitations of some dates stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    pub invited: i64,
    pub come: i64,
    pub declined: i64,
    pub substitute: i64,
    pub open: i64,
    /// Somebody can still be reminded: not answered, and no reminder in the last 24 hours.
    pub can_remind: bool,
}

/// The answers to the invitations of `event_ids` in one query.
pub fn tally(conn: &mut DbConn, event_ids: &[i64], now: NaiveDateTime) -> QueryResult<Tally> {
    let rows: Vec<(Option<String>, Option<NaiveDateTime>)> = invitations::table
        .filter(invitations::event_id.eq_any(event_ids))
        .select((invitations::reply, invitations::reminded_at))
        .load(conn)?;
    let mut t = Tally::default();
    let mut reminded_today = false;
    for (reply, reminded) in rows {
        t.invited += 1;
        match reply.as_deref() {
            Some(REPLY_COME) => t.come += 1,
            Some(REPLY_DECLINE) => t.declined += 1,
            Some(REPLY_SUBSTITUTE) => t.substitute += 1,
            _ => t.open += 1,
        }
        reminded_today |= reminded.is_some_and(|at| now - at < chrono::Duration::hours(24));
    }
    t.can_remind = t.open > 0 && !reminded_today;
    Ok(t)
}

/// The holder of an invited seat cancelled it (on their own page, or the office did): the
/// invitation reads "declined", so that the replies show the organisation as not coming.
/// Call in the transaction of the cancellation; nothing for other registrations.
pub fn seat_given_up(
    conn: &mut DbConn,
    registration_id: i64,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(invitations::table.filter(invitations::registration_id.eq(registration_id)))
        .set((
            invitations::reply.eq(REPLY_DECLINE),
            invitations::replied_at.eq(now),
            invitations::registration_id.eq(None::<i64>),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The registrations `ids` are anonymised: a substitute's name and address go with theirs.
/// The reply itself (who came for which organisation) is no personal data and stays for
/// the figures.
pub fn forget_substitutes(conn: &mut DbConn, ids: &[i64]) -> QueryResult<()> {
    diesel::update(invitations::table.filter(invitations::registration_id.eq_any(ids)))
        .set((
            invitations::substitute_name.eq(None::<String>),
            invitations::substitute_email.eq(None::<String>),
        ))
        .execute(conn)
        .map(|_| ())
}

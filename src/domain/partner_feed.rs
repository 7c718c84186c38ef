//! A partner contact's own calendar feed: every meeting they are invited to, partners-only
//! ones too (which no public feed holds), found by the secret in the feed's address. The
//! person's link ends with them: a removed contact or organisation has no feed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::event::{self, Category, Event, STATUS_DRAFT};
use super::invitation::Invitation;
use super::partner::PartnerContact;
use super::token;
use crate::db::DbConn;
use crate::db::schema::{categories, events, invitations, partner_contacts, partners};

/// A meeting of the feed with the person's own invitation to it.
pub struct Entry {
    pub event: Event,
    pub category: Option<Category>,
    pub invitation: Invitation,
}

/// The contact behind `feed_token` and their meetings that end from `since` on (and those
/// cancelled since then, so calendars learn of the cancellation), soonest first. `None`
/// for an unknown token or a removed person or organisation.
pub fn of_token(
    conn: &mut DbConn,
    feed_token: &str,
    since: NaiveDateTime,
) -> QueryResult<Option<(PartnerContact, Vec<Entry>)>> {
    if !token::looks_like_token(feed_token) {
        return Ok(None);
    }
    let contact: Option<PartnerContact> = partner_contacts::table
        .inner_join(partners::table)
        .filter(partner_contacts::feed_token.eq(feed_token))
        .filter(partner_contacts::removed_at.is_null())
        .filter(partners::removed_at.is_null())
        .select(PartnerContact::as_select())
        .first(conn)
        .optional()?;
    let Some(contact) = contact else {
        return Ok(None);
    };
    let mut rows: Vec<(Invitation, Event, Option<Category>)> = invitations::table
        .inner_join(events::table.left_join(categories::table))
        .filter(invitations::contact_id.eq(contact.id))
        .filter(events::status.ne(STATUS_DRAFT))
        .filter(event::feed_window(since))
        .order((events::starts_at.asc(), events::id.asc()))
        .select((
            Invitation::as_select(),
            Event::as_select(),
            Option::<Category>::as_select(),
        ))
        .load(conn)?;
    event::with_names(conn, rows.iter_mut().filter_map(|(_, _, c)| c.as_mut()))?;
    let entries = rows
        .into_iter()
        .map(|(invitation, event, category)| Entry {
            event,
            category,
            invitation,
        })
        .collect();
    Ok(Some((contact, entries)))
}

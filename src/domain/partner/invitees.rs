//! Invitation lists: who is invited to a series or a single meeting. An entry names a whole
//! organisation (its member contacts) or one person (any contact, deputies too).

use diesel::prelude::*;

use super::{Partner, PartnerContact, ROLE_MEMBER};
use crate::db::DbConn;
use crate::db::schema::{events, invitees, partner_contacts, partners};

/// A contact person on a meeting's invitation list, with their organisation.
#[derive(Debug, Clone)]
pub struct Invited {
    pub contact: PartnerContact,
    pub partner: Partner,
}

/// Everybody invited to meeting `event_id`: its own list and its series's list together,
/// organisations as their live member contacts, each person once, removed people and
/// organisations left out; by organisation, then name.
pub fn contacts_for_event(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Invited>> {
    let series_id: Option<i64> = events::table
        .find(event_id)
        .select(events::series_id)
        .first::<Option<i64>>(conn)
        .optional()?
        .flatten();
    let entries: Vec<(Option<i64>, Option<i64>)> = invitees::table
        .filter(
            invitees::event_id
                .eq(event_id)
                .or(invitees::series_id.eq(series_id.unwrap_or(-1))),
        )
        .select((invitees::partner_id, invitees::contact_id))
        .load(conn)?;
    let whole: Vec<i64> = entries.iter().filter_map(|(p, _)| *p).collect();
    let single: Vec<i64> = entries.iter().filter_map(|(_, c)| *c).collect();
    let rows: Vec<(PartnerContact, Partner)> = partner_contacts::table
        .inner_join(partners::table)
        .filter(partner_contacts::removed_at.is_null())
        .filter(partners::removed_at.is_null())
        .filter(
            partner_contacts::id
                .eq_any(&single)
                .or(partner_contacts::partner_id
                    .eq_any(&whole)
                    .and(partner_contacts::role.eq(ROLE_MEMBER))),
        )
        .order((
            partners::name.asc(),
            partner_contacts::name.asc(),
            partner_contacts::id.asc(),
        ))
        .select((PartnerContact::as_select(), Partner::as_select()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(contact, partner)| Invited { contact, partner })
        .collect())
}

//! Invitation lists: who is invited to a series or a single meeting. An entry names a whole
//! organisation (its member contacts) or one person (any contact, deputies too).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Partner, PartnerContact, ROLE_MEMBER};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{events, invitees, partner_contacts, partners};
use crate::domain::DomainError;
use crate::domain::audit::{self, Actor};

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

/// Whose invitation list: one meeting's, or a series's (and so every date's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Event(i64),
    Series(i64),
}

impl List {
    fn label(self) -> String {
        match self {
            List::Event(id) => format!("event {id}"),
            List::Series(id) => format!("series {id}"),
        }
    }
}

/// An entry of a list: a whole organisation (`contact` none, with its number of live
/// members) or one person of it. A row names either the organisation or the person, never
/// both: [`contacts_for_event`] expands every named organisation.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: i64,
    pub partner: Partner,
    pub contact: Option<PartnerContact>,
    pub members: i64,
}

type EntryRow = (i64, Option<i64>, Option<i64>);

fn rows_of(conn: &mut DbConn, list: List) -> QueryResult<Vec<EntryRow>> {
    let q = invitees::table
        .select((invitees::id, invitees::partner_id, invitees::contact_id))
        .order(invitees::id.asc())
        .into_boxed();
    match list {
        List::Event(id) => q.filter(invitees::event_id.eq(id)).load(conn),
        List::Series(id) => q.filter(invitees::series_id.eq(id)).load(conn),
    }
}

/// The list's entries whose organisation and person are still there, by organisation (the
/// whole organisation before its single persons), then name.
pub fn entries(conn: &mut DbConn, list: List) -> QueryResult<Vec<Entry>> {
    let rows = rows_of(conn, list)?;
    let contact_ids: Vec<i64> = rows.iter().filter_map(|r| r.2).collect();
    let contacts: Vec<PartnerContact> = partner_contacts::table
        .filter(partner_contacts::id.eq_any(&contact_ids))
        .filter(partner_contacts::removed_at.is_null())
        .select(PartnerContact::as_select())
        .load(conn)?;
    let mut partner_ids: Vec<i64> = rows.iter().filter_map(|r| r.1).collect();
    partner_ids.extend(contacts.iter().map(|c| c.partner_id));
    let found: Vec<Partner> = partners::table
        .filter(partners::id.eq_any(&partner_ids))
        .filter(partners::removed_at.is_null())
        .select(Partner::as_select())
        .load(conn)?;
    let members: Vec<i64> = partner_contacts::table
        .filter(partner_contacts::partner_id.eq_any(&partner_ids))
        .filter(partner_contacts::removed_at.is_null())
        .filter(partner_contacts::role.eq(ROLE_MEMBER))
        .select(partner_contacts::partner_id)
        .load(conn)?;
    let mut out: Vec<Entry> = rows
        .into_iter()
        .filter_map(|(id, partner_id, contact_id)| {
            let contact = match contact_id {
                Some(c) => Some(contacts.iter().find(|x| x.id == c)?.clone()),
                None => None,
            };
            let pid = contact.as_ref().map(|c| c.partner_id).or(partner_id)?;
            let partner = found.iter().find(|p| p.id == pid)?.clone();
            let count = members.iter().filter(|m| **m == pid).count() as i64;
            Some(Entry {
                id,
                partner,
                contact,
                members: count,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |e: &Entry| {
            (
                e.partner.name.to_lowercase(),
                e.partner.id,
                e.contact.as_ref().map(|c| c.name.to_lowercase()),
            )
        };
        key(a).cmp(&key(b))
    });
    Ok(out)
}

fn insert_entry(
    conn: &mut DbConn,
    list: List,
    (partner_id, contact_id): (Option<i64>, Option<i64>),
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let (event_id, series_id) = match list {
        List::Event(id) => (Some(id), None),
        List::Series(id) => (None, Some(id)),
    };
    diesel::insert_into(invitees::table)
        .values((
            invitees::event_id.eq(event_id),
            invitees::series_id.eq(series_id),
            invitees::partner_id.eq(partner_id),
            invitees::contact_id.eq(contact_id),
            invitees::created_at.eq(now),
        ))
        .returning(invitees::id)
        .get_result(conn)
}

/// Puts organisation `partner_id` of office `office_id` (the list's office) on the list;
/// another office's or a removed organisation is not found. Answers false when it was on
/// the list already.
pub fn add_partner(
    conn: &mut DbConn,
    list: List,
    office_id: i64,
    partner_id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<bool, DomainError> {
    write_transaction(conn, |conn| {
        let partner = super::find(conn, partner_id)?
            .filter(|p| p.office_id == office_id)
            .ok_or(DomainError::NotFound)?;
        let there = rows_of(conn, list)?
            .iter()
            .any(|r| r.1 == Some(partner.id) && r.2.is_none());
        let what = format!("partner {}", partner.id);
        let entry = (Some(partner.id), None);
        add_entry(conn, list, entry, there, &what, actor, now)
    })
}

/// Puts one contact person of office `office_id` on the list, as [`add_partner`].
pub fn add_contact(
    conn: &mut DbConn,
    list: List,
    office_id: i64,
    contact_id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<bool, DomainError> {
    write_transaction(conn, |conn| {
        let (contact, _) = super::find_contact(conn, contact_id)?
            .filter(|(_, p)| p.office_id == office_id)
            .ok_or(DomainError::NotFound)?;
        let there = rows_of(conn, list)?.iter().any(|r| r.2 == Some(contact.id));
        let what = format!("contact {}", contact.id);
        let entry = (None, Some(contact.id));
        add_entry(conn, list, entry, there, &what, actor, now)
    })
}

/// Puts an entry on the list, unless it is `there` already (answers false), with the
/// audit line naming `what`.
fn add_entry(
    conn: &mut DbConn,
    list: List,
    entry: (Option<i64>, Option<i64>),
    there: bool,
    what: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<bool, DomainError> {
    if there {
        return Ok(false);
    }
    let id = insert_entry(conn, list, entry, now)?;
    let detail = format!("{}: {what}", list.label());
    audit::record(
        conn,
        actor,
        "invitees.add",
        ("invitee", Some(id)),
        &detail,
        now,
    )?;
    Ok(true)
}

/// Takes entry `entry_id` off the list; an entry of another list is not found. Invitations
/// already sent stay.
pub fn remove(
    conn: &mut DbConn,
    list: List,
    entry_id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        if !rows_of(conn, list)?.iter().any(|r| r.0 == entry_id) {
            return Err(DomainError::NotFound);
        }
        diesel::delete(invitees::table.find(entry_id)).execute(conn)?;
        audit::record(
            conn,
            actor,
            "invitees.remove",
            ("invitee", Some(entry_id)),
            &list.label(),
            now,
        )?;
        Ok(())
    })
}

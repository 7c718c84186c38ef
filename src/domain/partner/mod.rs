//! An office's partner organisations (the members of a Runder Tisch) and their contact
//! persons, who are invited to partner meetings.

pub mod contact;
pub mod import;
pub mod import_store;
pub mod invitees;
pub mod organisation;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{offices, partner_contacts, partners};

/// The kinds of organisation, each with `partner-kind-{kind}` in the staff texts.
pub const KINDS: [&str; 10] = [
    "school",
    "chamber",
    "church_welfare",
    "adult_education",
    "municipality",
    "employment",
    "police",
    "authority",
    "council_group",
    "other",
];

/// A contact person's role: members are invited with their organisation; deputies only
/// by name (or named as a substitute).
pub const ROLE_MEMBER: &str = "member";
pub const ROLE_DEPUTY: &str = "deputy";
pub const ROLES: [&str; 2] = [ROLE_MEMBER, ROLE_DEPUTY];

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = partners)]
pub struct Partner {
    pub id: i64,
    pub office_id: i64,
    pub name: String,
    pub kind: String,
    pub created_at: NaiveDateTime,
    pub removed_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = partner_contacts)]
pub struct PartnerContact {
    pub id: i64,
    pub partner_id: i64,
    pub name: String,
    pub email: String,
    pub email_key: String,
    pub phone: Option<String>,
    pub role: String,
    pub language: String,
    pub feed_token: String,
    pub created_at: NaiveDateTime,
    pub removed_at: Option<NaiveDateTime>,
}

/// The office's live organisations by name, each with the number of its live contacts.
pub fn of_office(conn: &mut DbConn, office_id: i64) -> QueryResult<Vec<(Partner, i64)>> {
    let list: Vec<Partner> = partners::table
        .filter(partners::office_id.eq(office_id))
        .filter(partners::removed_at.is_null())
        .order((partners::name.asc(), partners::id.asc()))
        .select(Partner::as_select())
        .load(conn)?;
    let ids: Vec<i64> = list.iter().map(|p| p.id).collect();
    let owners: Vec<i64> = partner_contacts::table
        .filter(partner_contacts::partner_id.eq_any(&ids))
        .filter(partner_contacts::removed_at.is_null())
        .select(partner_contacts::partner_id)
        .load(conn)?;
    Ok(list
        .into_iter()
        .map(|p| {
            let n = owners.iter().filter(|o| **o == p.id).count() as i64;
            (p, n)
        })
        .collect())
}

/// A live organisation.
pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Partner>> {
    partners::table
        .find(id)
        .filter(partners::removed_at.is_null())
        .select(Partner::as_select())
        .first(conn)
        .optional()
}

/// An organisation's live contact persons, members first, then by name.
pub fn contacts_of(conn: &mut DbConn, partner_id: i64) -> QueryResult<Vec<PartnerContact>> {
    let mut list: Vec<PartnerContact> = partner_contacts::table
        .filter(partner_contacts::partner_id.eq(partner_id))
        .filter(partner_contacts::removed_at.is_null())
        .order((partner_contacts::name.asc(), partner_contacts::id.asc()))
        .select(PartnerContact::as_select())
        .load(conn)?;
    list.sort_by_key(|c| c.role != ROLE_MEMBER);
    Ok(list)
}

/// The live contacts of all the office's live organisations, with their organisation, by
/// organisation and name (for the invitation list's choice of persons).
pub fn contacts_of_office(
    conn: &mut DbConn,
    office_id: i64,
) -> QueryResult<Vec<(PartnerContact, Partner)>> {
    partner_contacts::table
        .inner_join(partners::table)
        .filter(partners::office_id.eq(office_id))
        .filter(partners::removed_at.is_null())
        .filter(partner_contacts::removed_at.is_null())
        .order((
            partners::name.asc(),
            partner_contacts::name.asc(),
            partner_contacts::id.asc(),
        ))
        .select((PartnerContact::as_select(), Partner::as_select()))
        .load(conn)
}

/// A live contact of a live organisation, with the organisation.
pub fn find_contact(conn: &mut DbConn, id: i64) -> QueryResult<Option<(PartnerContact, Partner)>> {
    partner_contacts::table
        .inner_join(partners::table)
        .filter(partner_contacts::id.eq(id))
        .filter(partner_contacts::removed_at.is_null())
        .filter(partners::removed_at.is_null())
        .select((PartnerContact::as_select(), Partner::as_select()))
        .first(conn)
        .optional()
}

/// Inside a write transaction, holds the office's partner data until commit: two
/// organisers adding the same address (by hand or by import) one after the other see each
/// other's. SQLite's write transaction holds the whole database already; PostgreSQL locks
/// the office's row.
pub(crate) fn lock_office(conn: &mut DbConn, office_id: i64) -> QueryResult<()> {
    if let DbConn::Postgres(c) = conn {
        offices::table
            .find(office_id)
            .select(offices::id)
            .for_update()
            .first::<i64>(c)
            .optional()?;
    }
    Ok(())
}

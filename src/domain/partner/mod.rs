//! An office's partner organisations (the members of a Runder Tisch) and their contact
//! persons, who are invited to partner meetings.

pub mod invitees;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{partner_contacts, partners};

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

//! The reply matrix of partner meetings: organisations down, each with the contacts who
//! were invited, dates across, and in each cell what that person answered for that date.
//! The office's page and its CSV/XLSX export read the same matrix, so both always agree.

use std::collections::HashMap;

use diesel::prelude::*;

use super::event::{self, Event, Series};
use super::invitation::{Invitation, REPLY_COME, REPLY_DECLINE, REPLY_SUBSTITUTE};
use super::partner::{Partner, PartnerContact};
use crate::db::DbConn;
use crate::db::schema::{invitations, partner_contacts, partners};

/// What one person answered for one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Come,
    Declined,
    /// Sends a substitute, by the name the invitee gave.
    Substitute(String),
    /// Invited, no answer yet.
    Open,
    /// Not invited to this date.
    NotInvited,
}

impl Cell {
    /// The word behind the cell's text (`replies-cell-{kind}`) and its style.
    pub fn kind(&self) -> &'static str {
        match self {
            Cell::Come => "come",
            Cell::Declined => "decline",
            Cell::Substitute(_) => "substitute",
            Cell::Open => "open",
            Cell::NotInvited => "none",
        }
    }

    fn of(invitation: &Invitation) -> Cell {
        match invitation.reply.as_deref() {
            Some(REPLY_COME) => Cell::Come,
            Some(REPLY_DECLINE) => Cell::Declined,
            Some(REPLY_SUBSTITUTE) => {
                Cell::Substitute(invitation.substitute_name.clone().unwrap_or_default())
            }
            _ => Cell::Open,
        }
    }
}

/// A contact person's row: one cell per date.
#[derive(Debug, Clone)]
pub struct Person {
    pub contact: PartnerContact,
    pub cells: Vec<Cell>,
}

/// An organisation with its invited contacts, by name.
#[derive(Debug, Clone)]
pub struct Organisation {
    pub partner: Partner,
    pub people: Vec<Person>,
}

/// The answers to one date, counted by invitation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Totals {
    pub come: i64,
    pub declined: i64,
    pub substitute: i64,
    pub open: i64,
}

#[derive(Debug, Clone)]
pub struct Matrix {
    pub dates: Vec<Event>,
    pub organisations: Vec<Organisation>,
    /// One per date, in the order of `dates`.
    pub totals: Vec<Totals>,
}

/// The dates of a series, in order: only meetings of the series' own office (whoever put
/// another one into it), no drafts (nobody is invited to a draft).
pub fn series_dates(conn: &mut DbConn, s: &Series) -> QueryResult<Vec<Event>> {
    let mut dates = event::series_dates(conn, s)?;
    dates.retain(|e| e.status != event::STATUS_DRAFT);
    Ok(dates)
}

/// The matrix of `dates`: everybody invited to at least one of them. Removed contacts and
/// organisations stay, since their answers were given.
pub fn build(conn: &mut DbConn, dates: Vec<Event>) -> QueryResult<Matrix> {
    let ids: Vec<i64> = dates.iter().map(|e| e.id).collect();
    let column: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut rows: Vec<(Invitation, (PartnerContact, Partner))> = invitations::table
        .inner_join(partner_contacts::table.inner_join(partners::table))
        .filter(invitations::event_id.eq_any(&ids))
        .select((
            Invitation::as_select(),
            (PartnerContact::as_select(), Partner::as_select()),
        ))
        .load(conn)?;
    // sorted here, not by the database: SQLite and PostgreSQL collate names differently
    rows.sort_by_cached_key(|(_, (c, p))| {
        (p.name.to_lowercase(), p.id, c.name.to_lowercase(), c.id)
    });
    let mut totals = vec![Totals::default(); dates.len()];
    let mut organisations: Vec<Organisation> = Vec::new();
    for (invitation, (contact, partner)) in rows {
        let Some(&col) = column.get(&invitation.event_id) else {
            continue;
        };
        let cell = Cell::of(&invitation);
        let t = &mut totals[col];
        match cell {
            Cell::Come => t.come += 1,
            Cell::Declined => t.declined += 1,
            Cell::Substitute(_) => t.substitute += 1,
            Cell::Open | Cell::NotInvited => t.open += 1,
        }
        // rows are sorted by organisation and person: a new one is always the last
        if organisations
            .last()
            .is_none_or(|o| o.partner.id != partner.id)
        {
            organisations.push(Organisation {
                partner,
                people: Vec::new(),
            });
        }
        let org = organisations.last_mut().expect("pushed above");
        if org.people.last().is_none_or(|p| p.contact.id != contact.id) {
            org.people.push(Person {
                contact,
                cells: vec![Cell::NotInvited; dates.len()],
            });
        }
        org.people.last_mut().expect("pushed above").cells[col] = cell;
    }
    Ok(Matrix {
        dates,
        organisations,
        totals,
    })
}

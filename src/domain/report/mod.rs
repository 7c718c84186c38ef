//! Figures for the committee and the fund: for the meetings that start in a period (of the
//! offices a person may see, by office, topic and series), how many were held and
//! cancelled, registrations, confirmed seats, attendance, no-shows, moves from the waiting
//! list, registrations by language, needs, and the organisations represented at partner
//! meetings, in total and per meeting.
//!
//! The figures survive the retention's anonymisation: anonymised registrations keep their
//! status, seats, language, check-in and promotion, and the needs they named are kept as
//! counts per meeting before they go (`kept`), so a report gives the same numbers after.

pub mod kept;
pub mod period;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

pub use period::Period;

use crate::db::DbConn;
use crate::db::schema::{events, offices, partner_attendance, partners, registrations};
use crate::domain::event::{Event, STATUS_CANCELLED, STATUS_DRAFT};
use crate::domain::registration::{STATUS_CANCELLED as REG_CANCELLED, STATUS_CONFIRMED};

/// Which meetings a report counts; `None` leaves a filter out.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// The offices the person may see (`None`: all, the administrators' view).
    pub visible: Option<Vec<i64>>,
    pub office: Option<i64>,
    pub category: Option<i64>,
    pub series: Option<i64>,
    /// Meetings starting at or after this moment and before `until` (UTC).
    pub from: NaiveDateTime,
    pub until: NaiveDateTime,
}

/// The figures of one meeting, or summed over several.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Counts {
    /// Registrations received, those cancelled later included.
    pub registrations: i64,
    /// Of them, cancelled (by the person or the office).
    pub cancelled_registrations: i64,
    /// Seats of confirmed registrations, companions counted.
    pub confirmed_seats: i64,
    /// Seats of confirmed registrations that were checked in, companions counted.
    pub attended_seats: i64,
    /// Confirmed seats not checked in, at meetings held that used check-in.
    pub no_show_seats: i64,
    /// Confirmed seats at meetings held that used check-in: what the no-shows are a share of.
    pub no_show_base: i64,
    /// Registrations moved up from the waiting list (by the rule or by hand).
    pub promotions: i64,
    /// Partner organisations represented (in totals: different organisations).
    pub organisations: i64,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.registrations += o.registrations;
        self.cancelled_registrations += o.cancelled_registrations;
        self.confirmed_seats += o.confirmed_seats;
        self.attended_seats += o.attended_seats;
        self.no_show_seats += o.no_show_seats;
        self.no_show_base += o.no_show_base;
        self.promotions += o.promotions;
    }

    /// No-shows in per cent of the confirmed seats at meetings with check-in, one decimal;
    /// `None` when no meeting held used check-in.
    pub fn no_show_percent(&self) -> Option<f64> {
        (self.no_show_base > 0)
            .then(|| (self.no_show_seats as f64 * 1000.0 / self.no_show_base as f64).round() / 10.0)
    }
}

pub const HELD: &str = "held";
pub const CANCELLED: &str = "cancelled";
pub const PLANNED: &str = "planned";

/// One meeting's line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Meeting {
    pub id: i64,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub office: String,
    /// [`HELD`], [`CANCELLED`] or [`PLANNED`] (still to come).
    pub state: &'static str,
    /// Whether anybody was checked in (the no-show rate counts only such meetings).
    pub check_in: bool,
    pub counts: Counts,
}

/// A need summed over the period: `kind` is `interpreting`, `childcare` (children),
/// `accessibility` or `note` (people who wrote a note on access); `what` the language or
/// the kind of help as the question's choice says it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct NeedCount {
    pub kind: String,
    pub what: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Organisation {
    pub name: String,
    /// Meetings of the period it was represented at.
    pub meetings: i64,
}

/// The report of a period.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub held: i64,
    pub cancelled: i64,
    pub planned: i64,
    /// Summed over the meetings not cancelled.
    pub totals: Counts,
    /// Registrations by their language, most first.
    pub languages: Vec<(String, i64)>,
    pub needs: Vec<NeedCount>,
    pub organisations: Vec<Organisation>,
    /// Oldest first.
    pub meetings: Vec<Meeting>,
}

/// A registration as the report reads it: nothing personal.
struct Reg {
    id: i64,
    event_id: i64,
    status: String,
    seats: i32,
    language: String,
    checked_in: bool,
    promoted: bool,
    purged: bool,
}

fn meetings_of(conn: &mut DbConn, f: &Filter) -> QueryResult<Vec<Event>> {
    let mut q = events::table
        .filter(events::status.ne(STATUS_DRAFT))
        .filter(events::starts_at.ge(f.from))
        .filter(events::starts_at.lt(f.until))
        .into_boxed();
    if let Some(ids) = &f.visible {
        q = q.filter(events::office_id.eq_any(ids.clone()));
    }
    if let Some(o) = f.office {
        q = q.filter(events::office_id.eq(o));
    }
    if let Some(c) = f.category {
        q = q.filter(events::category_id.eq(c));
    }
    if let Some(s) = f.series {
        q = q.filter(events::series_id.eq(s));
    }
    q.order((events::starts_at.asc(), events::id.asc()))
        .select(Event::as_select())
        .load(conn)
}

fn registrations_of(conn: &mut DbConn, ids: &[i64]) -> QueryResult<Vec<Reg>> {
    type Row = (
        i64,
        i64,
        String,
        i32,
        String,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
    );
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<Row> = registrations::table
            .filter(registrations::event_id.eq_any(chunk))
            .select((
                registrations::id,
                registrations::event_id,
                registrations::status,
                registrations::seats,
                registrations::language,
                registrations::checked_in_at,
                registrations::promoted_at,
                registrations::purged_at,
            ))
            .load(conn)?;
        out.extend(rows.into_iter().map(|r| Reg {
            id: r.0,
            event_id: r.1,
            status: r.2,
            seats: r.3,
            language: r.4,
            checked_in: r.5.is_some(),
            promoted: r.6.is_some(),
            purged: r.7.is_some(),
        }));
    }
    Ok(out)
}

/// The figures of one meeting from its registrations.
fn count(regs: &[&Reg], held: bool) -> (Counts, bool) {
    let mut c = Counts::default();
    let check_in = regs
        .iter()
        .any(|r| r.checked_in && r.status == STATUS_CONFIRMED);
    for r in regs {
        let seats = i64::from(r.seats);
        c.registrations += 1;
        c.cancelled_registrations += i64::from(r.status == REG_CANCELLED);
        c.promotions += i64::from(r.promoted);
        if r.status == STATUS_CONFIRMED {
            c.confirmed_seats += seats;
            if r.checked_in {
                c.attended_seats += seats;
            } else if held && check_in {
                c.no_show_seats += seats;
            }
            if held && check_in {
                c.no_show_base += seats;
            }
        }
    }
    (c, check_in)
}

/// The report for the meetings `filter` selects, as of `now`.
pub fn report(conn: &mut DbConn, filter: &Filter, now: NaiveDateTime) -> QueryResult<Report> {
    let list = meetings_of(conn, filter)?;
    let office_names: HashMap<i64, String> = offices::table
        .select((offices::id, offices::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let ids: Vec<i64> = list.iter().map(|e| e.id).collect();
    let regs = registrations_of(conn, &ids)?;
    let mut by_event: HashMap<i64, Vec<&Reg>> = HashMap::new();
    for r in &regs {
        by_event.entry(r.event_id).or_default().push(r);
    }
    let kept = kept::kept_needs(conn, &ids)?;
    let present: Vec<(i64, String)> = partner_attendance::table
        .inner_join(partners::table)
        .filter(partner_attendance::event_id.eq_any(&ids))
        .select((partner_attendance::event_id, partners::name))
        .load(conn)?;

    let mut out = Report {
        held: 0,
        cancelled: 0,
        planned: 0,
        totals: Counts::default(),
        languages: Vec::new(),
        needs: Vec::new(),
        organisations: Vec::new(),
        meetings: Vec::with_capacity(list.len()),
    };
    let mut languages: BTreeMap<String, i64> = BTreeMap::new();
    let mut needs: BTreeMap<String, i64> = BTreeMap::new();
    let mut orgs: BTreeMap<String, i64> = BTreeMap::new();
    for e in list {
        let state = if e.status == STATUS_CANCELLED {
            CANCELLED
        } else if e.starts_at <= now {
            HELD
        } else {
            PLANNED
        };
        let mine = by_event.remove(&e.id).unwrap_or_default();
        let (mut counts, check_in) = count(&mine, state == HELD);
        let represented: Vec<&String> = present
            .iter()
            .filter(|(id, _)| *id == e.id)
            .map(|(_, name)| name)
            .collect();
        counts.organisations = represented.len() as i64;
        match state {
            CANCELLED => out.cancelled += 1,
            HELD => out.held += 1,
            _ => out.planned += 1,
        }
        if state != CANCELLED {
            out.totals.add(&counts);
            for r in &mine {
                *languages.entry(r.language.clone()).or_insert(0) += 1;
            }
            let live: Vec<i64> = mine
                .iter()
                .filter(|r| r.status == STATUS_CONFIRMED && !r.purged)
                .map(|r| r.id)
                .collect();
            let kept_here = kept.get(&e.id).cloned().unwrap_or_default();
            for (key, n) in kept::needs_of(conn, &e, &live)?
                .into_iter()
                .chain(kept_here)
            {
                *needs.entry(key).or_insert(0) += n;
            }
            for name in represented {
                *orgs.entry(name.clone()).or_insert(0) += 1;
            }
        }
        out.meetings.push(Meeting {
            id: e.id,
            office: office_names.get(&e.office_id).cloned().unwrap_or_default(),
            title: e.title,
            starts_at: e.starts_at,
            state,
            check_in,
            counts,
        });
    }
    out.totals.organisations = orgs.len() as i64;
    out.languages = languages.into_iter().collect();
    out.languages
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.needs = sorted_needs(needs);
    out.organisations = orgs
        .into_iter()
        .map(|(name, meetings)| Organisation { name, meetings })
        .collect();
    // by name as people read it: SQLite and PostgreSQL collate differently
    out.organisations
        .sort_by_cached_key(|o| (o.name.to_lowercase(), o.name.clone()));
    Ok(out)
}

/// Interpreting, childcare, accessibility, notes; the most asked for first in each.
fn sorted_needs(needs: BTreeMap<String, i64>) -> Vec<NeedCount> {
    let mut list: Vec<NeedCount> = needs
        .into_iter()
        .map(|(key, count)| {
            let (kind, what) = key.split_once(':').unwrap_or((key.as_str(), ""));
            NeedCount {
                kind: kind.to_owned(),
                what: what.to_owned(),
                count,
            }
        })
        .collect();
    let rank = |k: &str| match k {
        "interpreting" => 0,
        "childcare" => 1,
        "accessibility" => 2,
        _ => 3,
    };
    list.sort_by(|a, b| {
        (rank(&a.kind), -a.count, &a.what).cmp(&(rank(&b.kind), -b.count, &b.what))
    });
    list
}

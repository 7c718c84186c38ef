//! The counts anonymisation would take away, kept per meeting before it does: the needs
//! of its confirmed registrations (interpreting per language, children to look after,
//! accessibility per kind, notes on access). Everything else a report counts (status,
//! seats, language, check-in, moves from the waiting list) stays on the anonymised rows.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{event_figures, registrations};
use crate::domain::event::{self, Event};
use crate::domain::needs;
use crate::domain::question;
use crate::domain::registration::STATUS_CONFIRMED;

/// The key of the note a person wrote in the form's accessibility field.
pub const NOTE: &str = "note";
const PREFIX: &str = "need:";

/// The needs the registrations `ids` of `event` bring, by need key
/// (`interpreting:Arabisch`, `childcare` (children), `accessibility:…`, [`NOTE`]).
pub fn needs_of(
    conn: &mut DbConn,
    event: &Event,
    ids: &[i64],
) -> QueryResult<BTreeMap<String, i64>> {
    let mut out = BTreeMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let questions = question::of_event(conn, event, true)?;
    for answers in question::answers_of(conn, ids)?.values() {
        for b in needs::brought(&questions, answers) {
            *out.entry(b.key).or_insert(0) += b.count;
        }
    }
    let notes: i64 = registrations::table
        .filter(registrations::id.eq_any(ids))
        .filter(registrations::needs.is_not_null())
        .filter(registrations::needs.ne(""))
        .count()
        .get_result(conn)?;
    if notes > 0 {
        out.insert(NOTE.into(), notes);
    }
    Ok(out)
}

/// Adds the needs of the confirmed ones among the registrations `ids` (about to be
/// anonymised, still unpurged) to their meetings' kept counts. Call in the transaction
/// that anonymises them.
pub fn keep(conn: &mut DbConn, ids: &[i64]) -> QueryResult<()> {
    let rows: Vec<(i64, i64)> = registrations::table
        .filter(registrations::id.eq_any(ids))
        .filter(registrations::status.eq(STATUS_CONFIRMED))
        .filter(registrations::purged_at.is_null())
        .select((registrations::event_id, registrations::id))
        .load(conn)?;
    let mut by_event: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for (e, r) in rows {
        by_event.entry(e).or_default().push(r);
    }
    for (event_id, regs) in by_event {
        let Some(e) = event::find(conn, event_id)? else {
            continue;
        };
        for (key, n) in needs_of(conn, &e, &regs)? {
            add(conn, event_id, &format!("{PREFIX}{key}"), n)?;
        }
    }
    Ok(())
}

fn add(conn: &mut DbConn, event_id: i64, key: &str, n: i64) -> QueryResult<()> {
    let row = event_figures::table
        .filter(event_figures::event_id.eq(event_id))
        .filter(event_figures::key.eq(key));
    let had: Option<i64> = row.select(event_figures::value).first(conn).optional()?;
    match had {
        Some(v) => diesel::update(row)
            .set(event_figures::value.eq(v + n))
            .execute(conn)?,
        None => diesel::insert_into(event_figures::table)
            .values((
                event_figures::event_id.eq(event_id),
                event_figures::key.eq(key),
                event_figures::value.eq(n),
            ))
            .execute(conn)?,
    };
    Ok(())
}

/// The kept needs of the meetings `ids`, by meeting and need key.
pub fn kept_needs(
    conn: &mut DbConn,
    ids: &[i64],
) -> QueryResult<HashMap<i64, BTreeMap<String, i64>>> {
    let mut out: HashMap<i64, BTreeMap<String, i64>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, String, i64)> = event_figures::table
            .filter(event_figures::event_id.eq_any(chunk))
            .filter(event_figures::key.like(format!("{PREFIX}%")))
            .select((
                event_figures::event_id,
                event_figures::key,
                event_figures::value,
            ))
            .load(conn)?;
        for (e, key, v) in rows {
            let key = key.strip_prefix(PREFIX).unwrap_or(&key).to_owned();
            *out.entry(e).or_default().entry(key).or_insert(0) += v;
        }
    }
    Ok(out)
}

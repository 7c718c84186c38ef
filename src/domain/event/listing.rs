//! The public list of meetings and the meetings of a calendar feed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{categories, events, series};

use super::{
    Category, Event, Occupancy, STATUS_CANCELLED, STATUS_DRAFT, VISIBILITY_PUBLIC, occupancy_of,
};

/// Public meetings that have not ended before `since`, soonest first; optionally of one
/// category (by slug). Cancelled ones stay listed so that people see the cancellation.
/// One page of the public list: `per_page` meetings from `page` (counted from 0), and
/// whether more follow.
pub struct Page<T> {
    pub items: Vec<T>,
    pub more: bool,
}

pub fn list_public(
    conn: &mut DbConn,
    since: NaiveDateTime,
    category: Option<&str>,
    (page, per_page): (i64, i64),
) -> QueryResult<Page<(Event, Option<Category>, Occupancy)>> {
    let mut query = events::table
        .left_join(categories::table)
        .filter(events::ends_at.ge(since))
        .filter(events::status.ne(STATUS_DRAFT))
        .filter(events::visibility.eq(VISIBILITY_PUBLIC))
        .order((events::starts_at.asc(), events::id.asc()))
        .select((Event::as_select(), Option::<Category>::as_select()))
        .into_boxed();
    if let Some(slug) = category {
        query = query.filter(categories::slug.eq(slug.to_owned()));
    }
    // one more than asked tells whether a next page exists
    let mut rows: Vec<(Event, Option<Category>)> = query
        .offset(page.max(0) * per_page)
        .limit(per_page + 1)
        .load(conn)?;
    let more = rows.len() as i64 > per_page;
    rows.truncate(per_page as usize);
    super::with_names(conn, rows.iter_mut().filter_map(|(_, c)| c.as_mut()))?;
    let ids: Vec<i64> = rows.iter().map(|(e, _)| e.id).collect();
    let mut occupancy = occupancy_of(conn, &ids)?;
    let items = rows
        .into_iter()
        .map(|(e, c)| {
            let o = occupancy.remove(&e.id).unwrap_or_default();
            (e, c, o)
        })
        .collect();
    Ok(Page { items, more })
}

/// Which meetings a calendar feed holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FeedScope {
    /// Every public meeting.
    All,
    Category(String),
    Series(String),
    /// One meeting, also when unlisted.
    One(i64),
    /// The meetings of these offices, unlisted ones included.
    Offices(Vec<i64>),
}

/// What a feed carries: meetings not over before `since`, and cancellations made since
/// (so that calendars learn of them), the same in every feed.
pub type FeedWindow = diesel::dsl::Or<
    diesel::dsl::GtEq<events::ends_at, NaiveDateTime>,
    diesel::dsl::And<
        diesel::dsl::Eq<events::status, &'static str>,
        diesel::dsl::GtEq<events::updated_at, NaiveDateTime>,
    >,
>;

pub fn feed_window(since: NaiveDateTime) -> FeedWindow {
    events::ends_at.ge(since).or(events::status
        .eq(STATUS_CANCELLED)
        .and(events::updated_at.ge(since)))
}

/// Meetings for a feed: not drafts; from `since` on (by end), and cancelled ones also when
/// they were cancelled after `since`, so that calendars learn of the cancellation.
pub fn for_feed(
    conn: &mut DbConn,
    scope: &FeedScope,
    since: NaiveDateTime,
) -> QueryResult<Vec<(Event, Option<Category>)>> {
    let mut q = events::table
        .left_join(categories::table)
        .left_join(series::table)
        .filter(events::status.ne(STATUS_DRAFT))
        .filter(feed_window(since))
        .order((events::starts_at.asc(), events::id.asc()))
        .select((Event::as_select(), Option::<Category>::as_select()))
        .into_boxed();
    match scope {
        FeedScope::All => q = q.filter(events::visibility.eq(VISIBILITY_PUBLIC)),
        FeedScope::Category(slug) => {
            q = q
                .filter(events::visibility.eq(VISIBILITY_PUBLIC))
                .filter(categories::slug.eq(slug.clone()))
        }
        // only the series' own office's meetings, whoever put another one into it
        FeedScope::Series(slug) => {
            q = q
                .filter(events::visibility.eq(VISIBILITY_PUBLIC))
                .filter(series::slug.eq(slug.clone()))
                .filter(series::office_id.eq(events::office_id))
        }
        FeedScope::One(id) => q = q.filter(events::id.eq(*id)),
        FeedScope::Offices(ids) => q = q.filter(events::office_id.eq_any(ids.clone())),
    }
    let mut rows: Vec<(Event, Option<Category>)> = q.load(conn)?;
    super::with_names(conn, rows.iter_mut().filter_map(|(_, c)| c.as_mut()))?;
    Ok(rows)
}

/// A number that a database trigger raises on every change to meetings: a feed cache is
/// fresh while it is unchanged, on every app instance.
pub fn change_mark(conn: &mut DbConn) -> QueryResult<i64> {
    use crate::db::schema::change_counters;
    change_counters::table
        .filter(change_counters::name.eq("events"))
        .select(change_counters::n)
        .first(conn)
}

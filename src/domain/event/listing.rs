//! The public list of meetings and the meetings of a calendar feed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{categories, event_counts, event_intake, event_texts, events, series};
use crate::domain::event_text::EventText;

use super::{
    Category, Event, Intake, Occupancy, STATUS_CANCELLED, STATUS_DRAFT, VISIBILITY_PUBLIC,
};

/// One page of the public list: `per_page` meetings from `page` (counted from 0), and
/// whether more follow.
pub struct Page<T> {
    pub items: Vec<T>,
    pub more: bool,
}

/// A meeting as the public list shows it: with its category, seats, how it takes
/// registrations and, when asked for, its text in the visitor's language.
pub struct Listed {
    pub event: Event,
    pub category: Option<Category>,
    pub occupancy: Occupancy,
    pub intake: Intake,
    pub text: Option<EventText>,
}

/// Public meetings that have not ended before `since`, soonest first; optionally of one
/// category (by slug). Cancelled ones stay listed so that people see the cancellation.
pub fn list_public(
    conn: &mut DbConn,
    since: NaiveDateTime,
    category: Option<&str>,
    (page, per_page): (i64, i64),
) -> QueryResult<Page<(Event, Option<Category>, Occupancy)>> {
    let page = list_page(conn, since, category, (page, per_page), None)?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(|l| (l.event, l.category, l.occupancy))
            .collect(),
        more: page.more,
    })
}

/// [`list_public`] with everything a card shows, `lang`'s texts too, in one statement of
/// one fixed shape: the database parses it once per connection, not at every request, and
/// the page's meetings cost no query each.
pub fn list_page(
    conn: &mut DbConn,
    since: NaiveDateTime,
    category: Option<&str>,
    (page, per_page): (i64, i64),
    lang: Option<&str>,
) -> QueryResult<Page<Listed>> {
    use diesel::dsl::not;
    use diesel::sql_types::Bool;
    // a language no text is in stands for "no translation wanted"
    let lang = lang.unwrap_or("");
    // Written out per backend: through the multi-backend connection Diesel writes a query's
    // SQL anew at every execution, even with its statement cached (9 % of the CPU of the
    // uncached list), while on the connection underneath the cached statement is found by
    // the query's type.
    macro_rules! query {
        () => {
            events::table
                .left_join(categories::table)
                .left_join(event_counts::table)
                .left_join(event_intake::table)
                .left_join(
                    event_texts::table.on(event_texts::event_id
                        .eq(events::id)
                        .and(event_texts::lang.eq(lang))),
                )
                .filter(events::ends_at.ge(since))
                .filter(events::status.ne(STATUS_DRAFT))
                .filter(events::visibility.eq(VISIBILITY_PUBLIC))
                .filter(
                    not(category.is_some().into_sql::<Bool>())
                        .or(categories::slug.eq(category.unwrap_or(""))),
                )
                .order((events::starts_at.asc(), events::id.asc()))
                .select((
                    Event::as_select(),
                    Option::<Category>::as_select(),
                    (event_counts::confirmed_seats, event_counts::waiting).nullable(),
                    (event_intake::mode, event_intake::url).nullable(),
                    Option::<EventText>::as_select(),
                ))
                // one more than asked tells whether a next page exists
                .offset(page.max(0) * per_page)
                .limit(per_page + 1)
        };
    }
    let mut rows: Vec<Row> = match conn {
        DbConn::Sqlite(c) => query!().load(c)?,
        DbConn::Postgres(c) => query!().load(c)?,
    };
    let more = rows.len() as i64 > per_page;
    rows.truncate(per_page as usize);
    // topic names in every language: one more indexed query for the page's topics
    super::with_names(conn, rows.iter_mut().filter_map(|(_, c, ..)| c.as_mut()))?;
    let items = rows
        .into_iter()
        .map(|(event, category, counts, intake, text)| Listed {
            event,
            category,
            occupancy: counts.map_or_else(Occupancy::default, |(confirmed_seats, waiting)| {
                Occupancy {
                    confirmed_seats,
                    waiting,
                }
            }),
            intake: intake.map_or_else(Intake::default, |(mode, url)| Intake { mode, url }),
            text,
        })
        .collect();
    Ok(Page { items, more })
}

type Row = (
    Event,
    Option<Category>,
    Option<(i64, i64)>,
    Option<(String, Option<String>)>,
    Option<EventText>,
);

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

//! Meetings as stored, and the queries the public side needs.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{categories, event_keys, events, offices, registrations, series};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: i64,
    pub office_id: i64,
    pub category_id: Option<i64>,
    pub series_id: Option<i64>,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub venue_name: String,
    pub venue_room: Option<String>,
    pub street: String,
    pub postal_code: String,
    pub town: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub capacity: Option<i32>,
    pub max_companions: i32,
    pub waitlist_enabled: bool,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub status: String,
    pub visibility: String,
    pub cancel_reason: Option<String>,
    pub sequence: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Hours before the start when the reminder goes out; `None`: no reminder.
    pub reminder_hours: Option<i32>,
    /// Registrations hold their place only once confirmed by the link in a mail.
    pub double_opt_in: bool,
}

pub const STATUS_DRAFT: &str = "draft";
pub const STATUS_PUBLISHED: &str = "published";
pub const STATUS_CANCELLED: &str = "cancelled";
pub const VISIBILITY_PUBLIC: &str = "public";
pub const VISIBILITY_UNLISTED: &str = "unlisted";

impl Event {
    pub fn is_cancelled(&self) -> bool {
        self.status == STATUS_CANCELLED
    }

    /// Seen by the public at all (listed, or reachable by its link when unlisted).
    pub fn is_visible(&self) -> bool {
        self.status != STATUS_DRAFT
    }

    pub fn is_unlisted(&self) -> bool {
        self.visibility == VISIBILITY_UNLISTED
    }

    /// Whether the public reaches this meeting with the key `given` from a link, the
    /// meeting's own key being `stored`: a listed one always, an unlisted one only with its
    /// own key, so that counting ids finds nothing.
    pub fn reachable_with(&self, stored: Option<&str>, given: Option<&str>) -> bool {
        self.is_visible() && (!self.is_unlisted() || keys_match(stored, given))
    }
}

/// Compares in time independent of where the first difference is.
fn keys_match(stored: Option<&str>, given: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (stored, given) else {
        return false;
    };
    let (a, b) = (a.as_bytes(), b.as_bytes());
    !a.is_empty() && a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// The key in the links of meeting `id` (every meeting has one, made by the database when
/// the meeting is stored).
pub fn access_key(conn: &mut DbConn, id: i64) -> QueryResult<Option<String>> {
    event_keys::table
        .find(id)
        .select(event_keys::access_key)
        .first(conn)
        .optional()
}

/// The keys of the unlisted ones among `events`, for their links.
pub fn keys_of_unlisted(conn: &mut DbConn, events: &[&Event]) -> QueryResult<HashMap<i64, String>> {
    let ids: Vec<i64> = events
        .iter()
        .filter(|e| e.is_unlisted())
        .map(|e| e.id)
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(event_keys::table
        .filter(event_keys::event_id.eq_any(ids))
        .select((event_keys::event_id, event_keys::access_key))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect())
}

/// Whether the public reaches meeting `e` with the key `given` (see `reachable_with`); the
/// stored key is read only for an unlisted meeting.
pub fn reachable(conn: &mut DbConn, e: &Event, given: Option<&str>) -> QueryResult<bool> {
    if !e.is_unlisted() {
        return Ok(e.is_visible());
    }
    let stored = access_key(conn, e.id)?;
    Ok(e.reachable_with(stored.as_deref(), given))
}

impl Event {
    /// The largest party (person plus companions) one registration may bring.
    pub fn max_party(&self) -> i32 {
        let by_rule = self.max_companions.max(0) + 1;
        match self.capacity {
            Some(c) => by_rule.min(c.max(1)),
            None => by_rule,
        }
    }
}

#[derive(Insertable, Default)]
#[diesel(table_name = events)]
/// A meeting to insert; `Default` leaves ids at 0 and times at the epoch, so set them.
pub struct NewEvent<'a> {
    pub office_id: i64,
    pub category_id: Option<i64>,
    pub series_id: Option<i64>,
    pub title: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub venue_name: &'a str,
    pub venue_room: Option<&'a str>,
    pub street: &'a str,
    pub postal_code: &'a str,
    pub town: &'a str,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub contact_name: Option<&'a str>,
    pub contact_phone: Option<&'a str>,
    pub contact_email: Option<&'a str>,
    pub capacity: Option<i32>,
    pub max_companions: i32,
    pub waitlist_enabled: bool,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub status: &'a str,
    pub visibility: &'a str,
    pub cancel_reason: Option<&'a str>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub reminder_hours: Option<i32>,
    pub double_opt_in: bool,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = offices)]
pub struct Office {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = categories)]
pub struct Category {
    pub id: i64,
    pub slug: String,
    pub name_de: String,
    pub name_en: String,
}

impl Category {
    /// Categories are named in German and English only. Other languages get the English
    /// name: newcomers reading Arabic, Ukrainian or Turkish pages are more likely to know
    /// English than German, and it is the name given for non-German readers anyway.
    pub fn name(&self, lang: &str) -> &str {
        if lang == "de" {
            &self.name_de
        } else {
            &self.name_en
        }
    }

    /// The language `name(lang)` is written in, for marking it on pages of other languages.
    pub fn name_lang(&self, lang: &str) -> &'static str {
        if lang == "de" { "de" } else { "en" }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = series)]
pub struct Series {
    pub id: i64,
    pub slug: String,
    pub title: String,
    /// Only meetings of this office count as the series' meetings.
    pub office_id: i64,
}

/// Seats taken and people waiting, for one meeting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Occupancy {
    pub confirmed_seats: i64,
    pub waiting: i64,
}

/// A meeting with everything its page shows.
#[derive(Debug, Clone)]
pub struct EventDetail {
    pub event: Event,
    pub office: Office,
    pub category: Option<Category>,
    pub series: Option<Series>,
    pub occupancy: Occupancy,
    /// The key in its links, for an unlisted meeting (`None` for a listed one).
    pub access_key: Option<String>,
}

impl EventDetail {
    /// See `Event::reachable_with`.
    pub fn reachable_with(&self, given: Option<&str>) -> bool {
        self.event.reachable_with(self.access_key.as_deref(), given)
    }
}

/// Stores a new meeting and returns its id.
pub fn insert(conn: &mut DbConn, new: &NewEvent<'_>) -> QueryResult<i64> {
    diesel::insert_into(events::table)
        .values(new)
        .returning(events::id)
        .get_result(conn)
}

pub fn insert_office(
    conn: &mut DbConn,
    slug: &str,
    name: &str,
    email: &str,
    phone: &str,
) -> QueryResult<i64> {
    diesel::insert_into(offices::table)
        .values((
            offices::slug.eq(slug),
            offices::name.eq(name),
            offices::email.eq(email),
            offices::phone.eq(phone),
        ))
        .returning(offices::id)
        .get_result(conn)
}

pub fn insert_category(conn: &mut DbConn, slug: &str, de: &str, en: &str) -> QueryResult<i64> {
    diesel::insert_into(categories::table)
        .values((
            categories::slug.eq(slug),
            categories::name_de.eq(de),
            categories::name_en.eq(en),
        ))
        .returning(categories::id)
        .get_result(conn)
}

/// The tables whose rows have a slug in their address.
#[derive(Debug, Clone, Copy)]
pub enum SlugOf {
    Office,
    Category,
    Series,
}

/// A slug for `text` not yet used in `table`: `name`, else `name-2`, `name-3` …;
/// `fallback` when the text has nothing to make a slug of.
pub fn free_slug(
    conn: &mut DbConn,
    table: SlugOf,
    text: &str,
    fallback: &str,
) -> QueryResult<String> {
    let base: String = super::slug::slugify(text).chars().take(60).collect();
    let base = if base.is_empty() {
        fallback.to_owned()
    } else {
        base
    };
    let taken = |conn: &mut DbConn, s: &str| -> QueryResult<bool> {
        let n: i64 = match table {
            SlugOf::Office => offices::table
                .filter(offices::slug.eq(s))
                .count()
                .get_result(conn)?,
            SlugOf::Category => categories::table
                .filter(categories::slug.eq(s))
                .count()
                .get_result(conn)?,
            SlugOf::Series => series::table
                .filter(series::slug.eq(s))
                .count()
                .get_result(conn)?,
        };
        Ok(n > 0)
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken(conn, &candidate)? {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

pub fn insert_series(
    conn: &mut DbConn,
    slug: &str,
    title: &str,
    office_id: i64,
) -> QueryResult<i64> {
    diesel::insert_into(series::table)
        .values((
            series::slug.eq(slug),
            series::title.eq(title),
            series::office_id.eq(office_id),
        ))
        .returning(series::id)
        .get_result(conn)
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Event>> {
    events::table
        .find(id)
        .select(Event::as_select())
        .first(conn)
        .optional()
}

pub fn find_detail(conn: &mut DbConn, id: i64) -> QueryResult<Option<EventDetail>> {
    let row = events::table
        .inner_join(offices::table)
        .left_join(categories::table)
        .left_join(series::table)
        .filter(events::id.eq(id))
        .select((
            Event::as_select(),
            Office::as_select(),
            Option::<Category>::as_select(),
            Option::<Series>::as_select(),
        ))
        .first::<(Event, Office, Option<Category>, Option<Series>)>(conn)
        .optional()?;
    let Some((event, office, category, series)) = row else {
        return Ok(None);
    };
    // a meeting of another office put into a series is not shown as one of its meetings
    let series = series.filter(|s| s.office_id == event.office_id);
    let occupancy = occupancy_of(conn, &[event.id])?
        .remove(&event.id)
        .unwrap_or_default();
    let access_key = if event.is_unlisted() {
        access_key(conn, event.id)?
    } else {
        None
    };
    Ok(Some(EventDetail {
        event,
        office,
        category,
        series,
        occupancy,
        access_key,
    }))
}

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
        .filter(
            events::ends_at.ge(since).or(events::status
                .eq(STATUS_CANCELLED)
                .and(events::updated_at.ge(since))),
        )
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
    q.load(conn)
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

pub fn category_exists(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Category>> {
    categories::table
        .filter(categories::slug.eq(slug))
        .select(Category::as_select())
        .first(conn)
        .optional()
}

pub fn series_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Series>> {
    series::table
        .filter(series::slug.eq(slug))
        .select(Series::as_select())
        .first(conn)
        .optional()
}

pub fn find_series(conn: &mut DbConn, id: i64) -> QueryResult<Option<Series>> {
    series::table
        .find(id)
        .select(Series::as_select())
        .first(conn)
        .optional()
}

pub fn office_exists(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let n: i64 = offices::table.find(id).count().get_result(conn)?;
    Ok(n > 0)
}

pub fn category_id_exists(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let n: i64 = categories::table.find(id).count().get_result(conn)?;
    Ok(n > 0)
}

/// The other meetings of `e`'s series, soonest first (optionally without cancelled ones):
/// only those of the series' own office, and none for a meeting of another office that was
/// put into the series, so that no office sees or moves into another's meetings.
pub fn series_siblings(
    conn: &mut DbConn,
    e: &Event,
    with_cancelled: bool,
) -> QueryResult<Vec<Event>> {
    let Some(s) = e.series_id else {
        return Ok(Vec::new());
    };
    let Some(series) = find_series(conn, s)? else {
        return Ok(Vec::new());
    };
    if series.office_id != e.office_id {
        return Ok(Vec::new());
    }
    let mut q = events::table
        .filter(events::series_id.eq(s))
        .filter(events::office_id.eq(series.office_id))
        .filter(events::id.ne(e.id))
        .order((events::starts_at.asc(), events::id.asc()))
        .select(Event::as_select())
        .into_boxed();
    if !with_cancelled {
        q = q.filter(events::status.ne(STATUS_CANCELLED));
    }
    q.load(conn)
}

pub fn all_events(conn: &mut DbConn) -> QueryResult<Vec<Event>> {
    events::table
        .order((events::starts_at.asc(), events::id.asc()))
        .select(Event::as_select())
        .load(conn)
}

pub fn all_offices(conn: &mut DbConn) -> QueryResult<Vec<Office>> {
    offices::table
        .order(offices::name.asc())
        .select(Office::as_select())
        .load(conn)
}

pub fn all_series(conn: &mut DbConn) -> QueryResult<Vec<Series>> {
    series::table
        .order(series::title.asc())
        .select(Series::as_select())
        .load(conn)
}

pub fn all_categories(conn: &mut DbConn) -> QueryResult<Vec<Category>> {
    categories::table
        .order(categories::name_de.asc())
        .select(Category::as_select())
        .load(conn)
}

/// Seats and waiting counts for many meetings in one query (no N+1).
pub fn occupancy_of(conn: &mut DbConn, ids: &[i64]) -> QueryResult<HashMap<i64, Occupancy>> {
    use diesel::dsl::{count_star, sum};
    let mut out: HashMap<i64, Occupancy> = HashMap::with_capacity(ids.len());
    if ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(i64, String, Option<i64>, i64)> = registrations::table
        .filter(registrations::event_id.eq_any(ids))
        .filter(registrations::status.ne(super::registration::STATUS_CANCELLED))
        .group_by((registrations::event_id, registrations::status))
        .select((
            registrations::event_id,
            registrations::status,
            sum(registrations::seats),
            count_star(),
        ))
        .load(conn)?;
    for (event_id, status, seats, count) in rows {
        let o = out.entry(event_id).or_default();
        if status == super::registration::STATUS_CONFIRMED {
            o.confirmed_seats = seats.unwrap_or(0);
        } else {
            o.waiting = count;
        }
    }
    Ok(out)
}

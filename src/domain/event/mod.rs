//! Meetings as stored: the `Event` row, its insert, and finding one with everything its
//! page shows. The rest by concern: `access` (the keys of unlisted meetings), `catalogue`
//! (offices, categories and series, their inserts and slugs), `listing` (the public list
//! and the feeds). Their items are re-exported here, so callers write `event::insert_series`.

mod access;
pub mod archive;
mod catalogue;
pub mod intake;
mod listing;

pub use access::{access_key, keys_of_unlisted, reachable};
pub use catalogue::{
    Category, Office, Series, SlugOf, all_categories, all_offices, all_series, category_exists,
    category_id_exists, find_category, find_series, free_slug, insert_category, insert_office,
    insert_series, office_exists, rename_category, series_by_slug, series_dates, series_siblings,
    set_names as set_category_names, with_names,
};
pub use intake::{Intake, intake_of, intakes_of, save_intake};
pub use listing::{
    FeedScope, Listed, Page, change_mark, feed_window, for_feed, list_page, list_public,
};

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{categories, event_counts, events, offices, series};

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
/// A partner meeting (Runder Tisch) for its invitees only: not listed, not in public feeds,
/// no public registration; invitees reach it through their personal links.
pub const VISIBILITY_PARTNERS: &str = "partners";

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

    pub fn is_partners_only(&self) -> bool {
        self.visibility == VISIBILITY_PARTNERS
    }
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

/// What an organiser sets of a meeting: the one field list that creating, editing and
/// copying a meeting write (`Insertable` for a new one, `AsChangeset` for an edit, where
/// `None` empties a column).
#[derive(Debug, Clone, Default, PartialEq, Insertable, AsChangeset)]
#[diesel(table_name = events, treat_none_as_null = true)]
pub struct EventColumns {
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
    pub visibility: String,
    pub reminder_hours: Option<i32>,
    pub double_opt_in: bool,
}

impl From<&Event> for EventColumns {
    fn from(e: &Event) -> Self {
        EventColumns {
            office_id: e.office_id,
            category_id: e.category_id,
            series_id: e.series_id,
            title: e.title.clone(),
            summary: e.summary.clone(),
            description: e.description.clone(),
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            venue_name: e.venue_name.clone(),
            venue_room: e.venue_room.clone(),
            street: e.street.clone(),
            postal_code: e.postal_code.clone(),
            town: e.town.clone(),
            latitude: e.latitude,
            longitude: e.longitude,
            contact_name: e.contact_name.clone(),
            contact_phone: e.contact_phone.clone(),
            contact_email: e.contact_email.clone(),
            capacity: e.capacity,
            max_companions: e.max_companions,
            waitlist_enabled: e.waitlist_enabled,
            registration_opens_at: e.registration_opens_at,
            registration_closes_at: e.registration_closes_at,
            visibility: e.visibility.clone(),
            reminder_hours: e.reminder_hours,
            double_opt_in: e.double_opt_in,
        }
    }
}

/// A meeting to insert; `Default` leaves ids at 0 and times at the epoch, so set them.
#[derive(Insertable, Default)]
#[diesel(table_name = events)]
pub struct NewEvent<'a> {
    #[diesel(embed)]
    pub columns: EventColumns,
    pub status: &'a str,
    pub cancel_reason: Option<&'a str>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl<'a> NewEvent<'a> {
    /// A new meeting of these columns in `status`, made `now`.
    pub fn new(columns: EventColumns, status: &'a str, now: NaiveDateTime) -> NewEvent<'a> {
        NewEvent {
            columns,
            status,
            cancel_reason: None,
            created_at: now,
            updated_at: now,
        }
    }
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
    /// How it takes registrations.
    pub intake: Intake,
}

impl EventDetail {
    /// See `Event::reachable_with`.
    pub fn reachable_with(&self, given: Option<&str>) -> bool {
        self.event.reachable_with(self.access_key.as_deref(), given)
    }
}

/// "Landratsamt, Großer Sitzungssaal, Musterstadt": where a meeting takes place, the same
/// on pages, in the API and in mails.
pub fn place_line(venue: &str, room: Option<&str>, town: &str) -> String {
    match room {
        Some(r) => format!("{venue}, {r}, {town}"),
        None => format!("{venue}, {town}"),
    }
}

/// Stores a new meeting and returns its id.
pub fn insert(conn: &mut DbConn, new: &NewEvent<'_>) -> QueryResult<i64> {
    diesel::insert_into(events::table)
        .values(new)
        .returning(events::id)
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
    let Some((event, office, mut category, series)) = row else {
        return Ok(None);
    };
    with_names(conn, category.iter_mut())?;
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
    let intake = intake_of(conn, event.id)?;
    Ok(Some(EventDetail {
        intake,
        event,
        office,
        category,
        series,
        occupancy,
        access_key,
    }))
}

pub fn all_events(conn: &mut DbConn) -> QueryResult<Vec<Event>> {
    events::table
        .order((events::starts_at.asc(), events::id.asc()))
        .select(Event::as_select())
        .load(conn)
}

/// Seats and waiting counts for many meetings in one query (no N+1): the counts the
/// database keeps per meeting (`event_counts`), so their cost does not grow with the meetings.
pub fn occupancy_of(conn: &mut DbConn, ids: &[i64]) -> QueryResult<HashMap<i64, Occupancy>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, i64, i64)> = event_counts::table
        .filter(event_counts::event_id.eq_any(ids))
        .select((
            event_counts::event_id,
            event_counts::confirmed_seats,
            event_counts::waiting,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, confirmed_seats, waiting)| {
            (
                id,
                Occupancy {
                    confirmed_seats,
                    waiting,
                },
            )
        })
        .collect())
}

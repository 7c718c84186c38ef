//! What organisers do to meetings: create, edit (postpone, change capacity), publish,
//! unpublish, duplicate, cancel. Each change is audited in its own transaction.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, TimeZone};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::audit::{self, Actor};
use super::event::{self, Event, NewEvent, STATUS_CANCELLED, STATUS_DRAFT, STATUS_PUBLISHED};
use super::event_text::{self, EventText, TextInput};
use super::registration::Registration;
use super::{DomainError, FieldErrors, waitlist};
use crate::db::DbConn;
use crate::db::lock::with_event_locked;
use crate::db::schema::events;

/// A meeting as typed into the organiser's form: all text, so nothing fails to parse.
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct EventInput {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    /// Local wall-clock time, `YYYY-MM-DDTHH:MM` as `<input type=datetime-local>` sends it.
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub venue_name: Option<String>,
    pub venue_room: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub town: Option<String>,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    pub office_id: Option<String>,
    pub category_id: Option<String>,
    pub series_id: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub capacity: Option<String>,
    pub max_companions: Option<String>,
    pub waitlist_enabled: Option<String>,
    pub registration_opens_at: Option<String>,
    pub registration_closes_at: Option<String>,
    pub visibility: Option<String>,
    /// Hours before the start for the reminder mail; empty for none.
    pub reminder_hours: Option<String>,
    pub double_opt_in: Option<String>,
    /// Days after the meeting until personal data goes; empty for the installation's default.
    pub retention_days: Option<String>,
    /// Title, summary and description in further languages, by language code.
    pub texts: BTreeMap<String, TextInput>,
}

/// A meeting's fields after every rule held.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFields {
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
    pub office_id: i64,
    pub category_id: Option<i64>,
    pub series_id: Option<i64>,
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
    pub retention_days: Option<i32>,
    pub texts: Vec<EventText>,
}

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Years a meeting may be given for: none before 2000 (a typing slip like 0001 would sort
/// first everywhere) and none more than ten years ahead (9999 is a slip too; no office plans
/// that far). Series dates keep the same window.
pub const EARLIEST_YEAR: i32 = 2000;
pub const YEARS_AHEAD: i32 = 10;

/// Whether a time (UTC) lies in the window of years meetings may be given for.
pub fn in_date_window(t: NaiveDateTime, now: NaiveDateTime) -> bool {
    use chrono::Datelike;
    let earliest = chrono::NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1)
        .unwrap_or_default()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    let latest = now
        .date()
        .with_year(now.year() + YEARS_AHEAD)
        // 29 February ten years on may not exist
        .or_else(|| (now.date() + chrono::Duration::days(1)).with_year(now.year() + YEARS_AHEAD))
        .map_or(now, |d| d.and_time(now.time()));
    t >= earliest && t <= latest
}

/// Local `datetime-local` text to UTC; `None` for text that is no time or does not exist
/// locally (the hour skipped when clocks go forward).
pub fn parse_local(s: &str, tz: chrono_tz::Tz) -> Option<NaiveDateTime> {
    let local = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .ok()?;
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
}

/// UTC to the `datetime-local` form value.
pub fn format_local(utc: NaiveDateTime, tz: chrono_tz::Tz) -> String {
    tz.from_utc_datetime(&utc)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

impl EventInput {
    pub fn from_event(e: &Event, tz: chrono_tz::Tz) -> EventInput {
        EventInput {
            title: Some(e.title.clone()),
            summary: Some(e.summary.clone()),
            description: Some(e.description.clone()),
            starts_at: Some(format_local(e.starts_at, tz)),
            ends_at: Some(format_local(e.ends_at, tz)),
            venue_name: Some(e.venue_name.clone()),
            venue_room: e.venue_room.clone(),
            street: Some(e.street.clone()),
            postal_code: Some(e.postal_code.clone()),
            town: Some(e.town.clone()),
            latitude: e.latitude.map(|v| v.to_string()),
            longitude: e.longitude.map(|v| v.to_string()),
            office_id: Some(e.office_id.to_string()),
            category_id: e.category_id.map(|v| v.to_string()),
            series_id: e.series_id.map(|v| v.to_string()),
            contact_name: e.contact_name.clone(),
            contact_phone: e.contact_phone.clone(),
            contact_email: e.contact_email.clone(),
            capacity: e.capacity.map(|v| v.to_string()),
            max_companions: Some(e.max_companions.to_string()),
            waitlist_enabled: e.waitlist_enabled.then(|| "on".to_owned()),
            registration_opens_at: e.registration_opens_at.map(|t| format_local(t, tz)),
            registration_closes_at: e.registration_closes_at.map(|t| format_local(t, tz)),
            visibility: Some(e.visibility.clone()),
            reminder_hours: e.reminder_hours.map(|h| h.to_string()),
            double_opt_in: e.double_opt_in.then(|| "on".to_owned()),
            // kept in their own tables: see `of_stored`
            retention_days: None,
            texts: BTreeMap::new(),
        }
    }

    /// The form of a stored meeting, with its retention period and translations.
    pub fn of_stored(conn: &mut DbConn, e: &Event, tz: chrono_tz::Tz) -> QueryResult<EventInput> {
        let mut input = EventInput::from_event(e, tz);
        input.retention_days = super::privacy::retention_of(conn, e.id)?.map(|d| d.to_string());
        input.texts = event_text::as_input(&event_text::all_of(conn, e.id)?);
        Ok(input)
    }

    /// `validate`, then the rules that need the stored data: the office, category and
    /// series exist, and the series belongs to the meeting's office, which the person may
    /// manage. An unknown id is a message at its field, never a failed insert.
    pub fn check(
        &self,
        conn: &mut DbConn,
        tz: chrono_tz::Tz,
        (content_lang, now): (&str, NaiveDateTime),
        may_use_office: &dyn Fn(i64) -> bool,
    ) -> QueryResult<Result<EventFields, FieldErrors>> {
        let checked = self.validate(tz, (content_lang, now), may_use_office);
        let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
        let id = |field: &'static str, v: &Option<String>| {
            text(v)
                .and_then(|s| s.parse::<i64>().ok())
                .filter(|_| !errors.contains_key(field))
        };
        let (office, category, series) = (
            id("office_id", &self.office_id),
            id("category_id", &self.category_id),
            id("series_id", &self.series_id),
        );
        if let Some(o) = office
            && !super::event::office_exists(conn, o)?
        {
            errors.insert("office_id", "error-office-unknown");
        }
        if let Some(c) = category
            && !super::event::category_id_exists(conn, c)?
        {
            errors.insert("category_id", "error-category-unknown");
        }
        if let Some(s) = series {
            match super::event::find_series(conn, s)? {
                None => {
                    errors.insert("series_id", "error-series-unknown");
                }
                Some(s) if !may_use_office(s.office_id) => {
                    errors.insert("series_id", "error-series-forbidden");
                }
                Some(s) if office.is_some_and(|o| o != s.office_id) => {
                    errors.insert("series_id", "error-series-other-office");
                }
                Some(_) => {}
            }
        }
        Ok(match checked {
            Ok(fields) if errors.is_empty() => Ok(fields),
            _ => Err(errors),
        })
    }

    /// Checks every field; `may_use_office` says whether the person may put a meeting
    /// into that office. Times must lie in the window of `in_date_window(…, now)`.
    pub fn validate(
        &self,
        tz: chrono_tz::Tz,
        (content_lang, now): (&str, NaiveDateTime),
        may_use_office: &dyn Fn(i64) -> bool,
    ) -> Result<EventFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        // one line of text: a line break would end up in mail subjects and calendar entries
        let mut line = |field: &'static str, v: &Option<String>, max: usize| -> Option<String> {
            let s = text(v)?;
            if s.chars().count() > max {
                errors.insert(field, "error-too-long");
                None
            } else if let Some(problem) = super::validate::single_line_problem(s) {
                errors.insert(field, problem);
                None
            } else {
                Some(s.to_owned())
            }
        };
        let title = line("title", &self.title, 200);
        let venue_name = line("venue_name", &self.venue_name, 200);
        let street = line("street", &self.street, 200);
        let postal_code = line("postal_code", &self.postal_code, 20);
        let town = line("town", &self.town, 100);
        let venue_room = line("venue_room", &self.venue_room, 200);
        let contact_name = line("contact_name", &self.contact_name, 200);
        let contact_phone = line("contact_phone", &self.contact_phone, 50);
        let contact_email = line("contact_email", &self.contact_email, 254);
        let mut required = |field: &'static str, v: &Option<String>, checked: Option<String>| {
            if text(v).is_none() {
                errors.insert(field, "error-required");
            }
            checked.unwrap_or_default()
        };
        let title = required("title", &self.title, title);
        let venue_name = required("venue_name", &self.venue_name, venue_name);
        let street = required("street", &self.street, street);
        let postal_code = required("postal_code", &self.postal_code, postal_code);
        let town = required("town", &self.town, town);

        let mut optional =
            |field: &'static str, v: &Option<String>, max: usize| -> Option<String> {
                let s = text(v)?;
                if s.chars().count() > max {
                    errors.insert(field, "error-too-long");
                    None
                } else {
                    Some(s.to_owned())
                }
            };
        let summary = optional("summary", &self.summary, 500).unwrap_or_default();
        let description = optional("description", &self.description, 20_000).unwrap_or_default();
        if contact_email
            .as_deref()
            .is_some_and(|e| !super::validate::is_deliverable_email(e))
        {
            errors.insert("contact_email", "error-email-invalid");
        }

        let mut time =
            |field: &'static str, v: &Option<String>, needed: bool| -> Option<NaiveDateTime> {
                match text(v) {
                    None if needed => {
                        errors.insert(field, "error-required");
                        None
                    }
                    None => None,
                    Some(s) => match parse_local(s, tz) {
                        None => {
                            errors.insert(field, "error-datetime-invalid");
                            None
                        }
                        Some(t) if !in_date_window(t, now) => {
                            errors.insert(field, "error-date-out-of-range");
                            None
                        }
                        t => t,
                    },
                }
            };
        let starts_at = time("starts_at", &self.starts_at, true);
        let ends_at = time("ends_at", &self.ends_at, true);
        let opens = time("registration_opens_at", &self.registration_opens_at, false);
        let closes = time(
            "registration_closes_at",
            &self.registration_closes_at,
            false,
        );
        if let (Some(s), Some(e)) = (starts_at, ends_at)
            && e <= s
        {
            errors.insert("ends_at", "error-end-before-start");
        }
        if let (Some(o), Some(c)) = (opens, closes)
            && c <= o
        {
            errors.insert("registration_closes_at", "error-window-invalid");
        }

        let mut number =
            |field: &'static str, v: &Option<String>, min: i64, max: i64| -> Option<i64> {
                let s = text(v)?;
                match s.parse::<i64>() {
                    Ok(n) if (min..=max).contains(&n) => Some(n),
                    _ => {
                        errors.insert(field, "error-number-invalid");
                        None
                    }
                }
            };
        let capacity = number("capacity", &self.capacity, 1, 100_000).map(|n| n as i32);
        let max_companions =
            number("max_companions", &self.max_companions, 0, 20).unwrap_or(0) as i32;
        let office_id = number("office_id", &self.office_id, 1, i64::MAX);
        let reminder_hours =
            number("reminder_hours", &self.reminder_hours, 1, 24 * 14).map(|n| n as i32);
        let retention_days =
            number("retention_days", &self.retention_days, 1, 3650).map(|n| n as i32);
        let category_id = number("category_id", &self.category_id, 1, i64::MAX);
        let series_id = number("series_id", &self.series_id, 1, i64::MAX);
        match office_id {
            None if !errors.contains_key("office_id") => {
                errors.insert("office_id", "error-required");
            }
            Some(o) if !may_use_office(o) => {
                errors.insert("office_id", "error-office-forbidden");
            }
            _ => {}
        }

        let mut coordinate = |field: &'static str, v: &Option<String>, limit: f64| -> Option<f64> {
            let s = text(v)?;
            match s.replace(',', ".").parse::<f64>() {
                Ok(x) if x.is_finite() && x.abs() <= limit => Some(x),
                _ => {
                    errors.insert(field, "error-coordinates-invalid");
                    None
                }
            }
        };
        let latitude = coordinate("latitude", &self.latitude, 90.0);
        let longitude = coordinate("longitude", &self.longitude, 180.0);
        if latitude.is_some() != longitude.is_some()
            && !errors.contains_key("latitude")
            && !errors.contains_key("longitude")
        {
            errors.insert("longitude", "error-coordinates-invalid");
        }
        let texts = event_text::validate(&self.texts, content_lang).unwrap_or_else(|key| {
            errors.insert("texts", key);
            Vec::new()
        });
        let visibility = match text(&self.visibility) {
            None | Some("public") => "public",
            Some("unlisted") => "unlisted",
            Some(_) => {
                errors.insert("visibility", "error-choice-invalid");
                "public"
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(EventFields {
            title,
            summary,
            description,
            starts_at: starts_at.unwrap_or_default(),
            ends_at: ends_at.unwrap_or_default(),
            venue_name,
            venue_room,
            street,
            postal_code,
            town,
            latitude,
            longitude,
            office_id: office_id.unwrap_or_default(),
            category_id,
            series_id,
            contact_name,
            contact_phone,
            contact_email,
            capacity,
            max_companions,
            waitlist_enabled: text(&self.waitlist_enabled).is_some(),
            registration_opens_at: opens,
            registration_closes_at: closes,
            visibility: visibility.to_owned(),
            reminder_hours,
            double_opt_in: text(&self.double_opt_in).is_some(),
            retention_days,
            texts,
        })
    }
}

impl EventFields {
    /// What is kept beside the meeting's row: its retention period and translations.
    pub fn save_extras(&self, conn: &mut DbConn, id: i64) -> QueryResult<()> {
        super::privacy::set_retention(conn, id, self.retention_days)?;
        event_text::save(conn, id, &self.texts)
    }

    pub fn as_new(&self, status: &'static str, now: NaiveDateTime) -> NewEvent<'_> {
        NewEvent {
            office_id: self.office_id,
            category_id: self.category_id,
            series_id: self.series_id,
            title: &self.title,
            summary: &self.summary,
            description: &self.description,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            venue_name: &self.venue_name,
            venue_room: self.venue_room.as_deref(),
            street: &self.street,
            postal_code: &self.postal_code,
            town: &self.town,
            latitude: self.latitude,
            longitude: self.longitude,
            contact_name: self.contact_name.as_deref(),
            contact_phone: self.contact_phone.as_deref(),
            contact_email: self.contact_email.as_deref(),
            capacity: self.capacity,
            max_companions: self.max_companions,
            waitlist_enabled: self.waitlist_enabled,
            registration_opens_at: self.registration_opens_at,
            registration_closes_at: self.registration_closes_at,
            status,
            visibility: &self.visibility,
            cancel_reason: None,
            created_at: now,
            updated_at: now,
            reminder_hours: self.reminder_hours,
            double_opt_in: self.double_opt_in,
        }
    }
}

/// Creates a draft meeting.
pub fn create(
    conn: &mut DbConn,
    fields: &EventFields,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    crate::db::lock::write_transaction(conn, |conn| {
        let id = event::insert(conn, &fields.as_new(STATUS_DRAFT, now))?;
        fields.save_extras(conn, id)?;
        audit::record(
            conn,
            actor,
            "event.create",
            ("event", Some(id)),
            &fields.title,
            now,
        )?;
        Ok(id)
    })
}

/// The result of an edit.
#[derive(Debug, Default)]
pub struct Edited {
    /// Capacity is now below the seats already confirmed: nobody was removed.
    pub over_capacity: bool,
    pub promoted: Vec<Registration>,
}

/// Whether a change shows in people's calendars (time, place, title). The one rule for
/// both consequences of such a change: SEQUENCE goes up, and the people registered are
/// mailed (those with a seat the new calendar entry, the waiting list a notice).
pub fn calendar_visible_change(e: &Event, f: &EventFields) -> bool {
    e.title != f.title
        || e.starts_at != f.starts_at
        || e.ends_at != f.ends_at
        || e.venue_name != f.venue_name
        || e.venue_room != f.venue_room
        || e.street != f.street
        || e.postal_code != f.postal_code
        || e.town != f.town
}

/// Saves an edit. Postponing keeps every registration; more seats move the waiting list
/// up; fewer seats never remove anybody confirmed.
pub fn update(
    conn: &mut DbConn,
    id: i64,
    fields: &EventFields,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Edited, DomainError> {
    with_event_locked(conn, id, |conn| {
        let before = event::find(conn, id)?.ok_or(DomainError::NotFound)?;
        let visible = calendar_visible_change(&before, fields);
        let bump = i32::from(visible);
        diesel::update(events::table.find(id))
            .set((
                events::office_id.eq(fields.office_id),
                events::category_id.eq(fields.category_id),
                events::series_id.eq(fields.series_id),
                events::title.eq(&fields.title),
                events::summary.eq(&fields.summary),
                events::description.eq(&fields.description),
                events::starts_at.eq(fields.starts_at),
                events::ends_at.eq(fields.ends_at),
                events::venue_name.eq(&fields.venue_name),
                events::venue_room.eq(&fields.venue_room),
                events::street.eq(&fields.street),
                events::postal_code.eq(&fields.postal_code),
                events::town.eq(&fields.town),
                events::latitude.eq(fields.latitude),
                events::longitude.eq(fields.longitude),
                events::contact_name.eq(&fields.contact_name),
                events::contact_phone.eq(&fields.contact_phone),
                events::contact_email.eq(&fields.contact_email),
                events::capacity.eq(fields.capacity),
                events::max_companions.eq(fields.max_companions),
                events::waitlist_enabled.eq(fields.waitlist_enabled),
                events::registration_opens_at.eq(fields.registration_opens_at),
                events::registration_closes_at.eq(fields.registration_closes_at),
                events::visibility.eq(&fields.visibility),
                events::reminder_hours.eq(fields.reminder_hours),
                events::double_opt_in.eq(fields.double_opt_in),
                events::sequence.eq(events::sequence + bump),
                events::updated_at.eq(now),
            ))
            .execute(conn)?;
        fields.save_extras(conn, id)?;
        let after = event::find(conn, id)?.ok_or(DomainError::NotFound)?;
        // people registered hear of what their calendars show changed, with the new entry.
        // The waiting list hears of it too, without an entry (mail::render): they may move
        // up until the meeting starts, and the new time, place or title decides whether
        // they still want to; staying silent would leave them waiting for the old date.
        if visible && after.status == STATUS_PUBLISHED {
            super::outbox::to_all_registered(conn, id, super::outbox::CHANGED, "", now)?;
        }
        let promoted = waitlist::promote(conn, &after, now)?;
        let confirmed = waitlist::confirmed_seats(conn, id)?;
        let over_capacity = after.capacity.is_some_and(|c| confirmed > i64::from(c));
        let mut detail = String::new();
        if before.starts_at != after.starts_at || before.ends_at != after.ends_at {
            detail.push_str("time changed; ");
        }
        if before.capacity != after.capacity {
            detail.push_str(&format!(
                "capacity {:?} -> {:?}; ",
                before.capacity, after.capacity
            ));
        }
        if !promoted.is_empty() {
            detail.push_str(&format!("{} promoted", promoted.len()));
        }
        audit::record(
            conn,
            actor,
            "event.update",
            ("event", Some(id)),
            detail.trim_end_matches("; "),
            now,
        )?;
        Ok::<_, DomainError>(Edited {
            over_capacity,
            promoted,
        })
    })?
    .ok_or(DomainError::NotFound)
}

/// Publishes or takes a meeting back to draft. A cancelled meeting stays cancelled.
pub fn set_published(
    conn: &mut DbConn,
    id: i64,
    publish: bool,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    // under the meeting's lock: nobody registers between the check and the change
    with_event_locked(conn, id, |conn| {
        let e = event::find(conn, id)?.ok_or(DomainError::NotFound)?;
        if e.is_cancelled() {
            return Err(DomainError::Closed("closed-cancelled"));
        }
        let status = if publish {
            STATUS_PUBLISHED
        } else {
            STATUS_DRAFT
        };
        // a withdrawn meeting leaves every feed and nobody is told: only while nobody is
        // registered; otherwise it is cancelled with a reason (people are mailed, feeds keep it)
        if !publish && e.status == STATUS_PUBLISHED && waitlist::active_registrations(conn, id)? > 0
        {
            return Err(DomainError::Closed("staff-withdraw-has-registrations"));
        }
        if e.status != status {
            diesel::update(events::table.find(id))
                .set((
                    events::status.eq(status),
                    events::sequence.eq(events::sequence + 1),
                    events::updated_at.eq(now),
                ))
                .execute(conn)?;
            audit::record(
                conn,
                actor,
                if publish {
                    "event.publish"
                } else {
                    "event.unpublish"
                },
                ("event", Some(id)),
                "",
                now,
            )?;
        }
        Ok::<_, DomainError>(())
    })?
    .ok_or(DomainError::NotFound)
}

/// A draft copy with the same details and no registrations.
pub fn duplicate(
    conn: &mut DbConn,
    id: i64,
    copy_suffix: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<i64, DomainError> {
    crate::db::lock::write_transaction(conn, |conn| {
        let e = event::find(conn, id)?.ok_or(DomainError::NotFound)?;
        let title = format!("{} {copy_suffix}", e.title);
        // a copy joins the series only if it is its own office's (see `series_siblings`)
        let series_id = match e.series_id {
            Some(s) if event::find_series(conn, s)?.is_some_and(|s| s.office_id == e.office_id) => {
                Some(s)
            }
            _ => None,
        };
        let new = NewEvent {
            office_id: e.office_id,
            category_id: e.category_id,
            series_id,
            title: &title,
            summary: &e.summary,
            description: &e.description,
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            venue_name: &e.venue_name,
            venue_room: e.venue_room.as_deref(),
            street: &e.street,
            postal_code: &e.postal_code,
            town: &e.town,
            latitude: e.latitude,
            longitude: e.longitude,
            contact_name: e.contact_name.as_deref(),
            contact_phone: e.contact_phone.as_deref(),
            contact_email: e.contact_email.as_deref(),
            capacity: e.capacity,
            max_companions: e.max_companions,
            waitlist_enabled: e.waitlist_enabled,
            registration_opens_at: e.registration_opens_at,
            registration_closes_at: e.registration_closes_at,
            status: STATUS_DRAFT,
            visibility: &e.visibility,
            cancel_reason: None,
            created_at: now,
            updated_at: now,
            reminder_hours: e.reminder_hours,
            double_opt_in: e.double_opt_in,
        };
        let new_id = event::insert(conn, &new)?;
        let retention = super::privacy::retention_of(conn, id)?;
        super::privacy::set_retention(conn, new_id, retention)?;
        let texts = event_text::all_of(conn, id)?;
        event_text::save(conn, new_id, &texts)?;
        audit::record(
            conn,
            actor,
            "event.duplicate",
            ("event", Some(new_id)),
            &format!("copy of {id}"),
            now,
        )?;
        Ok(new_id)
    })
}

/// Cancels a meeting with a reason shown on its page. Registrations stay (people are told);
/// no one moves up any more.
pub fn cancel(
    conn: &mut DbConn,
    id: i64,
    reason: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 1000 {
        let key = if reason.is_empty() {
            "error-required"
        } else {
            "error-too-long"
        };
        return Err(DomainError::Invalid(
            [("reason", key)].into_iter().collect(),
        ));
    }
    with_event_locked(conn, id, |conn| {
        let e = event::find(conn, id)?.ok_or(DomainError::NotFound)?;
        if e.status == STATUS_CANCELLED {
            return Ok(());
        }
        diesel::update(events::table.find(id))
            .set((
                events::status.eq(STATUS_CANCELLED),
                events::cancel_reason.eq(reason),
                events::sequence.eq(events::sequence + 1),
                events::updated_at.eq(now),
            ))
            .execute(conn)?;
        // the waiting list too: they would otherwise keep waiting for a seat (their mail
        // has no calendar entry, as they never got one)
        let told =
            super::outbox::to_all_registered(conn, id, super::outbox::EVENT_CANCELLED, "", now)?;
        audit::record(
            conn,
            actor,
            "event.cancel",
            ("event", Some(id)),
            &format!("{reason} ({told} told)"),
            now,
        )?;
        Ok::<_, DomainError>(())
    })?
    .ok_or(DomainError::NotFound)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Timelike};
    use proptest::prelude::*;

    use super::*;

    const TZ: chrono_tz::Tz = chrono_tz::Europe::Berlin;

    fn any_field() -> impl Strategy<Value = Option<String>> {
        prop::option::of(prop_oneof![
            "\\PC{0,30}",
            "-?[0-9]{1,8}([.,][0-9]{1,4})?",
            "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]",
            any::<String>(),
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn local_times_survive_the_form(
            day in 0i64..3000,
            minute in 0u32..(24 * 60),
        ) {
            let date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(day);
            let typed = format!("{}T{:02}:{:02}", date.format("%Y-%m-%d"), minute / 60, minute % 60);
            match parse_local(&typed, TZ) {
                // the hour skipped when clocks go forward does not exist
                None => prop_assert!(date.format("%m").to_string() == "03" && minute / 60 == 2),
                Some(utc) => {
                    prop_assert_eq!(utc.second(), 0);
                    prop_assert_eq!(format_local(utc, TZ), typed);
                }
            }
        }

        #[test]
        fn any_text_is_no_time_or_a_time(s in "\\PC{0,30}") {
            let _ = parse_local(&s, TZ);
        }

        #[test]
        fn accepted_meetings_keep_every_rule(
            title in any_field(), summary in any_field(), starts_at in any_field(), ends_at in any_field(),
            venue_name in any_field(), street in any_field(), postal_code in any_field(), town in any_field(),
            latitude in any_field(), longitude in any_field(), office_id in any_field(), capacity in any_field(),
            max_companions in any_field(), registration_opens_at in any_field(), registration_closes_at in any_field(),
            visibility in prop::option::of(prop_oneof![Just("public".to_owned()), Just("unlisted".to_owned()), "\\PC{0,8}"]),
            reminder_hours in any_field(), contact_email in any_field(),
        ) {
            let input = EventInput {
                title, summary, starts_at, ends_at, venue_name, street, postal_code, town, latitude,
                longitude, office_id, capacity, max_companions, registration_opens_at,
                registration_closes_at, visibility, reminder_hours, contact_email,
                ..Default::default()
            };
            let now = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap().and_hms_opt(1, 0, 0).unwrap();
            if let Ok(f) = input.validate(TZ, ("de", now), &|o| o == 1) {
                prop_assert!(!f.title.is_empty() && f.title.chars().count() <= 200);
                prop_assert!(f.postal_code.chars().count() <= 20 && f.town.chars().count() <= 100);
                prop_assert!(f.ends_at > f.starts_at);
                prop_assert_eq!(f.office_id, 1);
                prop_assert!(f.capacity.is_none_or(|c| (1..=100_000).contains(&c)));
                prop_assert!((0..=20).contains(&f.max_companions));
                prop_assert!(f.reminder_hours.is_none_or(|h| (1..=24 * 14).contains(&h)));
                prop_assert_eq!(f.latitude.is_some(), f.longitude.is_some());
                prop_assert!(f.latitude.is_none_or(|x| x.abs() <= 90.0));
                prop_assert!(f.longitude.is_none_or(|x| x.abs() <= 180.0));
                prop_assert!(["public", "unlisted"].contains(&f.visibility.as_str()));
                if let (Some(o), Some(c)) = (f.registration_opens_at, f.registration_closes_at) {
                    prop_assert!(c > o);
                }
                prop_assert!(f.contact_email.as_deref().is_none_or(crate::domain::validate::is_deliverable_email));
                prop_assert!(in_date_window(f.starts_at, now) && in_date_window(f.ends_at, now));
                for line in [&f.title, &f.venue_name, &f.street, &f.postal_code, &f.town] {
                    prop_assert!(crate::domain::validate::single_line_problem(line).is_none());
                }
            }
        }
    }
}

//! The meeting form: what organisers type (all text) and the fields it becomes once
//! every rule held, with the checks that need the stored data. The field-by-field rules
//! are in `form_rules.rs`.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::local_time::format_local;
use crate::db::DbConn;
use crate::domain::FieldErrors;
use crate::domain::event::{Event, EventColumns, Intake, NewEvent};
use crate::domain::event_text::{self, EventText, TextInput};

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
    /// How it takes registrations (`online`, `none`, `contact`, `external`), and where for
    /// `external`.
    pub registration_mode: Option<String>,
    pub registration_url: Option<String>,
    /// Title, summary and description in further languages, by language code.
    pub texts: BTreeMap<String, TextInput>,
}

/// A meeting's fields after every rule held.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFields {
    pub columns: EventColumns,
    pub retention_days: Option<i32>,
    pub intake: Intake,
    pub texts: Vec<EventText>,
}

pub(super) fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
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
            registration_mode: None,
            registration_url: None,
            texts: BTreeMap::new(),
        }
    }

    /// The form of a stored meeting, with its retention period and translations.
    pub fn of_stored(conn: &mut DbConn, e: &Event, tz: chrono_tz::Tz) -> QueryResult<EventInput> {
        let mut input = EventInput::from_event(e, tz);
        input.retention_days =
            crate::domain::privacy::retention_of(conn, e.id)?.map(|d| d.to_string());
        let intake = crate::domain::event::intake_of(conn, e.id)?;
        input.registration_mode = Some(intake.mode);
        input.registration_url = intake.url;
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
            && !crate::domain::event::office_exists(conn, o)?
        {
            errors.insert("office_id", "error-office-unknown");
        }
        if let Some(c) = category
            && !crate::domain::event::category_id_exists(conn, c)?
        {
            errors.insert("category_id", "error-category-unknown");
        }
        if let Some(s) = series {
            match crate::domain::event::find_series(conn, s)? {
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
}

impl EventFields {
    /// What is kept beside the meeting's row: its retention period and translations.
    pub fn save_extras(&self, conn: &mut DbConn, id: i64) -> QueryResult<()> {
        crate::domain::privacy::set_retention(conn, id, self.retention_days)?;
        crate::domain::event::save_intake(conn, id, &self.intake)?;
        event_text::save(conn, id, &self.texts)
    }

    pub fn as_new(&self, status: &'static str, now: NaiveDateTime) -> NewEvent<'static> {
        NewEvent::new(self.columns.clone(), status, now)
    }
}

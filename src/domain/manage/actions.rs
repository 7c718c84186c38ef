//! What organisers do to meetings: create, edit (postpone, change capacity), publish,
//! unpublish, duplicate, cancel. Each change is audited in its own transaction.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::form::EventFields;
use crate::db::DbConn;
use crate::db::lock::with_event_locked;
use crate::db::schema::events;
use crate::domain::audit::{self, Actor};
use crate::domain::event::{
    self, Event, EventColumns, NewEvent, STATUS_CANCELLED, STATUS_DRAFT, STATUS_PUBLISHED,
};
use crate::domain::event_text;
use crate::domain::registration::Registration;
use crate::domain::{DomainError, waitlist};

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
            &fields.columns.title,
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
pub fn calendar_visible_change(e: &Event, f: &EventColumns) -> bool {
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
        let visible = calendar_visible_change(&before, &fields.columns);
        let bump = i32::from(visible);
        diesel::update(events::table.find(id))
            .set((
                &fields.columns,
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
            crate::domain::outbox::to_all_registered(
                conn,
                id,
                crate::domain::outbox::CHANGED,
                "",
                now,
            )?;
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
            return Err(DomainError::Closed("staff-cancelled-stays"));
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
        let columns = EventColumns {
            title,
            series_id,
            ..EventColumns::from(&e)
        };
        let new = NewEvent::new(columns, STATUS_DRAFT, now);
        let new_id = event::insert(conn, &new)?;
        let retention = crate::domain::privacy::retention_of(conn, id)?;
        crate::domain::privacy::set_retention(conn, new_id, retention)?;
        let intake = event::intake_of(conn, id)?;
        event::save_intake(conn, new_id, &intake)?;
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

/// Why a meeting is cancelled: the reason as written and its translations by language, so
/// that each person's mail and the page in their language say it in that language.
pub struct CancelReason<'a> {
    pub reason: &'a str,
    pub translations: &'a BTreeMap<String, String>,
    /// The language the meeting is written in, which needs no translation.
    pub content_lang: &'a str,
}

static NO_TRANSLATIONS: BTreeMap<String, String> = BTreeMap::new();

impl<'a> CancelReason<'a> {
    /// A reason in the meeting's own language only.
    pub fn untranslated(reason: &'a str) -> Self {
        CancelReason {
            reason,
            translations: &NO_TRANSLATIONS,
            content_lang: "",
        }
    }
}

/// Cancels a meeting with a reason shown on its page. Registrations stay (people are told);
/// no one moves up any more.
pub fn cancel(
    conn: &mut DbConn,
    id: i64,
    why: &CancelReason<'_>,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    let reason = why.reason.trim();
    if reason.is_empty() || reason.chars().count() > 1000 {
        let key = if reason.is_empty() {
            "staff-cancel-reason-needed"
        } else {
            "error-too-long"
        };
        return Err(DomainError::Invalid(
            [("reason", key)].into_iter().collect(),
        ));
    }
    let translated = event_text::cancel_reasons(why.translations, why.content_lang)
        .map_err(|key| DomainError::Invalid([("reason", key)].into_iter().collect()))?;
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
        // before the mails are queued: each is written in its reader's language when sent
        event_text::set_cancel_reasons(conn, id, &translated)?;
        // the waiting list too: they would otherwise keep waiting for a seat (their mail
        // has no calendar entry, as they never got one)
        let told = crate::domain::outbox::to_all_registered(
            conn,
            id,
            crate::domain::outbox::EVENT_CANCELLED,
            "",
            now,
        )?;
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

//! A hybrid meeting's video-conference address. It is for those who come only: confirmed
//! registrants and invitees who accepted see it on their own page from a set time before
//! the start, and in their reminder; never the public page, feeds or API.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::audit::{self, Actor};
use super::event::Event;
use super::registration::Registration;
use super::{DomainError, FieldErrors};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::event_online;

pub const DEFAULT_MINUTES_BEFORE: i32 = 30;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = event_online)]
pub struct Online {
    pub event_id: i64,
    pub url: String,
    pub shown_minutes_before: i32,
}

pub fn find(conn: &mut DbConn, event_id: i64) -> QueryResult<Option<Online>> {
    event_online::table
        .find(event_id)
        .select(Online::as_select())
        .first(conn)
        .optional()
}

impl Online {
    /// From when the address is on the person's page.
    pub fn shown_from(&self, e: &Event) -> NaiveDateTime {
        e.starts_at - Duration::minutes(i64::from(self.shown_minutes_before))
    }

    /// Whether `r` sees the address at `now`: a seat that is theirs (confirmed, address
    /// confirmed where asked), a meeting that takes place, and from the set time until
    /// its end.
    pub fn shown_to(&self, e: &Event, r: &Registration, now: NaiveDateTime) -> bool {
        holds_seat(e, r) && now >= self.shown_from(e) && now < e.ends_at
    }
}

/// A confirmed seat of a meeting that takes place: who may be told the address at all.
pub fn holds_seat(e: &Event, r: &Registration) -> bool {
    r.event_id == e.id && r.is_confirmed() && !r.awaits_verification() && !e.is_cancelled()
}

/// The organiser's form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct OnlineInput {
    pub url: Option<String>,
    pub minutes_before: Option<String>,
}

impl OnlineInput {
    pub fn of(o: Option<&Online>) -> OnlineInput {
        OnlineInput {
            url: o.map(|o| o.url.clone()),
            minutes_before: Some(
                o.map_or(DEFAULT_MINUTES_BEFORE, |o| o.shown_minutes_before)
                    .to_string(),
            ),
        }
    }

    /// The address (none: not hybrid) and minutes, or the problems at their fields.
    pub fn check(&self) -> Result<Option<(String, i32)>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let url = self.url.as_deref().unwrap_or_default().trim();
        let minutes = self.minutes_before.as_deref().unwrap_or_default().trim();
        let minutes = if minutes.is_empty() {
            Some(DEFAULT_MINUTES_BEFORE)
        } else {
            minutes
                .parse::<i32>()
                .ok()
                .filter(|m| (0..=1440).contains(m))
        };
        if minutes.is_none() {
            errors.insert("minutes_before", "online-error-minutes");
        }
        if url.is_empty() {
            return if errors.is_empty() {
                Ok(None)
            } else {
                Err(errors)
            };
        }
        let host = url.strip_prefix("https://").unwrap_or_default();
        let host = host.split(['/', '?', '#']).next().unwrap_or_default();
        let fine = url.len() <= 500
            && !host.is_empty()
            && !host.contains('@')
            && !url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>'));
        if !fine {
            errors.insert("url", "online-error-url");
        }
        match minutes {
            Some(m) if errors.is_empty() => Ok(Some((url.to_owned(), m))),
            _ => Err(errors),
        }
    }
}

/// Sets or (with no address) removes the online address of a meeting.
pub fn save(
    conn: &mut DbConn,
    event_id: i64,
    value: Option<(String, i32)>,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        diesel::delete(event_online::table.find(event_id)).execute(conn)?;
        if let Some((url, minutes)) = &value {
            diesel::insert_into(event_online::table)
                .values((
                    event_online::event_id.eq(event_id),
                    event_online::url.eq(url),
                    event_online::shown_minutes_before.eq(minutes),
                ))
                .execute(conn)?;
        }
        let action = if value.is_some() {
            "online_set"
        } else {
            "online_removed"
        };
        audit::record(conn, actor, action, ("event", Some(event_id)), "", now)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::OnlineInput;

    fn check(url: &str, minutes: &str) -> bool {
        let i = OnlineInput {
            url: Some(url.into()),
            minutes_before: Some(minutes.into()),
        };
        i.check().is_ok()
    }

    #[test]
    fn only_https_addresses_are_taken() {
        assert!(check("https://meet.example.org/runder-tisch", "30"));
        assert!(check("", "30"));
        for bad in [
            "http://meet.example.org/x",
            "javascript:alert(1)",
            "https://",
            "https://a b",
            "https://x@evil",
        ] {
            assert!(!check(bad, "30"), "{bad}");
        }
        assert!(!check("https://meet.example.org", "-5"));
        assert!(!check("https://meet.example.org", "abc"));
    }
}

//! A meeting's agenda: ordered items with a title, an optional presenter and time. The
//! organiser adds, changes, orders and removes items; each change is audited. Once
//! invitations went out, those who come may be sent the updated agenda (`agenda_update`).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{agenda_items, documents};
use crate::domain::audit::{self, Actor};
use crate::domain::ordering::swap_with_neighbour;
use crate::domain::validate::single_line_problem;
use crate::domain::{DomainError, FieldErrors};

/// Items a meeting may have: an agenda, not a minutes book.
pub const MAX_ITEMS: i64 = 50;
const MAX_TITLE: usize = 200;
const MAX_PRESENTER: usize = 120;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = agenda_items)]
pub struct AgendaItem {
    pub id: i64,
    pub event_id: i64,
    pub position: i32,
    pub title: String,
    pub presenter: Option<String>,
    /// Local time of day, `HH:MM`.
    pub at_time: Option<String>,
}

/// The items of a meeting in their order.
pub fn items_of(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<AgendaItem>> {
    agenda_items::table
        .filter(agenda_items::event_id.eq(event_id))
        .order((agenda_items::position.asc(), agenda_items::id.asc()))
        .select(AgendaItem::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<AgendaItem>> {
    agenda_items::table
        .find(id)
        .select(AgendaItem::as_select())
        .first(conn)
        .optional()
}

/// An item as typed into the organiser's form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct ItemInput {
    pub title: Option<String>,
    pub presenter: Option<String>,
    pub at_time: Option<String>,
}

/// An item after every rule held.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidItem {
    title: String,
    presenter: Option<String>,
    at_time: Option<String>,
}

fn trimmed(v: &Option<String>) -> &str {
    v.as_deref().map_or("", str::trim)
}

/// `9:05`, `09:05` → `09:05`; anything that is not a time of day → `None`.
pub fn time_of_day(s: &str) -> Option<String> {
    let (h, m) = s.trim().split_once(':')?;
    let all_digits =
        |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(h) || m.len() != 2 || !all_digits(m) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

impl ItemInput {
    pub fn of(item: &AgendaItem) -> ItemInput {
        ItemInput {
            title: Some(item.title.clone()),
            presenter: item.presenter.clone(),
            at_time: item.at_time.clone(),
        }
    }

    pub fn check(&self) -> Result<ValidItem, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = trimmed(&self.title);
        if title.is_empty() {
            errors.insert("title", "error-required");
        } else if title.chars().count() > MAX_TITLE {
            errors.insert("title", "error-too-long");
        } else if let Some(p) = single_line_problem(title) {
            errors.insert("title", p);
        }
        let presenter = trimmed(&self.presenter);
        if presenter.chars().count() > MAX_PRESENTER {
            errors.insert("presenter", "error-too-long");
        } else if let Some(p) = single_line_problem(presenter) {
            errors.insert("presenter", p);
        }
        let at = trimmed(&self.at_time);
        let at_time = if at.is_empty() {
            None
        } else {
            let t = time_of_day(at);
            if t.is_none() {
                errors.insert("at_time", "agenda-error-time");
            }
            t
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidItem {
            title: title.to_owned(),
            presenter: (!presenter.is_empty()).then(|| presenter.to_owned()),
            at_time,
        })
    }
}

/// Adds an item at the end of the agenda.
pub fn add(
    conn: &mut DbConn,
    event_id: i64,
    item: &ValidItem,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<i64, DomainError> {
    write_transaction(conn, |conn| {
        let count: i64 = agenda_items::table
            .filter(agenda_items::event_id.eq(event_id))
            .count()
            .get_result(conn)?;
        if count >= MAX_ITEMS {
            let errors = [("title", "agenda-error-too-many")].into_iter().collect();
            return Err(DomainError::Invalid(errors));
        }
        let last: Option<i32> = agenda_items::table
            .filter(agenda_items::event_id.eq(event_id))
            .select(diesel::dsl::max(agenda_items::position))
            .first(conn)?;
        let id: i64 = diesel::insert_into(agenda_items::table)
            .values((
                agenda_items::event_id.eq(event_id),
                agenda_items::position.eq(last.map_or(0, |p| p + 1)),
                agenda_items::title.eq(&item.title),
                agenda_items::presenter.eq(&item.presenter),
                agenda_items::at_time.eq(&item.at_time),
                agenda_items::created_at.eq(now),
            ))
            .returning(agenda_items::id)
            .get_result(conn)?;
        audit::record(
            conn,
            actor,
            "agenda_item_added",
            ("event", Some(event_id)),
            &item.title,
            now,
        )?;
        Ok(id)
    })
}

pub fn update(
    conn: &mut DbConn,
    item: &AgendaItem,
    valid: &ValidItem,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        diesel::update(agenda_items::table.find(item.id))
            .set((
                agenda_items::title.eq(&valid.title),
                agenda_items::presenter.eq(&valid.presenter),
                agenda_items::at_time.eq(&valid.at_time),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            actor,
            "agenda_item_changed",
            ("event", Some(item.event_id)),
            &valid.title,
            now,
        )?;
        Ok(())
    })
}

/// Removes an item; its documents stay, attached to the meeting itself.
pub fn remove(
    conn: &mut DbConn,
    item: &AgendaItem,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        diesel::update(documents::table.filter(documents::agenda_item_id.eq(item.id)))
            .set(documents::agenda_item_id.eq(None::<i64>))
            .execute(conn)?;
        diesel::delete(agenda_items::table.find(item.id)).execute(conn)?;
        audit::record(
            conn,
            actor,
            "agenda_item_removed",
            ("event", Some(item.event_id)),
            &item.title,
            now,
        )?;
        Ok(())
    })
}

/// Moves an item one place up or down; positions are renumbered from 0.
pub fn move_item(
    conn: &mut DbConn,
    item: &AgendaItem,
    up: bool,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        let mut list = items_of(conn, item.event_id)?;
        if !swap_with_neighbour(&mut list, |x| x.id == item.id, up) {
            return Ok(());
        }
        for (pos, x) in list.iter().enumerate() {
            diesel::update(agenda_items::table.find(x.id))
                .set(agenda_items::position.eq(pos as i32))
                .execute(conn)?;
        }
        let event = ("event", Some(item.event_id));
        audit::record(conn, actor, "agenda_item_moved", event, &item.title, now)?;
        Ok(())
    })
}

/// The agenda as lines of a plain text mail: the invitation's and the update's layout.
pub fn mail_lines(items: &[AgendaItem]) -> Vec<String> {
    items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let mut line = format!("  {}. ", n + 1);
            if let Some(at) = &item.at_time {
                line.push_str(&format!("{at} "));
            }
            line.push_str(&item.title);
            if let Some(p) = &item.presenter {
                line.push_str(&format!(" ({p})"));
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day_are_read_strictly() {
        assert_eq!(time_of_day("9:05").as_deref(), Some("09:05"));
        assert_eq!(time_of_day(" 18:30 ").as_deref(), Some("18:30"));
        for bad in [
            "24:00", "12:60", "12", "1230", "12:3", "ab:cd", "-1:00", "12:30:00",
        ] {
            assert_eq!(time_of_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_title_is_required_and_limited() {
        let long = "x".repeat(201);
        let input = ItemInput {
            title: Some(long),
            presenter: None,
            at_time: Some("25:00".into()),
        };
        let errors = input.check().unwrap_err();
        assert_eq!(errors.get("title"), Some(&"error-too-long"));
        assert_eq!(errors.get("at_time"), Some(&"agenda-error-time"));
        assert!(ItemInput::default().check().is_err());
    }
}

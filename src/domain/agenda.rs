//! A meeting's agenda: ordered items with a title, an optional presenter and time.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::agenda_items;

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

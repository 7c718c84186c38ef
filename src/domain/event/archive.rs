//! The archive of meetings for the back office: every meeting of the offices a person
//! manages, past ones too, searched by title and filtered by office, topic, series, state
//! and dates, a page at a time.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Event;
use crate::db::DbConn;
use crate::db::schema::events;

/// Meetings on one page of the archive.
pub const PER_PAGE: i64 = 25;

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// What the archive is filtered by; `None` leaves a filter out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Words of the title, in any case.
    pub title: Option<String>,
    pub office: Option<i64>,
    pub category: Option<i64>,
    pub series: Option<i64>,
    pub status: Option<String>,
    /// Meetings starting at or after this moment (UTC).
    pub from: Option<NaiveDateTime>,
    /// Meetings starting before this moment (UTC).
    pub until: Option<NaiveDateTime>,
}

/// One page of the archive, the newest first, and how many meetings match in all.
#[derive(Debug, Clone)]
pub struct Found {
    pub events: Vec<Event>,
    pub total: i64,
}

/// `LIKE` with the user's text taken literally: `%` and `_` in a title are no wildcards.
fn like_pattern(words: &str) -> String {
    let escaped = words
        .trim()
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The meetings of `offices` (all offices for `None`, the administrators' view) that match
/// `filter`, page `page` (from 1).
pub fn search(
    conn: &mut DbConn,
    offices: Option<&[i64]>,
    filter: &Filter,
    page: i64,
) -> QueryResult<Found> {
    macro_rules! filtered {
        () => {{
            let mut q = events::table.into_boxed();
            if let Some(ids) = offices {
                q = q.filter(events::office_id.eq_any(ids.to_vec()));
            }
            if let Some(words) = filter.title.as_deref().filter(|w| !w.trim().is_empty()) {
                q = q.filter(lower(events::title).like(like_pattern(words)).escape('\\'));
            }
            if let Some(o) = filter.office {
                q = q.filter(events::office_id.eq(o));
            }
            if let Some(c) = filter.category {
                q = q.filter(events::category_id.eq(c));
            }
            if let Some(s) = filter.series {
                q = q.filter(events::series_id.eq(s));
            }
            if let Some(s) = &filter.status {
                q = q.filter(events::status.eq(s.clone()));
            }
            if let Some(from) = filter.from {
                q = q.filter(events::starts_at.ge(from));
            }
            if let Some(until) = filter.until {
                q = q.filter(events::starts_at.lt(until));
            }
            q
        }};
    }
    let total: i64 = filtered!().count().get_result(conn)?;
    let page = page.max(1);
    let events = filtered!()
        .order((events::starts_at.desc(), events::id.desc()))
        .limit(PER_PAGE)
        .offset((page - 1) * PER_PAGE)
        .select(Event::as_select())
        .load(conn)?;
    Ok(Found { events, total })
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn wildcards_in_the_words_are_taken_literally() {
        assert_eq!(like_pattern(" Runder Tisch "), "%runder tisch%");
        assert_eq!(like_pattern("100%_sicher"), "%100\\%\\_sicher%");
        assert_eq!(like_pattern("a\\b"), "%a\\\\b%");
    }
}

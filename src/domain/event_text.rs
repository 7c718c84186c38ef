//! A meeting's title, summary and description in further languages, shown to visitors who
//! read that language.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::db::schema::event_texts;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Queryable, Selectable)]
#[diesel(table_name = event_texts)]
pub struct EventText {
    pub lang: String,
    pub title: String,
    pub summary: String,
    pub description: String,
}

/// One language's fields as typed into the organiser's form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct TextInput {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
}

fn trimmed(v: &Option<String>) -> String {
    v.as_deref().unwrap_or("").trim().to_owned()
}

/// Checks the translations: known languages only (not the one the meeting is written in),
/// a title for every language that has any text, and the same lengths as the original.
/// Returns the filled-in ones, or the error message key.
pub fn validate(
    input: &BTreeMap<String, TextInput>,
    content_lang: &str,
) -> Result<Vec<EventText>, &'static str> {
    let mut out = Vec::new();
    for (lang, t) in input {
        let (title, summary, description) = (
            trimmed(&t.title),
            trimmed(&t.summary),
            trimmed(&t.description),
        );
        if title.is_empty() && summary.is_empty() && description.is_empty() {
            continue;
        }
        if !crate::i18n::SUPPORTED.contains(&lang.as_str()) || lang == content_lang {
            return Err("error-choice-invalid");
        }
        if title.is_empty() {
            return Err("error-translation-title");
        }
        if let Some(problem) = super::validate::single_line_problem(&title) {
            return Err(problem);
        }
        if title.chars().count() > 200
            || summary.chars().count() > 500
            || description.chars().count() > 20_000
        {
            return Err("error-too-long");
        }
        out.push(EventText {
            lang: lang.clone(),
            title,
            summary,
            description,
        });
    }
    Ok(out)
}

/// Replaces a meeting's translations.
pub fn save(conn: &mut DbConn, event_id: i64, texts: &[EventText]) -> QueryResult<()> {
    diesel::delete(event_texts::table.filter(event_texts::event_id.eq(event_id))).execute(conn)?;
    for t in texts {
        diesel::insert_into(event_texts::table)
            .values((
                event_texts::event_id.eq(event_id),
                event_texts::lang.eq(&t.lang),
                event_texts::title.eq(&t.title),
                event_texts::summary.eq(&t.summary),
                event_texts::description.eq(&t.description),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn all_of(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<EventText>> {
    event_texts::table
        .filter(event_texts::event_id.eq(event_id))
        .order(event_texts::lang.asc())
        .select(EventText::as_select())
        .load(conn)
}

/// The texts in `lang` of the given meetings, by meeting.
pub fn in_language(
    conn: &mut DbConn,
    ids: &[i64],
    lang: &str,
) -> QueryResult<HashMap<i64, EventText>> {
    Ok(event_texts::table
        .filter(event_texts::event_id.eq_any(ids))
        .filter(event_texts::lang.eq(lang))
        .select((event_texts::event_id, EventText::as_select()))
        .load::<(i64, EventText)>(conn)?
        .into_iter()
        .collect())
}

/// The form's view of stored translations.
pub fn as_input(texts: &[EventText]) -> BTreeMap<String, TextInput> {
    texts
        .iter()
        .map(|t| {
            (
                t.lang.clone(),
                TextInput {
                    title: Some(t.title.clone()),
                    summary: Some(t.summary.clone()),
                    description: Some(t.description.clone()),
                },
            )
        })
        .collect()
}

//! Questions an organiser asks with the registration: of one meeting, or of a series, whose
//! every date asks them. By concern: `answer` (checking and storing what people answer),
//! `edit` (adding, changing, ordering, removing, translating), `preset` (the ready-made
//! questions offices ask again and again). A removed question keeps its answers readable.

mod answer;
mod edit;
pub mod preset;

pub use answer::{
    AnswerChange, AnswerInput, Answered, ValidAnswer, answered, answers_of, as_typed,
    changed_answers, check, field_of, in_order, needs_health_consent, save_answers,
};
pub use edit::{
    QuestionInput, Scope, TextInput, ValidQuestion, add, add_preset, move_question, remove, update,
};
pub use preset::{
    BUILT_IN, OfficePreset, add_from_office_preset, office_presets, save_as_office_preset,
};

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::event::Event;
use crate::db::DbConn;
use crate::db::schema::{question_texts, questions};

pub const SHORT_TEXT: &str = "short_text";
pub const LONG_TEXT: &str = "long_text";
pub const CHOICE: &str = "choice";
pub const CHOICES: &str = "choices";
pub const YES_NO: &str = "yes_no";
pub const NUMBER: &str = "number";
/// Every kind of question, in the order the editor offers them.
pub const KINDS: [&str; 6] = [SHORT_TEXT, LONG_TEXT, CHOICE, CHOICES, YES_NO, NUMBER];

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = questions)]
pub struct Question {
    pub id: i64,
    pub event_id: Option<i64>,
    pub series_id: Option<i64>,
    pub kind: String,
    pub label: String,
    pub help: String,
    /// The choices of a choice question, one per line.
    pub options: String,
    pub required: bool,
    /// Health-related (Art. 9 GDPR): asked with a consent of its own, shown only to the
    /// meeting's organisers.
    pub sensitive: bool,
    pub preset: Option<String>,
    pub position: i32,
    pub created_at: NaiveDateTime,
    pub removed_at: Option<NaiveDateTime>,
}

impl Question {
    pub fn choices(&self) -> Vec<&str> {
        lines(&self.options)
    }

    pub fn is_removed(&self) -> bool {
        self.removed_at.is_some()
    }

    pub fn has_choices(&self) -> bool {
        self.kind == CHOICE || self.kind == CHOICES
    }
}

pub(crate) fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// A question's label, help and choices in one further language.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = question_texts)]
pub struct QuestionText {
    pub question_id: i64,
    pub lang: String,
    pub label: String,
    pub help: String,
    pub options: String,
}

/// The questions `event` asks: its series' first, then its own, each in their order.
/// `with_removed` adds the removed ones (exports and the organiser's list keep their answers).
pub fn of_event(
    conn: &mut DbConn,
    event: &Event,
    with_removed: bool,
) -> QueryResult<Vec<Question>> {
    let mut q = questions::table
        .filter(
            questions::event_id
                .eq(event.id)
                .or(questions::series_id.eq(event.series_id.unwrap_or(-1))),
        )
        .select(Question::as_select())
        .into_boxed();
    if !with_removed {
        q = q.filter(questions::removed_at.is_null());
    }
    let mut list = q.load(conn)?;
    list.sort_by_key(|q| (q.event_id.is_some(), q.position, q.id));
    Ok(list)
}

/// The questions of a series (its own list, for the editor).
pub fn of_series(conn: &mut DbConn, series_id: i64) -> QueryResult<Vec<Question>> {
    questions::table
        .filter(questions::series_id.eq(series_id))
        .filter(questions::removed_at.is_null())
        .order((questions::position, questions::id))
        .select(Question::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Question>> {
    questions::table
        .find(id)
        .select(Question::as_select())
        .first(conn)
        .optional()
}

/// The translations of these questions, by question and language.
pub fn texts_of(
    conn: &mut DbConn,
    ids: &[i64],
) -> QueryResult<HashMap<(i64, String), QuestionText>> {
    Ok(question_texts::table
        .filter(question_texts::question_id.eq_any(ids))
        .select(QuestionText::as_select())
        .load(conn)?
        .into_iter()
        .map(|t| ((t.question_id, t.lang.clone()), t))
        .collect())
}

/// One choice as a visitor sees it: the stored value (the original) and its label in their
/// language.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A question as a visitor in one language reads it, for the form and the API.
#[derive(Debug, Clone, Serialize)]
pub struct Asked {
    pub id: i64,
    /// The form field's name.
    pub field: &'static str,
    pub kind: String,
    pub label: String,
    pub help: String,
    pub required: bool,
    pub sensitive: bool,
    pub choices: Vec<Choice>,
    /// The language the label is in (the original's when there is no translation).
    pub lang: String,
}

/// What `questions` ask a visitor reading `lang`; the original (in `content_lang`) where a
/// part is not translated.
pub fn asked(
    conn: &mut DbConn,
    questions: &[Question],
    lang: &str,
    content_lang: &str,
) -> QueryResult<Vec<Asked>> {
    let ids: Vec<i64> = questions.iter().map(|q| q.id).collect();
    let texts = texts_of(conn, &ids)?;
    Ok(questions
        .iter()
        .filter(|q| !q.is_removed())
        .map(|q| in_language(q, texts.get(&(q.id, lang.to_owned())), content_lang))
        .collect())
}

fn in_language(q: &Question, text: Option<&QuestionText>, content_lang: &str) -> Asked {
    let own = q.choices();
    let translated: Vec<&str> = text.map(|t| lines(&t.options)).unwrap_or_default();
    let choices = own
        .iter()
        .enumerate()
        .map(|(i, v)| Choice {
            value: (*v).to_owned(),
            // a translation with another number of choices is not trusted for any
            label: match translated.len() == own.len() {
                true => translated[i].to_owned(),
                false => (*v).to_owned(),
            },
        })
        .collect();
    let label = text.map(|t| t.label.as_str()).filter(|l| !l.is_empty());
    Asked {
        id: q.id,
        field: field_of(q.id),
        kind: q.kind.clone(),
        label: label.unwrap_or(&q.label).to_owned(),
        help: text
            .map(|t| t.help.as_str())
            .filter(|h| !h.is_empty())
            .unwrap_or(&q.help)
            .to_owned(),
        required: q.required,
        sensitive: q.sensitive,
        choices,
        lang: match (label, text) {
            (Some(_), Some(t)) => t.lang.clone(),
            _ => content_lang.to_owned(),
        },
    }
}

//! What pages show of a meeting's questions: the form fields with what the visitor typed
//! and the reason at each, and the answers given, in the reader's language.

use std::collections::{BTreeMap, HashMap};

use rocket::serde::json::serde_json::{Value, json};

use crate::db::DbConn;
use crate::domain::event::Event;
use crate::domain::question::{self, AnswerInput, Answered, Asked};
use crate::i18n;

/// The form field names the error summary lists in order, after the fixed fields.
pub fn field_order(asked: &[Asked]) -> Vec<&'static str> {
    asked.iter().map(|q| q.field).collect()
}

/// The questions as form fields: each with the values typed and its error message.
pub fn form_fields(
    asked: &[Asked],
    typed: &AnswerInput,
    errors: &serde_json::Map<String, Value>,
) -> Vec<Value> {
    asked
        .iter()
        .map(|q| {
            let values = typed.get(&q.id).cloned().unwrap_or_default();
            json!({
                "id": q.id, "field": q.field, "kind": q.kind, "label": q.label, "help": q.help,
                "required": q.required, "sensitive": q.sensitive, "choices": q.choices,
                "lang": q.lang, "values": values, "error": errors.get(q.field),
            })
        })
        .collect()
}

/// Whether the form asks anything health-related, and so shows the consent of its own.
pub fn asks_sensitive(asked: &[Asked]) -> bool {
    asked.iter().any(|q| q.sensitive)
}

/// The questions `event` asks a visitor reading `lang`.
pub fn asked_of(
    conn: &mut DbConn,
    event: &Event,
    lang: &str,
    content_lang: &str,
) -> diesel::QueryResult<Vec<Asked>> {
    let questions = question::of_event(conn, event, false)?;
    question::asked(conn, &questions, lang, content_lang)
}

/// The questions `event` asks in `lang`, and what registration `rid` answered to them as a
/// change form carries it.
pub fn asked_and_answers(
    conn: &mut DbConn,
    event: &Event,
    rid: i64,
    lang: &str,
    content_lang: &str,
) -> diesel::QueryResult<(Vec<Asked>, AnswerInput)> {
    let questions = question::of_event(conn, event, false)?;
    let asked = question::asked(conn, &questions, lang, content_lang)?;
    let stored = question::answers_of(conn, &[rid])?
        .remove(&rid)
        .unwrap_or_default();
    Ok((asked, question::as_typed(&questions, &stored)))
}

/// The text of a removed question's column or line: its label, marked.
pub fn removed_label(lang: &str, label: &str) -> String {
    format!("{label} ({})", i18n::text(lang, "question-removed"))
}

/// The questions of a meeting as list and export columns for its organisers (health-related
/// ones included, removed ones marked): a header per question and each registration's cells.
#[derive(Debug, Default)]
pub struct AnswerColumns {
    pub headers: Vec<String>,
    pub cells: HashMap<i64, Vec<String>>,
    /// Per question, the answers it has been given, for the list's filter: `(id, label, values)`.
    pub filters: Vec<(i64, String, Vec<String>)>,
    given: HashMap<i64, BTreeMap<i64, String>>,
}

impl AnswerColumns {
    /// The cells of a registration (empty ones where it did not answer).
    pub fn of(&self, registration_id: i64) -> Vec<String> {
        self.cells
            .get(&registration_id)
            .cloned()
            .unwrap_or_else(|| vec![String::new(); self.headers.len()])
    }

    /// Whether a registration gave `value` to question `id` (one of several choices counts;
    /// `*`: any answer but none and zero).
    pub fn answered(&self, registration_id: i64, id: i64, value: &str) -> bool {
        self.given
            .get(&registration_id)
            .and_then(|a| a.get(&id))
            .is_some_and(|v| match value {
                "*" => !v.is_empty() && v != "0",
                _ => v.lines().any(|l| l == value),
            })
    }
}

pub fn answer_columns(
    conn: &mut DbConn,
    event: &Event,
    registration_ids: &[i64],
    lang: &str,
) -> diesel::QueryResult<AnswerColumns> {
    let questions = question::of_event(conn, event, true)?;
    let given = question::answers_of(conn, registration_ids)?;
    let headers = questions
        .iter()
        .map(|q| match q.is_removed() {
            true => removed_label(lang, &q.label),
            false => q.label.clone(),
        })
        .collect();
    let cells = given
        .iter()
        .map(|(rid, answers)| {
            let row = questions
                .iter()
                .map(|q| match answers.get(&q.id) {
                    Some(v) => Answered::new(q, None, v, lang).value,
                    None => String::new(),
                })
                .collect();
            (*rid, row)
        })
        .collect();
    let filters = questions
        .iter()
        .filter(|q| {
            matches!(
                q.kind.as_str(),
                question::CHOICE | question::CHOICES | question::YES_NO
            )
        })
        .map(|q| {
            let values = match q.kind.as_str() {
                question::YES_NO => vec!["yes".to_owned(), "no".to_owned()],
                _ => q.choices().into_iter().map(str::to_owned).collect(),
            };
            (q.id, q.label.clone(), values)
        })
        .collect();
    Ok(AnswerColumns {
        headers,
        cells,
        filters,
        given,
    })
}

/// The meeting's questions in the reader's language and what registration `rid` answered,
/// as the change forms (the person's and the organisers') carry them.
pub async fn asked_and_answers_of(
    ctx: &crate::web::Ctx<'_>,
    event: &Event,
    rid: i64,
) -> Result<(Vec<Asked>, AnswerInput), crate::web::errors::PageError> {
    let (e, lang, content_lang) = (event.clone(), ctx.lang(), ctx.visitor.content_lang);
    ctx.db
        .page(move |conn| Ok(asked_and_answers(conn, &e, rid, lang, content_lang)?))
        .await
}

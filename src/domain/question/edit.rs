//! What organisers do to questions: add (by hand or from a built-in preset), change,
//! translate, order and remove (office presets are in `preset`). Registrations keep their answers through every
//! change: a removed question is only marked, and changed choices leave stored answers as
//! they were given. Each change is audited in its own transaction.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::preset::built_in;
use super::{KINDS, Question, lines};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{question_texts, questions};
use crate::domain::audit::{self, Actor};
use crate::domain::ordering::swap_with_neighbour;
use crate::domain::validate::single_line_problem;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::SUPPORTED;

/// Where a question belongs: one meeting, or a series and so every date of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Event(i64),
    Series(i64),
}

/// A question as typed into the organiser's form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct QuestionInput {
    pub kind: Option<String>,
    pub label: Option<String>,
    pub help: Option<String>,
    pub options: Option<String>,
    pub required: Option<String>,
    pub sensitive: Option<String>,
    /// Label, help and choices in further languages, by language code.
    pub texts: BTreeMap<String, TextInput>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct TextInput {
    pub label: Option<String>,
    pub help: Option<String>,
    pub options: Option<String>,
}

/// A question after every rule held.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidQuestion {
    kind: &'static str,
    label: String,
    help: String,
    options: String,
    required: bool,
    sensitive: bool,
    texts: Vec<(String, String, String, String)>,
}

fn trimmed(v: &Option<String>) -> &str {
    v.as_deref().map_or("", str::trim)
}

/// The choices typed one per line, tidied: trimmed, empty lines out.
fn tidy_options(v: &Option<String>) -> String {
    lines(trimmed(v)).join("\n")
}

impl QuestionInput {
    pub fn of(q: &Question, texts: &[super::QuestionText]) -> QuestionInput {
        QuestionInput {
            kind: Some(q.kind.clone()),
            label: Some(q.label.clone()),
            help: Some(q.help.clone()),
            options: Some(q.options.clone()),
            required: q.required.then(|| "on".into()),
            sensitive: q.sensitive.then(|| "on".into()),
            texts: texts
                .iter()
                .map(|t| {
                    let input = TextInput {
                        label: Some(t.label.clone()),
                        help: Some(t.help.clone()),
                        options: Some(t.options.clone()),
                    };
                    (t.lang.clone(), input)
                })
                .collect(),
        }
    }

    /// Checks the question; `content_lang` is the language the original is written in
    /// (translations are for the others).
    pub fn check(&self, content_lang: &str) -> Result<ValidQuestion, FieldErrors> {
        let mut errors = FieldErrors::new();
        let kind = KINDS
            .iter()
            .copied()
            .find(|k| Some(*k) == self.kind.as_deref());
        if kind.is_none() {
            errors.insert("kind", "error-choice-invalid");
        }
        let label = trimmed(&self.label);
        if label.is_empty() {
            errors.insert("label", "error-required");
        } else if label.chars().count() > 200 {
            errors.insert("label", "error-too-long");
        } else if let Some(p) = single_line_problem(label) {
            errors.insert("label", p);
        }
        let help = trimmed(&self.help);
        if help.chars().count() > 500 {
            errors.insert("help", "error-too-long");
        } else if let Some(p) = single_line_problem(help) {
            errors.insert("help", p);
        }
        let with_choices = matches!(kind, Some(super::CHOICE | super::CHOICES));
        let options = tidy_options(&self.options);
        let count = lines(&options).len();
        if with_choices && count < 2 {
            errors.insert("options", "error-options-too-few");
        } else if with_choices
            && (count > 30 || lines(&options).iter().any(|o| o.chars().count() > 100))
        {
            errors.insert("options", "error-too-long");
        }
        let mut texts = Vec::new();
        for (lang, t) in &self.texts {
            let (l, h, o) = (
                trimmed(&t.label),
                trimmed(&t.help),
                tidy_options(&t.options),
            );
            if l.is_empty() && h.is_empty() && o.is_empty() {
                continue;
            }
            if !SUPPORTED.contains(&lang.as_str()) || lang == content_lang {
                errors.insert("texts", "error-choice-invalid");
            } else if l.is_empty() || l.chars().count() > 200 || h.chars().count() > 500 {
                errors.insert("texts", "error-translation-label");
            } else if single_line_problem(l).or(single_line_problem(h)).is_some() {
                errors.insert("texts", "error-single-line");
            } else if with_choices && !o.is_empty() && lines(&o).len() != count {
                errors.insert("texts", "error-translation-options");
            } else {
                let o = if with_choices { o } else { String::new() };
                texts.push((lang.clone(), l.to_owned(), h.to_owned(), o));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidQuestion {
            kind: kind.unwrap_or(super::SHORT_TEXT),
            label: label.to_owned(),
            help: help.to_owned(),
            options: if with_choices { options } else { String::new() },
            required: self.required.is_some(),
            sensitive: self.sensitive.is_some(),
            texts,
        })
    }
}

fn next_position(conn: &mut DbConn, scope: Scope) -> QueryResult<i32> {
    let q = questions::table.select(diesel::dsl::max(questions::position));
    let max: Option<i32> = match scope {
        Scope::Event(id) => q.filter(questions::event_id.eq(id)).first(conn)?,
        Scope::Series(id) => q.filter(questions::series_id.eq(id)).first(conn)?,
    };
    Ok(max.map_or(0, |m| m + 1))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn insert(
    conn: &mut DbConn,
    scope: Scope,
    (kind, label, help, options): (&str, &str, &str, &str),
    (required, sensitive): (bool, bool),
    preset: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let (event_id, series_id) = match scope {
        Scope::Event(id) => (Some(id), None),
        Scope::Series(id) => (None, Some(id)),
    };
    let position = next_position(conn, scope)?;
    diesel::insert_into(questions::table)
        .values((
            questions::event_id.eq(event_id),
            questions::series_id.eq(series_id),
            questions::kind.eq(kind),
            questions::label.eq(label),
            questions::help.eq(help),
            questions::options.eq(options),
            questions::required.eq(required),
            questions::sensitive.eq(sensitive),
            questions::preset.eq(preset),
            questions::position.eq(position),
            questions::created_at.eq(now),
        ))
        .returning(questions::id)
        .get_result(conn)
}

fn save_texts(
    conn: &mut DbConn,
    id: i64,
    texts: &[(String, String, String, String)],
) -> QueryResult<()> {
    diesel::delete(question_texts::table.filter(question_texts::question_id.eq(id)))
        .execute(conn)?;
    for (lang, label, help, options) in texts {
        diesel::insert_into(question_texts::table)
            .values((
                question_texts::question_id.eq(id),
                question_texts::lang.eq(lang),
                question_texts::label.eq(label),
                question_texts::help.eq(help),
                question_texts::options.eq(options),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub(super) fn scope_label(scope: Scope) -> String {
    match scope {
        Scope::Event(id) => format!("event {id}"),
        Scope::Series(id) => format!("series {id}"),
    }
}

pub fn add(
    conn: &mut DbConn,
    scope: Scope,
    q: &ValidQuestion,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    write_transaction(conn, |conn| {
        let id = insert(
            conn,
            scope,
            (q.kind, &q.label, &q.help, &q.options),
            (q.required, q.sensitive),
            None,
            now,
        )?;
        save_texts(conn, id, &q.texts)?;
        audit::record(
            conn,
            actor,
            "question.add",
            ("question", Some(id)),
            &scope_label(scope),
            now,
        )?;
        Ok(id)
    })
}

/// Adds a built-in preset's questions, in `content_lang` with the translations of every
/// other language.
pub fn add_preset(
    conn: &mut DbConn,
    scope: Scope,
    key: &str,
    content_lang: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Vec<i64>, DomainError> {
    let preset = built_in(key).ok_or(DomainError::NotFound)?;
    Ok(write_transaction(conn, |conn| {
        let mut ids = Vec::new();
        for p in preset.questions {
            let (label, help, options) = p.texts(content_lang);
            let id = insert(
                conn,
                scope,
                (p.kind, &label, &help, &options),
                (false, p.sensitive),
                Some(p.name),
                now,
            )?;
            let texts: Vec<_> = SUPPORTED
                .iter()
                .filter(|l| **l != content_lang)
                .map(|l| {
                    let (label, help, options) = p.texts(l);
                    ((*l).to_owned(), label, help, options)
                })
                .collect();
            save_texts(conn, id, &texts)?;
            ids.push(id);
        }
        let detail = format!("{} preset {key}", scope_label(scope));
        audit::record(
            conn,
            actor,
            "question.add",
            ("question", ids.first().copied()),
            &detail,
            now,
        )?;
        Ok::<_, diesel::result::Error>(ids)
    })?)
}

/// Changes a question; the answers given so far stay as they were given.
pub fn update(
    conn: &mut DbConn,
    id: i64,
    q: &ValidQuestion,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        diesel::update(questions::table.find(id))
            .set((
                questions::kind.eq(q.kind),
                questions::label.eq(&q.label),
                questions::help.eq(&q.help),
                questions::options.eq(&q.options),
                questions::required.eq(q.required),
                questions::sensitive.eq(q.sensitive),
            ))
            .execute(conn)?;
        save_texts(conn, id, &q.texts)?;
        audit::record(
            conn,
            actor,
            "question.update",
            ("question", Some(id)),
            &q.label,
            now,
        )
    })
}

/// Takes a question off the form; its answers stay readable (marked removed in exports).
pub fn remove(conn: &mut DbConn, id: i64, actor: &Actor, now: NaiveDateTime) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        diesel::update(
            questions::table
                .find(id)
                .filter(questions::removed_at.is_null()),
        )
        .set(questions::removed_at.eq(now))
        .execute(conn)?;
        audit::record(
            conn,
            actor,
            "question.remove",
            ("question", Some(id)),
            "",
            now,
        )
    })
}

/// Moves a question one place up or down among the questions of its meeting or series.
pub fn move_question(conn: &mut DbConn, q: &Question, up: bool) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        let mut siblings = questions::table
            .filter(questions::removed_at.is_null())
            .select(Question::as_select())
            .into_boxed();
        siblings = match q.event_id {
            Some(e) => siblings.filter(questions::event_id.eq(e)),
            None => siblings.filter(questions::series_id.eq(q.series_id.unwrap_or(-1))),
        };
        let mut list: Vec<Question> = siblings.load(conn)?;
        list.sort_by_key(|x| (x.position, x.id));
        if !swap_with_neighbour(&mut list, |x| x.id == q.id, up) {
            return Ok(());
        }
        // positions renumbered, so that equal positions from older data sort clearly
        for (pos, x) in list.iter().enumerate() {
            diesel::update(questions::table.find(x.id))
                .set(questions::position.eq(pos as i32))
                .execute(conn)?;
        }
        Ok(())
    })
}

//! What people answer: checked against the meeting's questions with a reason at each
//! field, stored with the registration in its transaction, read back for pages, mails,
//! lists and exports.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use diesel::prelude::*;

use super::{CHOICE, CHOICES, LONG_TEXT, NUMBER, Question, QuestionText, SHORT_TEXT, YES_NO};
use crate::db::DbConn;
use crate::db::schema::answers;
use crate::domain::FieldErrors;
use crate::domain::validate::single_line_problem;

/// Answers as sent: the values given for each question id (several for "several choices").
pub type AnswerInput = BTreeMap<i64, Vec<String>>;

/// An answer that passed its question's rules, as stored: several choices one per line,
/// in the question's order; yes/no as `yes`/`no`.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidAnswer {
    pub question_id: i64,
    pub value: String,
}

pub const SHORT_MAX: usize = 200;
pub const LONG_MAX: usize = 2000;
pub const NUMBER_MAX: i64 = 999;

/// The form field of question `id` (`q<id>`). Field names are `&'static str` everywhere
/// (FieldErrors); a question's is made once and kept. Only ids of stored questions come
/// here, so the set stays as small as the questions table.
pub fn field_of(id: i64) -> &'static str {
    static NAMES: Mutex<BTreeMap<i64, &'static str>> = Mutex::new(BTreeMap::new());
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    names
        .entry(id)
        .or_insert_with(|| Box::leak(format!("q{id}").into_boxed_str()))
}

/// Checks `input` against the questions still asked; the reasons go into `errors` at each
/// question's field. Answers to unknown or removed questions are ignored. `required`: a
/// required question must be answered (the office may register someone without).
pub fn check(
    questions: &[Question],
    input: &AnswerInput,
    errors: &mut FieldErrors,
    required: bool,
) -> Vec<ValidAnswer> {
    let mut valid = Vec::new();
    for q in questions.iter().filter(|q| !q.is_removed()) {
        let given: Vec<&str> = input
            .get(&q.id)
            .into_iter()
            .flatten()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        if given.is_empty() {
            if q.required && required {
                errors.insert(field_of(q.id), "error-answer-required");
            }
            continue;
        }
        match one_answer(q, &given) {
            Ok(value) => valid.push(ValidAnswer {
                question_id: q.id,
                value,
            }),
            Err(key) => {
                errors.insert(field_of(q.id), key);
            }
        }
    }
    valid
}

fn one_answer(q: &Question, given: &[&str]) -> Result<String, &'static str> {
    let single = || match given {
        [one] => Ok(*one),
        _ => Err("error-answer-one"),
    };
    match q.kind.as_str() {
        SHORT_TEXT => {
            let v = single()?;
            if v.chars().count() > SHORT_MAX {
                return Err("error-answer-too-long");
            }
            match single_line_problem(v) {
                Some(_) => Err("error-invalid-characters"),
                None => Ok(v.to_owned()),
            }
        }
        LONG_TEXT => {
            let v = single()?;
            if v.chars().count() > LONG_MAX {
                return Err("error-answer-too-long");
            }
            let control = v
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
            match control {
                true => Err("error-invalid-characters"),
                false => Ok(v.to_owned()),
            }
        }
        CHOICE => {
            let v = single()?;
            q.choices()
                .into_iter()
                .find(|c| *c == v)
                .map(str::to_owned)
                .ok_or("error-answer-choice")
        }
        CHOICES => {
            let offered = q.choices();
            if given.iter().any(|v| !offered.contains(v)) {
                return Err("error-answer-choice");
            }
            // in the question's order, each once
            let chosen: Vec<&str> = offered.into_iter().filter(|c| given.contains(c)).collect();
            Ok(chosen.join("\n"))
        }
        YES_NO => match single()? {
            "yes" | "true" => Ok("yes".into()),
            "no" | "false" => Ok("no".into()),
            _ => Err("error-answer-choice"),
        },
        NUMBER => single()?
            .parse::<i64>()
            .ok()
            .filter(|n| (0..=NUMBER_MAX).contains(n))
            .map(|n| n.to_string())
            .ok_or("error-answer-number"),
        _ => Err("error-answer-choice"),
    }
}

/// Whether these answers tell something health-related (Art. 9 GDPR), which needs its own
/// consent: a sensitive question answered with anything but "no".
pub fn needs_health_consent(questions: &[Question], answers: &[ValidAnswer]) -> bool {
    answers.iter().any(|a| {
        a.value != "no"
            && questions
                .iter()
                .any(|q| q.id == a.question_id && q.sensitive)
    })
}

/// Answers that differ from the stored ones: all of them to store, and the labels of the
/// questions whose answer changed (for the audit log: values can be health data).
#[derive(Debug)]
pub struct AnswerChange {
    pub save: Vec<ValidAnswer>,
    pub labels: Vec<String>,
}

/// Checks a changed registration's answers (`None`: the form has none) against the questions
/// still asked (`required`: the person must answer required ones; the office may not know
/// every answer). The health consent is asked for a health-related answer that is new: one
/// already stored was consented to. Answers to questions removed since are kept.
pub fn changed_answers(
    questions: &[Question],
    stored: &BTreeMap<i64, String>,
    input: Option<&AnswerInput>,
    health_consent: bool,
    required: bool,
) -> Result<Option<AnswerChange>, FieldErrors> {
    let Some(input) = input else {
        return Ok(None);
    };
    let mut errors = FieldErrors::new();
    let valid = check(questions, input, &mut errors, required);
    let new_of = |id: i64| valid.iter().find(|a| a.question_id == id).map(|a| &a.value);
    let fresh: Vec<ValidAnswer> = valid
        .iter()
        .filter(|a| stored.get(&a.question_id) != Some(&a.value))
        .cloned()
        .collect();
    if needs_health_consent(questions, &fresh) && !health_consent {
        errors.insert("health_consent", "error-health-consent-missing");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let labels: Vec<String> = questions
        .iter()
        .filter(|q| stored.get(&q.id) != new_of(q.id))
        .map(|q| q.label.clone())
        .collect();
    if labels.is_empty() {
        return Ok(None);
    }
    // answers to questions no longer asked stay readable, as they were
    let mut save = valid;
    save.extend(
        stored
            .iter()
            .filter(|(id, _)| !questions.iter().any(|q| q.id == **id))
            .map(|(id, v)| ValidAnswer {
                question_id: *id,
                value: v.clone(),
            }),
    );
    Ok(Some(AnswerChange { save, labels }))
}

/// Stores a registration's answers, replacing what it answered before.
pub fn save_answers(
    conn: &mut DbConn,
    registration_id: i64,
    valid: &[ValidAnswer],
) -> QueryResult<()> {
    diesel::delete(answers::table.filter(answers::registration_id.eq(registration_id)))
        .execute(conn)?;
    for a in valid {
        diesel::insert_into(answers::table)
            .values((
                answers::registration_id.eq(registration_id),
                answers::question_id.eq(a.question_id),
                answers::value.eq(&a.value),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The stored answers of these registrations: registration → question → value.
pub fn answers_of(
    conn: &mut DbConn,
    registration_ids: &[i64],
) -> QueryResult<HashMap<i64, BTreeMap<i64, String>>> {
    let mut out: HashMap<i64, BTreeMap<i64, String>> = HashMap::new();
    for chunk in registration_ids.chunks(500) {
        let rows: Vec<(i64, i64, String)> = answers::table
            .filter(answers::registration_id.eq_any(chunk))
            .select((
                answers::registration_id,
                answers::question_id,
                answers::value,
            ))
            .load(conn)?;
        for (r, q, v) in rows {
            out.entry(r).or_default().insert(q, v);
        }
    }
    Ok(out)
}

/// Stored answers (question → value) as a form carries them: several choices one value
/// each, anything else as it is (a long text keeps its lines).
pub fn as_typed(questions: &[Question], stored: &BTreeMap<i64, String>) -> AnswerInput {
    stored
        .iter()
        .map(|(id, v)| {
            let several = questions.iter().any(|q| q.id == *id && q.kind == CHOICES);
            let values = match several {
                true => v.lines().map(str::to_owned).collect(),
                false => vec![v.clone()],
            };
            (*id, values)
        })
        .collect()
}

/// One answer as a person reads it: the question's label and the value in their language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Answered {
    pub question_id: i64,
    pub label: String,
    pub value: String,
    pub removed: bool,
    pub sensitive: bool,
}

impl Answered {
    /// `value` as stored for `q`, in `lang` (`text`: the question's translation there).
    pub fn new(q: &Question, text: Option<&QuestionText>, value: &str, lang: &str) -> Answered {
        let own = q.choices();
        let translated: Vec<&str> = text.map(|t| super::lines(&t.options)).unwrap_or_default();
        let choice_label = |v: &str| match own.iter().position(|c| *c == v) {
            Some(i) if translated.len() == own.len() => translated[i].to_owned(),
            _ => v.to_owned(),
        };
        let value = match q.kind.as_str() {
            YES_NO => crate::i18n::text(lang, &format!("answer-{value}")),
            CHOICE | CHOICES => value
                .lines()
                .map(choice_label)
                .collect::<Vec<_>>()
                .join(", "),
            _ => value.to_owned(),
        };
        Answered {
            question_id: q.id,
            label: text
                .map(|t| t.label.as_str())
                .filter(|l| !l.is_empty())
                .unwrap_or(&q.label)
                .to_owned(),
            value,
            removed: q.is_removed(),
            sensitive: q.sensitive,
        }
    }
}

/// A registration's answers in `lang`, in the order of the questions; removed questions
/// last; health-related ones only `with_sensitive`.
pub fn answered(
    conn: &mut DbConn,
    event: &crate::domain::event::Event,
    registration_id: i64,
    lang: &str,
    with_sensitive: bool,
) -> diesel::QueryResult<Vec<Answered>> {
    let questions = super::of_event(conn, event, true)?;
    // no question, no answer: nothing more to read
    if questions.is_empty() {
        return Ok(Vec::new());
    }
    let given = answers_of(conn, &[registration_id])?
        .remove(&registration_id)
        .unwrap_or_default();
    let ids: Vec<i64> = questions.iter().map(|q| q.id).collect();
    let texts = super::texts_of(conn, &ids)?;
    Ok(in_order(&questions, &given, &texts, lang, with_sensitive))
}

/// `given` (question → stored value) as answers to read, in the questions' order.
pub fn in_order(
    questions: &[Question],
    given: &BTreeMap<i64, String>,
    texts: &HashMap<(i64, String), QuestionText>,
    lang: &str,
    with_sensitive: bool,
) -> Vec<Answered> {
    let mut out: Vec<Answered> = questions
        .iter()
        .filter(|q| with_sensitive || !q.sensitive)
        .filter_map(|q| {
            let value = given.get(&q.id)?;
            Some(Answered::new(
                q,
                texts.get(&(q.id, lang.to_owned())),
                value,
                lang,
            ))
        })
        .collect();
    out.sort_by_key(|a| a.removed);
    out
}

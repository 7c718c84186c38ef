//! What a meeting's organisers must prepare, read from the answers to the preset questions
//! of confirmed registrations: interpreting per language, childcare (children and their
//! ages), accessibility per kind. Some needs must be booked (interpreting, sign language,
//! childcare): organisers mark them arranged, and `alerts` tells them of new and
//! unarranged ones.

pub mod alerts;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::event::Event;
use super::question::{self, Question};
use super::registration::STATUS_CONFIRMED;
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{needs_arranged, registrations};
use crate::domain::audit::{self, Actor};
use crate::domain::question::preset::{
    ACCESSIBILITY, CHILDCARE_AGES, CHILDCARE_COUNT, INTERPRETING,
};

/// The accessibility preset's choice that must be booked: sign-language interpreting (the
/// second choice, in whatever language the question was written).
const SIGN_LANGUAGE_CHOICE: usize = 1;

/// One need of a meeting, summed over its confirmed registrations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Need {
    /// Stable within the meeting: `interpreting:Arabisch`, `childcare`, `accessibility:…`.
    pub key: String,
    /// `interpreting`, `childcare` or `accessibility`.
    pub kind: &'static str,
    /// The language or the kind of help as the question's choice says it; empty for childcare.
    pub what: String,
    /// People (for childcare: children).
    pub count: i64,
    /// The youngest and oldest child's age, where the ages could be read.
    pub ages: Option<(i64, i64)>,
    /// The question and the answer behind it, for the list of the people.
    pub question_id: i64,
    pub value: String,
    /// Must be booked (interpreters, sign language, childcare).
    pub bookable: bool,
    pub arranged: bool,
}

/// One need as a registration brings it (before summing), with its key.
#[derive(Debug, Clone, PartialEq)]
pub struct Brought {
    pub key: String,
    pub kind: &'static str,
    pub what: String,
    pub count: i64,
    pub question_id: i64,
    pub value: String,
    pub bookable: bool,
}

/// The numbers written in an answer ("2 und 5 Jahre" → 2, 5).
fn numbers(text: &str) -> Vec<i64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .filter(|n| *n < 100)
        .collect()
}

/// The needs one registration's answers bring.
pub fn brought(questions: &[Question], answers: &BTreeMap<i64, String>) -> Vec<Brought> {
    let mut out = Vec::new();
    for q in questions {
        let Some(value) = answers.get(&q.id) else {
            continue;
        };
        match q.preset.as_deref() {
            Some(INTERPRETING) => out.push(Brought {
                key: format!("{INTERPRETING}:{value}"),
                kind: INTERPRETING,
                what: value.clone(),
                count: 1,
                question_id: q.id,
                value: value.clone(),
                bookable: true,
            }),
            Some(CHILDCARE_COUNT) => {
                let children: i64 = value.parse().unwrap_or(0);
                if children > 0 {
                    out.push(Brought {
                        key: "childcare".into(),
                        kind: "childcare",
                        what: String::new(),
                        count: children,
                        question_id: q.id,
                        value: "*".into(),
                        bookable: true,
                    });
                }
            }
            Some(ACCESSIBILITY) => {
                let choices = q.choices();
                for v in value.lines() {
                    out.push(Brought {
                        key: format!("{ACCESSIBILITY}:{v}"),
                        kind: ACCESSIBILITY,
                        what: v.to_owned(),
                        count: 1,
                        question_id: q.id,
                        value: v.to_owned(),
                        bookable: choices.iter().position(|c| *c == v)
                            == Some(SIGN_LANGUAGE_CHOICE),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The needs of `event` from its confirmed registrations, with what is arranged.
pub fn summary(conn: &mut DbConn, event: &Event) -> QueryResult<Vec<Need>> {
    let questions = question::of_event(conn, event, true)?;
    let ids: Vec<i64> = registrations::table
        .filter(registrations::event_id.eq(event.id))
        .filter(registrations::status.eq(STATUS_CONFIRMED))
        .select(registrations::id)
        .load(conn)?;
    let given = question::answers_of(conn, &ids)?;
    let ages_question = questions
        .iter()
        .find(|q| q.preset.as_deref() == Some(CHILDCARE_AGES))
        .map(|q| q.id);
    let arranged = arranged_keys(conn, event.id)?;
    let mut needs: Vec<Need> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for answers in given.values() {
        for b in brought(&questions, answers) {
            let at = *index.entry(b.key.clone()).or_insert_with(|| {
                needs.push(Need {
                    arranged: arranged.contains_key(&b.key),
                    key: b.key.clone(),
                    kind: b.kind,
                    what: b.what.clone(),
                    count: 0,
                    ages: None,
                    question_id: b.question_id,
                    value: b.value.clone(),
                    bookable: b.bookable,
                });
                needs.len() - 1
            });
            needs[at].count += b.count;
            if b.kind == "childcare" {
                let ages = ages_question
                    .and_then(|q| answers.get(&q))
                    .map(|a| numbers(a))
                    .unwrap_or_default();
                for age in ages {
                    let range = needs[at].ages.get_or_insert((age, age));
                    *range = (range.0.min(age), range.1.max(age));
                }
            }
        }
    }
    // interpreting first, then childcare, then accessibility; the most asked for first
    let rank = |k: &str| match k {
        INTERPRETING => 0,
        "childcare" => 1,
        _ => 2,
    };
    needs.sort_by(|a, b| (rank(a.kind), -a.count, &a.what).cmp(&(rank(b.kind), -b.count, &b.what)));
    Ok(needs)
}

fn arranged_keys(conn: &mut DbConn, event_id: i64) -> QueryResult<HashMap<String, NaiveDateTime>> {
    Ok(needs_arranged::table
        .filter(needs_arranged::event_id.eq(event_id))
        .select((needs_arranged::need_key, needs_arranged::arranged_at))
        .load::<(String, NaiveDateTime)>(conn)?
        .into_iter()
        .collect())
}

/// Marks a need of a meeting as arranged, or takes the mark back.
pub fn set_arranged(
    conn: &mut DbConn,
    event_id: i64,
    key: &str,
    arranged: bool,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        diesel::delete(
            needs_arranged::table
                .filter(needs_arranged::event_id.eq(event_id))
                .filter(needs_arranged::need_key.eq(key)),
        )
        .execute(conn)?;
        if arranged {
            diesel::insert_into(needs_arranged::table)
                .values((
                    needs_arranged::event_id.eq(event_id),
                    needs_arranged::need_key.eq(key),
                    needs_arranged::arranged_at.eq(now),
                    needs_arranged::arranged_by.eq(&actor.label),
                ))
                .execute(conn)?;
        }
        let action = if arranged {
            "need.arranged"
        } else {
            "need.open"
        };
        audit::record(conn, actor, action, ("event", Some(event_id)), key, now)
    })
}

/// A need in the organisers' words: "3 × Arabisch", "4 Kinder (2–6 Jahre)".
pub fn describe(lang: &str, n: &Need) -> String {
    match n.kind {
        "childcare" => {
            let children =
                crate::i18n::text_with(lang, "need-children", &[("count", n.count.into())]);
            match n.ages {
                Some((a, b)) if a == b => format!(
                    "{children} ({})",
                    crate::i18n::text_with(lang, "need-age", &[("age", a.into())])
                ),
                Some((a, b)) => format!(
                    "{children} ({})",
                    crate::i18n::text_with(
                        lang,
                        "need-ages",
                        &[("from", a.into()), ("to", b.into())]
                    )
                ),
                None => children,
            }
        }
        _ => format!("{} × {}", n.count, n.what),
    }
}

/// The heading of a kind of need: "Dolmetschen", "Kinderbetreuung", "Barrierefreiheit".
pub fn kind_label(lang: &str, kind: &str) -> String {
    crate::i18n::text(lang, &format!("need-kind-{kind}"))
}

//! Ready-made questions that offices ask again and again, offered with one click and
//! translated already (their texts are Fluent messages `preset-<name>-label`, `-help`,
//! `-options`), and an office's own presets, kept from a question it asked.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::edit::{Scope, insert, scope_label};
use super::{CHOICE, CHOICES, NUMBER, Question, SHORT_TEXT, YES_NO};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::question_presets;
use crate::domain::DomainError;
use crate::domain::audit::{self, Actor};

/// One question of a built-in preset; `name` marks the questions it makes (the needs
/// summary finds them by it).
#[derive(Debug, Clone, Copy)]
pub struct PresetQuestion {
    pub name: &'static str,
    pub kind: &'static str,
    pub sensitive: bool,
}

/// A built-in preset: one or more questions added together.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    pub key: &'static str,
    pub questions: &'static [PresetQuestion],
}

pub const INTERPRETING: &str = "interpreting";
pub const CHILDCARE_COUNT: &str = "childcare_count";
pub const CHILDCARE_AGES: &str = "childcare_ages";
pub const ACCESSIBILITY: &str = "accessibility";
pub const PHOTOS: &str = "photos";

pub const BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        key: INTERPRETING,
        questions: &[PresetQuestion {
            name: INTERPRETING,
            kind: CHOICE,
            sensitive: true,
        }],
    },
    BuiltIn {
        key: "childcare",
        questions: &[
            PresetQuestion {
                name: CHILDCARE_COUNT,
                kind: NUMBER,
                sensitive: false,
            },
            PresetQuestion {
                name: CHILDCARE_AGES,
                kind: SHORT_TEXT,
                sensitive: false,
            },
        ],
    },
    BuiltIn {
        key: ACCESSIBILITY,
        questions: &[PresetQuestion {
            name: ACCESSIBILITY,
            kind: CHOICES,
            sensitive: true,
        }],
    },
    BuiltIn {
        key: PHOTOS,
        questions: &[PresetQuestion {
            name: PHOTOS,
            kind: YES_NO,
            sensitive: false,
        }],
    },
];

pub fn built_in(key: &str) -> Option<&'static BuiltIn> {
    BUILT_IN.iter().find(|b| b.key == key)
}

impl PresetQuestion {
    /// Label, help and choices in `lang` (choices one per line; empty for other kinds).
    pub fn texts(&self, lang: &str) -> (String, String, String) {
        let t = |part: &str| crate::i18n::text(lang, &format!("preset-{}-{part}", self.name));
        let options = match self.kind {
            CHOICE | CHOICES => t("options"),
            _ => String::new(),
        };
        (t("label"), t("help"), options)
    }
}

/// A question an office keeps for its meetings.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = question_presets)]
pub struct OfficePreset {
    pub id: i64,
    pub office_id: i64,
    pub kind: String,
    pub label: String,
    pub help: String,
    pub options: String,
    pub required: bool,
    pub sensitive: bool,
    pub created_at: NaiveDateTime,
}

pub fn office_presets(conn: &mut DbConn, office_id: i64) -> QueryResult<Vec<OfficePreset>> {
    question_presets::table
        .filter(question_presets::office_id.eq(office_id))
        .order(question_presets::label)
        .select(OfficePreset::as_select())
        .load(conn)
}

/// Keeps a question as a preset of `office_id` for its further meetings.
pub fn save_as_office_preset(
    conn: &mut DbConn,
    q: &Question,
    office_id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    write_transaction(conn, |conn| {
        let id = diesel::insert_into(question_presets::table)
            .values((
                question_presets::office_id.eq(office_id),
                question_presets::kind.eq(&q.kind),
                question_presets::label.eq(&q.label),
                question_presets::help.eq(&q.help),
                question_presets::options.eq(&q.options),
                question_presets::required.eq(q.required),
                question_presets::sensitive.eq(q.sensitive),
                question_presets::created_at.eq(now),
            ))
            .returning(question_presets::id)
            .get_result(conn)?;
        audit::record(
            conn,
            actor,
            "question.preset",
            ("question", Some(q.id)),
            &format!("office {office_id}"),
            now,
        )?;
        Ok(id)
    })
}

/// Adds an office preset's question; only presets of `office_id` (the meeting's office).
pub fn add_from_office_preset(
    conn: &mut DbConn,
    scope: Scope,
    preset_id: i64,
    office_id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<i64, DomainError> {
    let p: OfficePreset = question_presets::table
        .find(preset_id)
        .filter(question_presets::office_id.eq(office_id))
        .select(OfficePreset::as_select())
        .first(conn)
        .optional()?
        .ok_or(DomainError::NotFound)?;
    Ok(write_transaction(conn, |conn| {
        let id = insert(
            conn,
            scope,
            (&p.kind, &p.label, &p.help, &p.options),
            (p.required, p.sensitive),
            None,
            now,
        )?;
        let detail = format!("{} office preset {preset_id}", scope_label(scope));
        audit::record(
            conn,
            actor,
            "question.add",
            ("question", Some(id)),
            &detail,
            now,
        )?;
        Ok::<_, diesel::result::Error>(id)
    })?)
}

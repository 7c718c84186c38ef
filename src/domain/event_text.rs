//! A meeting's texts in further languages, shown to visitors who read that language: title,
//! summary, description, the place as read (venue and room), the contact line and the
//! reason for a cancellation. One further "language" is Leichte Sprache (easy-to-read
//! German, BITV 2.0 Anlage 2), shown behind its own switch on the meeting page.

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
    pub venue: String,
    pub contact: String,
    pub cancel_reason: String,
}

/// The language tag of the Leichte Sprache version: German, private-use subtag `ls`, so
/// that browsers and screen readers read it as German.
pub const LEICHTE_SPRACHE: &str = "de-x-ls";

/// The languages a meeting can be translated into: every supported one and Leichte Sprache.
pub fn is_translation_lang(lang: &str) -> bool {
    lang == LEICHTE_SPRACHE || crate::i18n::SUPPORTED.contains(&lang)
}

/// One language's fields as typed into the organiser's form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct TextInput {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub venue: Option<String>,
    pub contact: Option<String>,
    pub cancel_reason: Option<String>,
}

fn trimmed(v: &Option<String>) -> String {
    v.as_deref().unwrap_or("").trim().to_owned()
}

/// Checks the translations: known languages only (not the one the meeting is written in;
/// Leichte Sprache always), a title wherever a summary or description is translated (a
/// cancellation reason or a place may be translated alone), single lines where the
/// original has them, and the same lengths as the original.
/// Returns the filled-in ones, or the error message key.
pub fn validate(
    input: &BTreeMap<String, TextInput>,
    content_lang: &str,
) -> Result<Vec<EventText>, &'static str> {
    let mut out = Vec::new();
    for (lang, t) in input {
        let text = EventText {
            lang: lang.clone(),
            title: trimmed(&t.title),
            summary: trimmed(&t.summary),
            description: trimmed(&t.description),
            venue: trimmed(&t.venue),
            contact: trimmed(&t.contact),
            cancel_reason: trimmed(&t.cancel_reason),
        };
        if text.is_empty() {
            continue;
        }
        if !is_translation_lang(lang) || lang == content_lang {
            return Err("error-choice-invalid");
        }
        if text.title.is_empty() && !(text.summary.is_empty() && text.description.is_empty()) {
            return Err("error-translation-title");
        }
        for line in [&text.title, &text.venue, &text.contact] {
            if let Some(problem) = super::validate::single_line_problem(line) {
                return Err(problem);
            }
        }
        let too_long = |v: &str, max: usize| v.chars().count() > max;
        if too_long(&text.title, 200)
            || too_long(&text.summary, 500)
            || too_long(&text.description, 20_000)
            || too_long(&text.venue, 200)
            || too_long(&text.contact, 200)
            || too_long(&text.cancel_reason, 1000)
        {
            return Err("error-too-long");
        }
        out.push(text);
    }
    Ok(out)
}

impl EventText {
    fn is_empty(&self) -> bool {
        [
            &self.title,
            &self.summary,
            &self.description,
            &self.venue,
            &self.contact,
            &self.cancel_reason,
        ]
        .iter()
        .all(|v| v.is_empty())
    }

    /// A field of the translation, or `None` where it keeps the original.
    pub fn field(value: &str) -> Option<&str> {
        (!value.is_empty()).then_some(value)
    }
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
                event_texts::venue.eq(&t.venue),
                event_texts::contact.eq(&t.contact),
                event_texts::cancel_reason.eq(&t.cancel_reason),
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
                    venue: Some(t.venue.clone()),
                    contact: Some(t.contact.clone()),
                    cancel_reason: Some(t.cancel_reason.clone()),
                },
            )
        })
        .collect()
}

/// The meeting as a reader of `t`'s language sees it, for what is written to them (mails,
/// their calendar entry): each translated field replaces the original, the rest stays.
pub fn overlay(e: &mut crate::domain::event::Event, t: &EventText) {
    if let Some(title) = EventText::field(&t.title) {
        e.title = title.to_owned();
    }
    if let Some(summary) = EventText::field(&t.summary) {
        e.summary = summary.to_owned();
    }
    if let Some(description) = EventText::field(&t.description) {
        e.description = description.to_owned();
    }
    if let Some(venue) = EventText::field(&t.venue) {
        e.venue_name = venue.to_owned();
        e.venue_room = None;
    }
    if let Some(contact) = EventText::field(&t.contact)
        && e.contact_name.is_some()
    {
        e.contact_name = Some(contact.to_owned());
    }
    if let Some(reason) = EventText::field(&t.cancel_reason)
        && e.cancel_reason.is_some()
    {
        e.cancel_reason = Some(reason.to_owned());
    }
}

/// The cancellation reason's translations as typed into the cancel form: known languages
/// other than the meeting's own, single reasons of at most 1,000 characters, empty ones
/// dropped. Returns them, or the error message key.
pub fn cancel_reasons(
    input: &BTreeMap<String, String>,
    content_lang: &str,
) -> Result<Vec<(String, String)>, &'static str> {
    let mut out = Vec::new();
    for (lang, reason) in input {
        let reason = reason.trim();
        if reason.is_empty() {
            continue;
        }
        if !is_translation_lang(lang) || lang == content_lang {
            return Err("error-choice-invalid");
        }
        if reason.chars().count() > 1000 {
            return Err("error-too-long");
        }
        out.push((lang.clone(), reason.to_owned()));
    }
    Ok(out)
}

/// Stores translated cancellation reasons beside whatever else those translations hold.
/// Runs under the meeting's lock (see `manage::cancel`), so update-or-insert cannot race.
pub fn set_cancel_reasons(
    conn: &mut DbConn,
    event_id: i64,
    reasons: &[(String, String)],
) -> QueryResult<()> {
    for (lang, reason) in reasons {
        let of_lang = event_texts::table
            .filter(event_texts::event_id.eq(event_id))
            .filter(event_texts::lang.eq(lang));
        let updated = diesel::update(of_lang)
            .set(event_texts::cancel_reason.eq(reason))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(event_texts::table)
                .values((
                    event_texts::event_id.eq(event_id),
                    event_texts::lang.eq(lang),
                    event_texts::title.eq(""),
                    event_texts::summary.eq(""),
                    event_texts::description.eq(""),
                    event_texts::cancel_reason.eq(reason),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

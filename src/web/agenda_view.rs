//! The agenda and documents of a meeting as its pages show them: on the public page the
//! public documents (with the key of an unlisted meeting in their links), on a person's
//! own page also the participants' documents (with their token) and, at its time, the
//! online address of a hybrid meeting.

use chrono::NaiveDateTime;
use diesel::QueryResult;
use rocket::serde::json::serde_json::{Value, json};

use crate::db::DbConn;
use crate::domain::agenda::{self, AgendaItem};
use crate::domain::document::{self, DocumentInfo};
use crate::domain::event::EventDetail;
use crate::domain::links::{Pass, document_link};
use crate::domain::online;
use crate::domain::registration::Registration;
use crate::i18n::Formatter;

/// "1.2 MB": sizes as people read them.
pub fn size_text(bytes: i64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} B"),
    }
}

fn document_json(d: &DocumentInfo, pass: Pass<'_>) -> Value {
    json!({ "title": d.title, "file_name": d.file_name,
            "size": size_text(d.size_bytes), "href": document_link(d.id, pass) })
}

/// The items, each with its own documents, and the documents of the meeting itself.
fn agenda_json(items: &[AgendaItem], docs: &[DocumentInfo], pass: Pass<'_>) -> Value {
    let listed: Vec<Value> = items
        .iter()
        .map(|item| {
            let own: Vec<Value> = docs
                .iter()
                .filter(|d| d.agenda_item_id == Some(item.id))
                .map(|d| document_json(d, pass))
                .collect();
            json!({ "title": item.title, "presenter": item.presenter, "at_time": item.at_time,
                    "documents": own })
        })
        .collect();
    let general: Vec<Value> = docs
        .iter()
        // an item removed meanwhile leaves its documents to the meeting
        .filter(|d| {
            d.agenda_item_id
                .is_none_or(|i| !items.iter().any(|x| x.id == i))
        })
        .map(|d| document_json(d, pass))
        .collect();
    json!({ "agenda": listed, "documents": general })
}

/// `agenda` and `documents` for the public meeting page.
pub fn public_part(conn: &mut DbConn, detail: &EventDetail) -> QueryResult<Value> {
    let id = detail.event.id;
    let items = agenda::items_of(conn, id)?;
    let docs = document::public_of(conn, id)?;
    let pass = match &detail.access_key {
        Some(k) if detail.event.is_unlisted() => Pass::Key(k),
        _ => Pass::Open,
    };
    Ok(agenda_json(&items, &docs, pass))
}

/// `agenda`, `documents` and `online` for the person's own registration page.
pub fn own_part(
    conn: &mut DbConn,
    detail: &EventDetail,
    r: &Registration,
    (fmt, now): (&Formatter, NaiveDateTime),
) -> QueryResult<Value> {
    let e = &detail.event;
    let items = agenda::items_of(conn, e.id)?;
    // a cancelled registration is no participant's any more: its token opens nothing
    let docs = if r.is_cancelled() {
        Vec::new()
    } else {
        document::for_participants(conn, e.id)?
    };
    let pass = Pass::Registration(&r.token);
    let online = match online::find(conn, e.id)? {
        Some(o) if online::holds_seat(e, r) => {
            let from = o.shown_from(e);
            if o.shown_to(e, r, now) {
                json!({ "url": o.url })
            } else if now < from {
                json!({ "from": format!("{}, {}", fmt.date(from), fmt.time(from)) })
            } else {
                Value::Null
            }
        }
        _ => Value::Null,
    };
    let mut part = agenda_json(&items, &docs, pass);
    part["online"] = online;
    Ok(part)
}

/// `agenda` and `documents` for an invitation's page: the participants' documents too,
/// opened by the invitation's token; and its minutes, once published to the invitees.
pub fn invitation_part(conn: &mut DbConn, event_id: i64, token: &str) -> QueryResult<Value> {
    let items = agenda::items_of(conn, event_id)?;
    let docs = document::for_participants(conn, event_id)?;
    let mut part = agenda_json(&items, &docs, Pass::Invitation(token));
    let published =
        crate::domain::minutes::find(conn, event_id)?.is_some_and(|m| m.published_at.is_some());
    part["minutes"] = match published {
        true => json!(crate::domain::links::minutes_path(
            event_id,
            Pass::Invitation(token)
        )),
        false => Value::Null,
    };
    Ok(part)
}

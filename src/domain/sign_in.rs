//! The sign-in list (Teilnehmerliste zum Unterschreiben) funders ask for: one line per
//! confirmed person with their companions and organisation, and the needs the door should
//! know of (interpreting with its language, accessibility, childcare), read from the
//! answers to the preset questions like the needs summary. E-mail addresses only when
//! asked for: everybody who signs sees the sheet.

use diesel::prelude::*;

use super::event::Event;
use super::needs;
use super::registration::STATUS_CONFIRMED;
use super::{question, roster};
use crate::db::DbConn;

/// How the lines are sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Name,
    /// By organisation, then name; people without one last.
    Organisation,
}

impl Order {
    pub fn parse(s: Option<&str>) -> Option<Order> {
        match s.map(str::trim) {
            None | Some("" | "name") => Some(Order::Name),
            Some("organisation") => Some(Order::Organisation),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Order::Name => "name",
            Order::Organisation => "organisation",
        }
    }
}

/// What the sheet shows besides the people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub order: Order,
    /// Empty lines for people who come without registering.
    pub walk_ins: u32,
    /// Only when chosen: the sheet goes round the room.
    pub with_email: bool,
}

pub const DEFAULT_WALK_INS: u32 = 10;
pub const MAX_WALK_INS: u32 = 200;

impl Default for Options {
    fn default() -> Self {
        Options {
            order: Order::Name,
            walk_ins: DEFAULT_WALK_INS,
            with_email: false,
        }
    }
}

/// A need the door should know of: its kind (`interpreting`, `accessibility`, `childcare`)
/// and what exactly (a language, a kind of help, a number of children).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Mark {
    pub kind: &'static str,
    pub what: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Line {
    pub number: usize,
    pub name: String,
    pub companions: i32,
    pub organisation: Option<String>,
    /// `None` unless the sheet was asked for with addresses.
    pub email: Option<String>,
    pub marks: Vec<Mark>,
}

/// The confirmed people of `event` as the sheet lists them, numbered from 1.
pub fn lines(conn: &mut DbConn, event: &Event, options: Options) -> QueryResult<Vec<Line>> {
    // confirmed by the person too: an unconfirmed place may still lapse
    let people: Vec<_> = roster::list(conn, event.id, None, Some(STATUS_CONFIRMED))?
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    let questions = question::of_event(conn, event, true)?;
    let ids: Vec<i64> = people.iter().map(|r| r.id).collect();
    let answers = question::answers_of(conn, &ids)?;
    let mut out: Vec<Line> = people
        .into_iter()
        .map(|r| {
            let marks = answers
                .get(&r.id)
                .map(|a| needs::brought(&questions, a))
                .unwrap_or_default()
                .into_iter()
                .map(|b| Mark {
                    kind: b.kind,
                    what: if b.kind == "childcare" {
                        b.count.to_string()
                    } else {
                        b.what
                    },
                })
                .collect();
            Line {
                number: 0,
                name: r.name.clone(),
                companions: r.companions,
                organisation: r.organisation.clone().filter(|o| !o.trim().is_empty()),
                email: options
                    .with_email
                    .then(|| r.email.clone())
                    .filter(|e| !e.trim().is_empty()),
                marks,
            }
        })
        .collect();
    let by_name = |l: &Line| l.name.to_lowercase();
    match options.order {
        Order::Name => out.sort_by_key(by_name),
        Order::Organisation => out.sort_by_key(|l| {
            (
                l.organisation.is_none(),
                l.organisation.as_deref().map(str::to_lowercase),
                by_name(l),
            )
        }),
    }
    for (i, l) in out.iter_mut().enumerate() {
        l.number = i + 1;
    }
    Ok(out)
}

//! Telling organisers in time of needs they must book: each new registration that brings
//! one (at once, or in one daily summary: each organiser's choice, with the days left before
//! the meeting), and a reminder a chosen number of days before the meeting of every need
//! not yet marked arranged. The scheduler runs `alert_new` and `remind_open` as jobs; mails
//! go to the active organisers of the meeting's office, in German (the back office's
//! language for mails).

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::{Brought, brought, describe, kind_label, summary};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{
    answers, events, need_alerted, need_alerts, need_reminders, registrations, user_offices, users,
};
use crate::domain::account::{ROLE_ADMIN, ROLE_ORGANISER};
use crate::domain::event::{self, Event, STATUS_PUBLISHED};
use crate::domain::registration::{Registration, STATUS_CANCELLED};
use crate::domain::{outbox, question};
use crate::i18n;

pub const AT_ONCE: &str = "now";
pub const DAILY: &str = "daily";
pub const OFF: &str = "off";
pub const MODES: [&str; 3] = [AT_ONCE, DAILY, OFF];
const DEFAULT_REMINDER_DAYS: i32 = 7;
const DIGEST_HOURS: i64 = 24;
/// Organisers' mails are in the back office's first language.
const LANG: &str = "de";

/// How an organiser wants to hear of needs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Preferences {
    pub mode: String,
    pub reminder_days: i32,
}

pub fn preferences(conn: &mut DbConn, user_id: i64) -> QueryResult<Preferences> {
    let row: Option<(String, i32)> = need_alerts::table
        .find(user_id)
        .select((need_alerts::mode, need_alerts::reminder_days))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((mode, reminder_days)) => Preferences {
            mode,
            reminder_days,
        },
        None => Preferences {
            mode: AT_ONCE.into(),
            reminder_days: DEFAULT_REMINDER_DAYS,
        },
    })
}

/// Saves an organiser's choice; `mode` is one of [`MODES`], `reminder_days` 0–60. The
/// first daily summary covers what comes from now on (`now`), keeping the summary's count.
pub fn set_preferences(
    conn: &mut DbConn,
    user_id: i64,
    p: &Preferences,
    now: NaiveDateTime,
) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        let last: Option<Option<NaiveDateTime>> = need_alerts::table
            .find(user_id)
            .select(need_alerts::digest_sent_at)
            .first(conn)
            .optional()?;
        diesel::delete(need_alerts::table.find(user_id)).execute(conn)?;
        diesel::insert_into(need_alerts::table)
            .values((
                need_alerts::user_id.eq(user_id),
                need_alerts::mode.eq(&p.mode),
                need_alerts::reminder_days.eq(p.reminder_days),
                need_alerts::digest_sent_at.eq(last.flatten().unwrap_or(now)),
            ))
            .execute(conn)
            .map(|_| ())
    })
}

/// An organiser who hears of an office's needs.
struct Organiser {
    id: i64,
    email: String,
    prefs: Preferences,
}

fn organisers_of(conn: &mut DbConn, office_id: i64) -> QueryResult<Vec<Organiser>> {
    let people: Vec<(i64, String)> = users::table
        .inner_join(user_offices::table)
        .filter(user_offices::office_id.eq(office_id))
        .filter(users::active.eq(true))
        .filter(users::role.eq_any([ROLE_ORGANISER, ROLE_ADMIN]))
        .select((users::id, users::email))
        .load(conn)?;
    let mut out = Vec::with_capacity(people.len());
    for (id, email) in people {
        let prefs = preferences(conn, id)?;
        out.push(Organiser { id, email, prefs });
    }
    Ok(out)
}

fn days_left(e: &Event, now: NaiveDateTime) -> i64 {
    (e.starts_at.date() - now.date()).num_days().max(0)
}

fn line_of(b: &Brought) -> String {
    match b.kind {
        "childcare" => format!(
            "{}: {}",
            kind_label(LANG, b.kind),
            i18n::text_with(LANG, "need-children", &[("count", b.count.into())])
        ),
        _ => format!("{}: {}", kind_label(LANG, b.kind), b.what),
    }
}

/// Looks at registrations not looked at yet; tells organisers who want it at once of each
/// that brings a need to book. Each registration is looked at once.
pub fn alert_new(conn: &mut DbConn, base_url: &str, now: NaiveDateTime) -> QueryResult<()> {
    let fresh: Vec<i64> = answers::table
        .left_join(
            need_alerted::table.on(need_alerted::registration_id.eq(answers::registration_id)),
        )
        .filter(need_alerted::registration_id.is_null())
        .select(answers::registration_id)
        .distinct()
        .limit(500)
        .load(conn)?;
    for rid in fresh {
        once(write_transaction(conn, |conn| {
            alert_one(conn, rid, base_url, now)
        }))?;
    }
    Ok(())
}

/// Work whose first write marks it done: another instance that did it first makes this
/// one's mark a duplicate key, and then there is nothing left to do.
fn once(done: QueryResult<()>) -> QueryResult<()> {
    use diesel::result::{DatabaseErrorKind, Error};
    match done {
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(()),
        other => other,
    }
}

fn alert_one(conn: &mut DbConn, rid: i64, base_url: &str, now: NaiveDateTime) -> QueryResult<()> {
    let r: Registration = registrations::table
        .find(rid)
        .select(Registration::as_select())
        .first(conn)?;
    // the mark is the first write: a second instance at the same registration stops here
    diesel::insert_into(need_alerted::table)
        .values((
            need_alerted::registration_id.eq(rid),
            need_alerted::event_id.eq(r.event_id),
            need_alerted::at.eq(now),
            need_alerted::bookable.eq(false),
        ))
        .execute(conn)?;
    let Some(e) = event::find(conn, r.event_id)? else {
        return Ok(());
    };
    let questions = question::of_event(conn, &e, true)?;
    let given: BTreeMap<i64, String> = question::answers_of(conn, &[rid])?
        .remove(&rid)
        .unwrap_or_default();
    let needs: Vec<Brought> = brought(&questions, &given)
        .into_iter()
        .filter(|b| b.bookable)
        .collect();
    let bookable = !needs.is_empty() && !r.is_cancelled() && e.starts_at > now;
    diesel::update(need_alerted::table.find(rid))
        .set(need_alerted::bookable.eq(bookable))
        .execute(conn)?;
    if !bookable {
        return Ok(());
    }
    let lines: Vec<String> = needs.iter().map(line_of).collect();
    for o in organisers_of(conn, e.office_id)? {
        if o.prefs.mode != AT_ONCE {
            continue;
        }
        let subject = i18n::text_with(
            LANG,
            "mail-need-subject",
            &[("title", e.title.clone().into())],
        );
        let body = i18n::text_with(
            LANG,
            "mail-need-body",
            &[
                ("title", e.title.clone().into()),
                ("name", r.name.clone().into()),
                ("needs", lines.join("\n").into()),
                ("days", days_left(&e, now).into()),
                ("link", format!("{base_url}/admin/events/{}", e.id).into()),
            ],
        );
        outbox::prerendered(conn, "need_alert", &o.email, &subject, &body, now)?;
    }
    Ok(())
}

/// Sends each organiser who chose the daily summary, at most once a day, the registrations
/// with needs to book that came for their offices' meetings since the last one.
pub fn send_digests(conn: &mut DbConn, base_url: &str, now: NaiveDateTime) -> QueryResult<()> {
    let daily: Vec<(i64, Option<NaiveDateTime>)> = need_alerts::table
        .filter(need_alerts::mode.eq(DAILY))
        .select((need_alerts::user_id, need_alerts::digest_sent_at))
        .load(conn)?;
    for (user_id, last) in daily {
        if last.is_some_and(|l| now - l < Duration::hours(DIGEST_HOURS)) {
            continue;
        }
        write_transaction(conn, |conn| {
            // claimed by moving the mark on from where it was read: of two instances, the
            // second finds it moved and leaves the summary to the first
            let mark = need_alerts::table.find(user_id);
            let claimed = match last {
                Some(l) => diesel::update(mark.filter(need_alerts::digest_sent_at.eq(l)))
                    .set(need_alerts::digest_sent_at.eq(now))
                    .execute(conn)?,
                None => diesel::update(mark.filter(need_alerts::digest_sent_at.is_null()))
                    .set(need_alerts::digest_sent_at.eq(now))
                    .execute(conn)?,
            };
            match claimed {
                1 => digest_for(conn, user_id, last, base_url, now),
                _ => Ok(()),
            }
        })?;
    }
    Ok(())
}

fn digest_for(
    conn: &mut DbConn,
    user_id: i64,
    since: Option<NaiveDateTime>,
    base_url: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let Some((email, active)) = users::table
        .find(user_id)
        .select((users::email, users::active))
        .first::<(String, bool)>(conn)
        .optional()?
    else {
        return Ok(());
    };
    let offices: Vec<i64> = user_offices::table
        .filter(user_offices::user_id.eq(user_id))
        .select(user_offices::office_id)
        .load(conn)?;
    let since = since.unwrap_or(now - Duration::hours(DIGEST_HOURS));
    let rows: Vec<(i64, i64)> = need_alerted::table
        .inner_join(events::table)
        .filter(need_alerted::bookable.eq(true))
        .filter(need_alerted::at.ge(since))
        .filter(events::office_id.eq_any(&offices))
        .filter(events::starts_at.gt(now))
        .select((need_alerted::registration_id, need_alerted::event_id))
        .load(conn)?;
    if !active || rows.is_empty() {
        return Ok(());
    }
    let mut by_meeting: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (rid, event_id) in rows {
        let r: Registration = registrations::table
            .find(rid)
            .select(Registration::as_select())
            .first(conn)?;
        if r.status == STATUS_CANCELLED {
            continue;
        }
        let Some(e) = event::find(conn, event_id)? else {
            continue;
        };
        let questions = question::of_event(conn, &e, true)?;
        let given = question::answers_of(conn, &[rid])?
            .remove(&rid)
            .unwrap_or_default();
        let lines: Vec<String> = brought(&questions, &given)
            .iter()
            .filter(|b| b.bookable)
            .map(line_of)
            .collect();
        by_meeting
            .entry(event_id)
            .or_default()
            .push(format!("- {}: {}", r.name, lines.join(", ")));
    }
    let mut parts = Vec::new();
    for (event_id, people) in by_meeting {
        let Some(e) = event::find(conn, event_id)? else {
            continue;
        };
        let head = i18n::text_with(
            LANG,
            "mail-need-digest-meeting",
            &[
                ("title", e.title.clone().into()),
                ("days", days_left(&e, now).into()),
            ],
        );
        parts.push(format!(
            "{head}\n{}\n{base_url}/admin/events/{event_id}",
            people.join("\n")
        ));
    }
    if parts.is_empty() {
        return Ok(());
    }
    let subject = i18n::text(LANG, "mail-need-digest-subject");
    let body = format!(
        "{}\n\n{}",
        i18n::text(LANG, "mail-need-digest-body"),
        parts.join("\n\n")
    );
    outbox::prerendered(conn, "need_digest", &email, &subject, &body, now)
}

/// A chosen number of days before each coming meeting, tells its organisers once of the
/// needs to book that are not marked arranged yet.
pub fn remind_open(conn: &mut DbConn, base_url: &str, now: NaiveDateTime) -> QueryResult<()> {
    let coming: Vec<Event> = events::table
        .filter(events::status.eq(STATUS_PUBLISHED))
        .filter(events::starts_at.gt(now))
        .filter(events::starts_at.le(now + Duration::days(61)))
        .select(Event::as_select())
        .load(conn)?;
    for e in coming {
        let open: Vec<String> = summary(conn, &e)?
            .iter()
            .filter(|n| n.bookable && !n.arranged)
            .map(|n| format!("- {}: {}", kind_label(LANG, n.kind), describe(LANG, n)))
            .collect();
        if open.is_empty() {
            continue;
        }
        for o in organisers_of(conn, e.office_id)? {
            let due = e.starts_at - Duration::days(i64::from(o.prefs.reminder_days));
            if o.prefs.mode == OFF || now < due {
                continue;
            }
            let had: i64 = need_reminders::table
                .filter(need_reminders::event_id.eq(e.id))
                .filter(need_reminders::user_id.eq(o.id))
                .count()
                .get_result(conn)?;
            if had > 0 {
                continue;
            }
            once(write_transaction(conn, |conn| {
                diesel::insert_into(need_reminders::table)
                    .values((
                        need_reminders::event_id.eq(e.id),
                        need_reminders::user_id.eq(o.id),
                        need_reminders::sent_at.eq(now),
                    ))
                    .execute(conn)?;
                let subject = i18n::text_with(
                    LANG,
                    "mail-need-reminder-subject",
                    &[("title", e.title.clone().into())],
                );
                let body = i18n::text_with(
                    LANG,
                    "mail-need-reminder-body",
                    &[
                        ("title", e.title.clone().into()),
                        ("days", days_left(&e, now).into()),
                        ("needs", open.join("\n").into()),
                        ("link", format!("{base_url}/admin/events/{}", e.id).into()),
                    ],
                );
                outbox::prerendered(conn, "need_reminder", &o.email, &subject, &body, now)
            }))?;
        }
    }
    Ok(())
}

//! Barriers reported by visitors ("Barriere melden"): each report is stored (the back
//! office lists it until somebody marks it answered) and mailed to the office through the
//! outbox in the same transaction, so that nothing is lost while mail is down.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{access_feedback, offices, users};
use crate::domain::audit::{self, Actor};
use crate::domain::validate::{is_deliverable_email, single_line_problem};
use crate::domain::{DomainError, FieldErrors, outbox};
use crate::i18n;

/// The longest description accepted.
pub const WHAT_MAX: usize = 4000;
/// The longest "where" accepted (an address of this site, or a few words).
pub const PAGE_MAX: usize = 300;
/// At most this many reports an hour are mailed, from all addresses together: a flood from
/// many addresses fills the back-office list, never the office's mailbox.
pub const MAILS_PER_HOUR: i64 = 20;
/// The mail's kind in the outbox.
pub const MAIL_KIND: &str = "access_feedback";

/// A report as the visitor sent it, checked.
#[derive(Debug, Clone)]
pub struct NewFeedback {
    pub what: String,
    pub page: String,
    pub contact: Option<String>,
    pub lang: String,
}

impl NewFeedback {
    /// Checks a report: the description is needed, the page is one line, a contact given
    /// must be an address we can write to.
    pub fn checked(
        what: &str,
        page: &str,
        contact: &str,
        lang: &str,
    ) -> Result<NewFeedback, FieldErrors> {
        let (what, page, contact) = (what.trim(), page.trim(), contact.trim());
        let mut errors = FieldErrors::new();
        if what.is_empty() {
            errors.insert("what", "access-feedback-what-missing");
        } else if what.chars().count() > WHAT_MAX {
            errors.insert("what", "access-feedback-too-long");
        }
        if page.chars().count() > PAGE_MAX {
            errors.insert("page", "access-feedback-too-long");
        } else if single_line_problem(page).is_some() {
            errors.insert("page", "access-feedback-page-invalid");
        }
        if !contact.is_empty() && !is_deliverable_email(contact) {
            errors.insert("contact", "error-email-invalid");
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewFeedback {
            what: what.to_owned(),
            page: page.to_owned(),
            contact: (!contact.is_empty()).then(|| contact.to_owned()),
            lang: lang.to_owned(),
        })
    }
}

/// A stored report, for the back office.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = access_feedback)]
pub struct Feedback {
    pub id: i64,
    pub what: String,
    pub page: String,
    pub contact: Option<String>,
    pub lang: String,
    pub created_at: NaiveDateTime,
    pub answered_at: Option<NaiveDateTime>,
}

/// The address the public pages give for questions about accessibility: the configured
/// one, else the first office's; never an administrator's own address.
pub fn public_contact(conn: &mut DbConn, configured: Option<&str>) -> QueryResult<Option<String>> {
    if let Some(c) = configured.map(str::trim).filter(|c| !c.is_empty()) {
        return Ok(Some(c.to_owned()));
    }
    let office: Option<Option<String>> = offices::table
        .filter(offices::email.is_not_null())
        .filter(offices::email.ne(""))
        .order(offices::id.asc())
        .select(offices::email)
        .first(conn)
        .optional()?;
    Ok(office.flatten())
}

/// Where reports are mailed: [`public_contact`], else the first administrator's address;
/// `None` when there is nobody (the back-office list still has them).
pub fn recipient(conn: &mut DbConn, configured: Option<&str>) -> QueryResult<Option<String>> {
    if let Some(c) = public_contact(conn, configured)? {
        return Ok(Some(c));
    }
    users::table
        .filter(users::role.eq(crate::domain::account::ROLE_ADMIN))
        .order(users::id.asc())
        .select(users::email)
        .first(conn)
        .optional()
}

/// Stores a report and, within the hourly ceiling, queues its mail to `to`; the visitor's
/// words go into the mail as text only. Returns the report's number.
pub fn submit(
    conn: &mut DbConn,
    report: &NewFeedback,
    to: Option<&str>,
    base_url: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    write_transaction(conn, |conn| {
        let recent: i64 = access_feedback::table
            .filter(access_feedback::created_at.gt(now - Duration::hours(1)))
            .count()
            .get_result(conn)?;
        let id: i64 = diesel::insert_into(access_feedback::table)
            .values((
                access_feedback::what.eq(&report.what),
                access_feedback::page.eq(&report.page),
                access_feedback::contact.eq(&report.contact),
                access_feedback::lang.eq(&report.lang),
                access_feedback::created_at.eq(now),
            ))
            .returning(access_feedback::id)
            .get_result(conn)?;
        audit::record(
            conn,
            &Actor::system(),
            "access.feedback",
            ("access_feedback", Some(id)),
            "reported on the public page",
            now,
        )?;
        if let Some(to) = to
            && recent < MAILS_PER_HOUR
        {
            let (subject, body) = mail(id, report, base_url);
            outbox::prerendered(conn, MAIL_KIND, to, &subject, &body, now)?;
        }
        Ok(id)
    })
}

/// The office's mail about a report, in German (the office's language).
fn mail(id: i64, r: &NewFeedback, base_url: &str) -> (String, String) {
    const LANG: &str = "de";
    let base = base_url.trim_end_matches('/');
    let page = if r.page.starts_with('/') {
        format!("{base}{}", r.page)
    } else {
        r.page.clone()
    };
    let none = i18n::text(LANG, "access-mail-none");
    let body = i18n::text_with(
        LANG,
        "access-mail-body",
        &[
            ("what", r.what.clone().into()),
            (
                "page",
                if page.is_empty() { none.clone() } else { page }.into(),
            ),
            ("contact", r.contact.clone().unwrap_or(none).into()),
            ("lang", r.lang.clone().into()),
            (
                "link",
                format!("{base}/admin/accessibility/feedback").into(),
            ),
        ],
    );
    let subject = i18n::text_with(LANG, "access-mail-subject", &[("id", id.into())]);
    (subject, body)
}

/// Forgets the contact address of reports answered before `before` (the retention period
/// after the answer); the report itself stays for the office's record.
pub fn forget_contacts(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        access_feedback::table
            .filter(access_feedback::answered_at.lt(before))
            .filter(access_feedback::contact.is_not_null()),
    )
    .set(access_feedback::contact.eq(None::<String>))
    .execute(conn)
}

/// Every report, the open ones first, newest first.
pub fn list(conn: &mut DbConn) -> QueryResult<Vec<Feedback>> {
    let mut all: Vec<Feedback> = access_feedback::table
        .order(access_feedback::id.desc())
        .select(Feedback::as_select())
        .load(conn)?;
    all.sort_by_key(|f| f.answered_at.is_some());
    Ok(all)
}

/// How many reports wait for an answer.
pub fn open_count(conn: &mut DbConn) -> QueryResult<i64> {
    access_feedback::table
        .filter(access_feedback::answered_at.is_null())
        .count()
        .get_result(conn)
}

/// Marks a report answered (once; a second click changes nothing).
pub fn mark_answered(
    conn: &mut DbConn,
    id: i64,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<(), DomainError> {
    write_transaction(conn, |conn| {
        let n = diesel::update(
            access_feedback::table
                .find(id)
                .filter(access_feedback::answered_at.is_null()),
        )
        .set((
            access_feedback::answered_at.eq(now),
            access_feedback::answered_by.eq(actor.user_id),
        ))
        .execute(conn)?;
        if n == 0 {
            let exists: i64 = access_feedback::table.find(id).count().get_result(conn)?;
            return if exists == 0 {
                Err(DomainError::NotFound)
            } else {
                Ok(())
            };
        }
        audit::record(
            conn,
            actor,
            "access.feedback.answered",
            ("access_feedback", Some(id)),
            "",
            now,
        )?;
        Ok(())
    })
}

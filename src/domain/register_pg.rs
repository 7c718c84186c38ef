//! A public registration on PostgreSQL in one statement: lock the meeting, read its counts,
//! look for the same address, insert the registration and its mail (issue 18).
//!
//! Why: every statement of a registration is a round trip to a server that shares the
//! machine, and the general path (`register::register`) takes six plus `BEGIN` and
//! `COMMIT`. Here the rules stay in Rust: everything but the counts is decided beforehand
//! on the meeting as read (`register`), and the statement inserts only while the meeting's
//! row is still that version (`xmin`, PostgreSQL's row version): a meeting changed in
//! between, a full one, or an address already registered inserts nothing, and the general
//! path decides again and says why. The counts come from the locked row of
//! `event_counts` (under `FOR UPDATE` PostgreSQL reads its newest version), so capacity is
//! exact however many instances register at once. The statement has one fixed shape:
//! each connection prepares it once.

use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Bool, Integer, Nullable, Text, Timestamp};

use super::availability::Placement;
use super::registration::{
    CONSENT_VERSION, NewRegistration, Registration, STATUS_CANCELLED, STATUS_CONFIRMED,
    STATUS_WAITING,
};
use crate::db::schema::registrations;

/// The version of a meeting's row as read (`events.xmin`), for [`at_once`] to insert only
/// while it is unchanged.
#[derive(Debug, Clone, Copy, QueryId, ValidGrouping)]
pub struct EventVersion;

impl Expression for EventVersion {
    type SqlType = Text;
}

impl<QS> AppearsOnTable<QS> for EventVersion {}

impl<QS> SelectableExpression<QS> for EventVersion {}

impl QueryFragment<Pg> for EventVersion {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("\"events\".\"xmin\"::text");
        Ok(())
    }
}

/// What the mail about the new registration is, by the place it gets.
#[derive(Debug, Clone, Copy)]
pub struct MailKinds<'a> {
    pub confirmed: &'a str,
    pub waiting: &'a str,
    /// Where it goes; `None`: nowhere (no address), no mail.
    pub recipient: Option<&'a str>,
}

/// The statement; see the module's comment.
struct AtOnce<'a> {
    version: &'a str,
    /// [`Placement`] as the statement's values: no limit, the most seats confirmed before
    /// this party, and whether it may wait.
    unlimited: bool,
    confirm_up_to: i64,
    may_wait: bool,
    new: &'a NewRegistration<'a>,
    mail: MailKinds<'a>,
}

/// Registration columns in the order of `Registration`.
const COLUMNS: &str = "id, event_id, token, name, email, email_key, organisation, companions, \
    seats, needs, status, language, consent_version, consent_at, created_at, updated_at, \
    promoted_at, cancelled_at, checked_in_at, source, verify_deadline, verified_at, \
    reminded_at, checked_in_device, purged_at, optional_mail_off_at, contact_kind, phone, \
    postal_address, via_name, via_email";

impl QueryFragment<Pg> for AtOnce<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        let new = self.new;
        out.push_sql(
            "WITH locked AS (SELECT event_counts.confirmed_seats, event_counts.waiting \
             FROM events INNER JOIN event_counts ON event_counts.event_id = events.id \
             WHERE events.id = ",
        );
        out.push_bind_param::<BigInt, _>(&new.event_id)?;
        out.push_sql(" AND events.xmin::text = ");
        out.push_bind_param::<Text, _>(&self.version)?;
        out.push_sql(" FOR UPDATE), placed AS (SELECT CASE WHEN ");
        out.push_bind_param::<Bool, _>(&self.unlimited)?;
        out.push_sql(" OR (locked.waiting = 0 AND locked.confirmed_seats <= ");
        out.push_bind_param::<BigInt, _>(&self.confirm_up_to)?;
        out.push_sql(") THEN ");
        out.push_bind_param::<Text, _>(&STATUS_CONFIRMED)?;
        out.push_sql(" WHEN ");
        out.push_bind_param::<Bool, _>(&self.may_wait)?;
        out.push_sql(" THEN ");
        out.push_bind_param::<Text, _>(&STATUS_WAITING)?;
        out.push_sql(
            " END AS status, locked.waiting FROM locked WHERE NOT EXISTS \
             (SELECT 1 FROM registrations WHERE event_id = ",
        );
        out.push_bind_param::<BigInt, _>(&new.event_id)?;
        out.push_sql(" AND email_key = ");
        out.push_bind_param::<Text, _>(&new.email_key)?;
        out.push_sql(" AND status <> ");
        out.push_bind_param::<Text, _>(&STATUS_CANCELLED)?;
        out.push_sql(
            ")), added AS (INSERT INTO registrations (event_id, token, name, email, email_key, \
             organisation, companions, seats, needs, status, language, consent_version, \
             consent_at, created_at, updated_at, source, verify_deadline, contact_kind, phone, \
             postal_address, via_name, via_email) SELECT ",
        );
        out.push_bind_param::<BigInt, _>(&new.event_id)?;
        for text in [&new.token, &new.name, &new.email, &new.email_key] {
            out.push_sql(", ");
            out.push_bind_param::<Text, _>(text)?;
        }
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Text>, _>(&new.organisation)?;
        for number in [&new.companions, &new.seats] {
            out.push_sql(", ");
            out.push_bind_param::<Integer, _>(number)?;
        }
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Text>, _>(&new.needs)?;
        out.push_sql(", placed.status");
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&new.language)?;
        // the consent version as `notice::consent_version` makes it: `v` and the newest
        // notice's number, else the built-in notice's
        out.push_sql(", COALESCE('v' || (SELECT max(version) FROM privacy_notices), ");
        out.push_bind_param::<Text, _>(&CONSENT_VERSION)?;
        out.push_sql(")");
        for time in [&new.consent_at, &new.created_at, &new.updated_at] {
            out.push_sql(", ");
            out.push_bind_param::<Timestamp, _>(time)?;
        }
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&new.source)?;
        out.push_sql(", ");
        out.push_bind_param::<Nullable<Timestamp>, _>(&new.verify_deadline)?;
        out.push_sql(", ");
        out.push_bind_param::<Text, _>(&new.contact_kind)?;
        for text in [
            &new.phone,
            &new.postal_address,
            &new.via_name,
            &new.via_email,
        ] {
            out.push_sql(", ");
            out.push_bind_param::<Nullable<Text>, _>(text)?;
        }
        out.push_sql(" FROM placed WHERE placed.status IS NOT NULL RETURNING ");
        out.push_sql(COLUMNS);
        out.push_sql(
            "), mailed AS (INSERT INTO outbox (registration_id, kind, recipient, subject, \
             body_text, body_html, payload, created_at, next_attempt_at) \
             SELECT added.id, CASE WHEN added.status = ",
        );
        out.push_bind_param::<Text, _>(&STATUS_CONFIRMED)?;
        out.push_sql(" THEN ");
        out.push_bind_param::<Text, _>(&self.mail.confirmed)?;
        out.push_sql(" ELSE ");
        out.push_bind_param::<Text, _>(&self.mail.waiting)?;
        out.push_sql(" END, ");
        out.push_bind_param::<Nullable<Text>, _>(&self.mail.recipient)?;
        out.push_sql(", '', '', '', '', ");
        out.push_bind_param::<Timestamp, _>(&new.created_at)?;
        out.push_sql(", ");
        out.push_bind_param::<Timestamp, _>(&new.created_at)?;
        out.push_sql(" FROM added WHERE ");
        out.push_bind_param::<Nullable<Text>, _>(&self.mail.recipient)?;
        out.push_sql(" IS NOT NULL) SELECT added.*, placed.waiting FROM added, placed");
        Ok(())
    }
}

impl QueryId for AtOnce<'_> {
    type QueryId = AtOnce<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for AtOnce<'_> {
    type SqlType = (registrations::SqlType, BigInt);
}

impl RunQueryDsl<PgConnection> for AtOnce<'_> {}

/// Inserts `new` (its `status` and `consent_version` are decided here) with its mail, while meeting
/// `new.event_id` is still at `version`, nobody holds a place with its address and
/// `placement` gives it one. Returns the registration and how many waited before it, or
/// `None` when nothing was inserted (the general path then decides and says why).
pub fn at_once(
    conn: &mut PgConnection,
    version: &str,
    placement: Placement,
    new: &NewRegistration<'_>,
    mail: MailKinds<'_>,
) -> QueryResult<Option<(Registration, i64)>> {
    AtOnce {
        version,
        unlimited: placement.confirm_up_to.is_none(),
        confirm_up_to: placement.confirm_up_to.unwrap_or(0),
        may_wait: placement.may_wait,
        new,
        mail,
    }
    .get_result(conn)
    .optional()
}

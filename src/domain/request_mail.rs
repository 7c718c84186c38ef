//! Mails anybody can have sent to an address by asking ("send my link again", a link to
//! one's own data): at most one of a kind per address within a window, whoever asks and
//! from wherever. The mark is a row in the database, so it holds across all instances.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::request_mails;

/// Takes the right to send one mail of `kind` to `recipient_key` now: true when none went
/// out within `window`. Call it in the transaction that queues the mail, so that a mail
/// that is not queued does not use up the window either.
pub fn claim(
    conn: &mut DbConn,
    recipient_key: &str,
    kind: &str,
    now: NaiveDateTime,
    window: Duration,
) -> QueryResult<bool> {
    let mine = request_mails::table
        .filter(request_mails::recipient_key.eq(recipient_key))
        .filter(request_mails::kind.eq(kind));
    // an old mark is taken over by a compare-and-set: of two askers only one gets it
    let renewed = diesel::update(mine.filter(request_mails::sent_at.le(now - window)))
        .set(request_mails::sent_at.eq(now))
        .execute(conn)?;
    if renewed == 1 {
        return Ok(true);
    }
    let recent: i64 = mine.count().get_result(conn)?;
    if recent > 0 {
        return Ok(false);
    }
    // the first mark: a savepoint, so that losing the race to another instance (a unique
    // violation) leaves the caller's transaction usable
    let inserted = write_transaction(conn, |conn| {
        diesel::insert_into(request_mails::table)
            .values((
                request_mails::recipient_key.eq(recipient_key),
                request_mails::kind.eq(kind),
                request_mails::sent_at.eq(now),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Forgets marks older than any window could be (kept small by the purge job).
pub fn forget_before(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(request_mails::table.filter(request_mails::sent_at.lt(before))).execute(conn)
}

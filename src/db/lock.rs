//! The one way to change an event's seats: a transaction that holds the event exclusively.

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::prelude::*;

use super::DbConn;
use super::schema::events;

/// Begins a write transaction, or a savepoint when one is open already (the work of a
/// group commit, see `db::batch`).
pub(crate) fn begin_write(conn: &mut DbConn) -> diesel::QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => {
            let open = AnsiTransactionManager::transaction_manager_status_mut(c)
                .transaction_depth()?
                .is_some();
            if open {
                AnsiTransactionManager::begin_transaction(c)
            } else {
                AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
            }
        }
        DbConn::Postgres(c) => AnsiTransactionManager::begin_transaction(c),
    }
}

fn finish<T, E>(conn: &mut DbConn, outcome: Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match outcome {
        Ok(value) => {
            <DbConn as Connection>::TransactionManager::commit_transaction(conn)?;
            super::written();
            Ok(value)
        }
        Err(e) => {
            // the original error matters more than a failed rollback
            let _ = <DbConn as Connection>::TransactionManager::rollback_transaction(conn);
            Err(e)
        }
    }
}

/// A transaction that will write. On SQLite it takes the write lock at `BEGIN IMMEDIATE`:
/// a deferred transaction that reads first and writes later fails at once (SQLITE_BUSY,
/// without waiting) when another connection wrote in between, as the mail worker does.
pub fn write_transaction<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    begin_write(conn)?;
    let outcome = f(conn);
    finish(conn, outcome)
}

/// Runs `f` in a transaction that first takes the write lock for `event_id`: SQLite by
/// `BEGIN IMMEDIATE` (the database's single writer lock), PostgreSQL by `SELECT … FOR UPDATE`
/// on the event row. Everything `f` counts stays true until commit, so seats are exact.
///
/// Returns `Ok(None)` when the event does not exist.
pub fn with_event_locked<T, E, F>(conn: &mut DbConn, event_id: i64, f: F) -> Result<Option<T>, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    begin_write(conn)?;
    let outcome = match lock_also(conn, event_id) {
        Ok(true) => f(conn).map(Some),
        Ok(false) => Ok(None),
        Err(e) => Err(E::from(e)),
    };
    finish(conn, outcome)
}

/// Inside a write transaction, locks an event row (PostgreSQL `FOR UPDATE`; on SQLite the
/// transaction already holds the database's only write lock); false if there is none.
/// [`with_event_locked`] takes the first; moves between meetings take a second one.
pub fn lock_also(conn: &mut DbConn, event_id: i64) -> diesel::QueryResult<bool> {
    match conn {
        DbConn::Sqlite(c) => events::table
            .find(event_id)
            .select(events::id)
            .first::<i64>(c)
            .optional(),
        DbConn::Postgres(c) => events::table
            .find(event_id)
            .select(events::id)
            .for_update()
            .first::<i64>(c)
            .optional(),
    }
    .map(|found| found.is_some())
}

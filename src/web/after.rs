//! Work done after the answer: forms whose answer must not tell whether an address is
//! known ("send my link again", "my data") answer at once, the same for every address, and
//! look the address up afterwards, so that not even the time taken tells.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rocket::tokio::sync::Notify;

use crate::db::lock::write_transaction;
use crate::db::{Db, DbConn, DbError};

/// The deferred work of this instance (managed state).
#[derive(Clone, Default)]
pub struct Deferred {
    running: Arc<AtomicUsize>,
    idle: Arc<Notify>,
}

impl Deferred {
    /// Runs `work` in a write transaction (each such job claims its mail before it queues
    /// it) without holding up the answer. Errors are logged (without personal data: `what`
    /// names the job, not the person).
    pub fn spawn<F>(&self, db: &Db, what: &'static str, work: F)
    where
        F: FnOnce(&mut DbConn) -> Result<(), DbError> + Send + 'static,
    {
        self.running.fetch_add(1, Ordering::SeqCst);
        let (db, running, idle) = (db.clone(), self.running.clone(), self.idle.clone());
        rocket::tokio::spawn(async move {
            if let Err(e) = db.run(move |conn| write_transaction(conn, work)).await {
                log::warn!("{what}: {e}");
            }
            if running.fetch_sub(1, Ordering::SeqCst) == 1 {
                idle.notify_waiters();
            }
        });
    }

    /// Returns once no deferred work is left (for tests, which check what it did).
    pub async fn settled(&self) {
        loop {
            let notified = self.idle.notified();
            rocket::tokio::pin!(notified);
            notified.as_mut().enable();
            if self.running.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

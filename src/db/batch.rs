//! Group commit: registrations and check-ins that arrive together are written by one writer
//! in one transaction, each in its own savepoint, and answered only after that one commit.
//!
//! A durable commit costs an fsync (SQLite WAL with synchronous=FULL, PostgreSQL's WAL), and
//! SQLite has one writer anyway; committing sixteen registrations with one fsync instead of
//! sixteen is what makes the write rate a multiple of the disk's fsync rate. Every rule still
//! holds per registration: each runs under its meeting's lock, in arrival order, and one
//! that is refused rolls back to its savepoint without touching the others.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;

use diesel::connection::{Connection, TransactionManager};
use rocket::tokio::sync::oneshot;

use super::{DbConn, DbError, Pool};

/// Most pieces of work committed together; more wait for the next round.
const MAX_BATCH: usize = 64;

/// Answers a piece of work once the commit is known (with why it failed, if it did).
type Answer = Box<dyn FnOnce(Option<&str>) + Send>;

/// One piece of work with the place its answer goes.
trait Job: Send {
    /// The meeting it locks: a batch takes its locks in ascending order, so batches of
    /// several app instances on one PostgreSQL cannot deadlock.
    fn key(&self) -> i64;
    /// Runs inside the batch's transaction; returns how to answer once the commit is known.
    fn run(self: Box<Self>, conn: &mut DbConn) -> Answer;
    fn fail(self: Box<Self>, why: &str);
}

struct Typed<T, E, F> {
    key: i64,
    work: F,
    answer: oneshot::Sender<Result<T, E>>,
}

impl<T, E, F> Job for Typed<T, E, F>
where
    F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    fn key(&self) -> i64 {
        self.key
    }

    fn run(self: Box<Self>, conn: &mut DbConn) -> Answer {
        let Typed { key, work, answer } = *self;
        let result = super::confined_to(key, || in_savepoint(conn, work));
        Box::new(move |commit_failed: Option<&str>| {
            let result = match (commit_failed, result) {
                // nothing of it was stored: it must not be answered as done
                (Some(why), Ok(_)) => Err(DbError::Unavailable(why.to_owned()).into()),
                (_, result) => result,
            };
            let _ = answer.send(result);
        })
    }

    fn fail(self: Box<Self>, why: &str) {
        let _ = self
            .answer
            .send(Err(DbError::Unavailable(why.to_owned()).into()));
    }
}

/// Runs `work` in a savepoint: kept when it succeeds, undone when it fails or panics.
fn in_savepoint<T, E, F>(conn: &mut DbConn, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<DbError>,
{
    type Tm = <DbConn as Connection>::TransactionManager;
    Tm::begin_transaction(conn).map_err(DbError::from)?;
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| work(conn)));
    match outcome {
        Ok(Ok(value)) => {
            Tm::commit_transaction(conn).map_err(DbError::from)?;
            Ok(value)
        }
        Ok(Err(e)) => {
            Tm::rollback_transaction(conn).map_err(DbError::from)?;
            Err(e)
        }
        Err(_) => {
            let _ = Tm::rollback_transaction(conn);
            Err(DbError::Unavailable("the work panicked".into()).into())
        }
    }
}

/// The writer: a thread that takes what has queued up and commits it together.
#[derive(Clone)]
pub struct Batcher {
    queue: mpsc::Sender<Box<dyn Job>>,
}

impl Batcher {
    pub fn start(pool: Pool) -> Batcher {
        let (queue, jobs) = mpsc::channel::<Box<dyn Job>>();
        std::thread::Builder::new()
            .name("treffpunkt-writer".into())
            .spawn(move || write_loop(&pool, &jobs))
            .expect("the writer thread starts");
        Batcher { queue }
    }

    /// Runs `work` (which locks meeting `key`) in the next group commit; its answer comes
    /// after the commit, or an error if the commit failed.
    pub async fn run<T, E, F>(&self, key: i64, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let job = Box::new(Typed { key, work, answer });
        if self.queue.send(job).is_err() {
            return Err(DbError::Unavailable("the writer has stopped".into()).into());
        }
        answered
            .await
            .unwrap_or_else(|_| Err(DbError::Unavailable("the writer has stopped".into()).into()))
    }
}

fn write_loop(pool: &Pool, jobs: &mpsc::Receiver<Box<dyn Job>>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        // stable: the arrival order holds among the work for one meeting
        batch.sort_by_key(|j| j.key());
        let mut conn = match pool.get() {
            Ok(conn) => conn,
            Err(e) => {
                let why = e.to_string();
                batch.into_iter().for_each(|j| j.fail(&why));
                continue;
            }
        };
        if let Err(e) = super::lock::begin_write(&mut conn) {
            let why = e.to_string();
            batch.into_iter().for_each(|j| j.fail(&why));
            continue;
        }
        let keys: Vec<i64> = batch.iter().map(|j| j.key()).collect();
        let answers: Vec<_> = batch.into_iter().map(|j| j.run(&mut conn)).collect();
        type Tm = <DbConn as Connection>::TransactionManager;
        let committed = Tm::commit_transaction(&mut conn).map_err(|e| {
            let _ = Tm::rollback_transaction(&mut conn);
            e.to_string()
        });
        let failed = committed.err();
        keys.iter()
            .for_each(|&k| super::generation::registrations_written(k));
        for answer in answers {
            answer(failed.as_deref());
        }
    }
}

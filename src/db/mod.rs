//! One connection type for SQLite and PostgreSQL, a pool of it, and the bridge that runs
//! synchronous Diesel work on Rocket's blocking threads.

pub mod backup;
pub(crate) mod batch;
pub mod file_lock;
mod generation;
pub mod keyset;
pub mod lock;
pub mod migrate;
pub mod schema;

pub use generation::{confined_to, unchanged_since, write_generation, written};

use std::path::Path;
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Sqlite(diesel::SqliteConnection),
    Postgres(diesel::PgConnection),
}

/// Which backend a database URL names: `postgres://`/`postgresql://` or a SQLite file
/// (`sqlite://path`, `sqlite:path` or a bare path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Sqlite(String),
    Postgres(String),
}

impl Backend {
    pub fn from_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres(url.to_owned())
        } else {
            let path = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"))
                .unwrap_or(url);
            Backend::Sqlite(path.to_owned())
        }
    }
}

/// r2d2 manager that picks the backend from the URL scheme once, instead of letting the
/// derived `establish` try each backend in turn.
#[derive(Debug)]
pub struct Manager {
    backend: Backend,
}

/// How long a connection that answered is taken as alive without asking again.
const CHECK_EVERY: Duration = Duration::from_secs(1);

/// Raised whenever work on a pooled connection failed: the database may be gone, so every
/// connection is asked again before its next use.
static DOUBTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A pooled connection, when it last answered a check, and the [`DOUBTS`] it answered.
pub struct Checked {
    conn: DbConn,
    answered: (Instant, u64),
}

fn now_and_doubts() -> (Instant, u64) {
    (
        Instant::now(),
        DOUBTS.load(std::sync::atomic::Ordering::Relaxed),
    )
}

impl std::ops::Deref for Checked {
    type Target = DbConn;
    fn deref(&self) -> &DbConn {
        &self.conn
    }
}

impl std::ops::DerefMut for Checked {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.conn
    }
}

impl ManageConnection for Manager {
    type Connection = Checked;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<Checked, r2d2::Error> {
        Ok(Checked {
            conn: self.open()?,
            answered: now_and_doubts(),
        })
    }

    /// Asks the database at most once a second per connection, and after any work failed:
    /// asking before every use cost PostgreSQL one round trip per request (issue 18). A
    /// connection that broke is asked at its next use and replaced.
    fn is_valid(&self, c: &mut Checked) -> Result<(), r2d2::Error> {
        let (at, doubts) = c.answered;
        let current = DOUBTS.load(std::sync::atomic::Ordering::Relaxed);
        if doubts == current && at.elapsed() < CHECK_EVERY {
            return Ok(());
        }
        c.conn
            .batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)?;
        c.answered = (Instant::now(), current);
        Ok(())
    }

    fn has_broken(&self, c: &mut Checked) -> bool {
        use diesel::connection::TransactionManager;
        <DbConn as Connection>::TransactionManager::is_broken_transaction_manager(&mut c.conn)
    }
}

impl Manager {
    fn open(&self) -> Result<DbConn, r2d2::Error> {
        match &self.backend {
            Backend::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(path)
                    .map_err(r2d2::Error::ConnectionError)?;
                // WAL with synchronous=FULL: every acknowledged commit survives power loss.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
            Backend::Postgres(url) => diesel::PgConnection::establish(url)
                .map(DbConn::Postgres)
                .map_err(r2d2::Error::ConnectionError),
        }
    }
}

/// A connection from the pool, back in the pool when dropped.
pub struct Pooled(r2d2::PooledConnection<Manager>);

impl std::ops::Deref for Pooled {
    type Target = DbConn;
    fn deref(&self) -> &DbConn {
        &self.0
    }
}

impl std::ops::DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut DbConn {
        &mut self.0
    }
}

pub type Pool = r2d2::Pool<Manager>;

/// A SQLite path that names a file (not `:memory:` or a `file:` URI), which can have a lock
/// file beside it.
fn is_file(path: &str) -> bool {
    !path.is_empty() && path != ":memory:" && !path.starts_with("file:")
}

/// Errors of the database layer as the web layer needs to tell them apart.
#[derive(Debug)]
pub enum DbError {
    /// No connection could be had in time: the database is down or overloaded.
    Unavailable(String),
    Query(diesel::result::Error),
}

impl From<diesel::result::Error> for DbError {
    fn from(e: diesel::result::Error) -> Self {
        DbError::Query(e)
    }
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Unavailable(e) => write!(f, "database unavailable: {e}"),
            DbError::Query(e) => write!(f, "database error: {e}"),
        }
    }
}

/// The pool as Rocket managed state.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    /// The group-commit writer, started on first use.
    batcher: std::sync::Arc<std::sync::OnceLock<batch::Batcher>>,
    /// SQLite has one writer and commits cost an fsync each: it gets the group commit.
    group_commit: bool,
    /// SQLite: the shared lock that keeps `restore` away while this process has the file open.
    _in_use: Option<std::sync::Arc<file_lock::Held>>,
}

impl Db {
    pub fn connect(url: &str) -> Result<Db, String> {
        let backend = Backend::from_url(url);
        let group_commit = matches!(backend, Backend::Sqlite(_));
        let mut in_use = None;
        let pool_size = match &backend {
            Backend::Sqlite(path) => {
                if let Some(dir) = Path::new(path)
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
                }
                if is_file(path) {
                    in_use = Some(std::sync::Arc::new(file_lock::share(Path::new(path))?));
                }
                // one writer at a time anyway; a few readers beside it
                8
            }
            Backend::Postgres(_) => 16,
        };
        let pool = r2d2::Pool::builder()
            .max_size(pool_size)
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(5))
            .build(Manager { backend })
            .map_err(|e| format!("cannot open database: {e}"))?;
        Ok(Db {
            pool,
            batcher: Default::default(),
            group_commit,
            _in_use: in_use,
        })
    }

    /// The pool's connections: open, of which idle, and the most it opens.
    pub fn pool_state(&self) -> (u32, u32, u32) {
        let state = self.pool.state();
        (
            state.connections,
            state.idle_connections,
            self.pool.max_size(),
        )
    }

    pub fn get(&self) -> Result<Pooled, DbError> {
        self.pool
            .get()
            .map(Pooled)
            .map_err(|e| DbError::Unavailable(e.to_string()))
    }

    /// Runs write work that locks meeting `key` in the next group commit (see `batch`):
    /// for the hot writes, registering and checking in. On PostgreSQL each runs in its own
    /// transaction beside the others: there a single writer would wait on every round trip,
    /// and the server already flushes concurrent commits together.
    ///
    /// The work must change nothing but meeting `key`'s registrations (and what belongs to
    /// them: answers, mails, check-ins): its commit is filed under that meeting alone
    /// (`generation::confined_to`), so pages derived from other meetings stay valid.
    pub async fn run_batched<T, E, F>(&self, key: i64, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        if !self.group_commit {
            return self.run(move |conn| confined_to(key, || f(conn))).await;
        }
        self.batcher
            .get_or_init(|| batch::Batcher::start(self.pool.clone()))
            .run(key, f)
            .await
    }

    /// `run` for work whose only errors are the database's: closures use `?` on queries
    /// without naming their error type.
    pub async fn query<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(f).await
    }

    /// Runs blocking database work off the async runtime.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let pool = self.clone();
        rocket::tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            let outcome = f(&mut conn);
            if outcome.is_err() {
                DOUBTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            outcome
        })
        .await
        .unwrap_or_else(|e| Err(DbError::Unavailable(format!("worker failed: {e}")).into()))
    }
}

//! `treffpunkt backup FILE` and `treffpunkt restore FILE` for SQLite.
//!
//! A backup is `VACUUM INTO`: it reads one snapshot of the database (in WAL mode beside
//! the running server's writes, without stopping them), so it holds exactly the
//! transactions committed before it began. A restore checks the file, takes the lock that
//! every process using the database shares (`file_lock`) and swaps the file in with a rename.
//! PostgreSQL has its own tools for both (README, "Backups and upgrades").

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::{Backend, DbConn, file_lock, migrate};

const POSTGRES_BACKUP: &str = "the database is PostgreSQL: back it up with its own tools, \
     e.g. `pg_dump --format=custom --file=treffpunkt.dump \"$TREFFPUNKT_DATABASE_URL\"` \
     (README, \"Backups and upgrades\"); `treffpunkt backup` copies SQLite databases";

const POSTGRES_RESTORE: &str = "the database is PostgreSQL: restore it with its own tools, \
     e.g. `pg_restore --clean --if-exists --dbname=\"$TREFFPUNKT_DATABASE_URL\" treffpunkt.dump` \
     (README, \"Backups and upgrades\"); `treffpunkt restore` puts back SQLite databases";

/// The first 16 bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Tables without which a file is no Treffpunkt database.
const OURS: [&str; 4] = [
    "__diesel_schema_migrations",
    "events",
    "registrations",
    "signing_keys",
];

fn sqlite_path(url: &str, postgres: &str) -> Result<PathBuf, String> {
    match Backend::from_url(url) {
        Backend::Sqlite(path) => Ok(PathBuf::from(path)),
        Backend::Postgres(_) => Err(postgres.to_owned()),
    }
}

/// `name` beside `path` in the same folder (so that a rename stays on one file system).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn open(path: &Path) -> Result<diesel::SqliteConnection, String> {
    let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy())
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    conn.batch_execute("PRAGMA busy_timeout = 10000;")
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    Ok(conn)
}

/// A file's contents and its entry in the folder are on disk.
fn sync(file: &Path) -> Result<(), String> {
    let said = |e: std::io::Error| format!("cannot write {}: {e}", file.display());
    File::open(file).and_then(|f| f.sync_all()).map_err(said)?;
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        File::open(dir).and_then(|d| d.sync_all()).map_err(said)?;
    }
    Ok(())
}

/// Writes a consistent copy of the database at `url` to `file`, which must not exist yet.
pub fn backup(url: &str, file: &Path) -> Result<String, String> {
    let source = sqlite_path(url, POSTGRES_BACKUP)?;
    if file.exists() {
        return Err(format!(
            "{} exists already: a backup never overwrites a file, name a new one",
            file.display()
        ));
    }
    if !source.is_file() {
        return Err(format!("there is no database at {}", source.display()));
    }
    // written under another name and then linked: a half-written copy never has the
    // backup's name, and a file made meanwhile under that name is not overwritten
    let partial = beside(file, &format!(".partial-{}", std::process::id()));
    let _ = fs::remove_file(&partial);
    let copied = open(&source).and_then(|mut conn| {
        diesel::sql_query("VACUUM INTO ?")
            .bind::<Text, _>(partial.to_string_lossy())
            .execute(&mut conn)
            .map_err(|e| format!("backup of {} failed: {e}", source.display()))
    });
    let linked = copied.and_then(|_| sync(&partial)).and_then(|()| {
        match fs::hard_link(&partial, file) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(format!(
                "{} exists already: nothing was overwritten",
                file.display()
            )),
            // file systems without hard links (some network shares): a rename, after one
            // more look whether the name is still free
            Err(_) if !file.exists() => fs::rename(&partial, file)
                .map_err(|e| format!("cannot write {}: {e}", file.display())),
            Err(e) => Err(format!("cannot write {}: {e}", file.display())),
        }
    });
    let _ = fs::remove_file(&partial);
    linked?;
    sync(file)?;
    Ok(format!(
        "backup of {} written to {}",
        source.display(),
        file.display()
    ))
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

/// Whether the file at `path` is an intact Treffpunkt database this version can run on.
fn check(path: &Path, shown: &Path) -> Result<(), String> {
    let not_ours = || {
        format!(
            "{} is not a Treffpunkt database (a backup made with `treffpunkt backup`)",
            shown.display()
        )
    };
    let mut head = [0u8; 16];
    let read = File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head));
    if read.is_err() || &head != SQLITE_MAGIC {
        return Err(not_ours());
    }
    let mut conn = open(path)?;
    // the copy leaves no log files behind when it is renamed into place
    conn.batch_execute("PRAGMA journal_mode = DELETE;")
        .map_err(|_| not_ours())?;
    let lines = diesel::sql_query("PRAGMA integrity_check")
        .load::<Line>(&mut conn)
        .map_err(|e| format!("{} is damaged: {e}", shown.display()))?;
    if lines.len() != 1 || lines[0].integrity_check != "ok" {
        let said: Vec<String> = lines
            .into_iter()
            .take(5)
            .map(|l| l.integrity_check)
            .collect();
        return Err(format!(
            "{} is damaged (integrity check: {})",
            shown.display(),
            said.join("; ")
        ));
    }
    for table in OURS {
        let found = diesel::sql_query(
            "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?",
        )
        .bind::<Text, _>(table)
        .get_result::<Count>(&mut conn)
        .map_err(|_| not_ours())?;
        if found.n != 1 {
            return Err(not_ours());
        }
    }
    let mut conn = DbConn::Sqlite(conn);
    migrate::pending(&mut conn).map(|_| ()).map_err(|e| {
        format!(
            "{} cannot be restored by this version: {e}",
            shown.display()
        )
    })
}

/// Puts the backup `file` in place of the database at `url`: refused while a process has
/// that database open, and unless `file` is an intact Treffpunkt database.
pub fn restore(url: &str, file: &Path) -> Result<String, String> {
    let target = sqlite_path(url, POSTGRES_RESTORE)?;
    if !file.is_file() {
        return Err(format!("there is no file {}", file.display()));
    }
    if beside(file, "-wal").exists() {
        return Err(format!(
            "{} has a write-ahead log beside it: it is a database in use, not a backup; \
             make one with `treffpunkt backup`",
            file.display()
        ));
    }
    if let (Ok(a), Ok(b)) = (file.canonicalize(), target.canonicalize())
        && a == b
    {
        return Err(format!("{} is the database itself", file.display()));
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let _lock = file_lock::exclusive(&target)?;
    let incoming = beside(&target, ".restoring");
    let _ = fs::remove_file(&incoming);
    let placed = fs::copy(file, &incoming)
        .map_err(|e| format!("cannot copy {}: {e}", file.display()))
        .and_then(|_| check(&incoming, file))
        .and_then(|()| sync(&incoming))
        .and_then(|()| {
            // the old database's log would be replayed into the new file: it goes first
            for log in ["-wal", "-shm", "-journal"] {
                let stale = beside(&target, log);
                match fs::remove_file(&stale) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(format!("cannot remove {}: {e}", stale.display()));
                    }
                    _ => {}
                }
            }
            fs::rename(&incoming, &target)
                .map_err(|e| format!("cannot replace {}: {e}", target.display()))
        })
        .and_then(|()| sync(&target));
    if placed.is_err() {
        let _ = fs::remove_file(&incoming);
        let _ = fs::remove_file(beside(&incoming, "-journal"));
    }
    placed?;
    Ok(format!(
        "{} restored to {}; start the server again",
        file.display(),
        target.display()
    ))
}

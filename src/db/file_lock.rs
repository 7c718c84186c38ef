//! The lock file beside a SQLite database (`<database>.lock`): every process that opens the
//! database holds a shared lock on it for as long as it has the database open; `restore`
//! takes it exclusively, so it cannot replace a file a server is writing to, and a server
//! cannot start in the middle of a restore. The kernel drops the lock when a process ends,
//! also by SIGKILL, so a lock file left behind never blocks anything.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Where the lock of the database at `path` lives.
pub fn path_of(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn open(database: &Path) -> Result<File, String> {
    let path = path_of(database);
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| format!("cannot open the lock file {}: {e}", path.display()))
}

/// A lock held until dropped.
#[derive(Debug)]
pub struct Held(#[allow(dead_code)] File);

/// The shared lock of a process that uses the database (a server, a command).
pub fn share(database: &Path) -> Result<Held, String> {
    let file = open(database)?;
    match file.try_lock_shared() {
        Ok(()) => Ok(Held(file)),
        Err(TryLockError::WouldBlock) => Err(format!(
            "a restore is replacing the database {}: start again when it has finished",
            database.display()
        )),
        Err(TryLockError::Error(e)) => {
            Err(format!("cannot lock {}: {e}", path_of(database).display()))
        }
    }
}

/// The exclusive lock of a restore: refused while anyone has the database open.
pub fn exclusive(database: &Path) -> Result<Held, String> {
    let file = open(database)?;
    match file.try_lock() {
        Ok(()) => Ok(Held(file)),
        Err(TryLockError::WouldBlock) => Err(format!(
            "the database {} is in use by a running Treffpunkt (the server or another command): \
             stop it first, then restore",
            database.display()
        )),
        Err(TryLockError::Error(e)) => {
            Err(format!("cannot lock {}: {e}", path_of(database).display()))
        }
    }
}

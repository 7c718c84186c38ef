//! The embedded migrations of both backends: applied at every start, listed by
//! `migrate --dry-run`, and a database migrated by a newer version is refused.

use diesel::migration::MigrationSource;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::DbConn;

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// What this binary knows and what the database has: the names of the migrations still to
/// apply, and the versions recorded in the database that this binary does not know.
struct State {
    pending: Vec<String>,
    unknown: Vec<String>,
}

fn state_of<DB, C>(conn: &mut C, source: EmbeddedMigrations) -> Result<State, String>
where
    DB: diesel::backend::Backend,
    C: MigrationHarness<DB>,
    EmbeddedMigrations: MigrationSource<DB>,
{
    let known: Vec<String> = MigrationSource::<DB>::migrations(&source)
        .map_err(|e| e.to_string())?
        .iter()
        .map(|m| m.name().version().to_string())
        .collect();
    let applied = conn
        .applied_migrations()
        .map_err(|e| format!("cannot read the applied migrations: {e}"))?;
    let mut unknown: Vec<String> = applied
        .iter()
        .map(|v| v.to_string())
        .filter(|v| !known.contains(v))
        .collect();
    unknown.sort();
    let pending = conn
        .pending_migrations(source)
        .map_err(|e| format!("cannot list the pending migrations: {e}"))?
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    Ok(State { pending, unknown })
}

fn state(conn: &mut DbConn) -> Result<State, String> {
    match conn {
        DbConn::Sqlite(c) => state_of(c, SQLITE),
        DbConn::Postgres(c) => state_of(c, POSTGRES),
    }
}

/// A database that a newer version has migrated is left alone: this binary would run on a
/// schema it does not know (and an older one cannot take the newer migrations back).
fn refuse_newer(state: &State) -> Result<(), String> {
    if state.unknown.is_empty() {
        return Ok(());
    }
    Err(format!(
        "the database was migrated by a newer Treffpunkt than this one ({}): it records \
         migration {} that this version does not know. Start the newer version again, or \
         restore a backup taken before the upgrade; nothing was changed",
        env!("CARGO_PKG_VERSION"),
        state.unknown.join(", ")
    ))
}

/// The names of the migrations a start would apply, without applying them; refused like a
/// start on a database of a newer version.
pub fn pending(conn: &mut DbConn) -> Result<Vec<String>, String> {
    let state = state(conn)?;
    refuse_newer(&state)?;
    Ok(state.pending)
}

/// Applies the pending migrations of the connection's backend, unless the database comes
/// from a newer version.
pub fn run(conn: &mut DbConn) -> Result<(), String> {
    refuse_newer(&state(conn)?)?;
    let result = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE).map(|_| ()),
        DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES).map(|_| ()),
    };
    result.map_err(|e| format!("migration failed: {e}"))
}

/// Takes back the applied migration whose folder name is `name` (only that one): a test of a
/// migration's data step puts data of the old shape in and then calls `run` again.
pub fn revert(conn: &mut DbConn, name: &str) -> Result<(), String> {
    fn back<DB, C>(conn: &mut C, source: &EmbeddedMigrations, name: &str) -> Result<(), String>
    where
        DB: diesel::backend::Backend,
        C: MigrationHarness<DB>,
        EmbeddedMigrations: MigrationSource<DB>,
    {
        let all = source.migrations().map_err(|e| e.to_string())?;
        let m = all
            .iter()
            .find(|m| m.name().to_string() == name)
            .ok_or_else(|| format!("no migration {name}"))?;
        conn.revert_migration(m.as_ref())
            .map(|_| ())
            .map_err(|e| format!("revert failed: {e}"))
    }
    match conn {
        DbConn::Sqlite(c) => back(c, &SQLITE, name),
        DbConn::Postgres(c) => back(c, &POSTGRES, name),
    }
}

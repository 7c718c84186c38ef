use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::DbConn;

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Applies the pending migrations of the connection's backend.
pub fn run(conn: &mut DbConn) -> Result<(), String> {
    let result = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE).map(|_| ()),
        DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES).map(|_| ()),
    };
    result.map_err(|e| format!("migration failed: {e}"))
}

/// Takes back the applied migration whose folder name is `name` (only that one): a test of a
/// migration's data step puts data of the old shape in and then calls `run` again.
pub fn revert(conn: &mut DbConn, name: &str) -> Result<(), String> {
    use diesel::migration::MigrationSource;
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

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

//! The privacy notice: built in (from the translations) until an administrator writes the
//! installation's own. Every edit is a new version; registrations keep the one agreed to.

use diesel::prelude::*;

use super::registration::CONSENT_VERSION;
use super::versioned_text::versioned_text_table;
use crate::db::DbConn;
use crate::db::schema::privacy_notices;

versioned_text_table!(privacy_notices, "privacy.notice", "privacy_notice");

/// The version a registration made now agrees to.
pub fn consent_version(conn: &mut DbConn) -> diesel::QueryResult<String> {
    // the number only: every registration asks, the notice's text is not needed
    let newest: Option<i32> = privacy_notices::table
        .select(diesel::dsl::max(privacy_notices::version))
        .first(conn)?;
    // `register_pg` writes the same in SQL
    Ok(newest.map_or_else(|| CONSENT_VERSION.to_owned(), |v| format!("v{v}")))
}

//! The privacy notice: built in (from the translations) until an administrator writes the
//! installation's own. Every edit is a new version; registrations keep the one agreed to.

use super::registration::CONSENT_VERSION;
use super::versioned_text::versioned_text_table;
use crate::db::DbConn;

versioned_text_table!(privacy_notices, "privacy.notice", "privacy_notice");

/// The version a registration made now agrees to.
pub fn consent_version(conn: &mut DbConn) -> diesel::QueryResult<String> {
    Ok(current(conn)?.map_or_else(|| CONSENT_VERSION.to_owned(), |n| n.label()))
}

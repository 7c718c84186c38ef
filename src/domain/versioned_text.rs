//! A text the administrator publishes in versions, German and English (the privacy notice,
//! the accessibility statement): every edit is a new row and the newest one is shown, so
//! that what was published when stays known.

/// One published version.
#[derive(Debug, Clone)]
pub struct VersionedText {
    pub version: i32,
    pub body_de: String,
    pub body_en: String,
}

impl VersionedText {
    pub fn label(&self) -> String {
        format!("v{}", self.version)
    }

    /// The language of the text a visitor in `lang` reads: German for German readers and
    /// when no English text was written, English for everybody else.
    pub fn body_lang(&self, lang: &str) -> &'static str {
        if lang == "de" || self.body_en.trim().is_empty() {
            "de"
        } else {
            "en"
        }
    }

    /// The text for a visitor in `lang` (see [`VersionedText::body_lang`]).
    pub fn body_for(&self, lang: &str) -> &str {
        if self.body_lang(lang) == "de" {
            &self.body_de
        } else {
            &self.body_en
        }
    }
}

/// `current` and `save` over one table of versioned texts (columns `version`, `body_de`,
/// `body_en`, `created_at`, `created_by`); `save` logs `$action` on `$object` in the audit
/// log. A macro because Diesel's tables are types of their own.
macro_rules! versioned_text_table {
    ($table:ident, $action:literal, $object:literal) => {
        /// The newest version, if the administrator ever published one.
        pub fn current(
            conn: &mut $crate::db::DbConn,
        ) -> diesel::QueryResult<Option<$crate::domain::versioned_text::VersionedText>> {
            use diesel::prelude::*;
            use $crate::db::schema::$table as t;
            let row: Option<(i32, String, String)> = t::table
                .order(t::version.desc())
                .select((t::version, t::body_de, t::body_en))
                .first(conn)
                .optional()?;
            Ok(row.map(|(version, body_de, body_en)| {
                $crate::domain::versioned_text::VersionedText {
                    version,
                    body_de,
                    body_en,
                }
            }))
        }

        /// Publishes a new version; returns its number.
        pub fn save(
            conn: &mut $crate::db::DbConn,
            body_de: &str,
            body_en: &str,
            actor: &$crate::domain::audit::Actor,
            now: chrono::NaiveDateTime,
        ) -> diesel::QueryResult<i32> {
            use diesel::prelude::*;
            use $crate::db::schema::$table as t;
            $crate::db::lock::write_transaction(conn, |conn| {
                let last: Option<i32> =
                    t::table.select(diesel::dsl::max(t::version)).first(conn)?;
                let version = last.unwrap_or(0) + 1;
                diesel::insert_into(t::table)
                    .values((
                        t::version.eq(version),
                        t::body_de.eq(body_de),
                        t::body_en.eq(body_en),
                        t::created_at.eq(now),
                        t::created_by.eq(actor.user_id),
                    ))
                    .execute(conn)?;
                $crate::domain::audit::record(
                    conn,
                    actor,
                    $action,
                    ($object, Some(i64::from(version))),
                    "",
                    now,
                )?;
                Ok(version)
            })
        }
    };
}

pub(crate) use versioned_text_table;

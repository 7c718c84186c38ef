//! The accessibility statement (Erklärung zur Barrierefreiheit, BITV 2.0 § 7 after the
//! EU model of implementing decision 2018/1523): built in until the administrator publishes
//! the office's own; every edit is a new version.

use super::super::versioned_text::versioned_text_table;

versioned_text_table!(access_statements, "access.statement", "access_statement");

/// What Treffpunkt itself meets, with the office's parts as marked placeholders: the
/// statement shown until the administrator publishes one, and the editor's first draft.
pub const DEFAULT_DE: &str = include_str!("statement.de.md");
/// The English version of the built-in statement.
pub const DEFAULT_EN: &str = include_str!("statement.en.md");

//! What organisers do to meetings, in three parts: the meeting form (`form`, its rules in
//! `form_rules`, its times in `local_time`) and the actions on a meeting (`actions`:
//! create, edit, publish, duplicate, cancel). Everything is reachable from here, so callers
//! write `manage::create` and `manage::EventInput`.

mod actions;
mod form;
mod form_rules;
mod local_time;

pub use actions::{
    CancelReason, Edited, calendar_visible_change, cancel, create, duplicate, set_published, update,
};
pub use form::{EventFields, EventInput};
pub use local_time::{EARLIEST_YEAR, YEARS_AHEAD, format_local, in_date_window, parse_local};

//! Managing meetings, by concern: the list (`list`) and the archive (`archive`), a meeting's dashboard and preview
//! (`dashboard`), the form to create and edit (`form`), and the actions publish, unpublish,
//! duplicate and cancel (`actions`). Recurring series are in `staff/series.rs`.

mod actions;
mod archive;
mod dashboard;
pub(crate) mod form;
mod list;

use rocket::{Route, routes};

pub fn routes() -> Vec<Route> {
    routes![
        list::list,
        archive::archive_page,
        form::new_form,
        form::create,
        dashboard::dashboard,
        form::edit_form,
        form::update,
        dashboard::preview,
        actions::publish,
        actions::unpublish,
        actions::duplicate,
        actions::cancel,
    ]
}

//! The online address of a hybrid meeting, set on the agenda page: an https address and
//! from how many minutes before the start those who come see it.

use rocket::response::Redirect;
use rocket::{Route, post, routes};

use super::agenda::{Forms, again, base};
use super::form_page::{Answer, save_form, saved};
use super::managed_event;
use super::session::{Checked, CsrfToken, Staff};
use crate::domain::online::{self, OnlineInput};
use crate::web::Ctx;
use crate::web::errors::PageError;

#[post("/admin/events/<id>/online", data = "<form>")]
async fn save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<OnlineInput>,
) -> Result<Answer, PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    let form = form.0;
    let result = save_form(
        &ctx,
        &staff,
        form.check(),
        move |conn, value, actor, now| {
            let set = value.is_some();
            online::save(conn, id, value, actor, now).map(|()| set)
        },
    )
    .await?;
    let done = match result {
        Ok(true) => "online-saved",
        Ok(false) => "online-removed",
        Err(errors) => {
            let forms = Forms {
                online: Some((form, errors)),
                ..Forms::default()
            };
            return again(&ctx, &staff, &csrf, &e, forms).await;
        }
    };
    saved(Redirect::to(format!("{}#online", base(id))), done)
}

pub fn routes() -> Vec<Route> {
    routes![save]
}

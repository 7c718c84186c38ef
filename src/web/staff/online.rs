//! The online address of a hybrid meeting, set on the agenda page: an https address and
//! from how many minutes before the start those who come see it.

use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::{Either, Route, post, routes};

use super::agenda::{Forms, base, page};
use super::managed_event;
use super::session::{Checked, CsrfToken, Staff};
use crate::domain::online::{self, OnlineInput};
use crate::web::Ctx;
use crate::web::errors::PageError;

type Answer = Either<Flash<Redirect>, (Status, rocket_dyn_templates::Template)>;

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
    let value = match form.check() {
        Ok(v) => v,
        Err(errors) => {
            let forms = Forms {
                online: Some((form, errors)),
                ..Forms::default()
            };
            let p = page(
                &ctx,
                &staff,
                &csrf,
                None,
                &e,
                (forms, false),
                Status::UnprocessableEntity,
            )
            .await?;
            return Ok(Either::Right(p));
        }
    };
    let done = if value.is_some() {
        "online-saved"
    } else {
        "online-removed"
    };
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(online::save(conn, id, value, &actor, now)?))
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to(format!("{}#online", base(id))),
        done,
    )))
}

pub fn routes() -> Vec<Route> {
    routes![save]
}

//! Uploading a document to a meeting (a multipart form on the agenda page) and removing
//! one. A file too large or of a type not taken brings the form back with a message at
//! the file field, the title, visibility and agenda item kept.

use rocket::response::{Flash, Redirect};
use rocket::{FromForm, Route, post, routes};

use super::agenda::{Forms, again, base};
use super::form_page::{Answer, save_form, saved};
use super::managed_event;
use super::session::{Checked, CsrfToken, Nothing, Staff};
use crate::domain::document::{self, DocumentInput};
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::upload::FileField;

#[derive(FromForm)]
struct UploadForm {
    title: Option<String>,
    visibility: Option<String>,
    attach_to: Option<String>,
    file: Option<FileField>,
}

#[post("/admin/events/<id>/documents", data = "<form>")]
async fn upload(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<UploadForm>,
) -> Result<Answer, PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    let f = form.0;
    let input = DocumentInput {
        title: f.title.unwrap_or_default(),
        visibility: f.visibility.unwrap_or_default(),
        attach_to: f.attach_to.unwrap_or_default(),
    };
    let file = f.file.map(|f| f.0);
    // the domain checks the file with the fields, so there is no check of its own
    let kept = input.clone();
    let result = save_form(&ctx, &staff, Ok(input), move |conn, input, actor, now| {
        document::store(conn, id, &input, file.as_ref(), actor, now)
    })
    .await?;
    match result {
        Ok(_) => saved(
            Redirect::to(format!("{}#documents", base(id))),
            "document-added",
        ),
        Err(errors) => {
            let forms = Forms {
                document: (kept, errors),
                ..Forms::default()
            };
            again(&ctx, &staff, &csrf, &e, forms).await
        }
    }
}

#[post("/admin/documents/<doc>/remove", data = "<_form>")]
async fn remove(
    ctx: Ctx<'_>,
    staff: Staff,
    doc: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    let found = ctx
        .db
        .page(move |conn| Ok(document::find(conn, doc)?))
        .await?
        .filter(|d| d.removed_at.is_none())
        .ok_or(PageError::NotFound)?;
    let e = managed_event(&ctx, &staff, found.event_id).await?;
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(document::remove(conn, &found, &actor, now)?))
        .await?;
    Ok(Flash::success(
        Redirect::to(format!("{}#documents", base(e.id))),
        "document-removed",
    ))
}

pub fn routes() -> Vec<Route> {
    routes![upload, remove]
}

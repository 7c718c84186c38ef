//! The published minutes of a meeting at `/events/<id>/minutes`: for everybody who reaches
//! the meeting when they are public, else only with an invitee's or a participant's token
//! from the mail (`?i=`, `?t=`); anybody else gets 404.

use rocket::serde::json::serde_json::json;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;

use super::documents::Passes;
use super::errors::PageError;
use super::staff::session::Staff;
use super::{Ctx, render};
use crate::domain::document;
use crate::domain::links::{Pass, document_link};
use crate::domain::{event, minutes};

#[get("/events/<id>/minutes?<passes..>")]
async fn minutes_page(
    ctx: Ctx<'_>,
    staff: Option<Staff>,
    id: i64,
    passes: Passes,
) -> Result<Template, PageError> {
    let found = ctx
        .db
        .page(move |conn| {
            let Some(detail) = event::find_detail(conn, id)? else {
                return Ok(None);
            };
            let Some(m) = minutes::find(conn, id)? else {
                return Ok(None);
            };
            let asker = passes.asker(staff.as_ref(), detail.event.office_id);
            if !minutes::may_read(conn, &m, &detail, &asker)? {
                return Ok(None);
            }
            let doc = match m.document_id {
                Some(d) => document::find(conn, d)?.filter(|d| d.removed_at.is_none()),
                None => None,
            };
            // the document's link carries the secret the page was opened with
            let pass = match (&passes.t, &passes.i, &passes.k) {
                (Some(t), _, _) => Pass::Registration(t),
                (None, Some(i), _) => Pass::Invitation(i),
                (None, None, Some(k)) => Pass::Key(k),
                _ => Pass::Open,
            };
            let doc = doc.map(|d| {
                json!({ "title": d.title, "file_name": d.file_name,
                                          "href": document_link(d.id, pass) })
            });
            Ok(Some((detail, m, doc)))
        })
        .await?;
    let (detail, m, doc) = found.ok_or(PageError::NotFound)?;
    let fmt = ctx.fmt();
    let e = &detail.event;
    Ok(render(
        "minutes",
        &ctx.visitor,
        json!({
            "title": e.title, "when": fmt.span(e.starts_at, e.ends_at),
            "start_iso": fmt.iso(e.starts_at),
            "body_html": crate::markdown::to_safe_html(&m.body),
            "document": doc,
            "draft": m.published_at.is_none(),
        }),
    ))
}

pub fn routes() -> Vec<Route> {
    routes![minutes_page]
}

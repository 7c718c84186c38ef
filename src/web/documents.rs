//! Serving a meeting's documents at `/documents/<id>`: the access check of its visibility
//! (see `domain::document::access`), and headers that make browsers save rather than run
//! what they get. Whoever may not fetch a document gets 404, exactly as for one that does
//! not exist.

use std::io::Cursor;

use rocket::http::{ContentType, Header};
use rocket::response::{self, Responder, Response};
use rocket::{FromForm, Request, Route, get, routes};

use super::Ctx;
use super::errors::PageError;
use super::staff::session::Staff;
use crate::domain::document::{self, access::Asker};
use crate::domain::event;
use crate::domain::links::url_encode;

/// The secrets a link to a meeting's papers may carry: an unlisted meeting's key (`k`), a
/// participant's token (`t`), an invitee's token (`i`).
#[derive(Debug, Default, FromForm)]
pub(crate) struct Passes {
    pub k: Option<String>,
    pub t: Option<String>,
    pub i: Option<String>,
}

impl Passes {
    /// Who asks, with these secrets, and whether they manage the meeting's office.
    pub fn asker(&self, staff: Option<&Staff>, office: i64) -> Asker<'_> {
        Asker {
            manages: staff.is_some_and(|s| s.can_manage_office(office)),
            key: self.k.as_deref(),
            registration: self.t.as_deref(),
            invitation: self.i.as_deref(),
        }
    }
}

/// The file with its headers.
pub struct FileAnswer {
    bytes: Vec<u8>,
    content_type: String,
    file_name: String,
}

/// `attachment; filename="Tagesordnung_2026.pdf"; filename*=UTF-8''Tagesordnung%202026.pdf`
/// (RFC 6266): an ASCII name for old programs, the real one for the others.
pub fn disposition(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        url_encode(file_name)
    )
}

impl<'r> Responder<'r, 'static> for FileAnswer {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let ct = ContentType::parse_flexible(&self.content_type).unwrap_or(ContentType::Binary);
        Response::build()
            .header(ct)
            .header(Header::new(
                "Content-Disposition",
                disposition(&self.file_name),
            ))
            .header(Header::new("X-Content-Type-Options", "nosniff"))
            // people's own documents: no shared cache may keep them
            .header(Header::new("Cache-Control", "private, no-cache"))
            .sized_body(self.bytes.len(), Cursor::new(self.bytes))
            .ok()
    }
}

#[get("/documents/<id>?<passes..>")]
async fn fetch(
    ctx: Ctx<'_>,
    staff: Option<Staff>,
    id: i64,
    passes: Passes,
) -> Result<FileAnswer, PageError> {
    ctx.db
        .page(move |conn| {
            let doc = document::find(conn, id)?.ok_or(PageError::NotFound)?;
            let detail = event::find_detail(conn, doc.event_id)?.ok_or(PageError::NotFound)?;
            let asker = passes.asker(staff.as_ref(), detail.event.office_id);
            if !document::access::may_fetch(conn, &doc, &detail, &asker)? {
                return Err(PageError::NotFound);
            }
            Ok(FileAnswer {
                bytes: document::body_of(conn, id)?,
                content_type: doc.content_type,
                file_name: doc.file_name,
            })
        })
        .await
}

pub fn routes() -> Vec<Route> {
    routes![fetch]
}

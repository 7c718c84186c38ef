//! Importing the partner list: a file (multipart upload) or pasted text, then a preview of
//! what would change, then the confirmation. The upload waits server-side under a token
//! of its uploader (`import_store`); the confirmation carries the preview's fingerprint so
//! that only what was shown is stored.

use rocket::data::{ByteUnit, Data};
use rocket::form::FromForm;
use rocket::http::{ContentType, Status};
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{Either, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::multipart::{self, Part};
use super::partners::chosen_office;
use super::session::{Checked, CsrfToken, Staff};
use super::{error_map, of_own_office, require_organiser};
use crate::db::DbConn;
use crate::domain::partner::import::{self, Preview};
use crate::domain::partner::import_store;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n;
use crate::web::Ctx;
use crate::web::errors::PageError;

type Page = (Status, Template);

async fn form_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    asked: Option<i64>,
    text: &str,
    errors: &FieldErrors,
    status: Status,
) -> Result<Page, PageError> {
    let (chosen, offices) = chosen_office(ctx, staff, asked).await?;
    let (office_id, office_name) = chosen.ok_or(PageError::NotFound)?;
    let context = json!({
        "office": { "id": office_id, "name": office_name }, "several": offices.len() > 1,
        "text": text, "errors": error_map(ctx.lang(), errors),
        "max_kb": import::MAX_BYTES / 1024,
    });
    let template = super::page(ctx, staff, csrf, None, "staff/partners_import", context);
    Ok((status, template))
}

#[get("/admin/partners/import?<office>")]
async fn upload_form(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    office: Option<i64>,
) -> Result<Page, PageError> {
    let fresh = FieldErrors::new();
    form_page(&ctx, &staff, &csrf, office, "", &fresh, Status::Ok).await
}

/// What the import form sent: the field `name`'s text, the chosen file's content.
struct Upload {
    parts: Vec<Part>,
}

impl Upload {
    fn field(&self, name: &str) -> Option<String> {
        self.parts
            .iter()
            .find(|p| p.name == name)
            .map(|p| String::from_utf8_lossy(&p.content).into_owned())
    }

    /// The chosen file's bytes; a file input left empty sends an empty part.
    fn file(&self) -> Option<&[u8]> {
        self.parts
            .iter()
            .find(|p| p.name == "file" && !p.content.is_empty())
            .map(|p| &p.content[..])
    }

    /// The text of the upload: the file if one was chosen, else what was pasted.
    fn text(&self) -> Result<String, &'static str> {
        match self.file() {
            Some(bytes) if bytes.len() > import::MAX_BYTES => Err("partner-import-too-large"),
            Some(bytes) => Ok(import::decode(bytes)),
            None => Ok(self.field("text").unwrap_or_default()),
        }
    }
}

/// Reads the upload (a multipart form, read by hand with a limit of its own: see
/// `multipart`; the CSRF token is compared here), keeps it and shows its preview. A list
/// that cannot be read is refused at once, with the pasted text kept.
#[post("/admin/partners/import", data = "<data>")]
async fn upload(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    content_type: &ContentType,
    data: Data<'_>,
) -> Result<Either<Redirect, Page>, PageError> {
    require_organiser(&staff)?;
    // a file and a pasted text of the largest size each, and the form around them
    let limit = ByteUnit::from(2 * import::MAX_BYTES + 64 * 1024);
    let read = data
        .open(limit)
        .into_bytes()
        .await
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    if !read.is_complete() {
        // nothing is stored: the form again, before anything else is read
        let errors: FieldErrors = [("file", "partner-import-too-large")].into();
        let status = Status::UnprocessableEntity;
        return form_page(&ctx, &staff, &csrf, None, "", &errors, status)
            .await
            .map(Either::Right);
    }
    let boundary = content_type.param("boundary").unwrap_or_default();
    let upload = Upload {
        parts: multipart::parts(&read.into_inner(), boundary).ok_or(PageError::Forbidden)?,
    };
    let given = upload.field("csrf").unwrap_or_default();
    if !crate::secret::same(&csrf.0, &given) {
        return Err(PageError::Forbidden);
    }
    let asked = upload.field("office").and_then(|o| o.trim().parse().ok());
    let (chosen, _) = chosen_office(&ctx, &staff, Some(asked.unwrap_or(-1))).await?;
    let office_id = chosen.map(|(id, _)| id).ok_or(PageError::NotFound)?;
    let text = upload.text();
    let problem = match &text {
        Ok(t) => import::parse(t).err(),
        Err(key) => Some(*key),
    };
    if let Some(key) = problem {
        let field = if upload.file().is_some() {
            "file"
        } else {
            "text"
        };
        let errors: FieldErrors = [(field, key)].into();
        // the pasted text stays in the form; a file must be chosen again anyway
        let pasted = upload.field("text").unwrap_or_default();
        let shown = if pasted.len() > import::MAX_BYTES {
            ""
        } else {
            pasted.as_str()
        };
        let status = Status::UnprocessableEntity;
        return form_page(&ctx, &staff, &csrf, asked, shown, &errors, status)
            .await
            .map(Either::Right);
    }
    let text = text.unwrap_or_default();
    let (user, now) = (staff.user.id, ctx.now());
    let token = ctx
        .db
        .page(move |conn| Ok(import_store::save(conn, user, office_id, &text, now)?))
        .await?;
    Ok(Either::Left(Redirect::to(format!(
        "/admin/partners/import/{token}"
    ))))
}

/// The waiting upload behind `token`: only its uploader's, only while they manage its office.
async fn pending(
    ctx: &Ctx<'_>,
    staff: &Staff,
    token: &str,
) -> Result<import_store::Pending, PageError> {
    let (token, user, now) = (token.to_owned(), staff.user.id, ctx.now());
    let find = move |conn: &mut DbConn| import_store::load(conn, &token, user, now);
    of_own_office(ctx, staff, find, |p| p.office_id, PageError::NotFound).await
}

fn reasons(lang: &str, reasons: &[&'static str], other_line: Option<u64>) -> Vec<String> {
    reasons
        .iter()
        .map(|key| match other_line {
            Some(line) => i18n::text_with(lang, key, &[("line", (line as i64).into())]),
            None => i18n::text(lang, key),
        })
        .collect()
}

fn preview_json(lang: &str, p: &Preview) -> Value {
    let kind = |k: &str| i18n::text(lang, &format!("partner-kind-{k}"));
    let role = |r: &str| i18n::text(lang, &format!("partner-role-{r}"));
    let contact = |c: &crate::domain::partner::contact::ValidContact| {
        json!({ "name": c.name, "email": c.email, "phone": c.phone, "role": role(c.role),
                "language": i18n::native_name(c.language), "language_code": c.language })
    };
    let planned = |list: &[import::Planned]| -> Vec<Value> {
        list.iter()
            .map(|x| json!({ "line": x.line, "organisation": x.organisation, "contact": contact(&x.contact) }))
            .collect()
    };
    json!({
        "new_partners": p.new_partners.iter()
            .map(|x| json!({ "name": x.name, "kind": kind(x.kind) })).collect::<Vec<_>>(),
        "changed_partners": p.changed_partners.iter()
            .map(|x| json!({ "name": x.name, "old": kind(&x.old_kind), "new": kind(x.new_kind) }))
            .collect::<Vec<_>>(),
        "new_contacts": planned(&p.new_contacts),
        "unchanged": planned(&p.unchanged),
        "changed_contacts": p.changed_contacts.iter().map(|x| {
            let (old, new) = (contact(&x.old), contact(&x.new));
            let fields: Vec<Value> = x.fields.iter().map(|f| json!({
                "label": i18n::text(lang, &format!("staff-partner-contact-{f}")),
                "old": old[*f], "new": new[*f],
            })).collect();
            json!({ "line": x.line, "organisation": x.organisation, "name": x.new.name, "fields": fields })
        }).collect::<Vec<_>>(),
        "bad": p.bad.iter().map(|b| json!({
            "line": b.line, "organisation": b.organisation, "name": b.name, "email": b.email,
            "reasons": reasons(lang, &b.reasons, b.other_line),
        })).collect::<Vec<_>>(),
        "changes": p.changes_anything(),
    })
}

async fn preview_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    (token, office_id): (&str, i64),
    preview: &Preview,
    status: Status,
) -> Result<Page, PageError> {
    let lang = ctx.lang();
    let (chosen, _) = chosen_office(ctx, staff, Some(office_id)).await?;
    let (id, name) = chosen.ok_or(PageError::NotFound)?;
    let context = json!({
        "token": token, "office": { "id": id, "name": name },
        "preview": preview_json(lang, preview), "plan": preview.fingerprint(),
        "changed_meanwhile": status != Status::Ok,
    });
    let template = super::page(ctx, staff, csrf, None, "staff/partners_preview", context);
    Ok((status, template))
}

fn preview_now(
    conn: &mut crate::db::DbConn,
    office_id: i64,
    text: &str,
) -> Result<Preview, PageError> {
    let rows = import::parse(text).map_err(|_| PageError::NotFound)?;
    Ok(import::preview(&rows, &import::current(conn, office_id)?))
}

#[get("/admin/partners/import/<token>", rank = 1)]
async fn show_preview(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    token: &str,
) -> Result<Page, PageError> {
    let found = pending(&ctx, &staff, token).await?;
    let office_id = found.office_id;
    let preview = ctx
        .db
        .page(move |conn| preview_now(conn, office_id, &found.text))
        .await?;
    preview_page(
        &ctx,
        &staff,
        &csrf,
        (token, office_id),
        &preview,
        Status::Ok,
    )
    .await
}

#[derive(Debug, FromForm)]
struct Confirm {
    plan: Option<String>,
}

#[post("/admin/partners/import/<token>", data = "<form>", rank = 1)]
async fn confirm(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    token: &str,
    form: Checked<Confirm>,
) -> Result<Either<Flash<Redirect>, Page>, PageError> {
    let found = pending(&ctx, &staff, token).await?;
    let office_id = found.office_id;
    let plan = form.0.plan.unwrap_or_default();
    let (actor, now, key) = (staff.actor(), ctx.now(), token.to_owned());
    let done = ctx
        .db
        .page(move |conn| {
            let pair = (key.as_str(), found.text.as_str());
            match import::confirm(conn, office_id, pair, &plan, &actor, now) {
                Ok(outcome) => Ok(outcome),
                Err(DomainError::Invalid(_)) => Err(PageError::NotFound),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match done {
        Ok(counts) => {
            let message = i18n::text_with(
                ctx.lang(),
                "staff-partner-import-done",
                &[
                    ("partners", (counts.partners_added as i64).into()),
                    ("changed", (counts.partners_changed as i64).into()),
                    ("contacts", (counts.contacts_added as i64).into()),
                    ("updated", (counts.contacts_changed as i64).into()),
                ],
            );
            Ok(Either::Left(Flash::success(
                Redirect::to(format!("/admin/partners?office={office_id}")),
                message,
            )))
        }
        Err(preview) => {
            let status = Status::Conflict;
            preview_page(&ctx, &staff, &csrf, (token, office_id), &preview, status)
                .await
                .map(Either::Right)
        }
    }
}

pub fn routes() -> Vec<Route> {
    routes![upload_form, upload, show_preview, confirm]
}

//! The editor of a text the administrator publishes in versions (the privacy notice, the
//! accessibility statement): one form, one set of checks and one flow for all of them.

use chrono::NaiveDateTime;
use diesel::QueryResult;
use rocket::Either;
use rocket::form::FromForm;
use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket_dyn_templates::Template;

use super::session::{CsrfToken, Staff};
use super::{error_map, page, require_admin};
use crate::db::DbConn;
use crate::domain::FieldErrors;
use crate::domain::audit::Actor;
use crate::domain::versioned_text::VersionedText;
use crate::web::Ctx;
use crate::web::errors::PageError;

/// The longest text accepted (the whole form stays under the 32 KiB form limit).
const MAX_CHARS: usize = 12_000;

#[derive(Debug, FromForm, serde::Serialize)]
pub struct TextForm {
    body_de: Option<String>,
    body_en: Option<String>,
}

impl TextForm {
    /// Both texts trimmed; German is needed, neither may be longer than the limit.
    fn checked(&self) -> Result<(String, String), FieldErrors> {
        let de = self.body_de.as_deref().unwrap_or("").trim().to_owned();
        let en = self.body_en.as_deref().unwrap_or("").trim().to_owned();
        let mut errors = FieldErrors::new();
        if de.is_empty() {
            errors.insert("body_de", "error-required");
        }
        for (field, text) in [("body_de", &de), ("body_en", &en)] {
            if text.chars().count() > MAX_CHARS {
                errors.insert(field, "error-too-long");
            }
        }
        if errors.is_empty() {
            Ok((de, en))
        } else {
            Err(errors)
        }
    }
}

/// One kind of versioned text: where it is edited and how it is read and published.
pub struct Kind {
    pub path: &'static str,
    pub template: &'static str,
    /// The flash after publishing.
    pub saved: &'static str,
    pub current: fn(&mut DbConn) -> QueryResult<Option<VersionedText>>,
    pub save: fn(&mut DbConn, &str, &str, &Actor, NaiveDateTime) -> QueryResult<i32>,
    /// The first draft in the form while nothing was published (German, English).
    pub draft: (&'static str, &'static str),
}

/// The editor: the form as sent (with its errors), else the published text, else the draft.
pub async fn show(
    kind: &'static Kind,
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    sent: Option<(&TextForm, &FieldErrors)>,
) -> Result<(Status, Template), PageError> {
    require_admin(staff)?;
    let current = ctx.db.page(|conn| Ok((kind.current)(conn)?)).await?;
    let form = match (sent, &current) {
        (Some((f, _)), _) => json!(f),
        (None, Some(n)) => json!({ "body_de": n.body_de, "body_en": n.body_en }),
        (None, None) => json!({ "body_de": kind.draft.0, "body_en": kind.draft.1 }),
    };
    let errors = sent
        .map(|(_, e)| error_map(ctx.lang(), e))
        .unwrap_or_default();
    let status = if sent.is_some() {
        Status::UnprocessableEntity
    } else {
        Status::Ok
    };
    let context = json!({
        "form": form,
        "errors": errors,
        "version": current.as_ref().map(VersionedText::label),
        "days": ctx.settings.retention_days,
    });
    Ok((
        status,
        page(ctx, staff, csrf, flash, kind.template, context),
    ))
}

/// Publishes the sent text as a new version, or shows the form again with its errors.
pub async fn save(
    kind: &'static Kind,
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    form: TextForm,
) -> Result<Either<Flash<Redirect>, (Status, Template)>, PageError> {
    require_admin(staff)?;
    let (de, en) = match form.checked() {
        Ok(texts) => texts,
        Err(errors) => {
            return show(kind, ctx, staff, csrf, None, Some((&form, &errors)))
                .await
                .map(Either::Right);
        }
    };
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok((kind.save)(conn, &de, &en, &actor, now)?))
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to(kind.path),
        kind.saved,
    )))
}

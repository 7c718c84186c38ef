//! The accessibility statement (`/barrierefreiheit`) and its form "Barriere melden": the
//! report is stored and mailed to the office through the outbox, behind the same gate as
//! the other public forms (honeypot, fill time, requests per address); and the page in
//! Leichte Sprache (`/leichte-sprache`).

use rocket::form::{Form, FromForm, Lenient};
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::errors::PageError;
use super::form_gate::{FormAnswer, Gate};
use super::{Ctx, render};
use crate::domain::access::{feedback, statement};
use crate::domain::token::looks_like_token;
use crate::i18n;

/// The page a visitor came from, as a path of this site, from the `Referer` when it names
/// this site (the public address, or the host the request was sent to).
pub struct CameFrom(Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CameFrom {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let public = req
            .rocket()
            .state::<crate::Settings>()
            .map(|s| s.public_url.trim_end_matches('/').to_owned())
            .unwrap_or_default();
        let host = req.host().map(|h| h.to_string());
        let path = req.headers().get_one("Referer").and_then(|r| {
            let rest = r.split_once("://")?.1;
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let ours = (!public.is_empty() && r.starts_with(&format!("{public}/")))
                || host.as_deref() == Some(authority);
            ours.then(|| path.to_owned())
        });
        Outcome::Success(CameFrom(path.and_then(|p| own_path(&p))))
    }
}

/// A path of this site fit to be stored and mailed: no query or fragment, and the secret
/// of a personal link (a registration's, a data link's) replaced by "…", so that a report
/// never carries somebody's key to the office's mailbox.
pub fn own_path(path: &str) -> Option<String> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') || path.starts_with("//") || path.contains('\\') {
        return None;
    }
    let safe: Vec<&str> = path
        .split('/')
        .map(|seg| if looks_like_token(seg) { "…" } else { seg })
        .collect();
    let safe = safe.join("/");
    (safe.chars().count() <= feedback::PAGE_MAX && !safe.chars().any(char::is_control))
        .then_some(safe)
}

#[derive(Debug, Default, FromForm, serde::Serialize)]
struct FeedbackForm {
    what: Option<String>,
    page: Option<String>,
    contact: Option<String>,
    website: Option<String>,
    started: Option<String>,
}

fn statement_page(
    ctx: &Ctx<'_>,
    gate: &Gate<'_>,
    current: Option<crate::domain::versioned_text::VersionedText>,
    form: &FeedbackForm,
    errors: &crate::domain::FieldErrors,
    notice: Option<String>,
    sent: bool,
) -> Template {
    let lang = ctx.lang();
    let (body, body_lang, version) = match &current {
        Some(s) => (
            s.body_for(lang).to_owned(),
            s.body_lang(lang),
            Some(s.label()),
        ),
        None if lang == "de" => (statement::DEFAULT_DE.to_owned(), "de", None),
        None => (statement::DEFAULT_EN.to_owned(), "en", None),
    };
    let error_list: Vec<_> = errors
        .iter()
        .map(|(f, k)| json!({ "field": f, "message": i18n::text(lang, k) }))
        .collect();
    let error_map: serde_json::Map<String, serde_json::Value> = errors
        .iter()
        .map(|(f, k)| ((*f).to_owned(), json!(i18n::text(lang, k))))
        .collect();
    render(
        "access",
        &ctx.visitor,
        json!({
            "body": crate::markdown::to_safe_html(&body),
            "body_lang": body_lang,
            "version": version,
            "form": form,
            "errors": error_map,
            "error_list": error_list,
            "notice": notice,
            "sent": sent,
            "stamp": gate.stamp(ctx.now()),
        }),
    )
}

async fn current(
    ctx: &Ctx<'_>,
) -> Result<Option<crate::domain::versioned_text::VersionedText>, PageError> {
    ctx.db.page(|conn| Ok(statement::current(conn)?)).await
}

/// The statement, with the form pre-filled with the page the visitor came from.
#[get("/barrierefreiheit?<from>&<sent>")]
async fn show(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    came_from: CameFrom,
    from: Option<&str>,
    sent: Option<&str>,
) -> Result<Template, PageError> {
    let page = from
        .and_then(own_path)
        .or(came_from.0)
        .filter(|p| !p.starts_with("/barrierefreiheit"));
    let form = FeedbackForm {
        page,
        ..<FeedbackForm as Default>::default()
    };
    let current = current(&ctx).await?;
    let errors = crate::domain::FieldErrors::new();
    Ok(statement_page(
        &ctx,
        &gate,
        current,
        &form,
        &errors,
        None,
        sent.is_some(),
    ))
}

/// The English address of the same page.
#[get("/accessibility")]
fn english() -> Redirect {
    Redirect::permanent("/barrierefreiheit")
}

/// A reported barrier: stored and mailed (see `feedback::submit`), then the page again with
/// thanks; bad input brings the form back with its values and the message at the field.
#[post("/barrierefreiheit", data = "<form>")]
async fn report(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    form: Form<Lenient<FeedbackForm>>,
) -> Result<FormAnswer, PageError> {
    let form = form.into_inner().into_inner();
    let lang = ctx.lang();
    let admitted = gate
        .admit_request(form.website.as_deref(), form.started.as_deref())
        .await;
    if let Err(refusal) = admitted {
        let current = current(&ctx).await?;
        let none = crate::domain::FieldErrors::new();
        let page = statement_page(
            &ctx,
            &gate,
            current,
            &form,
            &none,
            Some(refusal.message(lang)),
            false,
        );
        return Ok(refusal.answer(page));
    }
    let checked = feedback::NewFeedback::checked(
        form.what.as_deref().unwrap_or(""),
        form.page.as_deref().unwrap_or(""),
        form.contact.as_deref().unwrap_or(""),
        lang,
    );
    let report = match checked {
        Ok(r) => r,
        Err(errors) => {
            let current = current(&ctx).await?;
            let page = statement_page(&ctx, &gate, current, &form, &errors, None, false);
            return Ok(FormAnswer::Again((Status::UnprocessableEntity, page)));
        }
    };
    let configured = ctx.settings.accessibility_contact.clone();
    let base = ctx.settings.public_url.clone();
    let now = ctx.now();
    ctx.db
        .page(move |conn| {
            let to = feedback::recipient(conn, configured.as_deref())?;
            Ok(feedback::submit(conn, &report, to.as_deref(), &base, now)?)
        })
        .await?;
    Ok(FormAnswer::Done(Redirect::to(
        "/barrierefreiheit?sent=1#feedback",
    )))
}

/// `/leichte-sprache`: the four explanations in Leichte Sprache. The text is German by
/// nature (Leichte Sprache is a form of German), so it lives in its template, not in the
/// translations; the page around it follows the visitor's language.
#[get("/leichte-sprache")]
fn plain(ctx: Ctx<'_>) -> Template {
    render("leichte_sprache", &ctx.visitor, json!({}))
}

pub fn routes() -> Vec<Route> {
    routes![show, english, report, plain]
}

#[cfg(test)]
mod tests {
    use super::own_path;

    #[test]
    fn only_paths_of_this_site_without_secrets_are_kept() {
        assert_eq!(own_path("/events/7-rat"), Some("/events/7-rat".into()));
        assert_eq!(own_path("/?category=x#top"), Some("/".into()));
        assert_eq!(
            own_path("/r/AbCdEfGhIjKlMnOpQrStUv12/cancel"),
            Some("/r/…/cancel".into())
        );
        assert_eq!(own_path("//evil.example/x"), None);
        assert_eq!(own_path("https://evil.example/"), None);
        assert_eq!(own_path("/\\evil.example"), None);
    }
}

//! HTTP: thin handlers by audience that parse, call the domain and render.

pub(crate) mod abuse;
pub(crate) mod access;
pub mod after;
pub(crate) mod agenda_view;
pub(crate) mod allow;
pub(crate) mod api;
pub(crate) mod api_error;
pub(crate) mod certificate;
pub(crate) mod certificate_sheet;
pub(crate) mod chart;
pub(crate) mod ctx;
pub(crate) mod documents;
pub(crate) mod door;
pub(crate) mod embed;
pub(crate) mod errors;
pub(crate) mod fallback;
pub(crate) mod feeds;
pub(crate) mod form_gate;
pub(crate) mod headers;
pub(crate) mod health;
pub(crate) mod icon;
pub(crate) mod invitation;
pub(crate) mod json_number;
pub(crate) mod lang;
pub(crate) mod list_cards;
pub mod metrics;
pub(crate) mod minutes;
pub(crate) mod page_cache;
pub(crate) mod policy;
pub(crate) mod privacy;
pub(crate) mod public;
pub(crate) mod questions_view;
pub(crate) mod ranged;
pub(crate) mod register;
pub(crate) mod registration;
pub(crate) mod registration_change;
pub(crate) mod shared_limits;
pub(crate) mod sign_language;
pub(crate) mod staff;
pub(crate) mod ticket;
pub(crate) mod upload;
pub(crate) mod view;

use rocket::Route;
use rocket::http::Status;
use rocket::serde::json::Value;
use rocket::serde::json::serde_json::json;
use rocket_dyn_templates::Template;

pub use ctx::Ctx;
pub use lang::Visitor;

pub fn routes() -> Vec<Route> {
    let mut routes = public::routes();
    routes.extend(register::routes());
    routes.extend(registration::routes());
    routes.extend(registration_change::routes());
    routes.extend(privacy::routes());
    routes.extend(embed::routes());
    routes.extend(lang::routes());
    routes.extend(health::routes());
    routes.extend(metrics::routes());
    routes.extend(icon::routes());
    routes.extend(feeds::routes());
    routes.extend(ticket::routes());
    routes.extend(invitation::routes());
    routes.extend(documents::routes());
    routes.extend(minutes::routes());
    routes.extend(certificate::routes());
    routes.extend(access::routes());
    routes.extend(sign_language::routes());
    routes
}

/// Renders a page with what every page needs: language, direction, the language switch.
pub fn render(name: &'static str, visitor: &Visitor, context: Value) -> Template {
    Template::render(name, page_context(visitor, context))
}

/// A page rendered to text now (for the page cache); `None` if the template fails.
pub fn render_now(
    templates: &rocket_dyn_templates::Metadata<'_>,
    name: &'static str,
    visitor: &Visitor,
    context: Value,
) -> Option<String> {
    templates
        .render(name, page_context(visitor, context))
        .map(|(_, html)| html)
}

fn page_context(visitor: &Visitor, mut context: Value) -> Value {
    let switch: Vec<Value> = crate::i18n::SUPPORTED
        .iter()
        .map(|code| {
            json!({
                "code": code,
                "name": crate::i18n::native_name(code),
                "dir": crate::i18n::direction(code),
                "href": format!("/language/{code}?next={}", view::url_encode(&visitor.path)),
                "current": *code == visitor.lang,
            })
        })
        .collect();
    if let Some(map) = context.as_object_mut() {
        map.insert("lang".into(), json!(visitor.lang));
        map.insert("content_lang".into(), json!(visitor.content_lang));
        map.insert("dir".into(), json!(crate::i18n::direction(visitor.lang)));
        map.insert(
            "content_dir".into(),
            json!(crate::i18n::direction(visitor.content_lang)),
        );
        map.insert("languages".into(), Value::Array(switch));
    }
    context
}

/// A page with a status other than 200 (a form re-shown with errors, say).
pub type PageWithStatus = (Status, Template);

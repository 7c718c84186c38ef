//! HTTP: thin handlers by audience that parse, call the domain and render.

pub mod abuse;
pub mod after;
pub mod allow;
pub mod api;
pub mod api_error;
pub mod chart;
pub mod ctx;
pub mod door;
pub mod embed;
pub mod errors;
pub mod fallback;
pub mod feeds;
pub mod form_gate;
pub mod headers;
pub mod health;
pub mod icon;
pub mod json_number;
pub mod lang;
pub mod page_cache;
pub mod privacy;
pub mod public;
pub mod register;
pub mod registration;
pub mod shared_limits;
pub mod staff;
pub mod ticket;
pub mod view;

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
    routes.extend(privacy::routes());
    routes.extend(embed::routes());
    routes.extend(lang::routes());
    routes.extend(health::routes());
    routes.extend(icon::routes());
    routes.extend(feeds::routes());
    routes.extend(ticket::routes());
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

//! HTTP: thin handlers by audience that parse, call the domain and render.

pub mod allow;
pub mod api;
pub mod chart;
pub mod checkin;
pub mod ctx;
pub mod errors;
pub mod feeds;
pub mod headers;
pub mod health;
pub mod json_number;
pub mod lang;
pub mod public;
pub mod register;
pub mod staff;
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
    routes.extend(lang::routes());
    routes.extend(health::routes());
    routes.extend(feeds::routes());
    routes
}

/// Renders a page with what every page needs: language, direction, the language switch.
pub fn render(name: &'static str, visitor: &Visitor, mut context: Value) -> Template {
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
        map.insert("dir".into(), json!("ltr"));
        map.insert("languages".into(), Value::Array(switch));
    }
    Template::render(name, context)
}

/// A page with a status other than 200 (a form re-shown with errors, say).
pub type PageWithStatus = (Status, Template);

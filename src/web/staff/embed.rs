//! The copy-paste snippets with which the district's website shows the coming meetings.

use rocket::request::FlashMessage;
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;

use super::session::{CsrfToken, Staff};
use super::{page, require_organiser};
use crate::domain::event;
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::view::url_encode;

#[get("/admin/embed")]
async fn show(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<Template, PageError> {
    require_organiser(&staff)?;
    let (categories, series) = ctx
        .db
        .page(|conn| Ok((event::all_categories(conn)?, event::all_series(conn)?)))
        .await?;
    let lang = ctx.lang();
    let snippet = |query: &str| {
        let src = ctx.absolute(&format!("/embed{query}"));
        format!(
            r#"<iframe src="{src}" title="{}" style="width:100%;height:28rem;border:0" loading="lazy"></iframe>"#,
            crate::i18n::text(lang, "embed-title")
        )
    };
    let mut choices = vec![json!({
        "label": crate::i18n::text(lang, "staff-embed-all"),
        "snippet": snippet(""),
        "json": ctx.absolute("/api/v1/events"),
        "ical": ctx.absolute("/calendar.ics"),
    })];
    for c in &categories {
        let name = c.name(lang);
        choices.push(json!({
            "label": name,
            "snippet": snippet(&format!("?category={}", url_encode(&c.slug))),
            "json": ctx.absolute(&format!("/api/v1/events?category={}", url_encode(&c.slug))),
            "ical": ctx.absolute(&format!("/categories/{}/calendar.ics", c.slug)),
        }));
    }
    for s in series
        .iter()
        .filter(|s| staff.can_manage_office(s.office_id))
    {
        choices.push(json!({
            "label": s.title,
            "snippet": snippet(&format!("?series={}", url_encode(&s.slug))),
            "ical": ctx.absolute(&format!("/series/{}/calendar.ics", s.slug)),
        }));
    }
    let origins = ctx.settings.embed_origins.join(", ");
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/embed",
        json!({ "choices": choices, "origins": origins }),
    ))
}

pub fn routes() -> Vec<Route> {
    routes![show]
}

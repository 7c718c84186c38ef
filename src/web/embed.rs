//! `/embed`: a compact list of coming meetings for the district's own website to show in an
//! iframe. Only these addresses may be framed, and only by the configured origins.

use rocket::serde::json::serde_json::json;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;

use super::errors::PageError;
use super::view::{event_path, place_line};
use super::{Ctx, render};
use crate::domain::event::{self, FeedScope};

/// Meetings shown at most: an embedded list is a teaser, the site has the rest.
const SHOWN: usize = 20;

/// Whether a path is one that other sites may frame.
pub fn is_embed_path(path: &str) -> bool {
    path == "/embed" || path.starts_with("/embed/")
}

#[get("/embed?<category>&<series>")]
async fn list(
    ctx: Ctx<'_>,
    category: Option<String>,
    series: Option<String>,
) -> Result<Template, PageError> {
    let scope = match (
        category.filter(|c| !c.is_empty()),
        series.filter(|s| !s.is_empty()),
    ) {
        (_, Some(s)) => FeedScope::Series(s),
        (Some(c), None) => FeedScope::Category(c),
        (None, None) => FeedScope::All,
    };
    let now = ctx.now();
    let translated = super::public::translated_lang(&ctx);
    let (rows, texts) = ctx
        .db
        .page(move |conn| {
            let mut rows = event::for_feed(conn, &scope, now)?;
            rows.retain(|(e, _)| e.ends_at >= now);
            rows.truncate(SHOWN);
            let texts = match translated {
                Some(lang) => {
                    let ids: Vec<i64> = rows.iter().map(|(e, _)| e.id).collect();
                    crate::domain::event_text::in_language(conn, &ids, lang)?
                }
                None => Default::default(),
            };
            Ok((rows, texts))
        })
        .await?;
    let fmt = ctx.fmt();
    let items: Vec<_> = rows
        .iter()
        .map(|(e, _)| {
            let text = texts.get(&e.id);
            json!({
                "url": ctx.absolute(&event_path(e, None)),
                "title": text.map_or(&e.title, |t| &t.title),
                "text_lang": text.map(|t| &t.lang),
                "when": fmt.span(e.starts_at, e.ends_at),
                "start_iso": fmt.iso(e.starts_at),
                "place": place_line(&e.venue_name, e.venue_room.as_deref(), &e.town),
                "cancelled": e.is_cancelled(),
            })
        })
        .collect();
    Ok(render(
        "embed",
        &ctx.visitor,
        json!({ "events": items, "site": ctx.absolute("/") }),
    ))
}

pub fn routes() -> Vec<Route> {
    routes![list]
}

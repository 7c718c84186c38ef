//! The public pages: upcoming meetings and one meeting with its registration form.

use rocket::response::content::RawHtml;
use rocket::serde::json::serde_json::json;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Metadata;

use super::errors::PageError;
use super::form_gate::Gate;
use super::page_cache::{self, PageCache, STAMP_MARK};
use super::view::{CategoryView, EventCard, EventPage};
use super::{Ctx, render_now};
use crate::domain::validate::RegistrationInput;
use crate::domain::{event, event_text};

/// Meetings shown per page of the list.
pub const PER_PAGE: i64 = 30;

/// A page from the page cache, or made by `make` and kept there; `stamp` fills the form
/// stamp of each answer.
async fn cached<F, Fut>(
    ctx: &Ctx<'_>,
    templates: &Metadata<'_>,
    cache: &PageCache,
    stamp: Option<String>,
    make: F,
) -> Result<RawHtml<String>, PageError>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<(&'static str, serde_json::Value), PageError>>,
{
    let key = format!("{}|{}", ctx.lang(), ctx.visitor.path);
    let ttl = std::time::Duration::from_millis(ctx.settings.page_cache_ms);
    let fill = |html: &str| match &stamp {
        Some(s) => html.replace(STAMP_MARK, s),
        None => html.to_owned(),
    };
    if let Some(html) = cache.get(&key, ttl) {
        return Ok(RawHtml(fill(&html)));
    }
    let generation = page_cache::generation();
    let (name, context) = make().await?;
    let html = render_now(templates, name, &ctx.visitor, context)
        .ok_or_else(|| PageError::Unavailable(format!("template {name} failed")))?;
    let page = fill(&html);
    cache.put(key, generation, html.into());
    Ok(RawHtml(page))
}

#[get("/?<category>&<page>")]
async fn index(
    ctx: Ctx<'_>,
    templates: Metadata<'_>,
    cache: &State<PageCache>,
    category: Option<String>,
    page: Option<i64>,
) -> Result<RawHtml<String>, PageError> {
    cached(&ctx, &templates, cache, None, || {
        index_page(&ctx, category, page)
    })
    .await
}

async fn index_page(
    ctx: &Ctx<'_>,
    category: Option<String>,
    page: Option<i64>,
) -> Result<(&'static str, serde_json::Value), PageError> {
    let now = ctx.now();
    let filter = category.clone().filter(|c| !c.is_empty());
    let page = page.unwrap_or(0).clamp(0, 10_000);
    let translated = translated_lang(ctx);
    let (rows, categories) = ctx
        .db
        .page(move |conn| {
            let rows =
                event::list_page(conn, now, filter.as_deref(), (page, PER_PAGE), translated)?;
            Ok((rows, event::all_categories(conn)?))
        })
        .await?;
    let fmt = ctx.fmt();
    let more = rows.more;
    let cards: Vec<EventCard> = rows
        .items
        .iter()
        .map(|l| {
            let mut card = EventCard::new(
                &l.event,
                l.category.as_ref(),
                (l.occupancy, &l.intake),
                &fmt,
                now,
            );
            if let Some(t) = &l.text {
                card.translate(t);
            }
            card
        })
        .collect();
    let categories: Vec<CategoryView> = categories
        .iter()
        .map(|c| CategoryView::new(c, ctx.lang()))
        .collect();
    Ok((
        "index",
        json!({
            "events": cards, "categories": categories, "category": category,
            "next": more.then(|| page_link(category.as_deref(), page + 1)),
            "previous": (page > 0).then(|| page_link(category.as_deref(), page - 1)),
        }),
    ))
}

/// The visitor's language when meetings may be translated into it (not the original's).
pub fn translated_lang(ctx: &Ctx<'_>) -> Option<&'static str> {
    (ctx.lang() != ctx.visitor.content_lang).then_some(ctx.lang())
}

fn page_link(category: Option<&str>, page: i64) -> String {
    match category.filter(|c| !c.is_empty()) {
        Some(c) => format!("/?category={}&page={page}", super::view::url_encode(c)),
        None => format!("/?page={page}"),
    }
}

/// The meeting page; `slug` is only for readers and search engines, `k` is the key of an
/// unlisted meeting's link.
#[get("/events/<id>/<_slug>?<k>", rank = 2)]
async fn event_with_slug(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    templates: Metadata<'_>,
    cache: &State<PageCache>,
    id: i64,
    _slug: &str,
    k: Option<&str>,
) -> Result<RawHtml<String>, PageError> {
    event_page(ctx, gate, templates, cache, id, k).await
}

#[get("/events/<id>?<k>", rank = 2)]
async fn event_page(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    templates: Metadata<'_>,
    cache: &State<PageCache>,
    id: i64,
    k: Option<&str>,
) -> Result<RawHtml<String>, PageError> {
    let stamp = gate.stamp(ctx.now());
    // the cache is keyed by the whole address, key included
    cached(&ctx, &templates, cache, Some(stamp), || {
        meeting_page(&ctx, id, k)
    })
    .await
}

async fn meeting_page(
    ctx: &Ctx<'_>,
    id: i64,
    k: Option<&str>,
) -> Result<(&'static str, serde_json::Value), PageError> {
    let now = ctx.now();
    let translated = translated_lang(ctx);
    let (lang, content_lang) = (ctx.lang(), ctx.visitor.content_lang);
    let (detail, text, asked, extras) = ctx
        .db
        .page(move |conn| {
            let text = match translated {
                Some(lang) => event_text::in_language(conn, &[id], lang)?.remove(&id),
                None => None,
            };
            let Some(detail) = event::find_detail(conn, id)? else {
                return Ok((None, text, Vec::new(), serde_json::Value::Null));
            };
            let asked = super::questions_view::asked_of(conn, &detail.event, lang, content_lang)?;
            let extras = super::agenda_view::public_part(conn, &detail)?;
            Ok((Some(detail), text, asked, extras))
        })
        .await?;
    let detail = detail
        .filter(|d| d.reachable_with(k))
        .ok_or(PageError::NotFound)?;
    let mut page = EventPage::new(&detail, &ctx.fmt(), now);
    if let Some(t) = &text {
        page.translate(t);
    }
    let calendar = super::view::calendar_links(&ctx.settings.public_url, &detail);
    Ok((
        "event",
        json!({ "event": page, "form": RegistrationInput::default(), "errors": {}, "calendar": calendar,
                "questions": super::questions_view::form_fields(&asked, &Default::default(), &Default::default()),
                "asks_sensitive": super::questions_view::asks_sensitive(&asked),
                "agenda": extras["agenda"], "documents": extras["documents"],
                "stamp": STAMP_MARK }),
    ))
}

/// Any other address under /events (an id that is not a number, say) is simply not there.
#[get("/events/<_..>", rank = 20)]
fn no_such_event() -> PageError {
    PageError::NotFound
}

pub fn routes() -> Vec<Route> {
    routes![index, event_page, event_with_slug, no_such_event]
}

//! The public pages: upcoming meetings and one meeting with its registration form.

use rocket::response::content::RawHtml;
use rocket::serde::json::serde_json::json;
use rocket::{Route, State, get, routes};
use rocket_dyn_templates::Metadata;

use super::errors::PageError;
use super::form_gate::Gate;
use super::list_cards::{CARDS_MARK, ListCards};
use super::page_cache::{self, PageCache, STAMP_MARK};
use super::view::{CategoryView, EventPage};
use super::{Ctx, render_now};
use crate::domain::validate::RegistrationInput;
use crate::domain::{event, event_text, links};

/// Meetings shown per page of the list.
pub const PER_PAGE: i64 = 30;

/// A page from the page cache, or made by `make` (the page and the meetings it shows) and
/// kept there; `stamp` fills the form stamp of each answer.
async fn cached<F, Fut>(
    ctx: &Ctx<'_>,
    cache: &PageCache,
    stamp: Option<String>,
    make: F,
) -> Result<RawHtml<String>, PageError>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<(String, Vec<i64>), PageError>>,
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
    let (html, meetings) = make().await?;
    // without the micro-cache nothing is kept
    if ttl.is_zero() {
        return Ok(RawHtml(match &stamp {
            Some(s) => html.replace(STAMP_MARK, s),
            None => html,
        }));
    }
    let page = fill(&html);
    cache.put(key, generation, meetings, html.into());
    Ok(RawHtml(page))
}

/// Template `name` rendered for the visitor now.
fn rendered(
    ctx: &Ctx<'_>,
    templates: &Metadata<'_>,
    name: &'static str,
    context: serde_json::Value,
) -> Result<String, PageError> {
    render_now(templates, name, &ctx.visitor, context)
        .ok_or_else(|| PageError::Unavailable(format!("template {name} failed")))
}

#[get("/?<category>&<page>")]
async fn index(
    ctx: Ctx<'_>,
    templates: Metadata<'_>,
    cache: &State<PageCache>,
    cards: &State<ListCards>,
    category: Option<String>,
    page: Option<i64>,
) -> Result<RawHtml<String>, PageError> {
    cached(&ctx, cache, None, || {
        index_page(&ctx, &templates, cards, category, page)
    })
    .await
}

async fn index_page(
    ctx: &Ctx<'_>,
    templates: &Metadata<'_>,
    cards: &ListCards,
    category: Option<String>,
    page: Option<i64>,
) -> Result<(String, Vec<i64>), PageError> {
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
    let mut body = String::with_capacity(rows.items.len() * 1024);
    for l in &rows.items {
        cards.card(&ctx.visitor, &fmt, l, now, &mut body);
    }
    let more = rows.more;
    let shows = !rows.items.is_empty();
    // the frame shows no meeting: the address, language, categories and paging make it
    let key = format!(
        "{}|{}|{more}|{shows}|{}",
        ctx.lang(),
        ctx.visitor.path,
        cards.categories_mark(&categories)
    );
    let (before, after) = cards.frame(key, || {
        let categories: Vec<CategoryView> = categories
            .iter()
            .map(|c| CategoryView::new(c, ctx.lang()))
            .collect();
        rendered(
            ctx,
            templates,
            "index",
            json!({
                "cards": if shows { CARDS_MARK } else { "" },
                "categories": categories, "category": category,
                "next": more.then(|| page_link(category.as_deref(), page + 1)),
                "previous": (page > 0).then(|| page_link(category.as_deref(), page - 1)),
            }),
        )
    })?;
    let mut html = String::with_capacity(before.len() + body.len() + after.len());
    html.push_str(&before);
    html.push_str(&body);
    html.push_str(&after);
    Ok((html, rows.items.iter().map(|l| l.event.id).collect()))
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
#[get("/events/<id>/<_slug>?<k>&<fassung>", rank = 2)]
#[allow(clippy::too_many_arguments)] // Rocket's guards and the address's parts
async fn event_with_slug(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    templates: Metadata<'_>,
    cache: &State<PageCache>,
    id: i64,
    _slug: &str,
    k: Option<&str>,
    fassung: Option<&str>,
) -> Result<RawHtml<String>, PageError> {
    event_page(ctx, gate, templates, cache, id, k, fassung).await
}

/// `fassung=leichte-sprache` shows the meeting's Leichte Sprache version where it has one.
#[get("/events/<id>?<k>&<fassung>", rank = 2)]
async fn event_page(
    ctx: Ctx<'_>,
    gate: Gate<'_>,
    templates: Metadata<'_>,
    cache: &State<PageCache>,
    id: i64,
    k: Option<&str>,
    fassung: Option<&str>,
) -> Result<RawHtml<String>, PageError> {
    let stamp = gate.stamp(ctx.now());
    let easy = fassung == Some(links::EASY_READ);
    // the cache is keyed by the whole address, key and version included
    cached(&ctx, cache, Some(stamp), || async {
        let (name, context) = meeting_page(&ctx, id, k, easy).await?;
        Ok((rendered(&ctx, &templates, name, context)?, vec![id]))
    })
    .await
}

async fn meeting_page(
    ctx: &Ctx<'_>,
    id: i64,
    k: Option<&str>,
    easy: bool,
) -> Result<(&'static str, serde_json::Value), PageError> {
    let now = ctx.now();
    let translated = translated_lang(ctx);
    let (lang, content_lang) = (ctx.lang(), ctx.visitor.content_lang);
    let (detail, (text, easy_text), asked, extras) = ctx
        .db
        .page(move |conn| {
            let text = match translated {
                Some(lang) => event_text::in_language(conn, &[id], lang)?.remove(&id),
                None => None,
            };
            let easy_text =
                event_text::in_language(conn, &[id], event_text::LEICHTE_SPRACHE)?.remove(&id);
            let texts = (text, easy_text);
            let Some(detail) = event::find_detail(conn, id)? else {
                return Ok((None, texts, Vec::new(), serde_json::Value::Null));
            };
            let asked = super::questions_view::asked_of(conn, &detail.event, lang, content_lang)?;
            let extras = super::agenda_view::public_part(conn, &detail)?;
            Ok((Some(detail), texts, asked, extras))
        })
        .await?;
    let detail = detail
        .filter(|d| d.reachable_with(k))
        .ok_or(PageError::NotFound)?;
    let mut page = EventPage::new(&detail, &ctx.fmt(), now);
    let easy_on = easy && easy_text.is_some();
    match (&easy_text, &text) {
        (Some(t), _) if easy_on => page.translate(t),
        (_, Some(t)) => page.translate(t),
        _ => {}
    }
    let easy_read = easy_text.as_ref().map(|_| {
        let key = detail.access_key.as_deref();
        json!({
            "on": easy_on,
            "href": links::easy_read_path(&detail.event, key),
            "back": links::event_path(&detail.event, key),
        })
    });
    let calendar = super::view::calendar_links(&ctx.settings.public_url, &detail);
    Ok((
        "event",
        json!({ "event": page, "easy_read": easy_read, "form": RegistrationInput::default(), "errors": {}, "calendar": calendar,
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

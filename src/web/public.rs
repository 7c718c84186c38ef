//! The public pages: upcoming meetings and one meeting with its registration form.

use rocket::serde::json::serde_json::json;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;

use super::errors::PageError;
use super::view::{CategoryView, EventCard, EventPage};
use super::{Ctx, render};
use crate::domain::event;
use crate::domain::validate::RegistrationInput;

/// Meetings shown per page of the list.
pub const PER_PAGE: i64 = 30;

#[get("/?<category>&<page>")]
async fn index(
    ctx: Ctx<'_>,
    category: Option<String>,
    page: Option<i64>,
) -> Result<Template, PageError> {
    let now = ctx.now();
    let filter = category.clone().filter(|c| !c.is_empty());
    let page = page.unwrap_or(0).clamp(0, 10_000);
    let (rows, categories) = ctx
        .db
        .run(move |conn| {
            let rows = event::list_public(conn, now, filter.as_deref(), (page, PER_PAGE))?;
            let categories = event::all_categories(conn)?;
            Ok::<_, PageError>((rows, categories))
        })
        .await?;
    let fmt = ctx.fmt();
    let more = rows.more;
    let cards: Vec<EventCard> = rows
        .items
        .iter()
        .map(|(e, c, o)| EventCard::new(e, c.as_ref(), *o, &fmt, now))
        .collect();
    let categories: Vec<CategoryView> = categories
        .iter()
        .map(|c| CategoryView::new(c, ctx.lang()))
        .collect();
    Ok(render(
        "index",
        &ctx.visitor,
        json!({
            "events": cards, "categories": categories, "category": category,
            "next": more.then(|| page_link(category.as_deref(), page + 1)),
            "previous": (page > 0).then(|| page_link(category.as_deref(), page - 1)),
        }),
    ))
}

fn page_link(category: Option<&str>, page: i64) -> String {
    match category.filter(|c| !c.is_empty()) {
        Some(c) => format!("/?category={}&page={page}", super::view::url_encode(c)),
        None => format!("/?page={page}"),
    }
}

/// The meeting page; `slug` is only for readers and search engines.
#[get("/events/<id>/<_slug>", rank = 2)]
async fn event_with_slug(ctx: Ctx<'_>, id: i64, _slug: &str) -> Result<Template, PageError> {
    event_page(ctx, id).await
}

#[get("/events/<id>", rank = 2)]
async fn event_page(ctx: Ctx<'_>, id: i64) -> Result<Template, PageError> {
    let now = ctx.now();
    let detail = ctx
        .db
        .run(move |conn| Ok::<_, PageError>(event::find_detail(conn, id)?))
        .await?
        .filter(|d| d.event.is_visible())
        .ok_or(PageError::NotFound)?;
    let page = EventPage::new(&detail, &ctx.fmt(), now);
    let calendar = super::feeds::links(&ctx.settings.public_url, &detail);
    Ok(render(
        "event",
        &ctx.visitor,
        json!({ "event": page, "form": RegistrationInput::default(), "errors": {}, "calendar": calendar }),
    ))
}

/// Any other address under /events (an id that is not a number, say) is simply not there.
#[get("/events/<_..>", rank = 20)]
fn no_such_event() -> PageError {
    PageError::NotFound
}

/// The privacy notice that the registration form links to.
#[get("/privacy")]
fn privacy(visitor: super::Visitor) -> Template {
    render(
        "privacy",
        &visitor,
        json!({ "version": crate::domain::registration::CONSENT_VERSION }),
    )
}

pub fn routes() -> Vec<Route> {
    routes![index, event_page, event_with_slug, no_such_event, privacy]
}

//! Calendar feeds over HTTP: all meetings, a category, a series, one meeting, an
//! organiser's private feed, and a partner contact's own (`partner.rs`). `cache.rs` builds
//! each feed once per change and keeps it; `conditional.rs` answers with ETag and
//! Last-Modified (304 when unchanged), gzip when the client asks, HEAD as GET. The calendar
//! links on pages are `view::calendar_links`.

mod cache;
mod conditional;
mod partner;

use rocket::{Route, get, routes};

use crate::domain::account;
use crate::domain::event::{self, FeedScope};
use crate::web::Ctx;
use crate::web::errors::PageError;
use cache::serve;
use conditional::{Conditional, FeedResponse};

pub use cache::FeedCache;

#[get("/calendar.ics")]
async fn all(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
) -> Result<FeedResponse, PageError> {
    serve(&ctx, cache, FeedScope::All, None, cond).await
}

/// A category or series feed: 404 unless it exists, named after it.
async fn labelled(
    ctx: Ctx<'_>,
    cache: &FeedCache,
    cond: Conditional,
    scope: FeedScope,
) -> Result<FeedResponse, PageError> {
    let lang = ctx.lang();
    let s = scope.clone();
    let label = ctx
        .db
        .page(move |conn| {
            Ok(match &s {
                FeedScope::Category(slug) => {
                    event::category_exists(conn, slug)?.map(|c| c.name(lang).to_owned())
                }
                FeedScope::Series(slug) => event::series_by_slug(conn, slug)?.map(|s| s.title),
                _ => None,
            })
        })
        .await?
        .ok_or(PageError::NotFound)?;
    serve(&ctx, cache, scope, Some(label), cond).await
}

#[get("/categories/<slug>/calendar.ics")]
async fn category(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
    slug: &str,
) -> Result<FeedResponse, PageError> {
    labelled(ctx, cache, cond, FeedScope::Category(slug.to_owned())).await
}

#[get("/series/<slug>/calendar.ics")]
async fn series(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
    slug: &str,
) -> Result<FeedResponse, PageError> {
    labelled(ctx, cache, cond, FeedScope::Series(slug.to_owned())).await
}

/// One meeting: the "add to calendar" download, also for unlisted meetings (with the key
/// of their link).
#[get("/events/<id>/calendar.ics?<k>", rank = 1)]
async fn one(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
    id: i64,
    k: Option<&str>,
) -> Result<FeedResponse, PageError> {
    let given = k.map(str::to_owned);
    let reachable = ctx
        .db
        .page(move |conn| {
            Ok(match event::find(conn, id)? {
                Some(e) => event::reachable(conn, &e, given.as_deref())?,
                None => false,
            })
        })
        .await?;
    if !reachable {
        return Err(PageError::NotFound);
    }
    serve(&ctx, cache, FeedScope::One(id), None, cond).await
}

/// An organiser's private feed: their offices' meetings, unlisted ones too, with counts.
#[get("/feeds/<token>/calendar.ics")]
async fn private(
    ctx: Ctx<'_>,
    cache: &rocket::State<FeedCache>,
    cond: Conditional,
    token: &str,
) -> Result<FeedResponse, PageError> {
    let t = token.to_owned();
    let offices = ctx
        .db
        .page(move |conn| {
            let Some(user) = account::find_by_feed_token(conn, &t)? else {
                return Ok(None);
            };
            if !user.active || !user.is_organiser() {
                return Ok(None);
            }
            let offices = if user.is_admin() {
                event::all_offices(conn)?
                    .into_iter()
                    .map(|o| o.id)
                    .collect()
            } else {
                account::office_ids(conn, user.id)?
            };
            Ok(Some(offices))
        })
        .await?
        .ok_or(PageError::NotFound)?;
    serve(&ctx, cache, FeedScope::Offices(offices), None, cond).await
}

pub fn routes() -> Vec<Route> {
    routes![all, category, series, one, private, partner::feed]
}

//! The organisers' back office under `/admin`: accounts, meetings, series, registrations.

pub mod access;
pub mod accounts;
pub mod agenda;
pub mod api;
pub mod attendance;
pub mod certificates;
pub mod device;
pub mod documents;
pub mod door_links;
pub mod embed;
pub mod events;
pub mod export;
pub mod feed;
pub mod form_page;
pub mod invitations;
pub mod invitees;
pub mod limiter;
pub mod login;
pub mod message;
pub mod minutes;
pub mod multipart;
pub mod nav;
pub mod needs;
pub mod offices;
pub mod online;
pub mod outbox;
pub mod partner_contacts;
pub mod partner_import;
pub mod partners;
pub mod privacy;
pub mod questions;
pub mod registration_actions;
pub mod registration_add;
pub mod registration_confirm;
pub mod registration_edit;
pub mod registrations;
pub mod replies;
pub mod replies_export;
pub mod report;
pub mod report_api;
pub mod report_export;
pub mod report_filter;
pub mod report_pdf;
pub mod report_text;
pub mod series;
pub mod series_overview;
pub mod session;
pub mod sessions;
pub mod sheet;
pub mod sign_in;
pub mod sign_in_pdf;
pub mod sign_videos;
pub mod slip;
pub mod text_editor;
pub mod topic_names;

use rocket::http::Status;
use rocket::request::{FlashMessage, Request};
use rocket::response::Redirect;
use rocket::serde::json::Value;
use rocket::serde::json::serde_json::json;
use rocket::{Catcher, Route, catch, catchers};
use rocket_dyn_templates::Template;

use self::session::{CsrfToken, Staff};
use super::errors::PageError;
use super::{Ctx, render};
use crate::db::DbConn;
use crate::domain::FieldErrors;
use crate::domain::event::{self, Event};
use crate::i18n;

pub fn routes() -> Vec<Route> {
    let mut r = login::routes();
    r.extend(events::routes());
    r.extend(series::routes());
    r.extend(registrations::routes());
    r.extend(registration_actions::routes());
    r.extend(registration_edit::routes());
    r.extend(registration_confirm::routes());
    r.extend(registration_add::routes());
    r.extend(slip::routes());
    r.extend(accounts::routes());
    r.extend(offices::routes());
    r.extend(topic_names::routes());
    r.extend(feed::routes());
    r.extend(outbox::routes());
    r.extend(privacy::routes());
    r.extend(embed::routes());
    r.extend(sessions::routes());
    r.extend(door_links::routes());
    r.extend(questions::routes());
    r.extend(needs::routes());
    r.extend(invitations::routes());
    r.extend(series_overview::routes());
    r.extend(replies::routes());
    r.extend(attendance::routes());
    r.extend(agenda::routes());
    r.extend(documents::routes());
    r.extend(online::routes());
    r.extend(minutes::routes());
    r.extend(partners::routes());
    r.extend(partner_contacts::routes());
    r.extend(partner_import::routes());
    r.extend(invitees::routes());
    r.extend(message::routes());
    r.extend(sign_in::routes());
    r.extend(certificates::routes());
    r.extend(report::routes());
    r.extend(access::routes());
    r.extend(sign_videos::routes());
    r
}

/// A back-office page with the status it is answered with (200, or 422 with the form again).
type Page = (Status, Template);

/// A back-office page: the public frame plus who is logged in, the CSRF token and a flash.
pub fn page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    name: &'static str,
    mut context: Value,
) -> Template {
    if let Some(map) = context.as_object_mut() {
        map.insert(
            "me".into(),
            json!({ "name": staff.user.name, "email": staff.user.email, "role": staff.user.role,
                    "admin": staff.user.is_admin(), "organiser": staff.user.is_organiser() }),
        );
        map.insert("csrf".into(), json!(csrf.0));
        map.insert("staff_nav".into(), nav::context(staff, &ctx.visitor.path));
        if let Some(f) = flash {
            map.insert(
                "flash".into(),
                json!({ "kind": f.kind(), "message": flash_text(ctx.lang(), f.message()) }),
            );
        }
    }
    render(name, &ctx.visitor, context)
}

/// A flash's sentence: its key, or `key|count` for a message with a number.
fn flash_text(lang: &str, message: &str) -> String {
    match message.split_once('|') {
        Some((key, n)) => i18n::text_with(
            lang,
            key,
            &[("count", n.parse::<i64>().unwrap_or(0).into())],
        ),
        None => i18n::text(lang, message),
    }
}

/// Field → translated message, for forms shown again.
pub fn error_map(lang: &str, errors: &FieldErrors) -> serde_json::Map<String, Value> {
    errors
        .iter()
        .map(|(f, k)| ((*f).to_owned(), json!(i18n::text(lang, k))))
        .collect()
}

/// Only organisers and administrators manage meetings; door staff get 403.
pub fn require_organiser(staff: &Staff) -> Result<(), PageError> {
    if staff.user.is_organiser() {
        Ok(())
    } else {
        Err(PageError::Forbidden)
    }
}

pub fn require_admin(staff: &Staff) -> Result<(), PageError> {
    if staff.user.is_admin() {
        Ok(())
    } else {
        Err(PageError::Forbidden)
    }
}

/// A meeting the staff member may manage: 404 when it does not exist, 403 when it belongs
/// to an office that is not theirs.
pub async fn managed_event(ctx: &Ctx<'_>, staff: &Staff, id: i64) -> Result<Event, PageError> {
    let find = move |conn: &mut DbConn| event::find(conn, id);
    of_own_office(ctx, staff, find, |e| e.office_id, PageError::Forbidden).await
}

/// What `find` finds, for an organiser of its office (`office_of`): 404 when there is none,
/// `foreign` when it belongs to an office that is not theirs.
pub(super) async fn of_own_office<T, E, F>(
    ctx: &Ctx<'_>,
    staff: &Staff,
    find: F,
    office_of: impl FnOnce(&T) -> i64,
    foreign: PageError,
) -> Result<T, PageError>
where
    T: Send + 'static,
    PageError: From<E>,
    F: FnOnce(&mut DbConn) -> Result<Option<T>, E> + Send + 'static,
{
    require_organiser(staff)?;
    let found = ctx
        .db
        .page(move |conn| Ok(find(conn)?))
        .await?
        .ok_or(PageError::NotFound)?;
    if staff.can_manage_office(office_of(&found)) {
        Ok(found)
    } else {
        Err(foreign)
    }
}

/// A meeting of the staff member's offices; another office's answers 404 like a missing one
/// (for pages that name partners, whose existence is not another office's to learn).
pub async fn own_event(ctx: &Ctx<'_>, staff: &Staff, id: i64) -> Result<Event, PageError> {
    match managed_event(ctx, staff, id).await {
        Err(PageError::Forbidden) if staff.user.is_organiser() => Err(PageError::NotFound),
        other => other,
    }
}

/// The series of a meeting, as `(id, title)`, if it belongs to one.
pub async fn series_of(ctx: &Ctx<'_>, e: &Event) -> Result<Option<(i64, String)>, PageError> {
    let Some(id) = e.series_id else {
        return Ok(None);
    };
    let found = ctx
        .db
        .page(move |conn| Ok(event::find_series(conn, id)?))
        .await?;
    Ok(found.map(|s| (s.id, s.title)))
}

/// A series the staff member may manage (organisers of its office). Another office's
/// answers 404 like a missing one: series ids are counted, their existence is not told.
pub async fn managed_series(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
) -> Result<event::Series, PageError> {
    let find = move |conn: &mut DbConn| event::find_series(conn, id);
    of_own_office(ctx, staff, find, |s| s.office_id, PageError::NotFound).await
}

/// Offices this person may put meetings into, as `(id, name)`.
pub async fn usable_offices(ctx: &Ctx<'_>, staff: &Staff) -> Result<Vec<(i64, String)>, PageError> {
    let all = ctx.db.page(|conn| Ok(event::all_offices(conn)?)).await?;
    Ok(all
        .into_iter()
        .filter(|o| staff.can_manage_office(o.id))
        .map(|o| (o.id, o.name))
        .collect())
}

/// Not logged in: to the login page, and back afterwards.
#[catch(401)]
fn unauthorized(req: &Request<'_>) -> Redirect {
    let next = req.uri().path().to_string();
    Redirect::to(format!(
        "/admin/login?next={}",
        super::view::url_encode(&next)
    ))
}

#[catch(403)]
fn forbidden(req: &Request<'_>) -> (Status, Template) {
    super::errors::error_page(req, Status::Forbidden)
}

pub fn catchers() -> Vec<Catcher> {
    catchers![unauthorized, forbidden]
}

pub fn role_name(lang: &str, role: &str) -> String {
    i18n::text(lang, &format!("role-{role}"))
}

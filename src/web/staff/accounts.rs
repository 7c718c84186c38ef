//! Administrators' pages: accounts and the offices they work for, and the audit log
//! (offices and topics themselves are in `offices.rs`).

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Staff};
use super::{Page, error_map, page, require_admin};
use crate::domain::FieldErrors;
use crate::domain::account::{self, ROLES};
use crate::domain::audit;
use crate::domain::event;
use crate::domain::validate::is_deliverable_email;
use crate::web::Ctx;
use crate::web::errors::PageError;

async fn users_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    status: Status,
    extra: serde_json::Value,
) -> Result<Page, PageError> {
    let (users, offices) = ctx
        .db
        .page(|conn| {
            let users = account::all(conn)?;
            let mut with_offices = Vec::new();
            for u in users {
                let ids = account::office_ids(conn, u.id)?;
                with_offices.push((u, ids));
            }
            Ok((with_offices, event::all_offices(conn)?))
        })
        .await?;
    let lang = ctx.lang();
    let users: Vec<_> = users
        .iter()
        .map(|(u, ids)| {
            json!({ "id": u.id, "email": u.email, "name": u.name, "role": u.role, "role_name": super::role_name(lang, &u.role),
                    "active": u.active, "has_password": u.password_hash.is_some(), "offices": ids })
        })
        .collect();
    let offices: Vec<_> = offices
        .iter()
        .map(|o| json!({"id": o.id, "name": o.name}))
        .collect();
    let roles: Vec<_> = ROLES
        .iter()
        .map(|r| json!({"id": r, "name": super::role_name(lang, r)}))
        .collect();
    let mut c =
        json!({ "users": users, "offices": offices, "roles": roles, "form": {}, "errors": {} });
    if let (Some(map), Some(extra)) = (c.as_object_mut(), extra.as_object()) {
        map.extend(extra.clone());
    }
    Ok((status, page(ctx, staff, csrf, flash, "staff/users", c)))
}

#[get("/admin/users")]
async fn users(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<Page, PageError> {
    require_admin(&staff)?;
    users_page(&ctx, &staff, &csrf, flash, Status::Ok, json!({})).await
}

#[derive(Debug, FromForm, serde::Serialize)]
struct InviteForm {
    email: Option<String>,
    name: Option<String>,
    role: Option<String>,
    offices: Vec<i64>,
}

/// Creates an account and shows (and mails) its one-time set-up link.
#[post("/admin/users", data = "<form>")]
async fn invite(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    form: Checked<InviteForm>,
) -> Result<Page, PageError> {
    require_admin(&staff)?;
    let f = form.0;
    let email = f.email.clone().unwrap_or_default().trim().to_lowercase();
    let name = f.name.clone().unwrap_or_default().trim().to_owned();
    let mut errors = FieldErrors::new();
    if !is_deliverable_email(&email) || email.len() > 254 {
        errors.insert("email", "error-email-invalid");
    }
    if let Some(problem) = crate::domain::validate::name_problem(&name) {
        errors.insert("name", problem);
    }
    let role = f.role.clone().unwrap_or_default();
    if !ROLES.contains(&role.as_str()) {
        errors.insert("role", "error-choice-invalid");
    }
    if !errors.is_empty() {
        return users_page(
            &ctx,
            &staff,
            &csrf,
            None,
            Status::UnprocessableEntity,
            json!({ "form": f, "errors": error_map(ctx.lang(), &errors) }),
        )
        .await;
    }
    let (actor, now) = (staff.actor(), ctx.now());
    let offices = f.offices.clone();
    let base = ctx.absolute("/admin/setup/");
    let lang = ctx.lang();
    let result = ctx
        .db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                if account::find_by_email(conn, &email)?.is_some() {
                    return Ok(None);
                }
                let known: Vec<i64> = event::all_offices(conn)?.iter().map(|o| o.id).collect();
                let offices: Vec<i64> = offices.into_iter().filter(|o| known.contains(o)).collect();
                let id = account::create(conn, &email, &name, &role, now)?;
                account::set_offices(conn, id, &offices)?;
                let token = account::new_setup_link(conn, Some(id), None, &role, now)?;
                crate::domain::outbox::setup_link(
                    conn,
                    &email,
                    &name,
                    &format!("{base}{token}"),
                    lang,
                    now,
                )?;
                audit::record(
                    conn,
                    &actor,
                    "account.invite",
                    ("user", Some(id)),
                    &format!("{email} as {role}"),
                    now,
                )?;
                Ok::<_, diesel::result::Error>(Some(token))
            })
            .map_err(PageError::from)
        })
        .await?;
    match result {
        Some(token) => {
            let link = ctx.absolute(&format!("/admin/setup/{token}"));
            users_page(
                &ctx,
                &staff,
                &csrf,
                None,
                Status::Ok,
                json!({ "setup_link": link }),
            )
            .await
        }
        None => {
            let errors: FieldErrors = [("email", "error-account-exists")].into_iter().collect();
            users_page(
                &ctx,
                &staff,
                &csrf,
                None,
                Status::UnprocessableEntity,
                json!({ "form": f, "errors": error_map(ctx.lang(), &errors) }),
            )
            .await
        }
    }
}

#[derive(Debug, FromForm)]
struct AccountForm {
    role: Option<String>,
    offices: Vec<i64>,
    active: Option<String>,
}

/// Changes role, offices and whether the account may log in (ending its sessions).
#[post("/admin/users/<id>", data = "<form>")]
async fn update_user(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    form: Checked<AccountForm>,
) -> Result<Flash<Redirect>, PageError> {
    require_admin(&staff)?;
    let f = form.0;
    let back = Redirect::to("/admin/users");
    let role = f.role.unwrap_or_default();
    if !ROLES.contains(&role.as_str()) {
        return Ok(Flash::error(back, "error-choice-invalid"));
    }
    let active = f.active.is_some();
    if id == staff.user.id && (!active || role != account::ROLE_ADMIN) {
        return Ok(Flash::error(back, "staff-cannot-demote-self"));
    }
    let (actor, now) = (staff.actor(), ctx.now());
    let found = ctx
        .db
        .run(move |conn| {
            use crate::db::schema::users;
            use diesel::prelude::*;
            crate::db::lock::write_transaction(conn, |conn| {
                let Some(before) = account::find(conn, id)? else {
                    return Ok(false);
                };
                diesel::update(users::table.find(id))
                    .set((
                        users::role.eq(&role),
                        users::active.eq(active),
                        users::session_epoch
                            .eq(users::session_epoch + i32::from(!active || role != before.role)),
                        users::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                let known: Vec<i64> = event::all_offices(conn)?.iter().map(|o| o.id).collect();
                let offices: Vec<i64> = f
                    .offices
                    .into_iter()
                    .filter(|o| known.contains(o))
                    .collect();
                account::set_offices(conn, id, &offices)?;
                audit::record(
                    conn,
                    &actor,
                    "account.update",
                    ("user", Some(id)),
                    &format!("{role}, active {active}, offices {offices:?}"),
                    now,
                )?;
                Ok::<_, diesel::result::Error>(true)
            })
            .map_err(PageError::from)
        })
        .await?;
    if found {
        Ok(Flash::success(back, "staff-saved"))
    } else {
        Err(PageError::NotFound)
    }
}

#[get("/admin/audit")]
async fn audit_log(ctx: Ctx<'_>, staff: Staff, csrf: CsrfToken) -> Result<Template, PageError> {
    require_admin(&staff)?;
    let entries = ctx.db.page(|conn| Ok(audit::latest(conn, 500)?)).await?;
    let fmt = ctx.fmt();
    let rows: Vec<_> = entries
        .iter()
        .map(|e| json!({ "at": format!("{}, {}", fmt.date(e.at), fmt.time(e.at)), "actor": e.actor, "action": e.action,
                         "object": format!("{} {}", e.object_type, e.object_id.map(|i| i.to_string()).unwrap_or_default()), "detail": e.detail }))
        .collect();
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        None,
        "staff/audit",
        json!({ "entries": rows }),
    ))
}

pub fn routes() -> Vec<Route> {
    routes![users, invite, update_user, audit_log]
}

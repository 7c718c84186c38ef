//! Where one is signed in: the account's own sessions (browser, system, since when, last
//! seen), with buttons to end any other one or all others.

use chrono::NaiveDateTime;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::page;
use super::session::{Checked, CsrfToken, Nothing, Staff};
use crate::domain::{audit, staff_session};
use crate::i18n;
use crate::web::Ctx;
use crate::web::errors::PageError;

#[get("/admin/sessions")]
async fn list(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<Template, PageError> {
    let (user_id, epoch, now) = (staff.user.id, staff.user.session_epoch, ctx.now());
    let rows = ctx
        .db
        .page(move |conn| Ok(staff_session::list(conn, user_id, epoch, now)?))
        .await?;
    let (fmt, lang) = (ctx.fmt(), ctx.lang());
    let at = |t: NaiveDateTime| format!("{}, {}", fmt.date(t), fmt.time(t));
    let unknown = |s: &str, key: &str| {
        if s.is_empty() {
            i18n::text(lang, key)
        } else {
            s.to_owned()
        }
    };
    let sessions: Vec<_> = rows
        .iter()
        .map(|s| {
            let device = i18n::text_with(
                lang,
                "sessions-device",
                &[
                    (
                        "browser",
                        unknown(&s.browser, "sessions-unknown-browser").into(),
                    ),
                    (
                        "platform",
                        unknown(&s.platform, "sessions-unknown-platform").into(),
                    ),
                ],
            );
            json!({ "id": s.id, "device": device, "since": at(s.created_at),
                    "last_seen": at(s.last_seen_at), "current": s.id == staff.session_id })
        })
        .collect();
    let others = sessions.iter().filter(|s| s["current"] == false).count();
    Ok(page(
        &ctx,
        &staff,
        &csrf,
        flash,
        "staff/sessions",
        json!({ "sessions": sessions, "others": others, "hours": staff_session::SESSION_HOURS }),
    ))
}

/// Ends one other session of the account; its cookie opens nothing from now on.
#[post("/admin/sessions/<id>/end", data = "<_form>")]
async fn end_one(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    let (user_id, current, actor, now) =
        (staff.user.id, staff.session_id, staff.actor(), ctx.now());
    let ended = ctx
        .db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                let ended = staff_session::end_other(conn, user_id, id, current)?;
                if ended {
                    audit::record(
                        conn,
                        &actor,
                        "session.end",
                        ("user", Some(user_id)),
                        "",
                        now,
                    )?;
                }
                Ok::<_, diesel::result::Error>(ended)
            })
            .map_err(PageError::from)
        })
        .await?;
    if ended {
        Ok(Flash::success(
            Redirect::to("/admin/sessions"),
            "sessions-ended",
        ))
    } else {
        // not one of the account's other sessions (or already gone): nothing happened
        Err(PageError::NotFound)
    }
}

/// Ends every session of the account except this one.
#[post("/admin/sessions/end-others", data = "<_form>")]
async fn end_others(
    ctx: Ctx<'_>,
    staff: Staff,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    let (user_id, current, actor, now) =
        (staff.user.id, staff.session_id, staff.actor(), ctx.now());
    ctx.db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                let n = staff_session::end_all_others(conn, user_id, current)?;
                if n > 0 {
                    audit::record(
                        conn,
                        &actor,
                        "session.end_others",
                        ("user", Some(user_id)),
                        &n.to_string(),
                        now,
                    )?;
                }
                Ok::<_, diesel::result::Error>(())
            })
            .map_err(PageError::from)
        })
        .await?;
    Ok(Flash::success(
        Redirect::to("/admin/sessions"),
        "sessions-ended-others",
    ))
}

pub fn routes() -> Vec<Route> {
    routes![list, end_one, end_others]
}

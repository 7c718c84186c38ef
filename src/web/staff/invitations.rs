//! Inviting the partners on a meeting's or series's list, and reminding those who have not
//! answered; the invitations part of the meeting's dashboard.

use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{Route, post, routes};

use super::session::{Checked, Nothing, Staff};
use super::{managed_event, managed_series};
use crate::db::DbConn;
use crate::domain::event::Event;
use crate::domain::invitation::{self, send};
use crate::domain::{DomainError, partner};
use crate::web::errors::PageError;
use crate::web::{Ctx, policy};

/// The dashboard's invitations: how many are invited and how they answered.
pub fn dashboard_part(
    conn: &mut DbConn,
    e: &Event,
    now: chrono::NaiveDateTime,
) -> Result<Value, DomainError> {
    let tally = invitation::tally(conn, &[e.id], now)?;
    let listed = partner::invitees::contacts_for_event(conn, e.id)?.len();
    Ok(
        json!({ "tally": tally, "listed": listed, "partners_only": e.is_partners_only(),
               "open": invitation::open_for_replies(e, now) }),
    )
}

/// Which dates an action on the invitations concerns: one meeting, or a series's dates to come.
enum Scope {
    Event(i64),
    Series(i64),
}

impl Scope {
    fn back(&self) -> Redirect {
        match self {
            Scope::Event(id) => Redirect::to(format!("/admin/events/{id}#invitations")),
            Scope::Series(id) => Redirect::to(format!("/admin/series/{id}")),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Act {
    Invite,
    Remind,
}

async fn act(
    ctx: &Ctx<'_>,
    staff: &Staff,
    scope: Scope,
    what: Act,
) -> Result<Flash<Redirect>, PageError> {
    match scope {
        Scope::Event(id) => {
            managed_event(ctx, staff, id).await?;
        }
        Scope::Series(id) => {
            managed_series(ctx, staff, id).await?;
        }
    }
    let (actor, now) = (staff.actor(), ctx.now());
    let base = ctx.absolute("");
    let tz = ctx.settings.tz();
    let dates_of = match scope {
        Scope::Event(id) => Err(id),
        Scope::Series(id) => Ok(id),
    };
    let result = ctx
        .db
        .page(move |conn| {
            let dates = match dates_of {
                Err(id) => send::dates_of_event(conn, id)?,
                Ok(id) => send::dates_of_series(conn, id, now)?,
            };
            let letter = send::Letter {
                base_url: &base,
                tz,
            };
            Ok(match what {
                Act::Invite => send::invite(conn, &dates, &actor, letter, now),
                Act::Remind => send::remind(conn, &dates, &actor, letter, now),
            })
        })
        .await?;
    let sent = match result {
        Ok(sent) => sent,
        Err(e) => return policy::flash(scope.back(), Err(e), "", &[]),
    };
    let key = match (what, sent.people) {
        (_, 0) => "staff-invitation-nobody",
        (Act::Invite, _) => "staff-invitation-sent",
        (Act::Remind, _) => "staff-remind-sent",
    };
    // the count travels with the key: the page formats it in the reader's language
    Ok(Flash::success(
        scope.back(),
        format!("{key}|{}", sent.people),
    ))
}

#[post("/admin/events/<id>/invite", data = "<_form>")]
async fn invite_event(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    act(&ctx, &staff, Scope::Event(id), Act::Invite).await
}

#[post("/admin/events/<id>/remind", data = "<_form>")]
async fn remind_event(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    act(&ctx, &staff, Scope::Event(id), Act::Remind).await
}

#[post("/admin/series/<id>/invite", data = "<_form>")]
async fn invite_series(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    act(&ctx, &staff, Scope::Series(id), Act::Invite).await
}

#[post("/admin/series/<id>/remind", data = "<_form>")]
async fn remind_series(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    act(&ctx, &staff, Scope::Series(id), Act::Remind).await
}

pub fn routes() -> Vec<Route> {
    routes![invite_event, remind_event, invite_series, remind_series]
}

//! What organisers do to a meeting's registrations: add one taken by phone or at the
//! counter, cancel, promote from the waiting list, move within a series, erase on request.
//! The list page these actions return to is in `registrations`.

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::{Either, Route, post, routes};
use rocket_dyn_templates::Template;

use super::managed_event;
use super::registrations::list_page;
use super::session::{Checked, CsrfToken, Nothing, Staff};
use crate::domain::audit;
use crate::domain::register::{Origin, register};
use crate::domain::roster;
use crate::domain::validate::RegistrationInput;
use crate::domain::{DomainError, FieldErrors};
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::policy;

#[derive(Debug, FromForm)]
struct AddForm {
    name: Option<String>,
    email: Option<String>,
    organisation: Option<String>,
    companions: Option<String>,
    needs: Option<String>,
    consent: Option<String>,
    language: Option<String>,
}

/// A registration taken by phone or at the counter: the same rules as online.
#[post("/admin/events/<id>/registrations", data = "<form>")]
async fn add(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<AddForm>,
) -> Result<Either<Flash<Redirect>, (Status, Template)>, PageError> {
    let event = managed_event(&ctx, &staff, id).await?;
    let f = form.0;
    let language = crate::i18n::SUPPORTED
        .iter()
        .copied()
        .find(|l| Some(*l) == f.language.as_deref())
        .unwrap_or("de");
    let input = RegistrationInput {
        name: f.name,
        email: f.email,
        organisation: f.organisation,
        companions: f.companions,
        needs: f.needs,
        consent: f.consent.is_some_and(|c| !c.is_empty()),
        ..Default::default()
    };
    let (actor, now) = (staff.actor(), ctx.now());
    let attempt = input.clone();
    let result = ctx
        .db
        .page(move |conn| {
            let outcome = register(
                conn,
                id,
                &attempt,
                Origin {
                    language,
                    source: "office",
                    key: None,
                },
                now,
            );
            if let Ok(o) = &outcome {
                audit::record(
                    conn,
                    &actor,
                    "registration.add",
                    ("registration", Some(o.registration.id)),
                    &format!("event {id}, {}", o.registration.status),
                    now,
                )?;
            }
            Ok(outcome)
        })
        .await?;
    let back = Redirect::to(format!("/admin/events/{id}/registrations"));
    let errors: FieldErrors = match result {
        Ok(o) if o.registration.is_waiting() => {
            return Ok(Either::Left(Flash::warning(back, "staff-added-waiting")));
        }
        Ok(_) => return Ok(Either::Left(Flash::success(back, "staff-added"))),
        Err(e) => {
            let refusal = policy::refusal_of(e)?;
            // a refusal that is no field's stands at the field it concerns most
            let field = match refusal.code {
                "duplicate" => "email",
                "full" => "companions",
                _ => "name",
            };
            match refusal.fields.is_empty() {
                true => [(field, refusal.key)].into_iter().collect(),
                false => refusal.fields,
            }
        }
    };
    list_page(
        &ctx,
        &staff,
        &csrf,
        None,
        &event,
        (None, None, None),
        (&input, &errors),
        Status::UnprocessableEntity,
    )
    .await
    .map(Either::Right)
}

/// The back office's words for refusals of its actions on registrations.
const WORDING: &[(&str, &str)] = &[
    ("full", "staff-not-enough-seats"),
    ("duplicate", "staff-move-duplicate"),
];

/// An organiser's action on one registration of a meeting they manage, told by a flash.
async fn on_registration<F>(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
    ok: &'static str,
    action: F,
) -> Result<Flash<Redirect>, PageError>
where
    F: FnOnce(
            &mut crate::db::DbConn,
            &crate::domain::audit::Actor,
            chrono::NaiveDateTime,
        ) -> Result<(), DomainError>
        + Send
        + 'static,
{
    managed_event(ctx, staff, id).await?;
    let (actor, now) = (staff.actor(), ctx.now());
    let result = ctx
        .db
        .page(move |conn| Ok(action(conn, &actor, now)))
        .await?;
    policy::flash(
        Redirect::to(format!("/admin/events/{id}/registrations")),
        result,
        ok,
        WORDING,
    )
}

#[post("/admin/events/<id>/registrations/<rid>/cancel", data = "<_form>")]
async fn cancel(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    rid: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    on_registration(
        &ctx,
        &staff,
        id,
        "staff-registration-cancelled",
        move |conn, actor, now| roster::cancel(conn, id, rid, actor, now).map(|_| ()),
    )
    .await
}

/// Erases a person's data on their request (a place still held is given up first).
#[post("/admin/events/<id>/registrations/<rid>/erase", data = "<_form>")]
async fn erase(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    rid: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    on_registration(
        &ctx,
        &staff,
        id,
        "staff-registration-erased",
        move |conn, actor, now| {
            crate::domain::privacy::erase_registration(conn, id, rid, actor, now)
        },
    )
    .await
}

#[post("/admin/events/<id>/registrations/<rid>/promote", data = "<_form>")]
async fn promote(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    rid: i64,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    on_registration(
        &ctx,
        &staff,
        id,
        "staff-promoted",
        move |conn, actor, now| roster::promote(conn, id, rid, actor, now),
    )
    .await
}

#[derive(Debug, FromForm)]
struct MoveForm {
    target: Option<String>,
}

#[post("/admin/events/<id>/registrations/<rid>/move", data = "<form>")]
async fn move_to(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    rid: i64,
    form: Checked<MoveForm>,
) -> Result<Flash<Redirect>, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let back = Redirect::to(format!("/admin/events/{id}/registrations"));
    let Some(target) = form.0.target.and_then(|t| t.trim().parse::<i64>().ok()) else {
        return Ok(Flash::error(back, "error-move-series"));
    };
    // the target must be a meeting this person manages too, and one of the series' own
    // office (what the list offers)
    if managed_event(&ctx, &staff, target).await.is_err() {
        return Ok(Flash::error(back, "error-move-series"));
    }
    let offered = ctx
        .db
        .page(move |conn| {
            let siblings = match crate::domain::event::find(conn, id)? {
                Some(e) => crate::domain::event::series_siblings(conn, &e, false)?,
                None => Vec::new(),
            };
            Ok(siblings.iter().any(|e| e.id == target))
        })
        .await?;
    if !offered {
        return Ok(Flash::error(back, "error-move-series"));
    }
    let (actor, now) = (staff.actor(), ctx.now());
    let result = ctx
        .db
        .page(move |conn| Ok(roster::move_to(conn, id, rid, target, &actor, now).map(|_| ())))
        .await?;
    policy::flash(back, result, "staff-moved", WORDING)
}

pub fn routes() -> Vec<Route> {
    routes![erase, add, cancel, promote, move_to]
}

//! A meeting's registrations for its organisers: the list with search and filter, adding a
//! phone registration, cancelling, promoting by hand, moving within a series, exports.

use rocket::form::FromForm;
use rocket::http::{ContentType, Header, Status};
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect, Responder};
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{error_map, export, managed_event, page};
use crate::domain::audit;
use crate::domain::event::Event;
use crate::domain::register::{Origin, register};
use crate::domain::registration::Registration;
use crate::domain::roster;
use crate::domain::validate::RegistrationInput;
use crate::domain::{DomainError, FieldErrors};
use crate::web::errors::PageError;
use crate::web::{Ctx, view};

fn row(r: &Registration, position: Option<i64>, fmt: &crate::i18n::Formatter) -> serde_json::Value {
    json!({
        "id": r.id, "name": r.name, "email": r.email, "organisation": r.organisation,
        "companions": r.companions, "seats": r.seats, "needs": r.needs, "status": r.state(),
        "awaits_verification": r.awaits_verification(),
        "position": position, "source": r.source,
        "registered_at": format!("{}, {}", fmt.date(r.created_at), fmt.time(r.created_at)),
        "checked_in_at": r.checked_in_at.map(|t| fmt.time(t)),
        "purged": r.purged_at.is_some(),
    })
}

#[allow(clippy::too_many_arguments)]
async fn list_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    event: &Event,
    q: Option<String>,
    status: Option<String>,
    add: (&RegistrationInput, &FieldErrors),
    code: Status,
) -> Result<(Status, Template), PageError> {
    let id = event.id;
    let (q2, s2) = (q.clone(), status.clone());
    let this = event.clone();
    let now = ctx.now();
    let (rows, counts, siblings, key) = ctx
        .db
        .run(move |conn| {
            let rows = roster::list(conn, id, q2.as_deref(), s2.as_deref())?;
            let counts = roster::counts(conn, id)?;
            // only dates a registration may move to (`roster::move_to` checks again)
            let siblings: Vec<Event> = crate::domain::event::series_siblings(conn, &this, false)?
                .into_iter()
                .filter(|e| e.status == crate::domain::event::STATUS_PUBLISHED && e.starts_at > now)
                .collect();
            let key = crate::domain::event::access_key(conn, id)?;
            Ok::<_, PageError>((rows, counts, siblings, key))
        })
        .await?;
    let fmt = ctx.fmt();
    let list: Vec<_> = rows.iter().map(|(r, p)| row(r, *p, &fmt)).collect();
    let siblings: Vec<_> = siblings
        .iter()
        .map(|e| json!({"id": e.id, "when": fmt.span(e.starts_at, e.ends_at)}))
        .collect();
    Ok((
        code,
        page(
            ctx,
            staff,
            csrf,
            flash,
            "staff/registrations",
            json!({
                "event": { "id": event.id, "title": event.title, "when": fmt.span(event.starts_at, event.ends_at),
                           "max_companions": event.max_party() - 1, "path": view::event_path(event, key.as_deref()) },
                "rows": list, "counts": counts, "q": q, "status": status, "siblings": siblings,
                "form": add.0, "errors": error_map(ctx.lang(), add.1),
            }),
        ),
    ))
}

#[get("/admin/events/<id>/registrations?<q>&<status>")]
async fn list(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
    q: Option<String>,
    status: Option<String>,
) -> Result<(Status, Template), PageError> {
    let event = managed_event(&ctx, &staff, id).await?;
    list_page(
        &ctx,
        &staff,
        &csrf,
        flash,
        &event,
        q,
        status,
        (&RegistrationInput::default(), &FieldErrors::new()),
        Status::Ok,
    )
    .await
}

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
    };
    let (actor, now) = (staff.actor(), ctx.now());
    let attempt = input.clone();
    let result = ctx
        .db
        .run(move |conn| {
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
            Ok::<_, PageError>(outcome)
        })
        .await?;
    let back = Redirect::to(format!("/admin/events/{id}/registrations"));
    let errors: FieldErrors = match result {
        Ok(o) if o.registration.is_waiting() => {
            return Ok(Either::Left(Flash::warning(back, "staff-added-waiting")));
        }
        Ok(_) => return Ok(Either::Left(Flash::success(back, "staff-added"))),
        Err(DomainError::Invalid(errors)) => errors,
        Err(DomainError::Duplicate) => [("email", "register-duplicate")].into_iter().collect(),
        Err(DomainError::Full) => [("companions", "closed-full")].into_iter().collect(),
        Err(DomainError::Closed(key)) => [("name", key)].into_iter().collect(),
        Err(e) => return Err(e.into()),
    };
    list_page(
        &ctx,
        &staff,
        &csrf,
        None,
        &event,
        None,
        None,
        (&input, &errors),
        Status::UnprocessableEntity,
    )
    .await
    .map(Either::Right)
}

fn outcome_flash(
    back: Redirect,
    result: Result<(), DomainError>,
    ok: &'static str,
) -> Result<Flash<Redirect>, PageError> {
    match result {
        Ok(()) => Ok(Flash::success(back, ok)),
        Err(DomainError::Full) => Ok(Flash::error(back, "staff-not-enough-seats")),
        Err(DomainError::Duplicate) => Ok(Flash::error(back, "staff-move-duplicate")),
        Err(DomainError::Closed(key)) => Ok(Flash::error(back, key)),
        Err(DomainError::Invalid(e)) => Ok(Flash::error(
            back,
            e.values().next().copied().unwrap_or("error-other-text"),
        )),
        Err(e) => Err(e.into()),
    }
}

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
        .run(move |conn| Ok::<_, PageError>(action(conn, &actor, now)))
        .await?;
    outcome_flash(
        Redirect::to(format!("/admin/events/{id}/registrations")),
        result,
        ok,
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
        .run(move |conn| {
            let siblings = match crate::domain::event::find(conn, id)? {
                Some(e) => crate::domain::event::series_siblings(conn, &e, false)?,
                None => Vec::new(),
            };
            Ok::<_, PageError>(siblings.iter().any(|e| e.id == target))
        })
        .await?;
    if !offered {
        return Ok(Flash::error(back, "error-move-series"));
    }
    let (actor, now) = (staff.actor(), ctx.now());
    let result = ctx
        .db
        .run(move |conn| {
            Ok::<_, PageError>(roster::move_to(conn, id, rid, target, &actor, now).map(|_| ()))
        })
        .await?;
    outcome_flash(back, result, "staff-moved")
}

/// A download with a file name.
pub struct Download {
    content_type: ContentType,
    name: String,
    body: Vec<u8>,
}

impl<'r> Responder<'r, 'static> for Download {
    fn respond_to(self, req: &'r rocket::Request<'_>) -> rocket::response::Result<'static> {
        let mut res = (self.content_type, self.body).respond_to(req)?;
        res.set_header(Header::new(
            "Content-Disposition",
            format!("attachment; filename=\"{}\"", self.name),
        ));
        res.set_header(Header::new("Cache-Control", "no-store"));
        Ok(res)
    }
}

async fn export_rows(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
) -> Result<(Event, Vec<(Registration, Option<i64>)>), PageError> {
    let event = managed_event(ctx, staff, id).await?;
    let rows = ctx
        .db
        .run(move |conn| Ok::<_, PageError>(roster::list(conn, id, None, None)?))
        .await?;
    Ok((event, rows))
}

/// CSV in UTF-8; `?excel=1` gives what German Excel opens directly (semicolons, BOM).
#[get("/admin/events/<id>/registrations.csv?<excel>")]
async fn csv(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    excel: Option<&str>,
) -> Result<Download, PageError> {
    let (event, rows) = export_rows(&ctx, &staff, id).await?;
    let excel = excel.is_some_and(|v| v == "1" || v == "true");
    let body =
        export::csv(&rows, &ctx.fmt(), excel).map_err(|e| PageError::Unavailable(e.to_string()))?;
    Ok(Download {
        content_type: ContentType::new("text", "csv").with_params(("charset", "utf-8")),
        name: export::file_name(&event, "csv"),
        body,
    })
}

#[get("/admin/events/<id>/registrations.xlsx")]
async fn xlsx(ctx: Ctx<'_>, staff: Staff, id: i64) -> Result<Download, PageError> {
    let (event, rows) = export_rows(&ctx, &staff, id).await?;
    let body = export::xlsx(&event.title, &rows, &ctx.fmt())
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    Ok(Download {
        content_type: ContentType::new(
            "application",
            "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        name: export::file_name(&event, "xlsx"),
        body,
    })
}

pub fn routes() -> Vec<Route> {
    routes![erase, list, add, cancel, promote, move_to, csv, xlsx]
}

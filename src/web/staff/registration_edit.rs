//! The organiser's edit page of one registration: every field, with the seat rule of
//! `domain::change`. When added seats are not free the form comes back with the sentence at
//! the companions and, if the meeting has a waiting list, the explicit second step "put on
//! the waiting list" (a second button of the same form, so nothing typed is lost).

use std::collections::HashMap;

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Staff};
use super::{Page, error_map, managed_event, page};
use crate::domain::change::{self, Fields, How, SEATS_FULL, SEATS_NOT_FREE};
use crate::domain::contact::{self, ContactInput};
use crate::domain::event::Event;
use crate::domain::question::{AnswerInput, Asked};
use crate::domain::registration::Registration;
use crate::domain::{DomainError, FieldErrors};
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::policy;
use crate::web::questions_view;

#[derive(Debug, FromForm)]
struct EditForm {
    name: Option<String>,
    email: Option<String>,
    organisation: Option<String>,
    companions: Option<String>,
    needs: Option<String>,
    language: Option<String>,
    contact_kind: Option<String>,
    phone: Option<String>,
    postal_address: Option<String>,
    via_name: Option<String>,
    via_email: Option<String>,
    /// Present when the form showed the meeting's questions: `a` then holds every answer.
    answers: Option<String>,
    /// Answers to the meeting's questions, as on the public form.
    a: HashMap<String, Vec<String>>,
    health_consent: Option<String>,
    notify: Option<String>,
    /// The second button, shown only after "no seats free": the person agreed to wait.
    waitlist: Option<String>,
}

/// One registration of a meeting this person manages, not erased.
async fn managed_registration(
    ctx: &Ctx<'_>,
    staff: &Staff,
    id: i64,
    rid: i64,
) -> Result<(Event, Registration, Option<i64>), PageError> {
    let event = managed_event(ctx, staff, id).await?;
    let (r, position) = ctx
        .db
        .page(move |conn| {
            let found = crate::domain::roster::list(conn, id, None, None)?
                .into_iter()
                .find(|(r, _)| r.id == rid);
            Ok(found)
        })
        .await?
        .ok_or(PageError::NotFound)?;
    if r.purged_at.is_some() {
        return Err(PageError::NotFound);
    }
    Ok((event, r, position))
}

/// The form as stored, for the first look at the page.
fn stored(r: &Registration, answers: AnswerInput) -> Fields {
    Fields {
        name: Some(r.name.clone()),
        email: Some(r.email.clone()),
        organisation: r.organisation.clone(),
        companions: Some(r.companions.to_string()),
        needs: r.needs.clone(),
        language: Some(r.language.clone()),
        answers: Some(answers),
        health_consent: false,
        contact: Some(ContactInput {
            contact_kind: Some(r.contact_kind.clone()),
            phone: r.phone.clone(),
            postal_address: r.postal_address.clone(),
            via_name: r.via_name.clone(),
            via_email: r.via_email.clone(),
        }),
    }
}

#[allow(clippy::too_many_arguments)]
fn edit_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    (event, r, position): &(Event, Registration, Option<i64>),
    asked: &[Asked],
    form: &Fields,
    notify: bool,
    errors: &FieldErrors,
) -> Template {
    let fmt = ctx.fmt();
    let lang = ctx.lang();
    let state = crate::i18n::text(lang, &format!("status-{}", r.state()));
    let error_texts = error_map(lang, errors);
    let typed = form.answers.clone().unwrap_or_default();
    let questions = questions_view::form_fields(asked, &typed, &error_texts);
    let kind = form
        .contact
        .as_ref()
        .and_then(|c| c.contact_kind.as_deref())
        .filter(|k| contact::KINDS.contains(k))
        .unwrap_or(&r.contact_kind);
    page(
        ctx,
        staff,
        csrf,
        flash,
        "staff/registration_edit",
        json!({
            "event": { "id": event.id, "title": event.title, "when": fmt.span(event.starts_at, event.ends_at),
                       "max_companions": event.max_party().max(r.seats) - 1 },
            "registration": { "id": r.id, "name": r.name, "seats": r.seats, "position": position,
                              "state": crate::i18n::text_with(lang, "staff-edit-state",
                                  &[("state", state.into()), ("seats", i64::from(r.seats).into())]) },
            "form": form, "notify": notify, "errors": error_texts,
            "kind": kind, "kinds": contact::KINDS,
            "questions": questions, "asks_sensitive": questions_view::asks_sensitive(asked),
            "offer_waitlist": errors.get("companions") == Some(&"staff-edit-seats-not-free"),
        }),
    )
}

#[get("/admin/events/<id>/registrations/<rid>/edit")]
async fn edit(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
    rid: i64,
) -> Result<Template, PageError> {
    let found = managed_registration(&ctx, &staff, id, rid).await?;
    let (asked, answers) = questions_view::asked_and_answers_of(&ctx, &found.0, rid).await?;
    let form = stored(&found.1, answers);
    Ok(edit_page(
        &ctx,
        &staff,
        &csrf,
        flash,
        &found,
        &asked,
        &form,
        true,
        &FieldErrors::new(),
    ))
}

#[post("/admin/events/<id>/registrations/<rid>/edit", data = "<form>")]
async fn save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    rid: i64,
    form: Checked<EditForm>,
) -> Result<Either<Flash<Redirect>, Page>, PageError> {
    let found = managed_registration(&ctx, &staff, id, rid).await?;
    let f = form.0;
    let typed = Fields {
        name: Some(f.name.unwrap_or_default()),
        email: Some(f.email.unwrap_or_default()),
        organisation: Some(f.organisation.unwrap_or_default()),
        companions: Some(f.companions.unwrap_or_default()),
        needs: Some(f.needs.unwrap_or_default()),
        language: f.language,
        // a form without the questions (another client) leaves the answers as they are
        answers: f.answers.is_some().then(|| {
            f.a.iter()
                .filter_map(|(k, v)| Some((k.parse().ok()?, v.clone())))
                .collect()
        }),
        health_consent: f.health_consent.is_some_and(|c| !c.is_empty()),
        // a form without the contact (another client) leaves it as it is
        contact: f.contact_kind.is_some().then_some(ContactInput {
            contact_kind: f.contact_kind,
            phone: f.phone,
            postal_address: f.postal_address,
            via_name: f.via_name,
            via_email: f.via_email,
        }),
    };
    let notify = f.notify.is_some_and(|n| !n.is_empty());
    let how = How {
        actor: staff.actor(),
        join_waitlist: f.waitlist.is_some_and(|w| !w.is_empty()),
        notify,
        by_person: false,
    };
    let (attempt, now) = (typed.clone(), ctx.now());
    let result = ctx
        .db
        .page(move |conn| Ok(change::change(conn, id, rid, &attempt, &how, now)))
        .await?;
    let back = Redirect::to(format!("/admin/events/{id}/registrations"));
    let errors: FieldErrors = match result {
        Ok(c) if c.what.is_empty() => {
            return Ok(Either::Left(Flash::success(back, "staff-edit-unchanged")));
        }
        Ok(c) if c.registration.is_waiting() => {
            return Ok(Either::Left(Flash::warning(
                back,
                "staff-edit-saved-waiting",
            )));
        }
        Ok(_) => return Ok(Either::Left(Flash::success(back, "staff-edit-saved"))),
        Err(e) => field_errors(e)?,
    };
    let (asked, _) = questions_view::asked_and_answers_of(&ctx, &found.0, rid).await?;
    let page = edit_page(
        &ctx, &staff, &csrf, None, &found, &asked, &typed, notify, &errors,
    );
    Ok(Either::Right((Status::UnprocessableEntity, page)))
}

/// A refusal as sentences at the fields, in the back office's words.
fn field_errors(e: DomainError) -> Result<FieldErrors, PageError> {
    let refusal = policy::refusal_of(e)?;
    if refusal.status == Status::NotFound {
        return Err(PageError::NotFound);
    }
    let mut fields = refusal.fields;
    if fields.is_empty() {
        // a refusal that is no field's stands at the field it concerns most
        let field = if refusal.code == "duplicate" {
            "email"
        } else {
            "name"
        };
        let key = if refusal.code == "duplicate" {
            "staff-edit-duplicate"
        } else {
            refusal.key
        };
        fields.insert(field, key);
    }
    for key in fields.values_mut() {
        *key = match *key {
            SEATS_NOT_FREE => "staff-edit-seats-not-free",
            SEATS_FULL => "staff-edit-seats-full",
            other => other,
        };
    }
    Ok(fields)
}

pub fn routes() -> Vec<Route> {
    routes![edit, save]
}

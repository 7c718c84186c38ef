//! A registration taken by the office: by phone, at the counter, or for the clients of an
//! integration manager. Staff confirmed it, so there is no double opt-in; over capacity or
//! past a closed registration only with a reason, which goes to the audit log.

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Staff};
use super::{error_map, managed_event, page};
use crate::domain::audit;
use crate::domain::contact::{self, ContactInput};
use crate::domain::event::Event;
use crate::domain::question::Asked;
use crate::domain::register::{OfficeTerms, Origin, register};
use crate::domain::validate::RegistrationInput;
use crate::domain::{DomainError, FieldErrors};
use crate::web::Ctx;
use crate::web::errors::PageError;
use crate::web::policy;
use crate::web::questions_view;

#[derive(Debug, Default, FromForm, serde::Serialize)]
struct AddForm {
    name: Option<String>,
    email: Option<String>,
    organisation: Option<String>,
    companions: Option<String>,
    needs: Option<String>,
    consent: Option<String>,
    language: Option<String>,
    contact_kind: Option<String>,
    phone: Option<String>,
    postal_address: Option<String>,
    via_name: Option<String>,
    via_email: Option<String>,
    override_reason: Option<String>,
    /// Answers to the meeting's questions, as on the public form.
    a: std::collections::HashMap<String, Vec<String>>,
    health_consent: Option<String>,
}

impl AddForm {
    fn input(&self) -> RegistrationInput {
        RegistrationInput {
            name: self.name.clone(),
            email: self.email.clone(),
            organisation: self.organisation.clone(),
            companions: self.companions.clone(),
            needs: self.needs.clone(),
            consent: self.consent.as_deref().is_some_and(|c| !c.is_empty()),
            answers: self
                .a
                .iter()
                .filter_map(|(k, v)| Some((k.parse().ok()?, v.clone())))
                .collect(),
            health_consent: self
                .health_consent
                .as_deref()
                .is_some_and(|c| !c.is_empty()),
        }
    }

    fn contact(&self) -> ContactInput {
        ContactInput {
            contact_kind: self.contact_kind.clone(),
            phone: self.phone.clone(),
            postal_address: self.postal_address.clone(),
            via_name: self.via_name.clone(),
            via_email: self.via_email.clone(),
        }
    }

    /// The language of the person's papers (mails, slip); German unless one we speak.
    fn language(&self) -> &'static str {
        crate::i18n::SUPPORTED
            .iter()
            .copied()
            .find(|l| Some(*l) == self.language.as_deref())
            .unwrap_or("de")
    }
}

#[allow(clippy::too_many_arguments)]
fn add_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    (event, asked): (&Event, &[Asked]),
    form: &AddForm,
    errors: &FieldErrors,
) -> Template {
    let fmt = ctx.fmt();
    let error_texts = error_map(ctx.lang(), errors);
    let questions = questions_view::form_fields(asked, &form.input().answers, &error_texts);
    let chosen = form.language();
    let languages: Vec<_> = crate::i18n::SUPPORTED
        .iter()
        .map(|l| json!({"code": l, "name": crate::i18n::native_name(l), "selected": *l == chosen}))
        .collect();
    let kind = form
        .contact_kind
        .as_deref()
        .filter(|k| contact::KINDS.contains(k))
        .unwrap_or(contact::EMAIL);
    page(
        ctx,
        staff,
        csrf,
        flash,
        "staff/registration_add",
        json!({
            "event": { "id": event.id, "title": event.title, "when": fmt.span(event.starts_at, event.ends_at),
                       "max_companions": event.max_party() - 1 },
            "form": form, "kind": kind, "kinds": contact::KINDS, "paper_languages": languages,
            "questions": questions, "asks_sensitive": questions_view::asks_sensitive(asked),
            "errors": error_texts,
        }),
    )
}

/// The meeting's questions in the organiser's language.
async fn asked_of(ctx: &Ctx<'_>, event: &Event) -> Result<Vec<Asked>, PageError> {
    let (e, lang, content_lang) = (event.clone(), ctx.lang(), ctx.visitor.content_lang);
    ctx.db
        .page(move |conn| Ok(questions_view::asked_of(conn, &e, lang, content_lang)?))
        .await
}

#[get("/admin/events/<id>/registrations/new")]
async fn new(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
) -> Result<Template, PageError> {
    let event = managed_event(&ctx, &staff, id).await?;
    let asked = asked_of(&ctx, &event).await?;
    Ok(add_page(
        &ctx,
        &staff,
        &csrf,
        flash,
        (&event, &asked),
        &<AddForm as Default>::default(),
        &FieldErrors::new(),
    ))
}

/// Every field rule of the form at once, so the page shows all problems together.
fn check(form: &AddForm, max_party: i32) -> Result<contact::Contact, FieldErrors> {
    let contact = form.contact().validate();
    let needs_email = contact.as_ref().map_or(
        form.contact_kind.as_deref().unwrap_or(contact::EMAIL) == contact::EMAIL,
        |c| c.needs_own_email(),
    );
    let mut errors = form
        .input()
        .validate_with(max_party, needs_email)
        .err()
        .unwrap_or_default();
    if let Some(problem) = form
        .override_reason
        .as_deref()
        .and_then(|r| contact::reason_problem(r.trim()))
    {
        errors.insert("override_reason", problem);
    }
    match contact {
        Ok(c) if errors.is_empty() => Ok(c),
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more);
            Err(errors)
        }
    }
}

/// Where a refusal that is no field's own is shown: full or closed ask for the reason.
fn at_field(e: DomainError) -> Result<FieldErrors, crate::db::DbError> {
    Ok(match e {
        DomainError::Full => [("override_reason", "staff-error-full-reason")].into(),
        DomainError::Closed(why) if why != "closed-cancelled" => {
            [("override_reason", "staff-error-closed-reason")].into()
        }
        DomainError::Duplicate => [("email", "register-duplicate")].into(),
        other => {
            let refusal = policy::refusal_of(other)?;
            match refusal.fields.is_empty() {
                true => [("name", refusal.key)].into_iter().collect(),
                false => refusal.fields,
            }
        }
    })
}

#[post("/admin/events/<id>/registrations", data = "<form>")]
async fn add(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<AddForm>,
) -> Result<Either<Flash<Redirect>, (Status, Template)>, PageError> {
    let event = managed_event(&ctx, &staff, id).await?;
    let form = form.0;
    let back = Redirect::to(format!("/admin/events/{id}/registrations"));
    let errors = match check(&form, event.max_party()) {
        Err(errors) => errors,
        Ok(contact) => {
            let (actor, now) = (staff.actor(), ctx.now());
            let (input, language) = (form.input(), form.language());
            let reason = form.override_reason.clone();
            let result = ctx
                .db
                .page(move |conn| {
                    let terms = OfficeTerms {
                        contact: &contact,
                        override_reason: reason.as_deref(),
                    };
                    let outcome = register(conn, id, &input, Origin::office(language, terms), now);
                    if let Ok(o) = &outcome {
                        let r = &o.registration;
                        let mut detail = format!("event {id}, {}, {}", r.status, r.contact_kind);
                        if let Some(via) = &r.via_name {
                            detail.push_str(&format!(", via {via}"));
                        }
                        if o.overridden {
                            detail.push_str(&format!(
                                ", OVERRIDE: {}",
                                reason.as_deref().unwrap_or("").trim()
                            ));
                        }
                        audit::record(
                            conn,
                            &actor,
                            "registration.add",
                            ("registration", Some(r.id)),
                            &detail,
                            now,
                        )?;
                    }
                    Ok(outcome)
                })
                .await?;
            match result {
                Ok(o) if o.registration.is_waiting() => {
                    return Ok(Either::Left(Flash::warning(back, "staff-added-waiting")));
                }
                Ok(o) if o.overridden => {
                    return Ok(Either::Left(Flash::warning(back, "staff-added-override")));
                }
                Ok(_) => return Ok(Either::Left(Flash::success(back, "staff-added"))),
                Err(e) => at_field(e)?,
            }
        }
    };
    let asked = asked_of(&ctx, &event).await?;
    Ok(Either::Right((
        Status::UnprocessableEntity,
        add_page(&ctx, &staff, &csrf, None, (&event, &asked), &form, &errors),
    )))
}

pub fn routes() -> Vec<Route> {
    routes![new, add]
}

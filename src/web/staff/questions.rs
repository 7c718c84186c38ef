//! The organiser's questions page of a meeting or a series: the questions asked with the
//! registration, added by hand or from a preset, changed, translated, ordered, removed.
//! A meeting shows its series' questions too (they are edited on the series' page).

use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{Either, FromForm, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{error_map, managed_event, of_own_office, series_of};
use crate::db::DbConn;
use crate::domain::FieldErrors;
use crate::domain::question::{self, BUILT_IN, Question, QuestionInput, Scope};
use crate::domain::{event, question::office_presets};
use crate::i18n;
use crate::web::Ctx;
use crate::web::errors::PageError;

/// Whose questions a page shows: a meeting or a series, with its office and addresses.
struct Owner {
    scope: Scope,
    office_id: i64,
    title: String,
    /// The meeting's series, whose questions it asks too: `(id, title)`.
    series: Option<(i64, String)>,
}

impl Owner {
    fn base(&self) -> String {
        match self.scope {
            Scope::Event(id) => format!("/admin/events/{id}/questions"),
            Scope::Series(id) => format!("/admin/series/{id}/questions"),
        }
    }
}

async fn of_event(ctx: &Ctx<'_>, staff: &Staff, id: i64) -> Result<Owner, PageError> {
    let e = managed_event(ctx, staff, id).await?;
    let series = series_of(ctx, &e).await?;
    Ok(Owner {
        scope: Scope::Event(e.id),
        office_id: e.office_id,
        title: e.title,
        series,
    })
}

async fn of_series(ctx: &Ctx<'_>, staff: &Staff, id: i64) -> Result<Owner, PageError> {
    let find = move |conn: &mut DbConn| event::find_series(conn, id);
    let s = of_own_office(ctx, staff, find, |s| s.office_id, PageError::Forbidden).await?;
    Ok(Owner {
        scope: Scope::Series(s.id),
        office_id: s.office_id,
        title: s.title,
        series: None,
    })
}

/// The owner named in an address: `events/<id>` or `series/<id>`.
async fn owner_at(ctx: &Ctx<'_>, staff: &Staff, kind: &str, id: i64) -> Result<Owner, PageError> {
    match kind {
        "events" => of_event(ctx, staff, id).await,
        "series" => of_series(ctx, staff, id).await,
        _ => Err(PageError::NotFound),
    }
}

/// The owner of a question, for its own actions (the same office rules).
async fn of_question(
    ctx: &Ctx<'_>,
    staff: &Staff,
    qid: i64,
) -> Result<(Owner, Question), PageError> {
    let q = ctx
        .db
        .page(move |conn| Ok(question::find(conn, qid)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let owner = match (q.event_id, q.series_id) {
        (Some(e), _) => of_event(ctx, staff, e).await?,
        (None, Some(s)) => of_series(ctx, staff, s).await?,
        (None, None) => return Err(PageError::NotFound),
    };
    Ok((owner, q))
}

fn question_json(lang: &str, q: &Question) -> Value {
    json!({ "id": q.id, "label": q.label, "help": q.help, "required": q.required, "sensitive": q.sensitive,
            "kind": i18n::text(lang, &format!("question-kind-{}", q.kind)), "choices": q.choices() })
}

type Page = (Status, Template);

#[allow(clippy::too_many_arguments)]
async fn page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    owner: &Owner,
    (form, editing): (&QuestionInput, Option<i64>),
    errors: &FieldErrors,
    status: Status,
) -> Result<Page, PageError> {
    let (scope, office, series) = (owner.scope, owner.office_id, owner.series.clone());
    let (own, inherited, presets) = ctx
        .db
        .page(move |conn| {
            let own = match scope {
                Scope::Series(id) => question::of_series(conn, id)?,
                Scope::Event(id) => {
                    let e = event::find(conn, id)?.ok_or(PageError::NotFound)?;
                    let all = question::of_event(conn, &e, false)?;
                    all.into_iter().filter(|q| q.event_id.is_some()).collect()
                }
            };
            let inherited = match series {
                Some((s, _)) => question::of_series(conn, s)?,
                None => Vec::new(),
            };
            Ok((own, inherited, office_presets(conn, office)?))
        })
        .await?;
    let lang = ctx.lang();
    let built_in: Vec<Value> = BUILT_IN
        .iter()
        .map(|b| json!({ "key": b.key, "label": i18n::text(lang, &format!("staff-preset-{}", b.key)) }))
        .collect();
    let kinds: Vec<Value> = question::KINDS
        .iter()
        .map(|k| json!({ "value": k, "label": i18n::text(lang, &format!("question-kind-{k}")) }))
        .collect();
    let series = owner
        .series
        .as_ref()
        .map(|(id, title)| json!({ "id": id, "title": title }));
    let context = json!({
        "title": owner.title, "base": owner.base(), "is_series": matches!(owner.scope, Scope::Series(_)),
        "event_id": match owner.scope { Scope::Event(id) => Some(id), Scope::Series(_) => None },
        "series": series,
        "questions": own.iter().map(|q| question_json(lang, q)).collect::<Vec<_>>(),
        "inherited": inherited.iter().map(|q| question_json(lang, q)).collect::<Vec<_>>(),
        "built_in": built_in, "office_presets": presets, "kinds": kinds,
        "form": form, "editing": editing, "errors": error_map(lang, errors),
    });
    let template = super::page(ctx, staff, csrf, flash, "staff/questions", context);
    Ok((status, template))
}

/// The questions page of a meeting (`events`) or a series (`series`).
#[get("/admin/<kind>/<id>/questions")]
async fn questions_page(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    kind: &str,
    id: i64,
) -> Result<Page, PageError> {
    let owner = owner_at(&ctx, &staff, kind, id).await?;
    let form = QuestionInput::default();
    let fresh = (&form, None);
    page(
        &ctx,
        &staff,
        &csrf,
        flash,
        &owner,
        fresh,
        &FieldErrors::new(),
        Status::Ok,
    )
    .await
}

type Answer = Either<Flash<Redirect>, Page>;

/// Adds the question typed into the form, or shows the form again with the reasons.
async fn add(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    owner: Owner,
    form: QuestionInput,
) -> Result<Answer, PageError> {
    let valid = match form.check(ctx.visitor.content_lang) {
        Ok(v) => v,
        Err(errors) => {
            let again = (&form, None);
            let p = page(
                ctx,
                staff,
                csrf,
                None,
                &owner,
                again,
                &errors,
                Status::UnprocessableEntity,
            )
            .await?;
            return Ok(Either::Right(p));
        }
    };
    let (actor, now, scope) = (staff.actor(), ctx.now(), owner.scope);
    ctx.db
        .page(move |conn| Ok(question::add(conn, scope, &valid, &actor, now)?))
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to(owner.base()),
        "staff-question-added",
    )))
}

#[post("/admin/<kind>/<id>/questions", data = "<form>")]
async fn add_question(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    kind: &str,
    id: i64,
    form: Checked<QuestionInput>,
) -> Result<Answer, PageError> {
    let owner = owner_at(&ctx, &staff, kind, id).await?;
    add(&ctx, &staff, &csrf, owner, form.0).await
}

#[derive(Debug, FromForm)]
struct PresetForm {
    /// A built-in preset's key.
    key: Option<String>,
    /// Or one of the office's own presets.
    office_preset: Option<i64>,
}

async fn add_preset(
    ctx: &Ctx<'_>,
    staff: &Staff,
    owner: Owner,
    form: PresetForm,
) -> Result<Flash<Redirect>, PageError> {
    let (actor, now, scope, office) = (staff.actor(), ctx.now(), owner.scope, owner.office_id);
    let content_lang = ctx.visitor.content_lang;
    ctx.db
        .page(move |conn| {
            match (form.key, form.office_preset) {
                (Some(key), _) => {
                    question::add_preset(conn, scope, &key, content_lang, &actor, now)?.len()
                }
                (None, Some(p)) => {
                    question::add_from_office_preset(conn, scope, p, office, &actor, now)?;
                    1
                }
                (None, None) => return Err(PageError::NotFound),
            };
            Ok(())
        })
        .await?;
    Ok(Flash::success(
        Redirect::to(owner.base()),
        "staff-question-added",
    ))
}

#[post("/admin/<kind>/<id>/questions/preset", data = "<form>")]
async fn preset(
    ctx: Ctx<'_>,
    staff: Staff,
    kind: &str,
    id: i64,
    form: Checked<PresetForm>,
) -> Result<Flash<Redirect>, PageError> {
    let owner = owner_at(&ctx, &staff, kind, id).await?;
    add_preset(&ctx, &staff, owner, form.0).await
}

/// A question's form, filled in, on its owner's page.
#[get("/admin/questions/<qid>/edit")]
async fn edit_page(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    qid: i64,
) -> Result<Page, PageError> {
    let (owner, q) = of_question(&ctx, &staff, qid).await?;
    let texts = ctx
        .db
        .page(move |conn| Ok(question::texts_of(conn, &[qid])?))
        .await?;
    let texts: Vec<_> = texts.into_values().collect();
    let form = QuestionInput::of(&q, &texts);
    page(
        &ctx,
        &staff,
        &csrf,
        None,
        &owner,
        (&form, Some(qid)),
        &FieldErrors::new(),
        Status::Ok,
    )
    .await
}

#[post("/admin/questions/<qid>/edit", data = "<form>")]
async fn edit_save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    qid: i64,
    form: Checked<QuestionInput>,
) -> Result<Answer, PageError> {
    let (owner, _) = of_question(&ctx, &staff, qid).await?;
    let form = form.0;
    let valid = match form.check(ctx.visitor.content_lang) {
        Ok(v) => v,
        Err(errors) => {
            let again = (&form, Some(qid));
            let p = page(
                &ctx,
                &staff,
                &csrf,
                None,
                &owner,
                again,
                &errors,
                Status::UnprocessableEntity,
            )
            .await?;
            return Ok(Either::Right(p));
        }
    };
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(question::update(conn, qid, &valid, &actor, now)?))
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to(owner.base()),
        "staff-question-saved",
    )))
}

/// Remove, move up or down, keep as an office preset.
#[post("/admin/questions/<qid>/<action>", data = "<_form>", rank = 2)]
async fn act(
    ctx: Ctx<'_>,
    staff: Staff,
    qid: i64,
    action: &str,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    let (owner, q) = of_question(&ctx, &staff, qid).await?;
    let (actor, now, office) = (staff.actor(), ctx.now(), owner.office_id);
    let done = match action {
        "remove" => "staff-question-removed",
        "up" | "down" => "staff-question-moved",
        "keep" => "staff-question-kept",
        _ => return Err(PageError::NotFound),
    };
    let action = action.to_owned();
    ctx.db
        .page(move |conn| {
            match action.as_str() {
                "remove" => question::remove(conn, q.id, &actor, now)?,
                "keep" => {
                    question::save_as_office_preset(conn, &q, office, &actor, now)?;
                }
                up_or_down => question::move_question(conn, &q, up_or_down == "up")?,
            }
            Ok(())
        })
        .await?;
    Ok(Flash::success(Redirect::to(owner.base()), done))
}

pub fn routes() -> Vec<Route> {
    routes![
        questions_page,
        add_question,
        preset,
        edit_page,
        edit_save,
        act
    ]
}

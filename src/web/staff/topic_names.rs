//! A topic's names in every language of the public side: the fields of the topics form
//! (adding a topic on the offices page) and the page that changes an existing topic's names.
//! German is required; a language left empty shows the English name, else the German one.

use rocket::form::FromForm;
use rocket::http::Status;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{Either, Route, get, post, routes};

use super::session::{Checked, CsrfToken, Staff};
use super::{Page, error_map, page, require_admin};
use crate::domain::event::{self, Category};
use crate::domain::{FieldErrors, audit};
use crate::i18n::{self, SUPPORTED};
use crate::web::Ctx;
use crate::web::errors::PageError;

/// The names as typed, one field per language of ours (`name_<code>`).
#[derive(Debug, Default, FromForm, serde::Serialize)]
pub struct NamesForm {
    name_de: Option<String>,
    name_en: Option<String>,
    name_ar: Option<String>,
    name_uk: Option<String>,
    name_tr: Option<String>,
    name_fa: Option<String>,
    name_ru: Option<String>,
}

/// The field name of a language's name.
fn field(lang: &str) -> &'static str {
    match lang {
        "en" => "name_en",
        "ar" => "name_ar",
        "uk" => "name_uk",
        "tr" => "name_tr",
        "fa" => "name_fa",
        "ru" => "name_ru",
        _ => "name_de",
    }
}

impl NamesForm {
    fn get(&self, lang: &str) -> &str {
        let v = match lang {
            "en" => &self.name_en,
            "ar" => &self.name_ar,
            "uk" => &self.name_uk,
            "tr" => &self.name_tr,
            "fa" => &self.name_fa,
            "ru" => &self.name_ru,
            _ => &self.name_de,
        };
        v.as_deref().unwrap_or("").trim()
    }

    fn of(c: &Category) -> Self {
        let own = |lang: &str| {
            c.names
                .iter()
                .find(|(l, _)| l == lang)
                .map(|(_, n)| n.clone())
        };
        NamesForm {
            name_de: Some(c.name_de.clone()),
            name_en: Some(c.name_en.clone()),
            name_ar: own("ar"),
            name_uk: own("uk"),
            name_tr: own("tr"),
            name_fa: own("fa"),
            name_ru: own("ru"),
        }
    }

    /// The names by language, trimmed, or the reasons at their fields.
    pub fn check(&self) -> Result<Vec<(&'static str, String)>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut names = Vec::new();
        for lang in SUPPORTED.iter().copied() {
            let v = self.get(lang);
            let f = field(lang);
            if v.is_empty() {
                if lang == "de" {
                    errors.insert(f, "error-required");
                }
            } else if v.chars().count() > 100 {
                errors.insert(f, "error-too-long");
            } else if let Some(problem) = crate::domain::validate::single_line_problem(v) {
                errors.insert(f, problem);
            }
            names.push((lang, v.to_owned()));
        }
        if errors.is_empty() {
            Ok(names)
        } else {
            Err(errors)
        }
    }
}

/// The name of `lang` among checked names.
pub fn name_of<'a>(names: &'a [(&'static str, String)], lang: &str) -> &'a str {
    names
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("", |(_, n)| n.as_str())
}

/// The form's fields, one per language, with the values typed and the reasons given.
pub fn fields(ui: &str, form: &Value, errors: &Value) -> Vec<Value> {
    SUPPORTED
        .iter()
        .map(|lang| {
            let f = field(lang);
            let label = match *lang {
                "de" => i18n::text(ui, "staff-name-de"),
                "en" => i18n::text(ui, "staff-name-en"),
                l => i18n::text(ui, &format!("topicnames-name-{l}")),
            };
            json!({
                "name": f,
                "label": label,
                "value": form.get(f).and_then(Value::as_str).unwrap_or(""),
                "error": errors.get(f).and_then(Value::as_str).unwrap_or(""),
                "required": *lang == "de",
                "attrs": format!("lang=\"{lang}\" dir=\"{}\"", i18n::direction(lang)),
            })
        })
        .collect()
}

/// The languages beyond German a topic has its own name in, for the list of topics.
pub fn named_in(c: &Category) -> Vec<&'static str> {
    SUPPORTED
        .iter()
        .copied()
        .filter(|l| *l != "de" && c.name_lang(l) == *l)
        .collect()
}

async fn names_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    (category, form): (&Category, &NamesForm),
    status: Status,
    errors: &FieldErrors,
) -> Page {
    let form = serde_json::to_value(form).unwrap_or_default();
    let errors = Value::Object(error_map(ctx.lang(), errors));
    let fields = fields(ctx.lang(), &form, &errors);
    (
        status,
        page(
            ctx,
            staff,
            csrf,
            None,
            "staff/topic_names",
            json!({ "category": { "id": category.id, "slug": category.slug, "name": category.name(ctx.lang()) },
                    "fields": fields, "errors": errors }),
        ),
    )
}

#[get("/admin/categories/<id>")]
async fn edit(ctx: Ctx<'_>, staff: Staff, csrf: CsrfToken, id: i64) -> Result<Page, PageError> {
    require_admin(&staff)?;
    let category = ctx
        .db
        .page(move |conn| Ok(event::find_category(conn, id)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let form = NamesForm::of(&category);
    Ok(names_page(
        &ctx,
        &staff,
        &csrf,
        (&category, &form),
        Status::Ok,
        &FieldErrors::new(),
    )
    .await)
}

#[post("/admin/categories/<id>", data = "<form>")]
async fn save(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<NamesForm>,
) -> Result<Either<Flash<Redirect>, Page>, PageError> {
    require_admin(&staff)?;
    let category = ctx
        .db
        .page(move |conn| Ok(event::find_category(conn, id)?))
        .await?
        .ok_or(PageError::NotFound)?;
    let form = form.0;
    let names = match form.check() {
        Ok(names) => names,
        Err(errors) => {
            return Ok(Either::Right(
                names_page(
                    &ctx,
                    &staff,
                    &csrf,
                    (&category, &form),
                    Status::UnprocessableEntity,
                    &errors,
                )
                .await,
            ));
        }
    };
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                let (de, en) = (name_of(&names, "de"), name_of(&names, "en"));
                event::rename_category(conn, id, de, en)?;
                event::set_category_names(conn, id, &names)?;
                audit::record(
                    conn,
                    &actor,
                    "category.rename",
                    ("category", Some(id)),
                    de,
                    now,
                )
            })
            .map_err(PageError::from)
        })
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to("/admin/offices"),
        "staff-saved",
    )))
}

pub fn routes() -> Vec<Route> {
    routes![edit, save]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_field() {
        let fields: Vec<_> = SUPPORTED.iter().map(|l| field(l)).collect();
        for (lang, f) in SUPPORTED.iter().zip(&fields) {
            assert_eq!(*f, format!("name_{lang}"));
        }
        let form = NamesForm {
            name_de: Some(" Integration ".into()),
            name_fa: Some("ادغام".into()),
            ..Default::default()
        };
        let names = form.check().unwrap();
        assert_eq!(names.len(), SUPPORTED.len());
        assert_eq!(name_of(&names, "de"), "Integration");
        assert_eq!(name_of(&names, "fa"), "ادغام");
        assert!(
            <NamesForm as Default>::default().check().is_err(),
            "German is required"
        );
    }
}

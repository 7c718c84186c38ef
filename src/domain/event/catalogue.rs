//! What meetings belong to: offices, categories and series, their inserts, free slugs
//! and lookups.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{categories, category_names, events, offices, series};

use super::{Event, STATUS_CANCELLED};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = offices)]
pub struct Office {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A topic. German names it always; English and the other languages may (`names`, filled
/// by [`with_names`] after loading: the struct is selected inside many joins, where the
/// side table cannot be).
#[derive(Debug, Clone)]
pub struct Category {
    pub id: i64,
    pub slug: String,
    pub name_de: String,
    /// Empty when the topic has no English name.
    pub name_en: String,
    /// Names in the languages beyond German and English: (language, name).
    pub names: Vec<(String, String)>,
}

type CategoryColumns = (
    categories::id,
    categories::slug,
    categories::name_de,
    categories::name_en,
);

impl<DB: diesel::backend::Backend> Selectable<DB> for Category {
    type SelectExpression = CategoryColumns;

    fn construct_selection() -> Self::SelectExpression {
        (
            categories::id,
            categories::slug,
            categories::name_de,
            categories::name_en,
        )
    }
}

impl<ST, DB> Queryable<ST, DB> for Category
where
    DB: diesel::backend::Backend,
    (i64, String, String, String): diesel::deserialize::FromStaticSqlRow<ST, DB>,
{
    type Row = (i64, String, String, String);

    fn build((id, slug, name_de, name_en): Self::Row) -> diesel::deserialize::Result<Self> {
        Ok(Category {
            id,
            slug,
            name_de,
            name_en,
            names: Vec::new(),
        })
    }
}

impl Category {
    /// The name in `lang`: its own, else the English one (newcomers reading Arabic, Persian
    /// or Ukrainian pages are more likely to know English than German), else the German.
    pub fn name(&self, lang: &str) -> &str {
        self.named(lang).0
    }

    /// The language `name(lang)` is written in, for marking it on pages of other languages.
    pub fn name_lang(&self, lang: &str) -> &'static str {
        self.named(lang).1
    }

    fn named(&self, lang: &str) -> (&str, &'static str) {
        let own = match lang {
            "de" => Some(self.name_de.as_str()),
            "en" => Some(self.name_en.as_str()),
            _ => self
                .names
                .iter()
                .find(|(l, _)| l == lang)
                .map(|(_, n)| n.as_str()),
        };
        match own {
            Some(n) if !n.trim().is_empty() => (n, crate::i18n::supported(lang)),
            _ if lang != "de" && !self.name_en.trim().is_empty() => (&self.name_en, "en"),
            _ => (&self.name_de, "de"),
        }
    }
}

/// Fills the names beyond German and English of the given topics, in one query.
pub fn with_names<'a>(
    conn: &mut DbConn,
    cats: impl IntoIterator<Item = &'a mut Category>,
) -> QueryResult<()> {
    let mut cats: Vec<&mut Category> = cats.into_iter().collect();
    if cats.is_empty() {
        return Ok(());
    }
    let mut ids: Vec<i64> = cats.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let rows: Vec<(i64, String, String)> = category_names::table
        .filter(category_names::category_id.eq_any(ids))
        .order((category_names::category_id, category_names::lang))
        .select((
            category_names::category_id,
            category_names::lang,
            category_names::name,
        ))
        .load(conn)?;
    for c in cats.iter_mut() {
        c.names = rows
            .iter()
            .filter(|(id, _, _)| *id == c.id)
            .map(|(_, l, n)| (l.clone(), n.clone()))
            .collect();
    }
    Ok(())
}

/// Sets a topic's names beyond German and English: `names` holds every such language of
/// ours, empty ones remove the name (that language then falls back).
pub fn set_names(conn: &mut DbConn, id: i64, names: &[(&str, String)]) -> QueryResult<()> {
    diesel::delete(category_names::table.filter(category_names::category_id.eq(id)))
        .execute(conn)?;
    for (lang, name) in names
        .iter()
        .filter(|(l, n)| !matches!(*l, "de" | "en") && !n.trim().is_empty())
    {
        diesel::insert_into(category_names::table)
            .values((
                category_names::category_id.eq(id),
                category_names::lang.eq(*lang),
                category_names::name.eq(name.trim()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Changes a topic's German and English names.
pub fn rename_category(conn: &mut DbConn, id: i64, de: &str, en: &str) -> QueryResult<usize> {
    diesel::update(categories::table.find(id))
        .set((categories::name_de.eq(de), categories::name_en.eq(en)))
        .execute(conn)
}

pub fn find_category(conn: &mut DbConn, id: i64) -> QueryResult<Option<Category>> {
    let mut c = categories::table
        .find(id)
        .select(Category::as_select())
        .first(conn)
        .optional()?;
    with_names(conn, c.iter_mut())?;
    Ok(c)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = series)]
pub struct Series {
    pub id: i64,
    pub slug: String,
    pub title: String,
    /// Only meetings of this office count as the series' meetings.
    pub office_id: i64,
}

pub fn insert_office(
    conn: &mut DbConn,
    slug: &str,
    name: &str,
    email: &str,
    phone: &str,
) -> QueryResult<i64> {
    diesel::insert_into(offices::table)
        .values((
            offices::slug.eq(slug),
            offices::name.eq(name),
            offices::email.eq(email),
            offices::phone.eq(phone),
        ))
        .returning(offices::id)
        .get_result(conn)
}

pub fn insert_category(conn: &mut DbConn, slug: &str, de: &str, en: &str) -> QueryResult<i64> {
    diesel::insert_into(categories::table)
        .values((
            categories::slug.eq(slug),
            categories::name_de.eq(de),
            categories::name_en.eq(en),
        ))
        .returning(categories::id)
        .get_result(conn)
}

/// The tables whose rows have a slug in their address.
#[derive(Debug, Clone, Copy)]
pub enum SlugOf {
    Office,
    Category,
    Series,
}

/// A slug for `text` not yet used in `table`: `name`, else `name-2`, `name-3` …;
/// `fallback` when the text has nothing to make a slug of.
pub fn free_slug(
    conn: &mut DbConn,
    table: SlugOf,
    text: &str,
    fallback: &str,
) -> QueryResult<String> {
    let base: String = crate::domain::slug::slugify(text)
        .chars()
        .take(60)
        .collect();
    let base = if base.is_empty() {
        fallback.to_owned()
    } else {
        base
    };
    let taken = |conn: &mut DbConn, s: &str| -> QueryResult<bool> {
        let n: i64 = match table {
            SlugOf::Office => offices::table
                .filter(offices::slug.eq(s))
                .count()
                .get_result(conn)?,
            SlugOf::Category => categories::table
                .filter(categories::slug.eq(s))
                .count()
                .get_result(conn)?,
            SlugOf::Series => series::table
                .filter(series::slug.eq(s))
                .count()
                .get_result(conn)?,
        };
        Ok(n > 0)
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken(conn, &candidate)? {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

pub fn insert_series(
    conn: &mut DbConn,
    slug: &str,
    title: &str,
    office_id: i64,
) -> QueryResult<i64> {
    diesel::insert_into(series::table)
        .values((
            series::slug.eq(slug),
            series::title.eq(title),
            series::office_id.eq(office_id),
        ))
        .returning(series::id)
        .get_result(conn)
}

pub fn category_exists(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Category>> {
    let mut c = categories::table
        .filter(categories::slug.eq(slug))
        .select(Category::as_select())
        .first(conn)
        .optional()?;
    with_names(conn, c.iter_mut())?;
    Ok(c)
}

pub fn series_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Series>> {
    series::table
        .filter(series::slug.eq(slug))
        .select(Series::as_select())
        .first(conn)
        .optional()
}

pub fn find_series(conn: &mut DbConn, id: i64) -> QueryResult<Option<Series>> {
    series::table
        .find(id)
        .select(Series::as_select())
        .first(conn)
        .optional()
}

pub fn office_exists(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let n: i64 = offices::table.find(id).count().get_result(conn)?;
    Ok(n > 0)
}

pub fn category_id_exists(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let n: i64 = categories::table.find(id).count().get_result(conn)?;
    Ok(n > 0)
}

/// The other meetings of `e`'s series, soonest first (optionally without cancelled ones):
/// only those of the series' own office, and none for a meeting of another office that was
/// put into the series, so that no office sees or moves into another's meetings.
pub fn series_siblings(
    conn: &mut DbConn,
    e: &Event,
    with_cancelled: bool,
) -> QueryResult<Vec<Event>> {
    let Some(s) = e.series_id else {
        return Ok(Vec::new());
    };
    let Some(series) = find_series(conn, s)? else {
        return Ok(Vec::new());
    };
    if series.office_id != e.office_id {
        return Ok(Vec::new());
    }
    let mut q = events::table
        .filter(events::series_id.eq(s))
        .filter(events::office_id.eq(series.office_id))
        .filter(events::id.ne(e.id))
        .order((events::starts_at.asc(), events::id.asc()))
        .select(Event::as_select())
        .into_boxed();
    if !with_cancelled {
        q = q.filter(events::status.ne(STATUS_CANCELLED));
    }
    q.load(conn)
}

/// Every date of a series, soonest first, cancelled ones too: only those of the series'
/// own office (see [`series_siblings`]).
pub fn series_dates(conn: &mut DbConn, series: &Series) -> QueryResult<Vec<Event>> {
    events::table
        .filter(events::series_id.eq(series.id))
        .filter(events::office_id.eq(series.office_id))
        .order((events::starts_at.asc(), events::id.asc()))
        .select(Event::as_select())
        .load(conn)
}

pub fn all_offices(conn: &mut DbConn) -> QueryResult<Vec<Office>> {
    offices::table
        .order(offices::name.asc())
        .select(Office::as_select())
        .load(conn)
}

pub fn all_series(conn: &mut DbConn) -> QueryResult<Vec<Series>> {
    series::table
        .order(series::title.asc())
        .select(Series::as_select())
        .load(conn)
}

pub fn all_categories(conn: &mut DbConn) -> QueryResult<Vec<Category>> {
    let mut all: Vec<Category> = categories::table
        .order(categories::name_de.asc())
        .select(Category::as_select())
        .load(conn)?;
    with_names(conn, all.iter_mut())?;
    Ok(all)
}

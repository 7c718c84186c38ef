//! Needs on the meeting's dashboard: the summary with the people behind each number, the
//! "arranged" mark, and how the organiser wants to hear of needs to book.

use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{FromForm, Route, post, routes};

use super::managed_event;
use super::session::{Checked, Staff};
use crate::db::DbConn;
use crate::domain::event::Event;
use crate::domain::needs::{self, alerts};
use crate::web::Ctx;
use crate::web::errors::PageError;

/// The dashboard's needs: grouped by kind, each with its list link and mark; the one-line
/// summary; and the organiser's alert preferences.
pub fn dashboard_part(
    conn: &mut DbConn,
    e: &Event,
    user_id: i64,
    lang: &str,
) -> Result<Value, PageError> {
    let list = needs::summary(conn, e)?;
    let prefs = alerts::preferences(conn, user_id)?;
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    let mut line: Vec<String> = Vec::new();
    for n in &list {
        let label = needs::kind_label(lang, n.kind);
        let text = needs::describe(lang, n);
        let link = format!(
            "/admin/events/{}/registrations?status=confirmed&answer={}",
            e.id,
            crate::web::view::url_encode(&format!("{}:{}", n.question_id, n.value))
        );
        let item = json!({ "key": n.key, "text": text, "link": link, "arranged": n.arranged, "bookable": n.bookable });
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, items)) => items.push(item),
            None => groups.push((label, vec![item])),
        }
    }
    for (label, items) in &groups {
        let texts: Vec<&str> = items.iter().filter_map(|i| i["text"].as_str()).collect();
        line.push(format!("{label}: {}", texts.join(", ")));
    }
    let groups: Vec<Value> = groups
        .into_iter()
        .map(|(label, items)| json!({ "label": label, "items": items }))
        .collect();
    Ok(
        json!({ "groups": groups, "line": line.join(" · "), "prefs": prefs, "modes": alerts::MODES }),
    )
}

#[derive(Debug, FromForm)]
struct ArrangedForm {
    key: String,
    arranged: Option<String>,
}

#[post("/admin/events/<id>/needs", data = "<form>")]
async fn mark(
    ctx: Ctx<'_>,
    staff: Staff,
    id: i64,
    form: Checked<ArrangedForm>,
) -> Result<Flash<Redirect>, PageError> {
    managed_event(&ctx, &staff, id).await?;
    let (actor, now) = (staff.actor(), ctx.now());
    let ArrangedForm { key, arranged } = form.0;
    let arranged = arranged.is_some();
    if key.chars().count() > 300 {
        return Err(PageError::NotFound);
    }
    ctx.db
        .page(move |conn| Ok(needs::set_arranged(conn, id, &key, arranged, &actor, now)?))
        .await?;
    let done = if arranged {
        "staff-need-arranged"
    } else {
        "staff-need-open"
    };
    Ok(Flash::success(
        Redirect::to(format!("/admin/events/{id}#needs")),
        done,
    ))
}

#[derive(Debug, FromForm)]
struct AlertForm {
    mode: Option<String>,
    reminder_days: Option<String>,
    /// The meeting whose dashboard the form was on, to go back to.
    back: Option<i64>,
}

#[post("/admin/needs/alerts", data = "<form>")]
async fn alert_preferences(
    ctx: Ctx<'_>,
    staff: Staff,
    form: Checked<AlertForm>,
) -> Result<Flash<Redirect>, PageError> {
    super::require_organiser(&staff)?;
    let f = form.0;
    let back = Redirect::to(match f.back {
        Some(id) => format!("/admin/events/{id}#needs"),
        None => "/admin".into(),
    });
    let mode = alerts::MODES
        .iter()
        .find(|m| Some(**m) == f.mode.as_deref());
    let days = f
        .reminder_days
        .as_deref()
        .and_then(|d| d.trim().parse::<i32>().ok())
        .filter(|d| (0..=60).contains(d));
    let (Some(mode), Some(days)) = (mode, days) else {
        return Ok(Flash::error(back, "staff-need-alerts-invalid"));
    };
    let prefs = alerts::Preferences {
        mode: (*mode).to_owned(),
        reminder_days: days,
    };
    let (user, now) = (staff.user.id, ctx.now());
    ctx.db
        .page(move |conn| Ok(alerts::set_preferences(conn, user, &prefs, now)?))
        .await?;
    Ok(Flash::success(back, "staff-need-alerts-saved"))
}

pub fn routes() -> Vec<Route> {
    routes![mark, alert_preferences]
}

//! Issue 12 (4): a series belongs to an office. An organiser can neither put a meeting into
//! another office's series (the form is shown again with a message at the field, nothing is
//! stored), nor does a meeting put there across the boundary show in that series' feed,
//! embed list, dashboard or move list. The migration gives existing series their office.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{events, series};
use treffpunkt::domain::{account, event};

use crate::both_backends;
use crate::support::{TestApp, form_values};

both_backends!(
    another_offices_series_is_refused_at_the_field,
    a_series_shows_only_its_own_offices_meetings,
    the_migration_gives_each_series_its_office,
);

fn future(app: &TestApp, days: i64, hour: u32) -> String {
    let d = (app.now() + chrono::Duration::days(days)).date();
    format!("{}T{hour:02}:00", d.format("%Y-%m-%d"))
}

fn meeting_form<'a>(office: &'a str, start: &'a str, end: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", "Sprechstunde Integration"),
        ("starts_at", start),
        ("ends_at", end),
        ("venue_name", "Landratsamt Tübingen"),
        ("street", "Wilhelm-Keil-Straße 50"),
        ("postal_code", "72072"),
        ("town", "Tübingen"),
        ("office_id", office),
        ("max_companions", "0"),
        ("visibility", "public"),
    ]
}

/// Offices A and B, an organiser of A (logged in), B's series with one meeting.
async fn two_offices(app: &TestApp) -> (i64, i64, i64, i64, crate::support::StaffSession) {
    let a = app.office("amt-a", "Landratsamt A");
    let b = app.office("amt-b", "Landratsamt B");
    let pw = app.account("orga-a@example.org", account::ROLE_ORGANISER, &[a]);
    let series_b = app.series(b, "runder-tisch-b", "Runder Tisch B");
    let meeting_b = app.meeting_with(|e| {
        e.columns.office_id = b;
        e.columns.series_id = Some(series_b);
        e.columns.title = "Runder Tisch B".into();
    });
    let s = app.login("orga-a@example.org", &pw).await;
    (a, b, series_b, meeting_b, s)
}

async fn another_offices_series_is_refused_at_the_field(app: TestApp) {
    let (a, _, series_b, _, s) = two_offices(&app).await;
    let count =
        |app: &TestApp| -> i64 { events::table.count().get_result(&mut *app.conn()).unwrap() };
    let before = count(&app);
    let (office_a, theirs) = (a.to_string(), series_b.to_string());
    let (start, end) = (future(&app, 10, 18), future(&app, 10, 20));
    let message = "Diese Reihe gehört zu einer Dienststelle, die Sie nicht verwalten.";

    // creating a meeting in B's series
    let mut fields = meeting_form(&office_a, &start, &end);
    fields.push(("series_id", &theirs));
    let (status, page, _) = s
        .submit("/admin/events/new", "/admin/events/new", &fields)
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains(message), "{page}");
    assert!(
        page.contains("id=\"series_id-error\""),
        "the message stands at the field"
    );
    assert!(
        page.contains("value=\"Sprechstunde Integration\""),
        "input kept"
    );
    assert!(
        !page.contains("Runder Tisch B</option>"),
        "B's series is not even offered"
    );
    assert_eq!(count(&app), before, "nothing stored");

    // editing one's own meeting into B's series
    let ours = app.meeting_with(|e| {
        e.columns.office_id = a;
        e.columns.title = "Sprechstunde A".into();
    });
    let edit = format!("/admin/events/{ours}/edit");
    let (_, form, _) = s.get(&edit).await;
    let mut fields: Vec<(String, String)> = form_values(&form)
        .into_iter()
        .filter(|(k, _)| k != "series_id")
        .collect();
    fields.push(("series_id".into(), theirs.clone()));
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, page, _) = s.submit(&edit, &edit, &fields).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains(message));
    let stored: Option<i64> = events::table
        .find(ours)
        .select(events::series_id)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(stored, None, "the meeting stays out of B's series");

    // a series form (which makes its own series) cannot smuggle B's in either, and its
    // series belongs to the office of its meetings
    let mut fields: Vec<(String, &str)> = meeting_form(&office_a, &start, &end)
        .into_iter()
        .map(|(k, v)| (format!("event.{k}"), v))
        .collect();
    fields.push(("event.series_id".into(), &theirs));
    let until = (app.now() + chrono::Duration::days(40)).date().to_string();
    fields.push(("interval_weeks".into(), "2"));
    fields.push(("until".into(), &until));
    fields.push(("publish".into(), "on"));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let (status, page, _) = s
        .submit("/admin/series/new", "/admin/series/new", &fields)
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{page}");
    assert!(page.contains(message));
    let mut without: Vec<(&str, &str)> = fields.clone();
    without.retain(|(k, _)| *k != "event.series_id");
    let (status, _, _) = s
        .submit("/admin/series/new", "/admin/series/new", &without)
        .await;
    assert_eq!(status, Status::SeeOther);
    let made: (i64, i64) = series::table
        .filter(series::title.eq("Sprechstunde Integration"))
        .select((series::id, series::office_id))
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(made.1, a, "a new series belongs to its meetings' office");
    let in_b: i64 = events::table
        .filter(events::series_id.eq(series_b))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(in_b, 1, "B's series still holds only B's meeting");
}

async fn a_series_shows_only_its_own_offices_meetings(app: TestApp) {
    let (a, b, series_b, meeting_b, organiser_a) = two_offices(&app).await;
    // a meeting of A that got into B's series before series had an office
    let stray = app.meeting_with(|e| {
        e.columns.office_id = a;
        e.columns.series_id = Some(series_b);
        e.columns.title = "Fremder Termin".into();
    });
    let pw = app.account("orga-b@example.org", account::ROLE_ORGANISER, &[b]);
    let s = app.login("orga-b@example.org", &pw).await;

    let (status, feed) = app.get_text("/series/runder-tisch-b/calendar.ics").await;
    assert_eq!(status, Status::Ok);
    assert!(feed.contains("Runder Tisch B") && !feed.contains("Fremder Termin"));
    let (_, embed) = app.get_text("/embed?series=runder-tisch-b").await;
    assert!(embed.contains("Runder Tisch B") && !embed.contains("Fremder Termin"));
    let (_, page) = app.get_text(&format!("/events/{stray}")).await;
    assert!(
        !page.contains("/series/runder-tisch-b/calendar.ics"),
        "the stray meeting does not offer B's series"
    );

    // B's other date is offered; A's is not, neither on the dashboard nor to move to
    let other_b = app.meeting_with(|e| {
        e.columns.office_id = b;
        e.columns.series_id = Some(series_b);
        e.columns.starts_at += chrono::Duration::days(14);
        e.columns.ends_at += chrono::Duration::days(14);
    });
    app.register(meeting_b, "Olena Kovalenko", "olena@example.org", 0)
        .await;
    let (_, dashboard, _) = s.get(&format!("/admin/events/{meeting_b}")).await;
    assert!(dashboard.contains(&format!("href=\"/admin/events/{other_b}\"")));
    assert!(!dashboard.contains(&format!("href=\"/admin/events/{stray}\"")));
    let list = format!("/admin/events/{meeting_b}/registrations");
    let (_, registrations, _) = s.get(&list).await;
    assert!(registrations.contains(&format!("<option value=\"{other_b}\"")));
    assert!(!registrations.contains(&format!("<option value=\"{stray}\"")));

    // a copy of the stray meeting does not join B's series either
    let dashboard = format!("/admin/events/{stray}");
    let (status, _, _) = organiser_a
        .submit(&dashboard, &format!("{dashboard}/duplicate"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let copies: Vec<Option<i64>> = events::table
        .filter(events::title.like("Fremder Termin %"))
        .select(events::series_id)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(copies, [None]);
}

async fn the_migration_gives_each_series_its_office(app: TestApp) {
    use treffpunkt::db::migrate;
    let a = app.office("amt-a", "Landratsamt A");
    let b = app.office("amt-b", "Landratsamt B");
    migrate::revert(&mut app.conn(), "2026-11-29-000004_series_office").unwrap();
    // data of the old shape: series without an office, meetings without keys
    diesel::sql_query(
        "INSERT INTO series (slug, title) VALUES ('reihe-a', 'Reihe A'), ('leer', 'Leer')",
    )
    .execute(&mut *app.conn())
    .unwrap();
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    let series_a = diesel::sql_query("SELECT id FROM series WHERE slug = 'reihe-a'")
        .get_result::<Id>(&mut *app.conn())
        .unwrap()
        .id;
    let first = app.meeting_with(|e| {
        e.columns.office_id = a;
        e.columns.series_id = Some(series_a);
    });
    // added later by another office, across the boundary
    let later = app.meeting_with(|e| {
        e.columns.office_id = b;
        e.columns.series_id = Some(series_a);
        e.columns.visibility = "unlisted".into();
    });
    migrate::run(&mut app.conn()).unwrap();

    let s = event::find_series(&mut app.conn(), series_a)
        .unwrap()
        .unwrap();
    assert_eq!(s.office_id, a, "the office of the series' first meeting");
    assert!(
        event::series_by_slug(&mut app.conn(), "leer")
            .unwrap()
            .is_none(),
        "a series without meetings belongs to nobody and is gone"
    );
    let (k1, k2) = (app.event_key(first), app.event_key(later));
    assert!(k1.len() == 32 && k2.len() == 32 && k1 != k2, "{k1} {k2}");
    assert_eq!(
        app.get(&format!("/events/{later}")).await.status(),
        Status::NotFound
    );
    assert_eq!(
        app.get(&format!("/events/{later}?k={k2}")).await.status(),
        Status::Ok
    );
}

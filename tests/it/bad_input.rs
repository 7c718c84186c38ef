//! Issue 12 (6): input that used to end in a 5xx, or was taken although nothing could use
//! it, now gets a clear answer: the form again with a message at the field and the input
//! kept, or a JSON reason; nothing is stored.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::events;
use treffpunkt::domain::account;

use crate::both_backends;
use crate::support::{StaffSession, TestApp, form_values};

both_backends!(
    unknown_topic_or_series_is_a_field_message,
    meeting_lines_and_dates_are_checked,
    xlsx_of_a_title_in_apostrophes,
    names_need_letters_and_no_hidden_characters,
    addresses_the_mailer_cannot_use_are_refused,
);

fn future(app: &TestApp, days: i64, hour: u32) -> String {
    let d = (app.now() + chrono::Duration::days(days)).date();
    format!("{}T{hour:02}:00", d.format("%Y-%m-%d"))
}

fn meeting_form<'a>(office: &'a str, start: &'a str, end: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", "Infoabend Ehrenamt"),
        ("starts_at", start),
        ("ends_at", end),
        ("venue_name", "Landratsamt Böblingen"),
        ("street", "Parkstraße 16"),
        ("postal_code", "71034"),
        ("town", "Böblingen"),
        ("office_id", office),
        ("max_companions", "0"),
        ("visibility", "public"),
    ]
}

fn with<'a>(base: &[(&'a str, &'a str)], key: &'a str, value: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&str, &str)> = base.iter().filter(|(k, _)| *k != key).copied().collect();
    out.push((key, value));
    out
}

async fn organiser(app: &TestApp) -> (i64, StaffSession) {
    let office = app.office("amt", "Landratsamt Böblingen");
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    (office, app.login("orga@example.org", &pw).await)
}

fn meetings(app: &TestApp) -> i64 {
    events::table.count().get_result(&mut *app.conn()).unwrap()
}

async fn unknown_topic_or_series_is_a_field_message(app: TestApp) {
    let (office, s) = organiser(&app).await;
    let office_s = office.to_string();
    let (start, end) = (future(&app, 10, 18), future(&app, 10, 20));
    let form = meeting_form(&office_s, &start, &end);
    let before = meetings(&app);
    for (field, message) in [
        ("category_id", "Dieses Thema gibt es nicht."),
        ("series_id", "Diese Reihe gibt es nicht."),
    ] {
        let (status, page, _) = s
            .submit(
                "/admin/events/new",
                "/admin/events/new",
                &with(&form, field, "99999"),
            )
            .await;
        assert_eq!(status, Status::UnprocessableEntity, "{field}: not 503");
        assert!(page.contains(message), "{field}");
        assert!(page.contains(&format!("id=\"{field}-error\"")), "{field}");
        assert!(page.contains("value=\"Infoabend Ehrenamt\""), "input kept");
    }
    assert_eq!(meetings(&app), before, "nothing stored");

    // the edit form likewise, and the meeting stays as it was
    let id = app.meeting_with(|e| e.columns.office_id = office);
    let edit = format!("/admin/events/{id}/edit");
    let (_, page, _) = s.get(&edit).await;
    let values = form_values(&page);
    for field in ["category_id", "series_id"] {
        let mut fields: Vec<(&str, &str)> = values
            .iter()
            .filter(|(k, _)| k != field)
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        fields.push((field, "99999"));
        let (status, page, _) = s.submit(&edit, &edit, &fields).await;
        assert_eq!(status, Status::UnprocessableEntity, "{field}");
        assert!(page.contains(&format!("id=\"{field}-error\"")), "{field}");
    }
    let (category, series): (Option<i64>, Option<i64>) = events::table
        .find(id)
        .select((events::category_id, events::series_id))
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!((category, series), (None, None));

    // and the series form
    let mut fields: Vec<(String, &str)> = with(&form, "category_id", "99999")
        .into_iter()
        .map(|(k, v)| (format!("event.{k}"), v))
        .collect();
    let until = (app.now() + chrono::Duration::days(40)).date().to_string();
    fields.push(("interval_weeks".into(), "2"));
    fields.push(("until".into(), &until));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let (status, page, _) = s
        .submit("/admin/series/new", "/admin/series/new", &fields)
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Dieses Thema gibt es nicht."));
    assert_eq!(meetings(&app), before + 1);
}

async fn meeting_lines_and_dates_are_checked(app: TestApp) {
    let (office, s) = organiser(&app).await;
    let office_s = office.to_string();
    let (start, end) = (future(&app, 10, 18), future(&app, 10, 20));
    let form = meeting_form(&office_s, &start, &end);
    let before = meetings(&app);

    for (field, value) in [
        ("title", "Infoabend\r\nBcc: alle@example.org"),
        ("title", "Infoabend\nEhrenamt"),
        ("town", "Böb\rlingen"),
        ("venue_name", "Landratsamt \u{202E}negnilböB"),
    ] {
        let (status, page, _) = s
            .submit(
                "/admin/events/new",
                "/admin/events/new",
                &with(&form, field, value),
            )
            .await;
        assert_eq!(status, Status::UnprocessableEntity, "{field}");
        assert!(
            page.contains("Bitte nur eine Zeile eingeben"),
            "{field}: {page}"
        );
        assert!(page.contains(&format!("id=\"{field}-error\"")));
    }

    for (start, end) in [
        ("0001-01-01T18:00", "0001-01-01T20:00"),
        ("9999-12-31T18:00", "9999-12-31T20:00"),
        ("1999-12-31T18:00", "1999-12-31T20:00"),
    ] {
        let (status, page, _) = s
            .submit(
                "/admin/events/new",
                "/admin/events/new",
                &with(&with(&form, "starts_at", start), "ends_at", end),
            )
            .await;
        assert_eq!(status, Status::UnprocessableEntity, "{start}");
        assert!(
            page.contains("ab dem 1. Januar 2000 und höchstens zehn Jahre im Voraus"),
            "{start}"
        );
        assert!(page.contains(&format!("value=\"{start}\"")), "input kept");
    }
    assert_eq!(meetings(&app), before, "nothing stored");

    // a series may not run beyond the window either
    let mut fields: Vec<(String, &str)> = form
        .iter()
        .map(|(k, v)| (format!("event.{k}"), *v))
        .collect();
    fields.push(("interval_weeks".into(), "8"));
    fields.push(("until".into(), "9999-12-31"));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let (status, page, _) = s
        .submit("/admin/series/new", "/admin/series/new", &fields)
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("höchstens zehn Jahre im Voraus"));
    assert_eq!(meetings(&app), before);

    // an administrator's office and topic names are single lines too
    let pw = app.account("admin@example.org", account::ROLE_ADMIN, &[]);
    let admin = app.login("admin@example.org", &pw).await;
    for (action, fields) in [
        (
            "/admin/offices",
            vec![("office_name", "Landratsamt\r\nTübingen")],
        ),
        (
            "/admin/categories",
            vec![
                ("name_de", "Integration\u{202E}"),
                ("name_en", "Integration"),
            ],
        ),
    ] {
        let (status, page, _) = admin.submit("/admin/offices", action, &fields).await;
        assert_eq!(status, Status::UnprocessableEntity, "{action}");
        assert!(page.contains("Bitte nur eine Zeile eingeben"), "{action}");
    }

    // a date within the window is fine
    let (status, _, _) = s
        .submit("/admin/events/new", "/admin/events/new", &form)
        .await;
    assert_eq!(status, Status::SeeOther);
}

async fn xlsx_of_a_title_in_apostrophes(app: TestApp) {
    let (office, s) = organiser(&app).await;
    for title in ["'Runder Tisch'", "'", "History"] {
        let id = app.meeting_with(|e| {
            e.columns.office_id = office;
            e.columns.title = title.into();
        });
        app.register(id, "Olena Kovalenko", "olena@example.org", 0)
            .await;
        let (status, _, body) = s
            .get_bytes(&format!("/admin/events/{id}/registrations.xlsx"))
            .await;
        assert_eq!(status, Status::Ok, "{title}");
        use calamine::Reader;
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(body)).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        let names: Vec<String> = sheet.rows().map(|r| r[0].to_string()).collect();
        assert_eq!(names, ["Name", "Olena Kovalenko"], "{title}");
    }
}

async fn names_need_letters_and_no_hidden_characters(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let refused = [
        ("\u{200B}", "unzulässige"),
        ("\u{200B}\u{200B}\u{FEFF}", "unzulässige"),
        ("Anna \u{202E}rellüM", "unzulässige"),
        ("\u{2067}Anna\u{2069}", "unzulässige"),
        ("12345", "mindestens einen Buchstaben"),
    ];
    for (i, (name, reason)) in refused.iter().enumerate() {
        let email = format!("person{i}@example.org");
        let body = serde_json::json!({ "name": name, "email": email, "consent": true });
        let (status, answer) = app
            .post_json(&format!("/api/v1/events/{id}/registrations"), &body)
            .await;
        assert_eq!(status, Status::UnprocessableEntity, "{name:?}");
        assert!(
            answer["fields"]["name"].as_str().unwrap().contains(reason),
            "{name:?}: {answer}"
        );
        let form = format!(
            "name={}&email={email}&consent=yes",
            rocket::http::RawStr::new(name).percent_encode()
        );
        let res = app
            .post_form(&format!("/events/{id}/register"), &form)
            .await;
        assert_eq!(res.status(), Status::UnprocessableEntity, "{name:?}");
        assert!(res.into_string().await.unwrap().contains(reason));
    }
    assert_eq!(app.count(&format!("event_id = {id}")), 0, "nothing stored");

    // names typed by an organiser follow the same rule
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let list = format!("/admin/events/{id}/registrations");
    let (status, page, _) = s
        .submit(
            &format!("{list}/new"),
            &list,
            &[
                ("name", "\u{200B}"),
                ("email", "telefon@example.org"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("unzulässige"));
    assert_eq!(app.count(&format!("event_id = {id}")), 0);

    // a name with letters of any script is fine
    let (status, _) = app
        .register(id, "Олена Коваленко", "olena@example.org", 0)
        .await;
    assert_eq!(status, Status::Created);
}

async fn addresses_the_mailer_cannot_use_are_refused(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let body =
        serde_json::json!({ "name": "Anna", "email": "\"a\\\"b\"@example.org", "consent": true });
    let (status, answer) = app
        .post_json(&format!("/api/v1/events/{id}/registrations"), &body)
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{answer}");
    assert_eq!(answer["error"], "invalid");
    assert!(
        answer["fields"]["email"]
            .as_str()
            .unwrap()
            .contains("gültige E-Mail-Adresse"),
        "{answer}"
    );
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            "name=Anna&email=%22a%5C%22b%22%40example.org&consent=yes",
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    assert_eq!(app.count(&format!("event_id = {id}")), 0);
}

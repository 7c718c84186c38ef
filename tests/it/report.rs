//! The report for the committee and the fund: meetings held and cancelled, registrations,
//! seats, attendance, no-shows, moves from the waiting list, languages, needs and the
//! organisations at partner meetings, for a period and filters; the same numbers after
//! the retention's anonymisation; never another office's meetings; as CSV, XLSX and JSON;
//! input that cannot be read is named at its field.
//! (Over 400 lines: one set-up of many meetings that every figure below is checked against.)

use chrono::Duration;
use diesel::prelude::*;
use rocket::http::Status;
use serde_json::{Value, json};
use treffpunkt::db::schema::{answers, categories, events, questions, registrations};

use crate::support::{StaffSession, TestApp};

crate::both_backends!(the_report_counts_a_period_and_keeps_its_numbers);

fn question_id(app: &TestApp, event: i64, preset: &str) -> i64 {
    questions::table
        .filter(questions::event_id.eq(event))
        .filter(questions::preset.eq(preset))
        .select(questions::id)
        .first(&mut *app.conn())
        .unwrap()
}

/// Registers by the JSON API; the registration's token.
async fn register(app: &TestApp, event: i64, body: Value) -> String {
    let mut body = body;
    body["consent"] = json!(true);
    let (status, v) = app
        .post_json(&format!("/api/v1/events/{event}/registrations"), &body)
        .await;
    assert_eq!(status, Status::Created, "{v}");
    v["token"].as_str().unwrap().to_owned()
}

fn registration_id(app: &TestApp, token: &str) -> i64 {
    registrations::table
        .filter(registrations::token.eq(token))
        .select(registrations::id)
        .first(&mut *app.conn())
        .unwrap()
}

/// The value of a summary line of the report page (`<tr id="report-held">`).
fn figure(html: &str, key: &str) -> String {
    let at = html
        .find(&format!("<tr id=\"{key}\">"))
        .unwrap_or_else(|| panic!("{key} on the page: {html}"));
    let rest = &html[at..];
    let start = rest.find("<td class=\"number\">").unwrap() + "<td class=\"number\">".len();
    rest[start..start + rest[start..].find("</td>").unwrap()].to_owned()
}

/// A row of one of the small tables, by its heading: the number beside it.
fn row(html: &str, heading: &str) -> Option<String> {
    let at = html.find(&format!(">{heading}</th><td class=\"number\">"))?;
    let rest = &html[at + heading.len() + 1..];
    let start = rest.find("<td class=\"number\">")? + "<td class=\"number\">".len();
    Some(rest[start..start + rest[start..].find("</td>")?].to_owned())
}

async fn organiser(app: &TestApp, email: &str, office: i64) -> StaffSession {
    let password = app.account(email, "organiser", &[office]);
    app.login(email, &password).await
}

async fn the_report_counts_a_period_and_keeps_its_numbers(app: TestApp) {
    let ours = app.office("lra-tue", "Landratsamt Tübingen");
    let theirs = app.office("lra-ulm", "Landratsamt Ulm");
    let their_series = app.series(theirs, "ulm-runde", "Ulmer Runde");
    let t0 = app.now();
    let meeting = |office: i64, title: &str, days: i64, capacity: i32, visibility: &str| {
        let (title, visibility) = (title.to_owned(), visibility.to_owned());
        app.meeting_with(move |e| {
            e.columns.office_id = office;
            e.columns.title = title;
            e.columns.starts_at = t0 + Duration::days(days);
            e.columns.ends_at = t0 + Duration::days(days) + Duration::hours(2);
            e.columns.capacity = Some(capacity);
            e.columns.max_companions = 2;
            e.columns.visibility = visibility;
        })
    };
    let evening = meeting(ours, "Infoabend Ehrenamt", 2, 4, "public");
    let cafe = meeting(ours, "Sprachcafé", 1, 10, "public");
    let round = meeting(ours, "Runder Tisch Integration", 3, 20, "partners");
    let ulm = meeting(theirs, "Ulmer Infoabend", 2, 10, "public");
    let password = app.account("orga@example.org", "organiser", &[ours]);
    let s = app.login("orga@example.org", &password).await;

    // the evening asks for interpreting, childcare and accessibility
    let page = format!("/admin/events/{evening}/questions");
    for key in ["interpreting", "childcare", "accessibility"] {
        let (status, _, _) = s
            .submit(&page, &format!("{page}/preset"), &[("key", key)])
            .await;
        assert_eq!(status, Status::SeeOther);
    }
    let (interpreting, children, access) = (
        question_id(&app, evening, "interpreting"),
        question_id(&app, evening, "childcare_count"),
        question_id(&app, evening, "accessibility"),
    );
    let amira = register(
        &app,
        evening,
        json!({
            "name": "Amira Haddad", "email": "amira@example.org", "companions": 1, "language": "ar",
            "health_consent": true,
            "answers": { interpreting.to_string(): "Arabisch", children.to_string(): 2 },
        }),
    )
    .await;
    let _bilal = register(
        &app,
        evening,
        json!({
            "name": "Bilal Omar", "email": "bilal@example.org", "language": "de",
            "needs": "Induktionsschleife", "health_consent": true,
            "answers": { access.to_string(): ["Rollstuhlplatz"] },
        }),
    )
    .await;
    let dora = register(
        &app,
        evening,
        json!({
            "name": "Dora Weiß", "email": "dora@example.org", "language": "de",
        }),
    )
    .await;
    // full: Chen waits, and moves up when Dora cancels
    let chen = register(
        &app,
        evening,
        json!({
            "name": "Chen Li", "email": "chen@example.org", "language": "en",
        }),
    )
    .await;
    let res = app
        .client
        .delete(format!("/api/v1/registrations/{dora}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(
        app.count("name = 'Chen Li' AND status = 'confirmed' AND promoted_at IS NOT NULL"),
        1
    );
    // the café has a registration and is cancelled; another office's meeting has one too
    register(
        &app,
        cafe,
        json!({"name": "Eva Roth", "email": "eva@example.org"}),
    )
    .await;
    diesel::update(events::table.find(cafe))
        .set(events::status.eq("cancelled"))
        .execute(&mut *app.conn())
        .unwrap();
    register(
        &app,
        ulm,
        json!({"name": "Ulla Berg", "email": "ulla@example.org"}),
    )
    .await;
    // two organisations invited to the round table
    let caritas = app.partner_org(ours, "Caritas Tübingen");
    let jobcenter = app.partner_org(ours, "Jobcenter Tübingen");
    for (org, name, mail) in [
        (caritas, "Clara Vogt", "clara@example.org"),
        (jobcenter, "Jonas Kern", "jonas@example.org"),
    ] {
        let (contact, _) = app.partner_contact(org, name, mail, "de");
        app.partner_invitation(round, contact);
    }

    // the meetings take place: Amira (with her companion) and Chen come, Bilal does not;
    // Caritas is marked present at the round table
    app.clock.advance(Duration::days(2) + Duration::minutes(20));
    // a back-office session lasts 12 hours
    let s = app.login("orga@example.org", &password).await;
    for token in [&amira, &chen] {
        let id = registration_id(&app, token);
        let (status, v) = s
            .door_post(
                &format!("/api/v1/checkin/{evening}/manual"),
                &json!({ "registration_id": id, "nonce": format!("n-{id}"), "device": "Eingang" }),
            )
            .await;
        assert_eq!(status, Status::Ok, "{v}");
    }
    app.clock.advance(Duration::days(2));
    let s = app.login("orga@example.org", &password).await;
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{round}"),
            &format!("/admin/events/{round}/attendance"),
            &[("partner", &caritas.to_string()), ("present", "on")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);

    let day = |d: i64| {
        (t0 + Duration::days(d))
            .date()
            .format("%Y-%m-%d")
            .to_string()
    };
    let query = format!("period=dates&from={}&to={}", day(-1), day(10));
    let url = format!("/admin/report?{query}");
    let (status, html, _) = s.get(&url).await;
    assert_eq!(status, Status::Ok, "{html}");
    let expected = [
        ("report-held", "2"),
        ("report-cancelled", "1"),
        ("report-planned", "0"),
        ("report-registrations", "4"),
        ("report-cancelled-registrations", "1"),
        ("report-confirmed-seats", "4"),
        ("report-attended", "3"),
        ("report-no-shows", "1"),
        ("report-no-show-rate", "25,0 %"),
        ("report-promotions", "1"),
        ("report-organisations", "1"),
    ];
    for (key, value) in expected {
        assert_eq!(figure(&html, key), value, "{key}");
    }
    assert_eq!(row(&html, "العربية").as_deref(), Some("1"));
    assert_eq!(row(&html, "Deutsch").as_deref(), Some("2"));
    assert_eq!(row(&html, "English").as_deref(), Some("1"));
    assert_eq!(row(&html, "Dolmetschen: Arabisch").as_deref(), Some("1"));
    assert_eq!(row(&html, "Kinderbetreuung (Kinder)").as_deref(), Some("2"));
    assert_eq!(
        row(&html, "Barrierefreiheit: Rollstuhlplatz").as_deref(),
        Some("1")
    );
    assert_eq!(
        row(&html, "Hinweis zur Barrierefreiheit (Freitext)").as_deref(),
        Some("1")
    );
    assert_eq!(row(&html, "Caritas Tübingen").as_deref(), Some("1"));
    assert!(!html.contains("Jobcenter Tübingen"), "invited, not present");
    assert!(html.contains("Die Zahlen bleiben auch nach der Löschung"));
    assert!(
        html.contains("<svg class=\"chart\"")
            && html.contains("<desc id=\"chart-report-seats-desc\">")
    );
    assert!(html.contains(&format!("id=\"meeting-{evening}\"")));
    assert!(html.contains(&format!("id=\"meeting-{cafe}\"")));
    assert!(
        !html.contains("Ulmer Infoabend"),
        "another office's meeting"
    );
    // in English
    let en = s.get_in(&url, "en").await;
    assert!(
        en.contains("Registrations (received)") && en.contains("25.0%"),
        "{en}"
    );

    // the same figures by JSON, and the same after the retention's anonymisation
    let api = format!("/api/v1/admin/report?{query}");
    let (status, body, _) = s.get(&api).await;
    assert_eq!(status, Status::Ok, "{body}");
    let before: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(before["held"], 2);
    assert_eq!(before["totals"]["attended_seats"], 3);
    assert_eq!(before["no_show_rate"], 25.0);
    assert_eq!(before["meetings"].as_array().unwrap().len(), 3);
    let later = app.now() + Duration::days(120);
    let purged = treffpunkt::domain::privacy::purge(&mut app.conn(), later, 30, false).unwrap();
    assert!(purged.iter().any(|m| m.event_id == evening), "anonymised");
    assert_eq!(
        app.count(&format!("event_id = {evening} AND name <> ''")),
        0
    );
    let left: i64 = answers::table.count().get_result(&mut *app.conn()).unwrap();
    assert_eq!(left, 0, "the answers are gone");
    let (_, body, _) = s.get(&api).await;
    let after: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(after, before, "the same figures after the anonymisation");
    let (_, html_after, _) = s.get(&url).await;
    for (key, value) in expected {
        assert_eq!(figure(&html_after, key), value, "{key} after");
    }
    assert_eq!(
        row(&html_after, "Dolmetschen: Arabisch").as_deref(),
        Some("1")
    );
    assert_eq!(
        row(&html_after, "Kinderbetreuung (Kinder)").as_deref(),
        Some("2")
    );

    // CSV and XLSX read back
    let (status, _, csv) = s.get_bytes(&format!("/admin/report.csv?{query}")).await;
    assert_eq!(status, Status::Ok);
    let text = String::from_utf8(csv).unwrap();
    assert!(text.contains("Anmeldungen (eingegangen),4\n"), "{text}");
    assert!(text.contains("Dolmetschen: Arabisch,1\n"));
    assert!(text.contains("Infoabend Ehrenamt,Landratsamt Tübingen,stattgefunden,4,1,4,3,1,25"));
    assert!(!text.contains("Ulmer"));
    let (_, headers, excel) = s
        .get_file(&format!("/admin/report.csv?{query}&excel=1"))
        .await;
    assert!(excel.starts_with("\u{feff}".as_bytes()));
    assert!(
        headers
            .iter()
            .any(|(k, v)| k == "content-disposition" && v.contains("bericht-"))
    );
    let (status, _, xlsx) = s.get_bytes(&format!("/admin/report.xlsx?{query}")).await;
    assert_eq!(status, Status::Ok);
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    assert_eq!(book.sheet_names(), ["Übersicht", "Termine"]);
    let summary = book.worksheet_range("Übersicht").unwrap();
    let line = |label: &str| {
        summary
            .rows()
            .find(|r| r[0] == label)
            .map(|r| r[1].clone())
            .unwrap_or_else(|| panic!("{label} in the sheet"))
    };
    assert_eq!(
        line("Anmeldungen (eingegangen)"),
        calamine::Data::Float(4.0)
    );
    assert_eq!(
        line("Von der Warteliste nachgerückt"),
        calamine::Data::Float(1.0)
    );
    assert_eq!(line("Kinderbetreuung (Kinder)"), calamine::Data::Float(2.0));
    let sheet = book.worksheet_range("Termine").unwrap();
    assert_eq!(sheet.rows().count(), 4, "a header and three meetings");

    // a one-page PDF for the committee paper, read back
    let (status, headers, pdf) = s.get_file(&format!("/admin/report.pdf?{query}")).await;
    assert_eq!(status, Status::Ok);
    assert!(
        headers
            .iter()
            .any(|(k, v)| k == "content-type" && v == "application/pdf")
    );
    crate::pdf_read::keep("report.pdf", &pdf);
    let pages = crate::pdf_read::pages(&pdf);
    assert_eq!(pages.len(), 1, "one page");
    for text in [
        "Anmeldungen (eingegangen)",
        "25,0 %",
        "Dolmetschen: Arabisch 1",
        "Caritas Tübingen (1)",
        "Infoabend Ehrenamt",
        "Seite 1 von 1",
    ] {
        assert!(pages[0].contains(text), "{text} in {}", pages[0]);
    }
    assert!(!pages[0].contains("Ulmer"));
    let en = crate::pdf_read::pages(
        &s.get_bytes_in(&format!("/admin/report.pdf?{query}&office={ours}"), "en")
            .await,
    );
    assert!(
        en[0].contains("Registrations (received)")
            && en[0].contains("Organiser: Landratsamt Tübingen"),
        "{}",
        en[0]
    );

    // filters: a topic; another office's office or series is not found, on every form
    diesel::insert_into(categories::table)
        .values((
            categories::slug.eq("ehrenamt"),
            categories::name_de.eq("Ehrenamt"),
            categories::name_en.eq("Volunteering"),
        ))
        .execute(&mut *app.conn())
        .unwrap();
    let topic: i64 = categories::table
        .select(categories::id)
        .first(&mut *app.conn())
        .unwrap();
    diesel::update(events::table.find(evening))
        .set(events::category_id.eq(topic))
        .execute(&mut *app.conn())
        .unwrap();
    let (_, html, _) = s.get(&format!("{url}&topic={topic}")).await;
    assert_eq!(figure(&html, "report-held"), "1");
    assert_eq!(figure(&html, "report-cancelled"), "0");
    let (_, html, _) = s.get(&format!("{url}&office={ours}")).await;
    assert_eq!(figure(&html, "report-held"), "2");
    for bad in [
        format!("{url}&office={theirs}"),
        format!("{url}&series={their_series}"),
        format!("/admin/report.csv?{query}&office={theirs}"),
        format!("/admin/report.pdf?{query}&office={theirs}"),
        format!("/api/v1/admin/report?{query}&office={theirs}"),
    ] {
        let (status, body, _) = s.get(&bad).await;
        assert_eq!(status, Status::NotFound, "{bad}");
        assert!(!body.contains("Ulmer"), "{bad}");
    }
    let ulm_staff = organiser(&app, "ulm@example.org", theirs).await;
    let (_, html, _) = ulm_staff.get(&url).await;
    assert_eq!(figure(&html, "report-registrations"), "1");
    assert!(html.contains("Ulmer Infoabend") && !html.contains("Infoabend Ehrenamt"));

    // input that cannot be read: said at the field, the values kept, never a 5xx
    let (status, html, _) = s
        .get(&format!(
            "/admin/report?period=dates&from=31.02.2026&to={}",
            day(3)
        ))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        html.contains("id=\"from-error\"") && html.contains("value=\"31.02.2026\""),
        "{html}"
    );
    let (status, html, _) = s
        .get(&format!("/admin/report?from={}&to={}", day(3), day(1)))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("id=\"to-error\""));
    let (status, html, _) = s.get("/admin/report?period=2026-Q7").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("Bitte wählen Sie einen der angebotenen Zeiträume."));
    let (status, html, _) = s.get("/admin/report?office=abc").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("id=\"office-error\""));
    let (status, _, location) = s.get("/admin/report.xlsx?period=dates&from=x&to=y").await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        location.as_deref(),
        Some("/admin/report?period=dates&from=x&to=y")
    );
    let (status, body, _) = s.get("/api/v1/admin/report?period=dates&from=x").await;
    assert_eq!(status, Status::UnprocessableEntity);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert!(
        v["fields"]["from"].is_string() && v["fields"]["to"].is_string(),
        "{v}"
    );
    // a filter given twice is not guessed at (it would widen the figures to every topic)
    let (status, body, _) = s.get("/api/v1/admin/report?topic=null&topic=null").await;
    assert_eq!(status, Status::UnprocessableEntity, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert!(v["fields"]["topic"].is_string(), "{v}");
    // an empty id is no id to the API (the page's form sends it for "all"); Schemathesis
    // found it answered with every topic's figures
    let (status, body, _) = s.get("/api/v1/admin/report?topic=&from=").await;
    assert_eq!(status, Status::UnprocessableEntity, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert!(v["fields"]["topic"].is_string(), "{v}");
    let (status, _, _) = s.get("/admin/report?topic=&office=&series=").await;
    assert_eq!(status, Status::Ok, "the page's own form still means all");
    // a named period, and the default year
    let (status, html, _) = s.get("/admin/report?period=2026").await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<h2 id=\"report-period\">2026</h2>"));
    let (status, _, _) = s.get("/admin/report").await;
    assert_eq!(status, Status::Ok);
}

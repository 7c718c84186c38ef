//! The organisers' back office through HTTP: accounts, access rules, meetings, series,
//! registrations, exports, and that bad input never changes anything.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{audit_log, events, registrations};
use treffpunkt::domain::account;

use crate::both_backends;
use crate::support::TestApp;

both_backends!(
    first_admin_by_setup_link,
    login_is_rate_limited_and_tells_nobody_who_exists,
    offices_are_walled_off,
    meeting_lifecycle,
    series_with_exceptions,
    registrations_by_hand_and_exports,
    bad_input_to_every_form_changes_nothing,
);

fn event_fields<'a>(office: &'a str, start: &'a str, end: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", "Informationsabend für Ehrenamtliche"),
        ("summary", "Wie Sie mithelfen können"),
        ("description", "**Herzlich willkommen**"),
        ("starts_at", start),
        ("ends_at", end),
        ("venue_name", "Landratsamt Böblingen"),
        ("venue_room", "Besprechungsraum 1.12"),
        ("street", "Parkstraße 16"),
        ("postal_code", "71034"),
        ("town", "Böblingen"),
        ("office_id", office),
        ("capacity", "2"),
        ("max_companions", "1"),
        ("waitlist_enabled", "on"),
        ("visibility", "public"),
    ]
}

fn future(app: &TestApp, days: i64, hour: u32) -> String {
    let d = (app.now() + chrono::Duration::days(days)).date();
    format!("{}T{hour:02}:00", d.format("%Y-%m-%d"))
}

async fn first_admin_by_setup_link(app: TestApp) {
    let token =
        account::new_setup_link(&mut app.conn(), None, None, account::ROLE_ADMIN, app.now())
            .unwrap();
    let s = app.anonymous().await;
    let url = format!("/admin/setup/{token}");
    let (status, page, _) = s.get(&url).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Zugang einrichten"));

    let (status, page, _) = s
        .submit(
            &url,
            &url,
            &[
                ("email", "leitung@example.org"),
                ("name", "Anna Leitung"),
                ("password", "aaaaaaaaaaaa"),
                ("password_repeat", "aaaaaaaaaaaa"),
            ],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("nicht nur aus einem Zeichen"));
    assert!(page.contains("value=\"Anna Leitung\""), "name kept: {page}");
    let (status, page, _) = s
        .submit(
            &url,
            &url,
            &[
                ("email", "leitung@example.org"),
                ("name", "Anna Leitung"),
                ("password", "kurz"),
                ("password_repeat", "kurz"),
            ],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("mindestens 10 Zeichen"));
    assert_eq!(
        account::count(&mut app.conn()).unwrap(),
        0,
        "no account from bad input"
    );

    let (status, _, location) = s
        .submit(
            &url,
            &url,
            &[
                ("email", "leitung@example.org"),
                ("name", "Anna Leitung"),
                ("password", "Sitzungssaal-18Uhr"),
                ("password_repeat", "Sitzungssaal-18Uhr"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some("/admin"));
    let (status, page, _) = s.get("/admin").await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Anna Leitung"));
    assert!(
        page.contains("/admin/users"),
        "administrators see account management"
    );
    let hash = account::find_by_email(&mut app.conn(), "leitung@example.org")
        .unwrap()
        .unwrap()
        .password_hash
        .unwrap();
    assert!(hash.starts_with("$argon2id$"), "Argon2id");

    // the link is used up
    let (status, _, _) = app.anonymous().await.get(&url).await;
    assert_eq!(status, Status::NotFound);

    // logging out ends the session; the old cookie no longer opens anything
    let (status, _, _) = s.submit("/admin", "/admin/logout", &[]).await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, location) = s.get("/admin").await;
    assert_eq!(status, Status::SeeOther);
    assert!(location.unwrap().starts_with("/admin/login"));

    // an expired link does not work either
    let old = account::new_setup_link(
        &mut app.conn(),
        None,
        None,
        account::ROLE_ADMIN,
        app.now() - chrono::Duration::hours(25),
    )
    .unwrap();
    let (status, _, _) = app
        .anonymous()
        .await
        .get(&format!("/admin/setup/{old}"))
        .await;
    assert_eq!(status, Status::NotFound);
}

async fn login_is_rate_limited_and_tells_nobody_who_exists(app: TestApp) {
    app.account("orga@example.org", account::ROLE_ORGANISER, &[]);
    let s = app.anonymous().await;
    let (status, wrong_password, _) = s
        .submit(
            "/admin/login",
            "/admin/login",
            &[("email", "orga@example.org"), ("password", "falsch-falsch")],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    let (_, unknown, _) = s
        .submit(
            "/admin/login",
            "/admin/login",
            &[
                ("email", "niemand@example.org"),
                ("password", "falsch-falsch"),
            ],
        )
        .await;
    assert!(wrong_password.contains("E-Mail-Adresse oder Passwort stimmen nicht."));
    assert!(
        unknown.contains("E-Mail-Adresse oder Passwort stimmen nicht."),
        "same message for unknown accounts"
    );
    assert!(
        wrong_password.contains("value=\"orga@example.org\""),
        "e-mail kept"
    );

    // without the CSRF token nothing is even tried
    let (status, _, _) = s
        .post_raw(
            "/admin/login",
            b"email=orga%40example.org&password=Sitzungssaal-18Uhr".to_vec(),
        )
        .await;
    assert_eq!(status, Status::Forbidden);

    let mut last = Status::Ok;
    for _ in 0..6 {
        let (status, page, _) = s
            .submit(
                "/admin/login",
                "/admin/login",
                &[("email", "orga@example.org"), ("password", "falsch-falsch")],
            )
            .await;
        last = status;
        if status == Status::TooManyRequests {
            assert!(page.contains("Zu viele Anmeldeversuche"));
            break;
        }
    }
    assert_eq!(
        last,
        Status::TooManyRequests,
        "the account is protected after a few tries"
    );
    // even the right password waits now
    let (status, _, _) = s
        .submit(
            "/admin/login",
            "/admin/login",
            &[
                ("email", "orga@example.org"),
                ("password", "Sitzungssaal-18Uhr"),
            ],
        )
        .await;
    assert_eq!(status, Status::TooManyRequests);
}

async fn offices_are_walled_off(app: TestApp) {
    let a = app.office("amt-a", "Landratsamt Tübingen");
    let b = app.office("amt-b", "Landratsamt Böblingen");
    let pw = app.account("a@example.org", account::ROLE_ORGANISER, &[a]);
    app.account("door@example.org", account::ROLE_DOOR, &[a]);
    let theirs = app.meeting_with(|e| {
        e.columns.office_id = b;
        e.columns.title = "Sitzung des Amts B".into();
    });
    let ours = app.meeting_with(|e| e.columns.office_id = a);
    app.register(theirs, "Gast", "gast@example.org", 0).await;
    let s = app.login("a@example.org", &pw).await;

    let (status, page, _) = s.get("/admin").await;
    assert_eq!(status, Status::Ok);
    assert!(
        !page.contains("Sitzung des Amts B"),
        "B's meetings are not listed"
    );
    for path in [
        format!("/admin/events/{theirs}"),
        format!("/admin/events/{theirs}/edit"),
        format!("/admin/events/{theirs}/preview"),
        format!("/admin/events/{theirs}/registrations"),
        format!("/admin/events/{theirs}/registrations.csv"),
        format!("/admin/events/{theirs}/registrations.xlsx"),
    ] {
        let (status, _, _) = s.get(&path).await;
        assert_eq!(status, Status::Forbidden, "{path}");
    }
    let (status, _, _) = s.get(&format!("/admin/events/{ours}")).await;
    assert_eq!(status, Status::Ok);
    let csrf = s.csrf().await;
    for action in ["publish", "unpublish", "duplicate", "cancel"] {
        let (status, _, _) = s
            .post_raw(
                &format!("/admin/events/{theirs}/{action}"),
                format!("csrf={csrf}&reason=weg").into_bytes(),
            )
            .await;
        assert_eq!(status, Status::Forbidden, "{action}");
    }
    let reg: i64 = registrations::table
        .filter(registrations::event_id.eq(theirs))
        .select(registrations::id)
        .first(&mut *app.conn())
        .unwrap();
    let (status, _, _) = s
        .post_raw(
            &format!("/admin/events/{theirs}/registrations/{reg}/cancel"),
            format!("csrf={csrf}").into_bytes(),
        )
        .await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, _) = s
        .post_raw(
            &format!("/admin/events/{theirs}/edit"),
            format!("csrf={csrf}&title=Gekapert&office_id={a}").into_bytes(),
        )
        .await;
    assert_eq!(status, Status::Forbidden);
    // nor may A put a meeting into B
    let (start, end) = (future(&app, 10, 18), future(&app, 10, 20));
    let office_b = b.to_string();
    let (status, page, _) = s
        .submit(
            "/admin/events/new",
            "/admin/events/new",
            &event_fields(&office_b, &start, &end),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Für diese Dienststelle dürfen Sie keine Veranstaltungen anlegen."));

    // the same by API
    let res = s
        .client
        .get(format!("/api/v1/admin/events/{theirs}/registrations"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Unauthorized, "no session, no data");
    let (status, body, _) = s
        .get(&format!("/api/v1/admin/events/{theirs}/registrations"))
        .await;
    assert_eq!(status, Status::Forbidden);
    assert!(body.contains("forbidden"));
    let (status, body, _) = s
        .get(&format!("/api/v1/admin/events/{ours}/registrations"))
        .await;
    assert_eq!(status, Status::Ok);
    assert!(body.contains("\"registrations\""));
    let (_, body, _) = s.get("/api/v1/admin/events").await;
    assert!(!body.contains("Sitzung des Amts B"));

    // B's data is untouched
    let (title, status): (String, String) = events::table
        .find(theirs)
        .select((events::title, events::status))
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(
        (title.as_str(), status.as_str()),
        ("Sitzung des Amts B", "published")
    );
    assert_eq!(
        app.count(&format!("event_id = {theirs} AND status = 'confirmed'")),
        1
    );

    // door staff manage nothing
    let door = app.login("door@example.org", "Sitzungssaal-18Uhr").await;
    let (status, _, _) = door.get(&format!("/admin/events/{ours}")).await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, _) = door.get("/admin/events/new").await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, _) = door.get("/admin/users").await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, _) = s.get("/admin/users").await;
    assert_eq!(
        status,
        Status::Forbidden,
        "organisers do not manage accounts"
    );
}

async fn meeting_lifecycle(app: TestApp) {
    let office = app.office("amt", "Landratsamt Böblingen");
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let s = app.login("orga@example.org", &pw).await;
    let office_s = office.to_string();
    let (start, end) = (future(&app, 10, 18), future(&app, 10, 20));

    let (status, _, location) = s
        .submit(
            "/admin/events/new",
            "/admin/events/new",
            &event_fields(&office_s, &start, &end),
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let dashboard = location.unwrap();
    let id: i64 = dashboard.rsplit('/').next().unwrap().parse().unwrap();
    let (_, list) = app.get_text("/").await;
    assert!(
        !list.contains("Informationsabend für Ehrenamtliche"),
        "a draft is not public"
    );
    let (status, _) = app.get_text(&format!("/events/{id}")).await;
    assert_eq!(status, Status::NotFound);
    let (status, preview, _) = s.get(&format!("/admin/events/{id}/preview")).await;
    assert_eq!(status, Status::Ok);
    assert!(
        preview.contains("Vorschau") && preview.contains("<strong>Herzlich willkommen</strong>")
    );

    let (status, _, _) = s
        .submit(&dashboard, &format!("/admin/events/{id}/publish"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, list) = app.get_text("/").await;
    assert!(
        list.contains("Informationsabend für Ehrenamtliche"),
        "published"
    );
    let (_, page, _) = s.get(&dashboard).await;
    assert!(
        page.contains("Die Veranstaltung ist veröffentlicht."),
        "flash message"
    );

    // three people for two seats: one waits
    for (i, who) in ["eins", "zwei", "drei"].iter().enumerate() {
        let (status, body) = app
            .register(id, who, &format!("{who}@example.org"), 0)
            .await;
        assert_eq!(status, Status::Created);
        assert_eq!(body["status"], if i < 2 { "confirmed" } else { "waiting" });
    }
    let seq_before: i32 = events::table
        .find(id)
        .select(events::sequence)
        .first(&mut *app.conn())
        .unwrap();

    // postpone by a week and add a seat: registrations stay, the waiting one moves up
    let (start2, end2) = (future(&app, 17, 18), future(&app, 17, 20));
    let mut fields = event_fields(&office_s, &start2, &end2);
    fields.retain(|(k, _)| *k != "capacity");
    fields.push(("capacity", "3"));
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{id}/edit"),
            &format!("/admin/events/{id}/edit"),
            &fields,
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        app.count(&format!("event_id = {id} AND status = 'confirmed'")),
        3,
        "promoted when seats grew"
    );
    let seq_after: i32 = events::table
        .find(id)
        .select(events::sequence)
        .first(&mut *app.conn())
        .unwrap();
    assert!(seq_after > seq_before, "a new time raises SEQUENCE");
    let (_, edit, _) = s.get(&format!("/admin/events/{id}/edit")).await;
    assert!(
        edit.contains(&format!("value=\"{start2}\"")),
        "the new time shows in Berlin time"
    );

    // fewer seats never remove anybody, and say so
    fields.retain(|(k, _)| *k != "capacity");
    fields.push(("capacity", "1"));
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{id}/edit"),
            &format!("/admin/events/{id}/edit"),
            &fields,
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&dashboard).await;
    assert!(page.contains("Niemand wird ausgeladen"));
    assert_eq!(
        app.count(&format!("event_id = {id} AND status = 'confirmed'")),
        3
    );
    let (status, body) = app.register(id, "vier", "vier@example.org", 0).await;
    assert_eq!(status, Status::Created);
    assert_eq!(
        body["status"], "waiting",
        "no new confirmations while over capacity"
    );

    // the dashboard draws its charts
    assert!(page.contains("<svg class=\"chart\"") && page.contains("Anmeldungen im Zeitverlauf"));

    // duplicate: a new draft with the same details and no registrations
    let (status, _, location) = s
        .submit(&dashboard, &format!("/admin/events/{id}/duplicate"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let copy: i64 = location
        .unwrap()
        .split('/')
        .nth(3)
        .unwrap()
        .parse()
        .unwrap();
    let (title, status_text): (String, String) = events::table
        .find(copy)
        .select((events::title, events::status))
        .first(&mut *app.conn())
        .unwrap();
    assert!(title.starts_with("Informationsabend für Ehrenamtliche"));
    assert_eq!(status_text, "draft");
    assert_eq!(app.count(&format!("event_id = {copy}")), 0);

    // cancelling needs a reason, which the public then reads
    let (status, _, _) = s
        .submit(
            &dashboard,
            &format!("/admin/events/{id}/cancel"),
            &[("reason", "  ")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&dashboard).await;
    assert!(page.contains("Bitte geben Sie einen Grund"));
    let (status, _, _) = s
        .submit(
            &dashboard,
            &format!("/admin/events/{id}/cancel"),
            &[(
                "reason",
                "Der Saal ist wegen eines Wasserschadens gesperrt.",
            )],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, public) = app.get_text(&format!("/events/{id}")).await;
    assert!(public.contains("Wasserschadens"));
    assert!(public.contains("Diese Veranstaltung ist abgesagt."));
    assert_eq!(
        app.count(&format!("event_id = {id} AND status <> 'cancelled'")),
        4,
        "registrations kept for the notice"
    );

    // every change is in the audit log, readable by administrators only
    let actions: Vec<String> = audit_log::table
        .select(audit_log::action)
        .load(&mut *app.conn())
        .unwrap();
    for a in [
        "event.create",
        "event.publish",
        "event.update",
        "event.duplicate",
        "event.cancel",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} audited");
    }
    let pw_admin = app.account("admin@example.org", account::ROLE_ADMIN, &[]);
    let admin = app.login("admin@example.org", &pw_admin).await;
    let (status, page, _) = admin.get("/admin/audit").await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("event.cancel") && page.contains("orga@example.org"));
}

async fn series_with_exceptions(app: TestApp) {
    let office = app.office("amt", "Landratsamt Alb-Donau-Kreis");
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let s = app.login("orga@example.org", &pw).await;
    // the first Tuesday at least a week ahead, 17:00–19:00, every second week for ten weeks
    let mut first = (app.now() + chrono::Duration::days(7)).date();
    while chrono::Datelike::weekday(&first) != chrono::Weekday::Tue {
        first += chrono::Duration::days(1);
    }
    let skip = first + chrono::Duration::weeks(4);
    let until = first + chrono::Duration::weeks(10);
    let start = format!("{}T17:00", first.format("%Y-%m-%d"));
    let end = format!("{}T19:00", first.format("%Y-%m-%d"));
    let office_s = office.to_string();
    let mut fields: Vec<(String, String)> = event_fields(&office_s, &start, &end)
        .into_iter()
        .map(|(k, v)| (format!("event.{k}"), v.to_owned()))
        .collect();
    fields.retain(|(k, _)| k != "event.title");
    fields.push(("event.title".into(), "Runder Tisch Integration".into()));
    fields.push(("interval_weeks".into(), "2".into()));
    fields.push(("until".into(), until.format("%Y-%m-%d").to_string()));
    fields.push(("exceptions".into(), skip.format("%d.%m.%Y").to_string()));
    fields.push(("publish".into(), "on".into()));
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, page, _) = s
        .submit("/admin/series/new", "/admin/series/new", &refs)
        .await;
    assert_eq!(status, Status::SeeOther, "{page}");

    let rows: Vec<(i64, Option<i64>, chrono::NaiveDateTime)> = events::table
        .filter(events::title.eq("Runder Tisch Integration"))
        .order(events::starts_at.asc())
        .select((events::id, events::series_id, events::starts_at))
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(rows.len(), 5, "weeks 0, 2, 6, 8, 10 (week 4 left out)");
    assert!(
        rows.iter().all(|r| r.1.is_some() && r.1 == rows[0].1),
        "one series"
    );
    let tz = chrono_tz::Europe::Berlin;
    for (_, _, utc) in &rows {
        let local = chrono::TimeZone::from_utc_datetime(&tz, utc);
        assert_eq!(
            chrono::Timelike::hour(&local),
            17,
            "17:00 local on every date, also after a DST change"
        );
    }
    let (_, list) = app.get_text("/").await;
    assert!(
        list.matches("Runder Tisch Integration").count() >= 5,
        "published at once"
    );

    // bad recurrence is explained and creates nothing
    let mut bad = refs.clone();
    bad.retain(|(k, _)| *k != "interval_weeks" && *k != "until");
    bad.push(("interval_weeks", "0"));
    bad.push(("until", "nie"));
    let (status, page, _) = s
        .submit("/admin/series/new", "/admin/series/new", &bad)
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("ganze Zahl") && page.contains("gültiges Datum"));
    let count: i64 = events::table.count().get_result(&mut *app.conn()).unwrap();
    assert_eq!(count, 5);
}

async fn registrations_by_hand_and_exports(app: TestApp) {
    let office = app.office("amt", "Landratsamt Tübingen");
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let series = app.series(office, "runder-tisch", "Runder Tisch");
    let id = app.meeting_with(|e| {
        e.columns.office_id = office;
        e.columns.capacity = Some(2);
        e.columns.series_id = Some(series);
    });
    let next = app.meeting_with(|e| {
        e.columns.office_id = office;
        e.columns.capacity = Some(5);
        e.columns.series_id = Some(series);
        e.columns.starts_at += chrono::Duration::days(14);
        e.columns.ends_at += chrono::Duration::days(14);
    });
    let s = app.login("orga@example.org", &pw).await;
    let list = format!("/admin/events/{id}/registrations");
    let add_page = format!("{list}/new");
    let add = |name: &'static str, email: &'static str| {
        vec![
            ("name", name),
            ("email", email),
            ("companions", "0"),
            ("consent", "yes"),
            ("language", "de"),
            ("needs", "Rollstuhl"),
        ]
    };
    let (status, _, _) = s
        .submit(
            &add_page,
            &list,
            &add("Müller, \"Hans\"", "hans@example.org"),
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = s
        .submit(
            &add_page,
            &list,
            &add("=HYPERLINK(\"x\")", "formel@example.org"),
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = s
        .submit(
            &add_page,
            &list,
            &add("Olena Kovalenko", "olena@example.org"),
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&list).await;
    assert!(page.contains("Die Anmeldung ist erfasst und steht auf der Warteliste."));
    assert!(page.contains("telefonisch erfasst"));
    assert!(page.contains("2 bestätigt (2 Plätze), 1 auf der Warteliste"));

    // the same address twice is refused next to the field
    let (status, page, _) = s
        .submit(&add_page, &list, &add("Hans", "HANS@example.org"))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("bereits angemeldet") && page.contains("value=\"HANS@example.org\""));

    // search and filter
    let (_, page, _) = s.get(&format!("{list}?q=kovalenko")).await;
    assert!(page.contains("Olena Kovalenko") && !page.contains("hans@example.org"));
    let (_, page, _) = s.get(&format!("{list}?status=waiting")).await;
    assert!(page.contains("Olena Kovalenko") && !page.contains("hans@example.org"));
    let (_, page, _) = s.get(&format!("{list}?q=%25")).await;
    assert!(
        page.contains("Keine Anmeldungen gefunden."),
        "% is searched literally"
    );

    let ids: Vec<(i64, String)> = registrations::table
        .filter(registrations::event_id.eq(id))
        .order(registrations::id.asc())
        .select((registrations::id, registrations::email_key))
        .load(&mut *app.conn())
        .unwrap();
    let (hans, formel, olena) = (ids[0].0, ids[1].0, ids[2].0);

    // promote by hand needs a free seat
    let (status, _, _) = s
        .submit(&list, &format!("{list}/{olena}/promote"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&list).await;
    assert!(page.contains("nicht genug Plätze frei"));
    // move Hans to the next date: his seat goes to Olena, strictly in order
    let (status, _, _) = s
        .submit(
            &list,
            &format!("{list}/{hans}/move"),
            &[("target", &next.to_string())],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let moved: (i64, String) = registrations::table
        .find(hans)
        .select((registrations::event_id, registrations::status))
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(moved, (next, "confirmed".to_owned()));
    let olena_now: String = registrations::table
        .find(olena)
        .select(registrations::status)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(
        olena_now, "confirmed",
        "the freed seat went to the waiting list"
    );
    // moving outside the series is refused
    let other = app.meeting_with(|e| e.columns.office_id = office);
    let (status, _, _) = s
        .submit(
            &list,
            &format!("{list}/{formel}/move"),
            &[("target", &other.to_string())],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let still: i64 = registrations::table
        .find(formel)
        .select(registrations::event_id)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(still, id);

    // cancel by hand
    let (status, _, _) = s
        .submit(&list, &format!("{list}/{formel}/cancel"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        app.count(&format!("id = {formel} AND status = 'cancelled'")),
        1
    );

    // exports: CSV with correct quoting, the Excel form, and XLSX read back by another crate
    let (status, ct, body) = s
        .get_bytes(&format!("/admin/events/{next}/registrations.csv"))
        .await;
    assert_eq!(status, Status::Ok);
    assert!(ct.unwrap().starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(body.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Name");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][0], "Müller, \"Hans\"", "comma and quotes survive");
    assert_eq!(&rows[0][7], "Rollstuhl");

    let (_, _, body) = s.get_bytes(&format!("{list}.csv?excel=1")).await;
    assert!(body.starts_with("\u{feff}".as_bytes()), "BOM for Excel");
    let text = String::from_utf8(body[3..].to_vec()).unwrap();
    assert!(text.lines().next().unwrap().contains(';'));
    assert!(text.contains("'=HYPERLINK"), "formulas are defused");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    assert_eq!(reader.records().count(), 2, "Olena and the cancelled one");

    let (status, ct, body) = s.get_bytes(&format!("{list}.xlsx")).await;
    assert_eq!(status, Status::Ok);
    assert!(ct.unwrap().contains("spreadsheetml"));
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(body)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<String> = sheet.rows().map(|r| r[0].to_string()).collect();
    assert_eq!(cells[0], "Name");
    assert!(cells.contains(&"Olena Kovalenko".to_owned()));
    assert!(
        cells.contains(&"=HYPERLINK(\"x\")".to_owned()),
        "kept as text, not a formula"
    );
}

async fn bad_input_to_every_form_changes_nothing(app: TestApp) {
    let office = app.office("amt", "Landratsamt Tübingen");
    let pw = app.account("admin@example.org", account::ROLE_ADMIN, &[office]);
    let id = app.meeting_with(|e| e.columns.office_id = office);
    app.register(id, "Gast", "gast@example.org", 0).await;
    let reg: i64 = registrations::table
        .select(registrations::id)
        .first(&mut *app.conn())
        .unwrap();
    let s = app.login("admin@example.org", &pw).await;
    let csrf = s.csrf().await;
    let snapshot = |app: &TestApp| -> (i64, i64, String, i64, i64) {
        let mut c = app.conn();
        let events_n: i64 = events::table.count().get_result(&mut *c).unwrap();
        let regs: i64 = registrations::table.count().get_result(&mut *c).unwrap();
        let title: String = events::table
            .find(id)
            .select(events::title)
            .first(&mut *c)
            .unwrap();
        let users: i64 = treffpunkt::db::schema::users::table
            .count()
            .get_result(&mut *c)
            .unwrap();
        let offices: i64 = treffpunkt::db::schema::offices::table
            .count()
            .get_result(&mut *c)
            .unwrap();
        (events_n, regs, title, users, offices)
    };
    let before = snapshot(&app);
    let forms = [
        "/admin/events/new".to_owned(),
        format!("/admin/events/{id}/edit"),
        format!("/admin/events/{id}/cancel"),
        format!("/admin/events/{id}/registrations"),
        format!("/admin/events/{id}/registrations/{reg}/move"),
        "/admin/series/new".to_owned(),
        "/admin/users".to_owned(),
        format!("/admin/users/{}", 1),
        "/admin/offices".to_owned(),
        "/admin/categories".to_owned(),
        "/admin/login".to_owned(),
    ];
    let long = "x".repeat(300);
    let huge = "y".repeat(40 * 1024);
    let bodies: Vec<Vec<u8>> = vec![
        format!("csrf={csrf}&title=&starts_at=gestern&ends_at=%00&capacity=-5&max_companions=abc&office_id=x&latitude=999&visibility=secret&email=nope&name=&role=king&reason=&target=abc&interval_weeks=99&until=nie&name_de=&name_en={long}&office_name=&office_email=x").into_bytes(),
        format!("csrf={csrf}&title={long}&venue_name={long}&postal_code={long}&capacity=99999999999999999999&offices=abc").into_bytes(),
        format!("csrf={csrf}&needs={huge}").into_bytes(),
        [format!("csrf={csrf}&title=").into_bytes(), vec![0xff, 0xfe, 0xfd]].concat(),
        format!("csrf={csrf}&%%%=&&=&title=%zz").into_bytes(),
    ];
    for form in &forms {
        for body in &bodies {
            let (status, _, _) = s.post_raw(form, body.clone()).await;
            let code = status.code;
            assert!((400..500).contains(&code) || code == 303, "{form}: {code}");
            if code == 303 {
                // only refusals come back as a redirect with a flash (cancel, move, account)
                assert!(
                    form.contains("/cancel")
                        || form.contains("/move")
                        || form.contains("/admin/users/"),
                    "{form} redirected on bad input"
                );
            }
        }
        let (status, _, _) = s.post_raw(form, b"title=ohne+Token".to_vec()).await;
        assert_eq!(status, Status::Forbidden, "{form} without CSRF token");
    }
    assert_eq!(
        snapshot(&app),
        before,
        "nothing stored was changed by bad input"
    );
    let (status, _, _) = s.get("/admin/events/999999").await;
    assert_eq!(status, Status::NotFound);
    let (status, _, _) = s.get("/admin/events/abc").await;
    assert!(status == Status::NotFound || status == Status::UnprocessableEntity);
}

/// Two offices or series of one name get distinct addresses.
#[rocket::async_test]
async fn slugs_stay_unique() {
    use treffpunkt::domain::event::{SlugOf, free_slug, insert_office, insert_series};
    let app = crate::support::start(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let mut conn = app.conn();
    let first = free_slug(&mut conn, SlugOf::Office, "Landratsamt Tübingen", "x").unwrap();
    assert_eq!(first, "landratsamt-tuebingen");
    let office = insert_office(&mut conn, &first, "Landratsamt Tübingen", "", "").unwrap();
    assert_eq!(
        free_slug(&mut conn, SlugOf::Office, "Landratsamt Tübingen", "x").unwrap(),
        "landratsamt-tuebingen-2"
    );
    assert_eq!(
        free_slug(&mut conn, SlugOf::Series, "!!!", "reihe").unwrap(),
        "reihe"
    );
    insert_series(&mut conn, "reihe", "!!!", office).unwrap();
    assert_eq!(
        free_slug(&mut conn, SlugOf::Series, "", "reihe").unwrap(),
        "reihe-2"
    );
}

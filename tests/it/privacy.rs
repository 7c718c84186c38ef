//! GDPR: personal data ends after the retention period, people get a copy of their data and
//! erase it by a link sent to them, organisers erase on request, the notice is the
//! administrator's and versioned, logs and public pages carry no personal data.

use chrono::Duration;
use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{audit_log, outbox, registrations};
use treffpunkt::domain::{account, privacy, roster};

use crate::both_backends;
use crate::support::{Backend, TestApp, start};

both_backends!(
    retention_purge_anonymises_and_keeps_counts,
    a_person_gets_a_copy_and_erases_by_mail_link,
    an_organiser_erases_on_request,
    the_notice_is_edited_and_versioned,
    meetings_show_in_the_visitors_language,
    the_copy_gives_times_with_their_offset,
);

fn audit_details(app: &TestApp) -> String {
    let rows: Vec<(String, String, String)> = audit_log::table
        .select((audit_log::actor, audit_log::action, audit_log::detail))
        .load(&mut *app.conn())
        .unwrap();
    format!("{rows:?}")
}

/// Waits for the mail worker's round (it purges by itself) to have done `done`.
async fn eventually(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if done() {
            return true;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    false
}

async fn retention_purge_anonymises_and_keeps_counts(app: TestApp) {
    let short = app.meeting(Some(10), 2);
    let long = app.meeting(Some(10), 0);
    privacy::set_retention(&mut app.conn(), long, Some(90)).unwrap();
    let (_, anna) = app
        .register(short, "Anna Gast", "anna@example.org", 1)
        .await;
    let (_, ben) = app.register(short, "Ben Gast", "ben@example.org", 0).await;
    app.register(long, "Anna Gast", "anna@example.org", 0).await;
    let ben_token = ben["token"].as_str().unwrap().to_owned();
    // both answered a question of the short meeting
    let actor = treffpunkt::domain::audit::Actor {
        user_id: None,
        label: "test".into(),
    };
    let scope = treffpunkt::domain::question::Scope::Event(short);
    let q = treffpunkt::domain::question::add_preset(
        &mut app.conn(),
        scope,
        "photos",
        "de",
        &actor,
        app.now(),
    )
    .unwrap()[0];
    let people: Vec<i64> = registrations::table
        .filter(registrations::event_id.eq(short))
        .select(registrations::id)
        .load(&mut *app.conn())
        .unwrap();
    for id in &people {
        let yes = treffpunkt::domain::question::ValidAnswer {
            question_id: q,
            value: "yes".into(),
        };
        treffpunkt::domain::question::save_answers(&mut app.conn(), *id, &[yes]).unwrap();
    }
    diesel::update(registrations::table.filter(registrations::email.eq("anna@example.org")))
        .set(registrations::checked_in_at.eq(Some(app.now())))
        .execute(&mut *app.conn())
        .unwrap();
    let before = roster::counts(&mut app.conn(), short).unwrap();
    let mails_before: i64 = outbox::table.count().get_result(&mut *app.conn()).unwrap();
    assert!(mails_before >= 3, "confirmations are queued");

    // 29 days after the meeting nothing is due yet
    app.clock.advance(Duration::days(7 + 29));
    let due = privacy::expired(&mut app.conn(), app.now(), 30).unwrap();
    assert!(due.is_empty(), "not due before 30 days: {due:?}");

    // after 31 days the worker anonymises the short meeting by itself
    app.clock.advance(Duration::days(2));
    let purged =
        eventually(|| app.count(&format!("event_id = {short} AND purged_at IS NOT NULL")) == 2)
            .await;
    assert!(purged, "the scheduled purge ran");
    type Person = (String, String, Option<String>, Option<String>, i32);
    let people: Vec<Person> = registrations::table
        .filter(registrations::event_id.eq(short))
        .select((
            registrations::name,
            registrations::email,
            registrations::organisation,
            registrations::needs,
            registrations::seats,
        ))
        .load(&mut *app.conn())
        .unwrap();
    for (name, email, org, needs, _) in &people {
        assert!(name.is_empty() && email.is_empty() && org.is_none() && needs.is_none());
    }
    let after = roster::counts(&mut app.conn(), short).unwrap();
    assert_eq!(after.confirmed_seats, before.confirmed_seats, "counts kept");
    assert_eq!(
        after.checked_in, before.checked_in,
        "check-in statistics kept"
    );
    assert_eq!(after.checked_in, 1);
    let mails_of_short: i64 = outbox::table
        .inner_join(registrations::table)
        .filter(registrations::event_id.eq(short))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(mails_of_short, 0, "their mails left the outbox");
    assert_eq!(people.len(), 2);
    let answers_of_short: i64 = treffpunkt::db::schema::answers::table
        .inner_join(registrations::table)
        .filter(registrations::event_id.eq(short))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(answers_of_short, 0, "their answers went with the rest");
    assert_eq!(
        app.get(&format!("/r/{ben_token}")).await.status(),
        Status::NotFound
    );
    let anna_short = anna["token"].as_str().unwrap();
    assert_eq!(
        app.get(&format!("/r/{anna_short}")).await.status(),
        Status::NotFound,
        "the checked-in registration is anonymised too"
    );

    // the meeting with 90 days keeps its people
    assert_eq!(
        app.count(&format!(
            "event_id = {long} AND purged_at IS NULL AND email = 'anna@example.org'"
        )),
        1
    );
    assert!(audit_details(&app).contains("privacy.purge"));
    assert!(!audit_details(&app).contains("anna@example.org"));
}

/// A logged-in organiser of the office of meeting `id`.
async fn organiser_of(app: &TestApp, id: i64) -> crate::support::StaffSession {
    app.staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await
}

/// The sent link in the outbox for `email` (the data-request mail is written at once).
fn data_link(app: &TestApp, email: &str) -> Option<String> {
    let body: Option<String> = outbox::table
        .filter(outbox::kind.eq("data_link"))
        .filter(outbox::recipient.eq(email))
        .select(outbox::body_text)
        .first(&mut *app.conn())
        .optional()
        .unwrap();
    let body = body?;
    let start = body.find("https://treffpunkt.example.org/privacy/data/")?;
    Some(
        body[start + "https://treffpunkt.example.org".len()..]
            .split_whitespace()
            .next()
            .unwrap()
            .to_owned(),
    )
}

async fn a_person_gets_a_copy_and_erases_by_mail_link(app: TestApp) {
    let full = app.meeting(Some(1), 0);
    let other = app.meeting(None, 0);
    let (_, mine) = app.register(full, "Olena K.", "Olena@Example.org", 0).await;
    app.register(other, "Olena K.", "olena@example.org", 0)
        .await;
    let (_, next) = app
        .register(full, "Wartende", "wartet@example.org", 0)
        .await;
    assert_eq!(next["status"], "waiting");

    // the form answers the same for known and unknown addresses
    let res = app
        .post_form("/privacy/data", "email=olena%40example.org")
        .await;
    assert_eq!(res.status(), Status::Ok);
    let known = res.into_string().await.unwrap();
    let res = app
        .post_form("/privacy/data", "email=niemand%40example.org")
        .await;
    let unknown = res.into_string().await.unwrap();
    app.settled().await;
    assert_eq!(
        known.replace("olena@example.org", "X"),
        unknown.replace("niemand@example.org", "X")
    );
    assert!(
        data_link(&app, "niemand@example.org").is_none(),
        "no data, no mail"
    );
    let res = app.post_form("/privacy/data", "email=kaputt").await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    assert!(
        res.into_string()
            .await
            .unwrap()
            .contains("value=\"kaputt\"")
    );

    let link = data_link(&app, "olena@example.org").expect("the link was mailed");
    let (status, page) = app.get_text(&link).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(
        page.matches("Olena K.").count(),
        2,
        "both registrations: {page}"
    );
    let res = app.get(&format!("{link}/export.json")).await;
    assert_eq!(res.status(), Status::Ok);
    assert!(
        res.headers()
            .get_one("Content-Disposition")
            .unwrap()
            .contains("attachment")
    );
    let copy: serde_json::Value = serde_json::from_str(&res.into_string().await.unwrap()).unwrap();
    assert_eq!(copy["registrations"].as_array().unwrap().len(), 2);
    assert_eq!(copy["registrations"][0]["email"], "Olena@Example.org");

    let res = app.client.post(format!("{link}/erase")).dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(app.count("email_key = 'olena@example.org'"), 0);
    assert_eq!(app.count("purged_at IS NOT NULL"), 2);
    // her seat went to the waiting list
    let promoted = app.count("email = 'wartet@example.org' AND status = 'confirmed'");
    assert_eq!(promoted, 1, "the waiting person moved up");
    assert_eq!(
        app.get(&format!("/r/{}", mine["token"].as_str().unwrap()))
            .await
            .status(),
        Status::NotFound
    );
    assert_eq!(app.get(&link).await.status(), Status::NotFound, "one use");
    let log = audit_details(&app);
    assert!(
        log.contains("privacy.export") && log.contains("privacy.erase"),
        "{log}"
    );
    assert!(
        !log.to_lowercase().contains("olena"),
        "the log names nobody: {log}"
    );
    let mails_to_her: i64 = outbox::table
        .filter(outbox::recipient.eq("Olena@Example.org"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(mails_to_her, 0, "her queued mails are gone");
    // a link that never existed, or expired, shows nothing
    assert_eq!(
        app.get("/privacy/data/AAAAAAAAAAAAAAAAAAAAAAAA")
            .await
            .status(),
        Status::NotFound
    );
}

async fn an_organiser_erases_on_request(app: TestApp) {
    let id = app.meeting(Some(5), 0);
    let (_, r) = app.register(id, "Mehmet Y.", "mehmet@example.org", 0).await;
    let rid = r["id"].as_i64().unwrap_or_else(|| {
        registrations::table
            .filter(registrations::email.eq("mehmet@example.org"))
            .select(registrations::id)
            .first(&mut *app.conn())
            .unwrap()
    });
    let s = organiser_of(&app, id).await;
    let page = format!("/admin/events/{id}/registrations");
    let (status, _, _) = s.submit(&page, &format!("{page}/{rid}/erase"), &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(app.count("email = 'mehmet@example.org'"), 0);
    assert_eq!(
        app.count(&format!(
            "id = {rid} AND purged_at IS NOT NULL AND status = 'cancelled'"
        )),
        1
    );
    let (_, list, _) = s.get(&page).await;
    assert!(!list.contains("Mehmet"), "the list shows no name any more");
    let log = audit_details(&app);
    assert!(
        log.contains("privacy.erase") && !log.contains("Mehmet"),
        "{log}"
    );
}

async fn the_notice_is_edited_and_versioned(app: TestApp) {
    let id = app.meeting(Some(5), 0);
    app.register(id, "Vorher", "vorher@example.org", 0).await;
    let password = app.account("admin@example.org", account::ROLE_ADMIN, &[]);
    let s = app.login("admin@example.org", &password).await;
    // bad input: shown again with what was typed, nothing published
    let (status, page, _) = s
        .submit(
            "/admin/privacy",
            "/admin/privacy",
            &[("body_de", "  "), ("body_en", "Our notice")],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Our notice"));
    let (status, _, _) = s
        .submit(
            "/admin/privacy",
            "/admin/privacy",
            &[
                ("body_de", "## Landkreis\nWir speichern **wenig**."),
                ("body_en", "We store **little**."),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, de) = app.get_text("/privacy").await;
    assert!(
        de.contains("<strong>wenig</strong>") && de.contains("v1"),
        "{de}"
    );
    assert!(
        app.get_text_in("/privacy", "en")
            .await
            .contains("<strong>little</strong>")
    );
    app.register(id, "Nachher", "nachher@example.org", 0).await;
    assert_eq!(
        app.count("email = 'vorher@example.org' AND consent_version = '2026-11-23'"),
        1
    );
    assert_eq!(
        app.count("email = 'nachher@example.org' AND consent_version = 'v1'"),
        1
    );
    // every form links to the notice
    let (_, event) = app.get_text(&format!("/events/{id}")).await;
    assert!(event.contains("href=\"/privacy\""));
}

async fn meetings_show_in_the_visitors_language(app: TestApp) {
    let id = app.meeting(Some(5), 0);
    let s = organiser_of(&app, id).await;
    let edit = format!("/admin/events/{id}/edit");
    let (_, form, _) = s.get(&edit).await;
    let mut fields = crate::support::form_values(&form);
    fields.retain(|(k, _)| !k.starts_with("texts[") && k != "retention_days");
    // a translation without a title is refused, the typed text kept
    let mut bad = fields.clone();
    bad.push(("texts[en].summary".into(), "Public presentation".into()));
    let bad_ref: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, page, _) = s.submit(&edit, &edit, &bad_ref).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Public presentation"));
    let mut good = fields.clone();
    good.push((
        "texts[en].title".into(),
        "Presentation of the concept".into(),
    ));
    good.push(("texts[en].summary".into(), "Public presentation".into()));
    good.push((
        "texts[en].description".into(),
        "Please **register**.".into(),
    ));
    good.push(("retention_days".into(), "60".into()));
    let good_ref: Vec<(&str, &str)> = good.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, _, _) = s.submit(&edit, &edit, &good_ref).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        privacy::retention_of(&mut app.conn(), id).unwrap(),
        Some(60)
    );

    let page = app.get_text_in(&format!("/events/{id}"), "en").await;
    assert!(
        page.contains(r#"<h1 lang="en">Presentation of the concept</h1>"#),
        "{page}"
    );
    assert!(page.contains("<strong>register</strong>"));
    let list = app.get_text_in("/", "en").await;
    assert!(list.contains("Presentation of the concept"));
    let (_, de) = app.get_text(&format!("/events/{id}")).await;
    assert!(
        de.contains(r#"<h1 lang="de">Vorstellung des Konzepts</h1>"#),
        "{de}"
    );
    // the edit form shows the stored translation again
    let (_, form, _) = s.get(&edit).await;
    assert!(form.contains("Presentation of the concept"));
}

/// `treffpunkt purge --dry-run` lists and changes nothing; `purge` then anonymises.
#[rocket::async_test]
async fn purge_command_dry_run_and_for_real() {
    // the server's own purge job must not beat the command to it: it keeps ten years, while
    // the command (another process, default settings) keeps thirty days
    let Some(app) = crate::support::start_with_settings(
        Backend::Sqlite,
        &[("retention_days", serde_json::json!(3650))],
    )
    .await
    else {
        return;
    };
    let id = app.meeting(Some(5), 0);
    app.register(id, "Alt", "alt@example.org", 0).await;
    // the command runs on the system clock: move the meeting 40 days into the past
    let past = chrono::Utc::now().naive_utc() - Duration::days(40);
    diesel::update(treffpunkt::db::schema::events::table.find(id))
        .set((
            treffpunkt::db::schema::events::starts_at.eq(past),
            treffpunkt::db::schema::events::ends_at.eq(past + Duration::hours(2)),
        ))
        .execute(&mut *app.conn())
        .unwrap();
    let url = format!("sqlite://{}", app.data_dir().join("test.sqlite").display());
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
            .args(args)
            .env("TREFFPUNKT_DATABASE_URL", &url)
            .env("TREFFPUNKT_DATA_DIR", app.data_dir())
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let dry = run(&["purge", "--dry-run"]);
    assert!(
        dry.contains("would anonymise 1 registrations of 1 meetings"),
        "{dry}"
    );
    assert!(dry.contains("Vorstellung des Konzepts"));
    assert_eq!(
        app.count("email = 'alt@example.org'"),
        1,
        "dry run changes nothing"
    );
    let real = run(&["purge"]);
    assert!(real.contains("anonymised 1 registrations"), "{real}");
    assert_eq!(app.count("email = 'alt@example.org'"), 0);
    assert!(run(&["purge", "--dry-run"]).contains("would anonymise 0 registrations"));
}

/// Public pages set no cookie but the language choice; none loads anything from elsewhere.
#[rocket::async_test]
async fn public_pages_set_no_cookies_and_load_nothing_from_elsewhere() {
    let Some(app) = start(Backend::Sqlite).await else {
        return;
    };
    let id = app.meeting(Some(5), 0);
    let (_, r) = app.register(id, "Keks", "keks@example.org", 0).await;
    let token = r["token"].as_str().unwrap();
    for uri in [
        "/".to_owned(),
        format!("/events/{id}"),
        format!("/r/{token}"),
        "/privacy".into(),
        "/privacy/data".into(),
        "/embed".into(),
    ] {
        let res = app.get(&uri).await;
        assert_eq!(res.status(), Status::Ok, "{uri}");
        assert!(
            res.headers().get_one("Set-Cookie").is_none(),
            "{uri} sets a cookie"
        );
        let html = res.into_string().await.unwrap();
        for attr in ["src=\"http", "href=\"//", "src=\"//", "url(http"] {
            assert!(!html.contains(attr), "{uri} loads from elsewhere: {attr}");
        }
        let stylesheet_links = html.matches("<link ").count();
        assert_eq!(
            html.matches("<link rel=\"stylesheet\" href=\"/static/")
                .count(),
            stylesheet_links.min(1),
            "{uri}: only our own stylesheet"
        );
    }
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            "name=Neu&email=neu%40example.org&consent=yes",
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    assert!(
        res.headers().get_one("Set-Cookie").is_none(),
        "registering sets no cookie"
    );
}

/// The JSON copy says when things happened in a way nobody can misread: RFC 3339 with the
/// offset of the site's zone (Berlin), so an 18:30 meeting is 18:30+01:00, not a bare
/// 17:30 that reads as local time.
async fn the_copy_gives_times_with_their_offset(app: TestApp) {
    use chrono::Datelike;
    let year = app.now().year() + 1;
    let start = chrono::NaiveDate::from_ymd_opt(year, 1, 14)
        .unwrap()
        .and_hms_opt(17, 30, 0)
        .unwrap();
    let id = app.meeting_with(|e| {
        e.columns.starts_at = start;
        e.columns.ends_at = start + chrono::Duration::hours(2);
    });
    let (status, _) = app.register(id, "Olena K.", "olena@example.org", 0).await;
    assert_eq!(status, Status::Created);
    app.post_form("/privacy/data", "email=olena%40example.org")
        .await;
    app.settled().await;
    let link = data_link(&app, "olena@example.org").expect("the link was mailed");
    let res = app.get(&format!("{link}/export.json")).await;
    assert_eq!(res.status(), Status::Ok);
    let copy: serde_json::Value = serde_json::from_str(&res.into_string().await.unwrap()).unwrap();
    let record = &copy["registrations"][0];
    assert_eq!(
        record["meeting_starts_at"],
        format!("{year}-01-14T18:30:00+01:00"),
        "{record}"
    );
    for field in ["registered_at", "consent_at"] {
        let text = record[field].as_str().unwrap_or_default();
        assert!(
            chrono::DateTime::parse_from_rfc3339(text).is_ok(),
            "{field} is RFC 3339 with offset: {record}"
        );
    }
    assert!(record["cancelled_at"].is_null() && record["checked_in_at"].is_null());
}

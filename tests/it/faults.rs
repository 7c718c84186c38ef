//! Faults found by reading the code (issue 12, sections 5 and 7): requested mails that could
//! flood an address, moves between dates that ignored errors and rules, background jobs that
//! one bad setting stopped, calendar changes nobody was told of, withdrawn meetings that
//! vanished silently, raw Markdown in calendars, and small mismatches.

use std::net::SocketAddr;

use chrono::Duration;
use diesel::prelude::*;
use mail_parser::MimeHeaders;
use rocket::http::{ContentType, Status};
use treffpunkt::db::schema::{data_requests, events, outbox, registrations};
use treffpunkt::domain::account;

use crate::both_backends;
use crate::support::{Backend, StaffSession, TestApp, form_values, start};

both_backends!(
    requested_mails_once_per_window,
    moves_follow_the_rules_of_the_target,
    each_job_runs_on_its_own,
    calendar_visible_changes_mail_and_bump_together,
    withdrawing_only_without_registrations,
    markdown_is_plain_text_in_calendars_and_mails,
    calendar_name_with_a_comma_is_escaped_once
);

/// Polls `done` (with short pauses) while background work catches up.
async fn eventually(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if done() {
            return true;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    false
}

fn mails_of_kind(app: &TestApp, kind: &str) -> i64 {
    outbox::table
        .filter(outbox::kind.like(format!("{kind}%")))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

async fn post_from(app: &TestApp, uri: &str, body: &str, client: u8) -> (Status, String) {
    post_on(&app.client, uri, body, client).await
}

async fn post_on(
    instance: &rocket::local::asynchronous::Client,
    uri: &str,
    body: &str,
    client: u8,
) -> (Status, String) {
    let res = instance
        .post(uri.to_owned())
        .header(ContentType::Form)
        .remote(
            format!("198.51.100.{client}:4000")
                .parse::<SocketAddr>()
                .unwrap(),
        )
        .body(body)
        .dispatch()
        .await;
    (res.status(), res.into_string().await.unwrap_or_default())
}

/// Section 5: "send my link again" and the data request mail a registered address once per
/// window, whoever asks; the answer is the same page for every address.
async fn requested_mails_once_per_window(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let (status, _) = app.register(id, "Anna Gast", "anna@example.org", 0).await;
    assert_eq!(status, Status::Created);
    let resend = format!("/events/{id}/resend");
    // 20 of each at once, from several client addresses, through two instances
    let other = app.second_instance().await;
    let asks = (0..20u8).flat_map(|i| {
        let instance = if i % 2 == 0 { &app.client } else { &other };
        [
            post_on(instance, &resend, "email=anna%40example.org", i % 5),
            post_on(instance, "/privacy/data", "email=anna%40example.org", i % 7),
        ]
    });
    for (status, _) in futures::future::join_all(asks).await {
        assert_eq!(status, Status::Ok);
    }
    app.settled().await;
    other
        .rocket()
        .state::<treffpunkt::web::after::Deferred>()
        .unwrap()
        .settled()
        .await;
    assert_eq!(mails_of_kind(&app, "management_link"), 1, "one link again");
    assert_eq!(mails_of_kind(&app, "data_link"), 1, "one data link");
    let links: i64 = data_requests::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(links, 1, "one data link made");

    // a registered and an unknown address get the same page
    for uri in [resend.as_str(), "/privacy/data"] {
        let (_, known) = post_from(&app, uri, "email=anna%40example.org", 9).await;
        let (_, unknown) = post_from(&app, uri, "email=niemand%40example.org", 9).await;
        assert_eq!(
            known.replace("anna@example.org", "X"),
            unknown.replace("niemand@example.org", "X"),
            "{uri}"
        );
    }
    app.settled().await;
    assert_eq!(mails_of_kind(&app, "management_link"), 1);

    // after the window (15 minutes by default) one more of each may go
    app.clock.advance(Duration::minutes(16));
    post_from(&app, &resend, "email=anna%40example.org", 1).await;
    post_from(&app, &resend, "email=anna%40example.org", 2).await;
    post_from(&app, "/privacy/data", "email=anna%40example.org", 3).await;
    app.settled().await;
    assert_eq!(mails_of_kind(&app, "management_link"), 2);
    assert_eq!(mails_of_kind(&app, "data_link"), 2);
}

/// An organiser of a fresh office, logged in, and the office.
async fn organiser(app: &TestApp) -> (StaffSession, i64) {
    let office = app.office("lra", "Landratsamt Tübingen");
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    (app.login("orga@example.org", &pw).await, office)
}

fn event_of(app: &TestApp, registration: i64) -> i64 {
    registrations::table
        .find(registration)
        .select(registrations::event_id)
        .first(&mut *app.conn())
        .unwrap()
}

/// Section 7: moving to another date refuses drafts, past dates and parties the target
/// does not allow, and the new date gets its own reminder.
async fn moves_follow_the_rules_of_the_target(app: TestApp) {
    let (s, office) = organiser(&app).await;
    let series = app.series(office, "runder-tisch", "Runder Tisch");
    let date = |days: i64, adjust: &dyn Fn(&mut treffpunkt::domain::event::NewEvent<'static>)| {
        app.meeting_with(|e| {
            e.columns.office_id = office;
            e.columns.series_id = Some(series);
            e.columns.max_companions = 2;
            e.columns.starts_at += Duration::days(days);
            e.columns.ends_at += Duration::days(days);
            adjust(e);
        })
    };
    let from = date(0, &|_| {});
    let draft = date(7, &|e| e.status = "draft");
    let past = date(-14, &|_| {});
    let small = date(14, &|e| e.columns.max_companions = 0);
    let target = date(21, &|e| e.columns.reminder_hours = Some(24));
    let (_, hans) = app.register(from, "Hans", "hans@example.org", 2).await;
    let hans_id = registrations::table
        .filter(registrations::email.eq("hans@example.org"))
        .select(registrations::id)
        .first::<i64>(&mut *app.conn())
        .unwrap();
    assert!(hans["token"].is_string());
    // he was reminded of the first date already
    diesel::update(registrations::table.find(hans_id))
        .set(registrations::reminded_at.eq(Some(app.now())))
        .execute(&mut *app.conn())
        .unwrap();

    let list = format!("/admin/events/{from}/registrations");
    let move_to = |to: i64| {
        let (s, list) = (&s, list.clone());
        async move {
            let (status, _, _) = s
                .submit(
                    &list,
                    &format!("{list}/{hans_id}/move"),
                    &[("target", &to.to_string())],
                )
                .await;
            assert_eq!(status, Status::SeeOther);
            s.get(&list).await.1
        }
    };
    let page = move_to(draft).await;
    assert!(page.contains("nicht veröffentlicht"), "draft refused");
    let page = move_to(past).await;
    assert!(page.contains("schon begonnen"), "past date refused");
    let page = move_to(small).await;
    assert!(page.contains("Gruppe ist größer"), "party too big refused");
    assert_eq!(event_of(&app, hans_id), from, "still on the first date");

    move_to(target).await;
    assert_eq!(event_of(&app, hans_id), target);
    let reminded: Option<chrono::NaiveDateTime> = registrations::table
        .find(hans_id)
        .select(registrations::reminded_at)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(reminded, None, "the new date has not been reminded of");
    // a day before the new date the reminder goes out
    app.clock
        .advance(Duration::days(7 + 21) - Duration::hours(12));
    let reminded = eventually(|| mails_of_kind(&app, "reminder") == 1).await;
    assert!(reminded, "the reminder for the new date");
}

/// Section 7: a database error while counting the target's seats refuses the move rather
/// than taking it for free seats (SQLite: an overflowing sum is such an error).
#[rocket::async_test]
async fn move_refused_when_seats_cannot_be_counted() {
    let Some(app) = start(Backend::Sqlite).await else {
        return;
    };
    let (s, office) = organiser(&app).await;
    let series = app.series(office, "reihe", "Reihe");
    let from = app.meeting_with(|e| {
        e.columns.office_id = office;
        e.columns.series_id = Some(series);
    });
    let target = app.meeting_with(|e| {
        e.columns.office_id = office;
        e.columns.series_id = Some(series);
        e.columns.capacity = Some(10);
        e.columns.starts_at += Duration::days(7);
        e.columns.ends_at += Duration::days(7);
    });
    app.register(from, "Hans", "hans@example.org", 0).await;
    app.register(target, "Eins", "eins@example.org", 0).await;
    app.register(target, "Zwei", "zwei@example.org", 0).await;
    // their confirmations go out first: a mail rendered from the broken rows would fail
    // for a reason this test is not about
    for _ in 0..200 {
        let pending: i64 = treffpunkt::db::schema::outbox::table
            .filter(treffpunkt::db::schema::outbox::sent_at.is_null())
            .filter(treffpunkt::db::schema::outbox::failed_at.is_null())
            .count()
            .get_result(&mut *app.conn())
            .unwrap();
        if pending == 0 {
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // the seats are read from the counts the database keeps per meeting: take them away
    diesel::sql_query("ALTER TABLE event_counts RENAME TO event_counts_gone")
        .execute(&mut *app.conn())
        .unwrap();
    let hans: i64 = registrations::table
        .filter(registrations::email.eq("hans@example.org"))
        .select(registrations::id)
        .first(&mut *app.conn())
        .unwrap();
    let list = format!("/admin/events/{from}/registrations");
    let (status, _, _) = s
        .submit(
            &list,
            &format!("{list}/{hans}/move"),
            &[("target", &target.to_string())],
        )
        .await;
    assert_eq!(status, Status::ServiceUnavailable, "refused, not admitted");
    assert_eq!(event_of(&app, hans), from);
}

/// Section 7: a bad SMTP URL stops the start with a clear message.
#[rocket::async_test]
async fn bad_smtp_url_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.sqlite").display());
    let bad = "smtp//mail.example.org";
    let figment = treffpunkt::config::figment()
        .merge(("log_level", "off"))
        .merge(("treffpunkt.database_url", url.as_str()))
        .merge(("treffpunkt.data_dir", dir.path().display().to_string()))
        .merge(("treffpunkt.smtp_url", bad));
    match treffpunkt::rocket(figment).ignite().await {
        Ok(_) => panic!("the app must not start"),
        // a Rocket error not looked at panics when dropped
        Err(e) => assert!(matches!(
            e.kind(),
            rocket::error::ErrorKind::FailedFairings(_)
        )),
    }

    // the real binary says why and ends
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .arg("serve")
        .env("TREFFPUNKT_DATABASE_URL", &url)
        .env("TREFFPUNKT_DATA_DIR", dir.path())
        .env("TREFFPUNKT_SMTP_URL", bad)
        .env("ROCKET_PORT", "0")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut ended = None;
    for _ in 0..300 {
        if let Some(status) = child.try_wait().unwrap() {
            ended = Some(status);
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    if ended.is_none() {
        let _ = child.kill();
    }
    let out = child.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        ended.is_some_and(|s| !s.success()),
        "ends with an error: {said}"
    );
    assert!(
        said.contains("TREFFPUNKT_SMTP_URL"),
        "names the setting: {said}"
    );
}

async fn health(app: &TestApp) -> (Status, serde_json::Value) {
    crate::support::json_of(app.get("/healthz").await).await
}

fn late_jobs(body: &serde_json::Value) -> Vec<String> {
    body["late_jobs"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|j| j["job"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn unsent(app: &TestApp) -> i64 {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

/// Section 7: a failing job (here the retention purge, its table gone) does not stop mail
/// delivery or the other jobs, and `/healthz` names it until it completes again.
async fn each_job_runs_on_its_own(app: TestApp) {
    // the purge fails on purpose
    app.expect_job_errors();
    let id = app.meeting(Some(10), 0);
    assert_eq!(health(&app).await.0, Status::Ok);
    app.register(id, "Anna", "anna@example.org", 0).await;
    assert!(eventually(|| unsent(&app) == 0).await, "mail goes out");

    diesel::sql_query("ALTER TABLE data_requests RENAME TO data_requests_away")
        .execute(&mut *app.conn())
        .unwrap();
    app.clock.advance(Duration::hours(1));
    app.register(id, "Ben", "ben@example.org", 0).await;
    assert!(
        eventually(|| unsent(&app) == 0).await,
        "mail still goes out while the purge fails"
    );
    let mut body = serde_json::Value::Null;
    let mut status = Status::Ok;
    for _ in 0..200 {
        (status, body) = health(&app).await;
        if late_jobs(&body) == ["retention-purge"] {
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(status, Status::ServiceUnavailable, "{body}");
    assert_eq!(late_jobs(&body), ["retention-purge"], "{body}");
    assert_eq!(body["late_jobs"][0]["failing"], true);
    assert_eq!(body["database"], "ok");

    // repaired, the job completes at its next turn and the health is good again
    diesel::sql_query("ALTER TABLE data_requests_away RENAME TO data_requests")
        .execute(&mut *app.conn())
        .unwrap();
    app.clock.advance(Duration::minutes(6));
    let mut healthy = false;
    for _ in 0..200 {
        if health(&app).await.0 == Status::Ok {
            healthy = true;
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(healthy, "healthy again");
}

fn sequence(app: &TestApp, id: i64) -> i32 {
    events::table
        .find(id)
        .select(events::sequence)
        .first(&mut *app.conn())
        .unwrap()
}

/// Section 7: whatever raises SEQUENCE mails the people registered, and nothing else does.
async fn calendar_visible_changes_mail_and_bump_together(app: TestApp) {
    let (s, office) = organiser(&app).await;
    let id = app.meeting_with(|e| e.columns.office_id = office);
    app.register(id, "Anna", "anna@example.org", 0).await;
    app.register(id, "Ben", "ben@example.org", 0).await;
    let edit = format!("/admin/events/{id}/edit");
    let change = |field: &'static str, value: String| {
        let (s, edit) = (&s, edit.clone());
        async move {
            let (_, page, _) = s.get(&edit).await;
            let mut fields = form_values(&page);
            let mut found = false;
            for (k, v) in fields.iter_mut() {
                if k == field {
                    *v = value.clone();
                    found = true;
                }
            }
            assert!(found, "the form has {field}");
            let refs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let (status, page, _) = s.submit(&edit, &edit, &refs).await;
            assert_eq!(status, Status::SeeOther, "{field}: {page}");
        }
    };
    let mut seq = sequence(&app, id);
    let mut told = mails_of_kind(&app, "changed");
    assert_eq!(told, 0);
    // one hour longer than it is
    let (_, page, _) = s.get(&edit).await;
    let ends = form_values(&page)
        .into_iter()
        .find(|(k, _)| k == "ends_at")
        .unwrap()
        .1;
    let later = (chrono::NaiveDateTime::parse_from_str(&ends, "%Y-%m-%dT%H:%M").unwrap()
        + Duration::hours(1))
    .format("%Y-%m-%dT%H:%M")
    .to_string();
    for (field, value) in [
        ("postal_code", "72074".to_owned()),
        ("street", "Doblerstraße 13".to_owned()),
        ("title", "Vorstellung des neuen Konzepts".to_owned()),
        ("ends_at", later),
    ] {
        change(field, value).await;
        assert_eq!(sequence(&app, id), seq + 1, "{field} raises SEQUENCE");
        assert_eq!(
            mails_of_kind(&app, "changed"),
            told + 2,
            "{field} mails both"
        );
        seq += 1;
        told += 2;
    }
    // what no calendar shows changes neither
    change("capacity", "25".to_owned()).await;
    change("summary", "Eine andere Zusammenfassung".to_owned()).await;
    assert_eq!(sequence(&app, id), seq);
    assert_eq!(mails_of_kind(&app, "changed"), told);
}

/// Section 7: a meeting people registered for cannot be withdrawn (the page says so and
/// offers cancelling); one without registrations can.
async fn withdrawing_only_without_registrations(app: TestApp) {
    let (s, office) = organiser(&app).await;
    let id = app.meeting_with(|e| e.columns.office_id = office);
    let (_, anna) = app.register(id, "Anna", "anna@example.org", 0).await;
    let dashboard = format!("/admin/events/{id}");
    let (_, page, _) = s.get(&dashboard).await;
    assert!(page.contains("kann nicht zurückgezogen werden"), "{page}");
    assert!(!page.contains(&format!("/admin/events/{id}/unpublish")));
    assert!(page.contains(&format!("/admin/events/{id}/cancel")));
    let (status, _, _) = s
        .submit(&dashboard, &format!("/admin/events/{id}/unpublish"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&dashboard).await;
    assert!(page.contains("kann nicht zurückgezogen werden"));
    let status: String = events::table
        .find(id)
        .select(events::status)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(status, "published");
    assert!(
        app.get_text("/calendar.ics")
            .await
            .1
            .contains(&format!("UID:event-{id}@")),
        "still in the feed"
    );

    // once nobody is registered any more it may go back to draft
    let token = anna["token"].as_str().unwrap();
    let res = app
        .client
        .delete(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    assert!(res.status().code < 300, "{}", res.status());
    let (status, _, _) = s
        .submit(&dashboard, &format!("/admin/events/{id}/unpublish"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let status: String = events::table
        .find(id)
        .select(events::status)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(status, "draft");
}

/// The DESCRIPTION of the only VEVENT of a calendar, unfolded and unescaped.
fn description(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    let line = unfolded
        .split("\r\n")
        .skip_while(|l| *l != "BEGIN:VEVENT")
        .find(|l| l.starts_with("DESCRIPTION:"))
        .expect("a DESCRIPTION")
        .trim_start_matches("DESCRIPTION:")
        .to_owned();
    line.replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

const MARKDOWN: &str = "Der **Runde Tisch Integration** lädt ein.\n\n* Begrüßung\n* [Anfahrt](https://example.org/plan)";
const PLAIN: &str =
    "Der Runde Tisch Integration lädt ein.\n\n- Begrüßung\n- Anfahrt (https://example.org/plan)";

/// Section 7: Markdown descriptions read as plain text in feeds and in the mails' .ics.
async fn markdown_is_plain_text_in_calendars_and_mails(app: TestApp) {
    let id = app.meeting_with(|e| e.columns.description = MARKDOWN.into());
    let (status, ics) = app.get_text(&format!("/events/{id}/calendar.ics")).await;
    assert_eq!(status, Status::Ok);
    let text = description(&ics);
    assert!(text.contains(PLAIN), "{text}");
    assert!(!text.contains("**") && !text.contains("]("), "{text}");
    crate::feeds::judge(&app, &ics);

    app.register(id, "Anna", "anna@example.org", 0).await;
    assert!(eventually(|| unsent(&app) == 0).await, "mail goes out");
    let dir = app.data_dir().join("outbox");
    let mail = std::fs::read_dir(&dir)
        .expect("mails as files")
        .filter_map(Result::ok)
        .map(|f| std::fs::read(f.path()).unwrap())
        .next()
        .expect("one mail");
    let parsed = mail_parser::MessageParser::default().parse(&mail).unwrap();
    let attached = parsed
        .attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|c| c.subtype() == Some("calendar"))
        })
        .map(|a| String::from_utf8_lossy(a.contents()).into_owned())
        .expect("the .ics");
    let text = description(&attached);
    assert!(text.contains(PLAIN), "{text}");
}

/// Section 7: X-WR-CALNAME is escaped once, like NAME.
async fn calendar_name_with_a_comma_is_escaped_once(app: TestApp) {
    let office = app.office("amt", "Landratsamt Tübingen");
    let series = app.series(office, "runder-tisch", "Runder Tisch, Integration");
    app.meeting_with(|e| {
        e.columns.office_id = office;
        e.columns.series_id = Some(series);
    });
    let (status, ics) = app.get_text("/series/runder-tisch/calendar.ics").await;
    assert_eq!(status, Status::Ok);
    let unfolded = ics.replace("\r\n ", "");
    let line = |name: &str| {
        unfolded
            .split("\r\n")
            .find(|l| l.starts_with(&format!("{name}:")))
            .map(|l| l[name.len() + 1..].to_owned())
    };
    assert_eq!(
        line("X-WR-CALNAME").as_deref(),
        Some("Treffpunkt: Runder Tisch\\, Integration")
    );
    assert_eq!(line("X-WR-CALNAME"), line("NAME"));
    crate::feeds::judge(&app, &ics);
}

/// Section 7: the README gives the ticket's real length.
#[rocket::async_test]
async fn ticket_length_is_as_documented() {
    let Some(app) = start(Backend::Sqlite).await else {
        return;
    };
    let keys = treffpunkt::domain::ticket::load_or_create(&mut app.conn(), app.now()).unwrap();
    let ticket = keys.issue(123_456, 7_890);
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let at = readme
        .find("Ed25519 signature), ")
        .expect("the README describes the ticket");
    let figure: usize = readme[at + "Ed25519 signature), ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(ticket.len(), figure, "{ticket}");
}

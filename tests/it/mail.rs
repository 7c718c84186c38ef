//! Mail through lettre's real SMTP transport to a real SMTP server on a local port: every
//! kind of mail, both parts, the .ics, the language; outages lose nothing and send nothing
//! twice, also with two app instances on PostgreSQL.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use mail_parser::MimeHeaders;
use rocket::http::Status;
use treffpunkt::db::schema::{events, outbox, registrations};
use treffpunkt::domain::account;

use crate::smtp::{Received, SmtpSink};
use crate::support::{Backend, TestApp, register_on};

crate::with_smtp!(
    every_kind_of_mail_arrives_right,
    double_opt_in_and_reminders,
    outage_loses_nothing_and_sends_once
);

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// Subject → text part, for the mails to one address.
fn by_subject(mails: &[Received], to: &str) -> BTreeMap<String, String> {
    mails
        .iter()
        .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
        .map(Received::subject_and_text)
        .collect()
}

fn ics_of(m: &Received) -> Option<String> {
    let p = m.parsed();
    p.attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|c| c.subtype() == Some("calendar"))
        })
        .map(|a| String::from_utf8_lossy(a.contents()).into_owned())
}

/// A property of the calendar's first event.
pub fn ics_prop(ics: &str, name: &str) -> Option<String> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = parser.next()?.ok()?;
    cal.events
        .first()?
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
}

async fn every_kind_of_mail_arrives_right(app: TestApp, sink: SmtpSink) {
    let office = app.office("lra", "Landratsamt Tübingen");
    let id = app.meeting_with(|e| {
        e.columns.office_id = office;
        e.columns.capacity = Some(2);
        e.columns.starts_at = at("2030-03-30 17:00");
        e.columns.ends_at = at("2030-03-30 19:00");
    });
    // Anna registers in German by the form, Ben in English by the API, Chloé waits
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            "name=Anna+M%C3%BCller&email=anna%40example.org&companions=0&consent=yes",
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, ben) = app
        .post_json(&format!("/api/v1/events/{id}/registrations"), &serde_json::json!({"name": "Ben", "email": "ben@example.org", "consent": true, "language": "en"}))
        .await;
    let (_, chloe) = register_on(&app.client, id, "Chloé", "chloe@example.org", 0).await;
    assert_eq!(chloe["status"], "waiting");
    let mails = sink.wait_for(3, 10).await;
    assert_eq!(mails.len(), 3);

    let anna = mails
        .iter()
        .find(|m| m.to == ["anna@example.org"])
        .expect("Anna's mail");
    let p = anna.parsed();
    assert_eq!(
        p.subject(),
        Some("Anmeldung bestätigt: Vorstellung des Konzepts")
    );
    assert!(p.body_text(0).unwrap().contains("Guten Tag Anna Müller"));
    assert!(
        p.body_text(0)
            .unwrap()
            .contains("Samstag, 30. März 2030, 18:00–20:00 Uhr"),
        "time in Berlin, in words"
    );
    assert!(
        p.body_html(0)
            .unwrap()
            .contains("<a href=\"https://treffpunkt.example.org/r/"),
        "an HTML part with the link"
    );
    assert!(p.header("Auto-Submitted").is_some());
    assert!(p.message_id().is_some_and(|m| m.contains("treffpunkt")));
    let unsubscribe = p.header_raw("List-Unsubscribe").unwrap().to_owned();
    assert!(unsubscribe.contains("/unsubscribe>"));
    assert_eq!(
        p.header_raw("List-Unsubscribe-Post").map(str::trim),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        !p.body_html(0).unwrap().contains("<img src=\"http"),
        "no tracking pixels: no remote images"
    );
    assert!(
        p.body_html(0).unwrap().contains("<img src=\"cid:ticket\""),
        "the ticket is shown inline"
    );
    let inline = p
        .parts
        .iter()
        .find(|a| a.content_type().is_some_and(|c| c.subtype() == Some("png")))
        .unwrap_or_else(|| {
            panic!(
                "the ticket PNG: {:?}",
                p.parts
                    .iter()
                    .map(|x| x
                        .content_type()
                        .map(|c| (c.ctype().to_owned(), c.subtype().map(str::to_owned))))
                    .collect::<Vec<_>>()
            )
        });
    assert!(inline.contents().starts_with(b"\x89PNG"));
    let ics = ics_of(anna).expect("the .ics is attached");
    assert_eq!(
        ics_prop(&ics, "UID"),
        Some(format!("event-{id}@treffpunkt.example.org"))
    );
    assert_eq!(
        ics_prop(&ics, "DTSTART").as_deref(),
        Some("20300330T180000")
    );

    let ben_mail = mails
        .iter()
        .find(|m| m.to == ["ben@example.org"])
        .unwrap()
        .parsed();
    assert_eq!(
        ben_mail.subject(),
        Some("Registration confirmed: Vorstellung des Konzepts"),
        "English for Ben"
    );
    assert!(
        ben_mail
            .body_text(0)
            .unwrap()
            .contains("Saturday, 30 March 2030")
    );
    let chloe_mail = by_subject(&mails, "chloe@example.org");
    let text = chloe_mail
        .get("Warteliste: Vorstellung des Konzepts")
        .expect("waiting-list mail");
    assert!(text.contains("auf Platz 1"));

    // Ben cancels on his page: Chloé moves up
    let token = ben["token"].as_str().unwrap();
    let res = app.post_form(&format!("/r/{token}/cancel"), "").await;
    assert_eq!(res.status(), Status::SeeOther);
    let mails = sink.wait_for(5, 10).await;
    assert!(
        by_subject(&mails, "ben@example.org")
            .contains_key("Registration cancelled: Vorstellung des Konzepts")
    );
    let moved_up = mails
        .iter()
        .find(|m| {
            m.to == ["chloe@example.org"]
                && m.parsed()
                    .subject()
                    .unwrap()
                    .starts_with("Sie sind nachgerückt")
        })
        .expect("promotion mail");
    assert!(ics_of(moved_up).is_some());

    // the organiser moves the meeting: everybody registered hears of it, SEQUENCE goes up
    let seq_before: i32 = events::table
        .find(id)
        .select(events::sequence)
        .first(&mut *app.conn())
        .unwrap();
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let s = app.login("orga@example.org", &pw).await;
    let fields = [
        ("title", "Vorstellung des Konzepts"),
        ("starts_at", "2030-04-06T18:00"),
        ("ends_at", "2030-04-06T20:00"),
        ("venue_name", "Landratsamt Tübingen"),
        ("venue_room", "Kleiner Sitzungssaal"),
        ("street", "Wilhelm-Keil-Straße 50"),
        ("postal_code", "72072"),
        ("town", "Tübingen"),
        ("office_id", &office.to_string()),
        ("capacity", "2"),
        ("max_companions", "2"),
        ("waitlist_enabled", "on"),
    ];
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{id}/edit"),
            &format!("/admin/events/{id}/edit"),
            &fields,
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let mails = sink.wait_for(7, 10).await;
    let changed: Vec<&Received> = mails
        .iter()
        .filter(|m| {
            m.parsed()
                .subject()
                .unwrap()
                .starts_with("Geänderter Termin")
        })
        .collect();
    assert_eq!(changed.len(), 2, "Anna and Chloé, not Ben");
    let ics = ics_of(changed[0]).unwrap();
    assert_eq!(
        ics_prop(&ics, "UID"),
        Some(format!("event-{id}@treffpunkt.example.org")),
        "same UID"
    );
    assert!(
        ics_prop(&ics, "SEQUENCE").unwrap().parse::<i32>().unwrap() > seq_before,
        "higher SEQUENCE"
    );
    assert_eq!(
        ics_prop(&ics, "DTSTART").as_deref(),
        Some("20300406T180000")
    );

    // and when it is cancelled: the reason and a cancelling .ics
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{id}"),
            &format!("/admin/events/{id}/cancel"),
            &[("reason", "Der Saal ist gesperrt.")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let mails = sink.wait_for(9, 10).await;
    let cancelled: Vec<&Received> = mails
        .iter()
        .filter(|m| m.parsed().subject().unwrap().starts_with("Abgesagt"))
        .collect();
    assert_eq!(cancelled.len(), 2);
    assert!(
        cancelled[0]
            .parsed()
            .body_text(0)
            .unwrap()
            .contains("Der Saal ist gesperrt.")
    );
    assert_eq!(
        ics_prop(&ics_of(cancelled[0]).unwrap(), "STATUS").as_deref(),
        Some("CANCELLED")
    );

    // exactly these mails, each once
    let ids: std::collections::BTreeSet<String> = mails
        .iter()
        .map(|m| m.parsed().message_id().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), mails.len(), "no mail twice");
    // the server has the last mail a moment before its row is marked sent
    let mut sent = 0;
    for _ in 0..100 {
        sent = outbox::table
            .filter(outbox::sent_at.is_not_null())
            .count()
            .get_result::<i64>(&mut *app.conn())
            .unwrap();
        if sent as usize >= mails.len() {
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(sent as usize, mails.len());

    // the text parts, with tokens, ids and times redacted
    snapshot_texts(&app, &mails, "mail");
}

/// Every meeting time and opt-in deadline as the mails spell them, with a placeholder.
fn dated_texts(app: &TestApp) -> Vec<(String, String)> {
    use treffpunkt::db::schema::events;
    let fmt = treffpunkt::i18n::Formatter {
        lang: "de",
        tz: chrono_tz::Europe::Berlin,
    };
    let mut out = Vec::new();
    let times: Vec<(NaiveDateTime, NaiveDateTime)> = events::table
        .select((events::starts_at, events::ends_at))
        .load(&mut *app.conn())
        .unwrap();
    for (s, e) in times
        .into_iter()
        .filter(|(s, _)| s.and_utc().timestamp() < at("2030-01-01 00:00").and_utc().timestamp())
    {
        out.push((fmt.span(s, e), "[meeting time]".to_owned()));
    }
    let deadlines: Vec<Option<NaiveDateTime>> = registrations::table
        .select(registrations::verify_deadline)
        .load(&mut *app.conn())
        .unwrap();
    for d in deadlines.into_iter().flatten() {
        out.push((
            format!("{}, {}", fmt.date(d), fmt.time(d)),
            "[deadline]".to_owned(),
        ));
    }
    out
}

fn snapshot_texts(app: &TestApp, mails: &[Received], prefix: &str) {
    if app.on_postgres() {
        return;
    }
    let tokens = app.registration_tokens();
    let mut seen = std::collections::BTreeSet::new();
    // the order mails arrive in varies; take them by recipient so the pick is stable
    let mut mails: Vec<&Received> = mails.iter().collect();
    mails.sort_by_key(|m| m.to.clone());
    for m in mails {
        let p = m.parsed();
        let subject = p.subject().unwrap().to_owned();
        if !seen.insert(subject.split(':').next().unwrap().to_owned()) {
            continue;
        }
        let mut text = p.body_text(0).unwrap().into_owned();
        for t in &tokens {
            text = text.replace(t, "[token]");
        }
        // dates that depend on today: the meeting's and the confirmation deadline
        for (from, to) in dated_texts(app) {
            text = text.replace(&from, &to);
        }
        let text = text.replace('\r', "");
        let name = subject
            .split(':')
            .next()
            .unwrap()
            .to_lowercase()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "_");
        insta::assert_snapshot!(
            format!("{prefix}_{name}"),
            format!("Subject: {subject}\n\n{text}")
        );
    }
}

async fn double_opt_in_and_reminders(app: TestApp, sink: SmtpSink) {
    let now = app.now();
    let id = app.meeting_with(|e| {
        e.columns.capacity = Some(1);
        e.columns.double_opt_in = true;
        e.columns.reminder_hours = Some(24);
        e.columns.starts_at = now + chrono::Duration::days(5);
        e.columns.ends_at = now + chrono::Duration::days(5) + chrono::Duration::hours(2);
    });
    let (_, first) = register_on(&app.client, id, "Erste", "erste@example.org", 0).await;
    let (_, second) = register_on(&app.client, id, "Zweite", "zweite@example.org", 0).await;
    assert_eq!(
        first["status"], "unconfirmed",
        "holds the seat while unconfirmed"
    );
    assert_eq!(second["status"], "waiting");
    let mails = sink.wait_for(2, 10).await;
    let opt_in = mails
        .iter()
        .find(|m| m.to == ["erste@example.org"])
        .unwrap()
        .parsed();
    assert!(opt_in.subject().unwrap().starts_with("Bitte bestätigen"));
    let token = first["token"].as_str().unwrap();
    assert!(
        opt_in
            .body_text(0)
            .unwrap()
            .contains(&format!("/r/{token}/verify"))
    );
    let (_, page) = app.get_text(&format!("/r/{token}")).await;
    assert!(page.contains("Bitte bestätigen Sie Ihre Anmeldung"));

    // the link shows a button; the button confirms and the usual confirmation follows
    let (status, page) = app.get_text(&format!("/r/{token}/verify")).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Ja, Anmeldung bestätigen"));
    let res = app.post_form(&format!("/r/{token}/verify"), "").await;
    assert_eq!(res.status(), Status::SeeOther);
    let mails = sink.wait_for(3, 10).await;
    assert!(
        by_subject(&mails, "erste@example.org")
            .keys()
            .any(|s| s.starts_with("Anmeldung bestätigt"))
    );

    // the second one is promoted once the first cancels, but never confirms: after the
    // deadline the place goes to the next in line
    let (_, third) = register_on(&app.client, id, "Dritte", "dritte@example.org", 0).await;
    let res = app
        .post_form(
            &format!("/r/{}/verify", third["token"].as_str().unwrap()),
            "",
        )
        .await;
    assert_eq!(
        res.status(),
        Status::SeeOther,
        "the third one confirms in time"
    );
    app.client
        .delete(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    // opt-in ×3, confirmed, waiting (after confirming), cancelled, promoted
    let mails = sink.wait_for(7, 10).await;
    assert!(
        by_subject(&mails, "zweite@example.org")
            .keys()
            .any(|s| s.starts_with("Sie sind nachgerückt"))
    );
    let second_status: String = registrations::table
        .filter(registrations::token.eq(second["token"].as_str().unwrap()))
        .select(registrations::status)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(second_status, "confirmed");
    app.clock.advance(chrono::Duration::hours(49));
    let mut promoted = false;
    for _ in 0..100 {
        let s: String = registrations::table
            .filter(registrations::token.eq(third["token"].as_str().unwrap()))
            .select(registrations::status)
            .first(&mut *app.conn())
            .unwrap();
        if s == "confirmed" {
            promoted = true;
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        promoted,
        "an unconfirmed place expires and the waiting list moves up"
    );
    let expired: String = registrations::table
        .filter(registrations::token.eq(second["token"].as_str().unwrap()))
        .select(registrations::status)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(expired, "cancelled");
    let res = app
        .post_form(
            &format!("/r/{}/verify", second["token"].as_str().unwrap()),
            "",
        )
        .await;
    assert_eq!(res.status(), Status::Conflict, "too late to confirm");

    // reminder: the meeting is 3 days ahead now; 24 h before, one reminder each
    let before = sink.messages().len();
    app.clock
        .advance(chrono::Duration::days(2) + chrono::Duration::hours(1));
    sink.wait_for(before + 1, 10).await;
    // a few more worker rounds: still only one
    rocket::tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let all = sink.messages();
    let reminders: Vec<&Received> = all
        .iter()
        .filter(|m| m.parsed().subject().unwrap().starts_with("Erinnerung"))
        .collect();
    assert_eq!(reminders.len(), 1, "one reminder, to the one confirmed");
    assert_eq!(reminders[0].to, ["dritte@example.org"]);
    snapshot_texts(&app, &all, "optin");
}

async fn outage_loses_nothing_and_sends_once(app: TestApp, sink: SmtpSink) {
    run_outage(&app, &sink, &[&app.client]).await;
}

/// Administrators see mail that could not be delivered, with the error.
#[rocket::async_test]
async fn failed_mail_is_visible_to_administrators() {
    let Some((app, sink)) = crate::smtp::start_with_sink(Backend::Sqlite).await else {
        return;
    };
    sink.stop();
    let id = app.meeting(Some(5), 0);
    register_on(&app.client, id, "Wartend", "wartend@example.org", 0).await;
    for _ in 0..100 {
        let n: i64 = outbox::table
            .filter(outbox::attempts.gt(0))
            .count()
            .get_result(&mut *app.conn())
            .unwrap();
        if n > 0 {
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let pw = app.account("admin@example.org", account::ROLE_ADMIN, &[]);
    let admin = app.login("admin@example.org", &pw).await;
    let (status, page, _) = admin.get("/admin/outbox").await;
    assert_eq!(status, Status::Ok);
    assert!(
        page.contains("wartend@example.org") && page.contains("Wartet (1 Versuche)"),
        "pending with its error"
    );
    assert!(
        page.contains("Connection refused") || page.contains("connection"),
        "the error is shown"
    );
    let organiser_pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[]);
    let organiser = app.login("orga@example.org", &organiser_pw).await;
    assert_eq!(organiser.get("/admin/outbox").await.0, Status::Forbidden);
}

async fn run_outage(
    app: &TestApp,
    sink: &SmtpSink,
    clients: &[&rocket::local::asynchronous::Client],
) {
    let id = app.meeting(Some(60), 2);
    sink.stop();
    let answers = futures::future::join_all((0..100).map(|i| {
        let client = clients[i % clients.len()];
        async move {
            register_on(
                client,
                id,
                &format!("Person {i}"),
                &format!("person{i}@example.org"),
                (i % 3) as i64,
            )
            .await
        }
    }))
    .await;
    assert!(
        answers.iter().all(|(s, _)| *s == Status::Created),
        "registrations do not wait for mail"
    );
    // the workers try and fail while the server is down
    let mut tried = false;
    for _ in 0..100 {
        let n: i64 = outbox::table
            .filter(outbox::attempts.gt(0))
            .count()
            .get_result(&mut *app.conn())
            .unwrap();
        if n > 0 {
            tried = true;
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(tried, "delivery was attempted during the outage");
    assert!(sink.messages().is_empty());

    sink.restart().await;
    // the pauses between tries pass
    // (less than a claim lasts: a mail claimed just now is not up for grabs again)
    app.clock.advance(chrono::Duration::minutes(2));
    let mails = sink.wait_for(100, 30).await;
    rocket::tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let mails = if mails.len() >= 100 {
        sink.messages()
    } else {
        mails
    };
    assert_eq!(mails.len(), 100, "every mail arrived");
    let recipients: std::collections::BTreeSet<String> =
        mails.iter().map(|m| m.to[0].clone()).collect();
    assert_eq!(recipients.len(), 100, "each person exactly once");
    let pending: i64 = outbox::table
        .filter(outbox::sent_at.is_null())
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(pending, 0);
}

/// Two app instances, each with its own mail worker, on one PostgreSQL database.
#[rocket::async_test]
async fn outage_with_two_instances_on_postgres() {
    let Some((app, sink)) = crate::smtp::start_with_sink(Backend::Postgres).await else {
        return;
    };
    let second = app.second_instance().await;
    run_outage(&app, &sink, &[&app.client, &second]).await;
}

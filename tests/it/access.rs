//! What BITV 2.0 asks beyond WCAG: the accessibility statement with its versions, the form
//! "Barriere melden" (mailed over SMTP through the outbox, listed and answered in the back
//! office, behind the public forms' gate), the Leichte Sprache page and the sign-language
//! videos (uploaded, served with ranges, their size and length shown).

use diesel::prelude::*;
use rocket::http::{ContentType, Header, Status};
use treffpunkt::db::schema::{access_feedback, audit_log, offices, outbox};
use treffpunkt::domain::access::feedback;
use treffpunkt::domain::account;
use treffpunkt::i18n::SUPPORTED;

use crate::smtp::SmtpSink;
use crate::support::{Backend, TestApp, lang_header, start_with_settings};

/// A report as the form sends it (no stamp needed: the tests' fill time is 0).
fn report_body(what: &str, page: &str, contact: &str) -> String {
    let enc = |s: &str| rocket::http::RawStr::new(s).percent_encode().to_string();
    format!(
        "what={}&page={}&contact={}&website=&started=",
        enc(what),
        enc(page),
        enc(contact)
    )
}

async fn send_report(app: &TestApp, body: &str) -> (Status, String, Option<String>) {
    send_report_from(app, "192.0.2.10", body).await
}

async fn send_report_from(app: &TestApp, ip: &str, body: &str) -> (Status, String, Option<String>) {
    let res = app
        .client
        .post("/barrierefreiheit")
        .remote(format!("{ip}:40000").parse().unwrap())
        .header(ContentType::Form)
        .header(lang_header("de"))
        .body(body)
        .dispatch()
        .await;
    let status = res.status();
    let location = res.headers().get_one("Location").map(str::to_owned);
    (
        status,
        res.into_string().await.unwrap_or_default(),
        location,
    )
}

async fn page_in(app: &TestApp, uri: &str, lang: &str, referer: Option<&str>) -> String {
    let mut req = app.client.get(uri.to_owned()).header(lang_header(lang));
    if let Some(r) = referer {
        req = req.header(Header::new("Referer", r.to_owned()));
    }
    let res = req.dispatch().await;
    assert_eq!(res.status(), Status::Ok, "{uri} in {lang}");
    res.into_string().await.unwrap_or_default()
}

/// The value of the input `id` on a page.
fn value_of(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("id=\"{id}\""))
        .expect("the field is there");
    let tag = &html[at..at + html[at..].find('>').unwrap()];
    tag.split("value=\"").nth(1).map_or(String::new(), |v| {
        v.split('"').next().unwrap().replace("&#x2F;", "/")
    })
}

async fn statement_and_feedback_reach_the_office(app: TestApp, sink: SmtpSink) {
    // the built-in statement: the structure the law asks for, the office's parts marked
    let de = page_in(&app, "/barrierefreiheit", "de", None).await;
    for part in [
        "<h1>Erklärung zur Barrierefreiheit</h1>",
        "Stand der Vereinbarkeit",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Feedback und Kontaktangaben",
        "Schlichtungsverfahren",
        "Schlichtungsstelle nach § 16",
        "axe-core",
        "[Bitte ergänzen:",
        "Barriere melden",
    ] {
        assert!(de.contains(part), "German statement has {part:?}");
    }
    // every language: the page around it in that language, the footer link on every page
    for lang in SUPPORTED {
        let page = page_in(&app, "/barrierefreiheit", lang, None).await;
        let title = treffpunkt::i18n::text(lang, "access-title");
        assert!(
            page.contains(&format!("<h1>{title}</h1>")),
            "{lang}: {title}"
        );
        let home = page_in(&app, "/", lang, None).await;
        let footer = treffpunkt::i18n::text(lang, "access-footer-link");
        assert!(
            home.contains(&format!("<a href=\"/barrierefreiheit\">{footer}</a>")),
            "{lang}: footer links the statement"
        );
        for link in ["/leichte-sprache", "/gebaerdensprache"] {
            assert!(home.contains(&format!("href=\"{link}\"")), "{lang}: {link}");
        }
        if *lang != "de" {
            assert!(
                page.contains("lang=\"en\""),
                "{lang}: the English text is marked"
            );
        }
    }
    let english = app.client.get("/accessibility").dispatch().await;
    assert_eq!(
        english.headers().get_one("Location"),
        Some("/barrierefreiheit")
    );

    // where the visitor came from is filled in: only our own pages, never a personal key
    let from_ours = page_in(
        &app,
        "/barrierefreiheit",
        "de",
        Some("https://treffpunkt.example.org/events/7-rat?x=1"),
    )
    .await;
    assert_eq!(value_of(&from_ours, "page"), "/events/7-rat");
    let foreign = page_in(
        &app,
        "/barrierefreiheit",
        "de",
        Some("https://evil.example/x"),
    )
    .await;
    assert_eq!(value_of(&foreign, "page"), "");
    let token = "AbCdEfGhIjKlMnOpQrStUv12";
    let personal = page_in(
        &app,
        &format!("/barrierefreiheit?from=/r/{token}"),
        "de",
        None,
    )
    .await;
    assert_eq!(value_of(&personal, "page"), "/r/…");

    // bad input: the form again, values kept, the message at the field
    let (status, page, _) = send_report(&app, &report_body(" ", "/events/7", "x@")).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"what-error\"") && page.contains("Bitte beschreiben Sie"));
    assert!(page.contains("id=\"contact-error\""));
    assert_eq!(value_of(&page, "page"), "/events/7");
    assert_eq!(value_of(&page, "contact"), "x@");
    assert_eq!(app.count_feedback(), 0, "nothing stored");

    // mailed to the first office's address, else an administrator's
    diesel::update(offices::table)
        .set(offices::email.eq(None::<String>))
        .execute(&mut *app.conn())
        .unwrap();
    let password = app.account("leitung@example.org", account::ROLE_ADMIN, &[]);
    let what = "Der Knopf „Anmelden“ ist mit dem Bildschirmleser nicht zu finden.";
    let (status, _, location) =
        send_report(&app, &report_body(what, "/events/7", "hilde@example.org")).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        location.as_deref(),
        Some("/barrierefreiheit?sent=1#feedback")
    );
    let thanks = page_in(&app, "/barrierefreiheit?sent=1", "de", None).await;
    assert!(thanks.contains("Ihre Meldung ist angekommen"));
    let mails = sink.wait_for(1, 10).await;
    assert_eq!(mails[0].to, ["leitung@example.org"]);
    let (subject, text) = mails[0].subject_and_text();
    assert!(subject.starts_with("Barriere gemeldet"), "{subject}");
    for part in [
        what,
        "https://treffpunkt.example.org/events/7",
        "hilde@example.org",
        "/admin/accessibility/feedback",
    ] {
        assert!(text.contains(part), "mail has {part:?}: {text}");
    }

    // mail down: the report is kept and its mail goes once the server is back
    sink.stop();
    let office = app.office("barriere", "Inklusionsamt");
    diesel::update(offices::table.find(office))
        .set(offices::email.eq("inklusion@example.org"))
        .execute(&mut *app.conn())
        .unwrap();
    let (status, _, _) = send_report(&app, &report_body("Kontrast zu schwach", "", "")).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(app.count_feedback(), 2);
    // the worker tries and fails while the server is down
    let mut tried = false;
    for _ in 0..100 {
        let n: i64 = outbox::table
            .filter(outbox::kind.eq(feedback::MAIL_KIND))
            .filter(outbox::attempts.gt(0))
            .filter(outbox::sent_at.is_null())
            .count()
            .get_result(&mut *app.conn())
            .unwrap();
        if n > 0 {
            tried = true;
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(
        tried,
        "delivery was attempted during the outage; the mail waits in the outbox"
    );
    app.expect_job_errors();
    sink.restart().await;
    // the pause before the next try passes
    app.clock.advance(chrono::Duration::minutes(2));
    let mails = sink.wait_for(2, 20).await;
    assert_eq!(mails[1].to, ["inklusion@example.org"]);
    assert!(
        mails[1]
            .subject_and_text()
            .1
            .contains("Kontrast zu schwach")
    );

    // the back office lists both, new; one is marked answered (logged)
    let admin = app.login("leitung@example.org", &password).await;
    let (status, list, _) = admin.get("/admin/accessibility/feedback").await;
    assert_eq!(status, Status::Ok);
    assert!(
        list.contains("2 Meldungen sind noch nicht beantwortet"),
        "{list}"
    );
    assert!(list.contains("Bildschirmleser") && list.contains("Kontrast zu schwach"));
    let first: i64 = access_feedback::table
        .order(access_feedback::id.asc())
        .select(access_feedback::id)
        .first(&mut *app.conn())
        .unwrap();
    let (status, _, location) = admin
        .submit(
            "/admin/accessibility/feedback",
            &format!("/admin/accessibility/feedback/{first}/answered"),
            &[],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some("/admin/accessibility/feedback"));
    let (_, list, _) = admin.get("/admin/accessibility/feedback").await;
    assert!(list.contains("Eine Meldung ist noch nicht beantwortet"));
    assert!(list.contains("Beantwortet am"));
    let logged: i64 = audit_log::table
        .filter(audit_log::action.eq("access.feedback.answered"))
        .filter(audit_log::object_id.eq(first))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(logged, 1);
    // only administrators
    let orga = app
        .staff_of(
            app.meeting(Some(5), 0),
            "orga@example.org",
            account::ROLE_ORGANISER,
        )
        .await;
    assert_eq!(
        orga.get("/admin/accessibility/feedback").await.0,
        Status::Forbidden
    );
}

crate::with_smtp!(statement_and_feedback_reach_the_office);

impl TestApp {
    fn count_feedback(&self) -> i64 {
        access_feedback::table
            .count()
            .get_result(&mut *self.conn())
            .unwrap()
    }
}

/// A flood of reports from one address is stopped after the hourly allowance; machines
/// (honeypot) are turned away; from many addresses only so many reach the mailbox an hour.
async fn a_flood_of_reports_is_limited(backend: Backend) {
    let Some(app) = start_with_settings(
        backend,
        &[
            ("requests_per_ip_per_hour", 3.into()),
            ("accessibility_contact", "barrieren@example.org".into()),
        ],
    )
    .await
    else {
        return;
    };
    let machine = report_body("Kaufen Sie jetzt", "", "");
    let (status, _, _) = send_report(&app, &machine.replace("website=", "website=spam")).await;
    assert_eq!(status, Status::UnprocessableEntity, "honeypot");
    let mut answers = Vec::new();
    for i in 0..6 {
        let (status, _, _) = send_report(&app, &report_body(&format!("Meldung {i}"), "", "")).await;
        answers.push(status);
    }
    assert_eq!(
        answers.iter().filter(|s| **s == Status::SeeOther).count(),
        3,
        "{answers:?}"
    );
    assert_eq!(answers[5], Status::TooManyRequests);
    let res = app
        .client
        .post("/barrierefreiheit")
        .remote("192.0.2.10:40000".parse().unwrap())
        .header(ContentType::Form)
        .body(report_body("noch eine", "", ""))
        .dispatch()
        .await;
    assert!(res.headers().get_one("Retry-After").is_some());
    assert_eq!(app.count_feedback(), 3, "only the allowed ones are stored");
    let (status, _, _) =
        send_report_from(&app, "198.51.100.4", &report_body("Andere", "", "")).await;
    assert_eq!(status, Status::SeeOther, "another address is not held up");

    // many addresses: every report is kept, the mailbox gets at most so many an hour
    let report = feedback::NewFeedback::checked("Viele", "", "", "de").unwrap();
    for _ in 0..30 {
        feedback::submit(
            &mut app.conn(),
            &report,
            Some("amt@example.org"),
            "https://t.example",
            app.now(),
        )
        .unwrap();
    }
    let mails: i64 = outbox::table
        .filter(outbox::kind.eq(feedback::MAIL_KIND))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(app.count_feedback(), 34);
    assert_eq!(mails, feedback::MAILS_PER_HOUR, "the mailbox is spared");
}

crate::each_backend!(a_flood_of_reports_is_limited);

/// A reporter's address is personal data: it goes with the retention period after the
/// report was answered; an open report keeps it, since the answer still needs it.
async fn contacts_are_forgotten_after_the_answer(app: TestApp) {
    let mut conn = app.conn();
    let mut ids = Vec::new();
    for who in ["erste@example.org", "zweite@example.org"] {
        let report = feedback::NewFeedback::checked("Zu kleine Schrift", "/", who, "de").unwrap();
        ids.push(
            feedback::submit(&mut conn, &report, None, "https://t.example", app.now()).unwrap(),
        );
    }
    let actor = treffpunkt::domain::audit::Actor::system();
    feedback::mark_answered(&mut conn, ids[0], &actor, app.now()).unwrap();
    let later = app.now() + chrono::Duration::days(31);
    treffpunkt::domain::privacy::purge(&mut conn, later, 30, false).unwrap();
    let contacts: Vec<Option<String>> = access_feedback::table
        .order(access_feedback::id)
        .select(access_feedback::contact)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(contacts, [None, Some("zweite@example.org".to_owned())]);
    assert_eq!(
        feedback::list(&mut conn).unwrap().len(),
        2,
        "the reports stay"
    );
}

crate::both_backends!(contacts_are_forgotten_after_the_answer);

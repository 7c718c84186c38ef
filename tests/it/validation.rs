//! Bad input gets a clear message next to the field with the input kept (HTML), or a 4xx
//! JSON error with a reason (API); nothing stored changes.

use rocket::http::{ContentType, Status};

use crate::both_backends;
use crate::support::TestApp;

both_backends!(
    form_errors_keep_input_and_store_nothing,
    api_errors_have_reasons,
    closed_registration_is_refused,
    duplicate_offers_resend
);

const GOOD: &[(&str, &str)] = &[
    ("name", "Olena Kovalenko"),
    ("email", "olena@example.org"),
    ("organisation", "Helferkreis Weissach"),
    ("companions", "1"),
    ("needs", "Dolmetschen Ukrainisch"),
    ("consent", "yes"),
];

fn form_with(changes: &[(&str, Option<&str>)]) -> String {
    let mut fields: Vec<(String, String)> = GOOD
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    for (key, value) in changes {
        fields.retain(|(k, _)| k != key);
        if let Some(v) = value {
            fields.push(((*key).to_owned(), (*v).to_owned()));
        }
    }
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", rocket::http::RawStr::new(v).percent_encode()))
        .collect::<Vec<_>>()
        .join("&")
}

async fn form_errors_keep_input_and_store_nothing(app: TestApp) {
    let id = app.meeting(Some(10), 2);
    let long = "x".repeat(101);
    let long_email = format!("{}@example.org", "a".repeat(250));
    let long_org = "o".repeat(151);
    type Case<'a> = (Vec<(&'a str, Option<&'a str>)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (
            vec![("name", Some("   "))],
            "name",
            "Bitte geben Sie Ihren Namen an.",
        ),
        (
            vec![("name", None)],
            "name",
            "Bitte geben Sie Ihren Namen an.",
        ),
        (vec![("name", Some(&long))], "name", "höchstens 100 Zeichen"),
        (
            vec![("name", Some("Bad\u{7}Name"))],
            "name",
            "Steuerzeichen",
        ),
        (
            vec![("email", Some("olena@"))],
            "email",
            "gültige E-Mail-Adresse",
        ),
        (
            vec![("email", Some("olena@localhost"))],
            "email",
            "gültige E-Mail-Adresse",
        ),
        (
            vec![("email", None)],
            "email",
            "Bitte geben Sie Ihre E-Mail-Adresse an.",
        ),
        (vec![("email", Some(&long_email))], "email", "zu lang"),
        (
            vec![("email", Some("zwei worte@example.org"))],
            "email",
            "gültige E-Mail-Adresse",
        ),
        (
            vec![("organisation", Some(&long_org))],
            "organisation",
            "höchstens 150 Zeichen",
        ),
        (
            vec![("companions", Some("3"))],
            "companions",
            "So viele Begleitpersonen",
        ),
        (vec![("companions", Some("-1"))], "companions", "ganze Zahl"),
        (
            vec![("companions", Some("zwei"))],
            "companions",
            "ganze Zahl",
        ),
        (
            vec![("consent", None)],
            "consent",
            "Datenschutzhinweisen zu",
        ),
    ];
    for (changes, field, message) in cases {
        let body = form_with(&changes);
        let res = app
            .post_form(&format!("/events/{id}/register"), &body)
            .await;
        assert_eq!(res.status(), Status::UnprocessableEntity, "{changes:?}");
        let page = res.into_string().await.unwrap();
        assert!(page.contains(message), "message for {field}: {changes:?}");
        assert!(
            page.contains(&format!("id=\"{field}-error\"")),
            "message sits next to {field}"
        );
        assert!(
            page.contains(&format!("aria-describedby=\"{field}-error\""))
                || page.contains(&format!(" {field}-error\"")),
            "{field} is described by its error"
        );
        assert!(
            page.contains("role=\"alert\""),
            "error summary is announced"
        );
        if field != "organisation" {
            assert!(
                page.contains("value=\"Helferkreis Weissach\""),
                "input kept"
            );
        }
        if field != "needs" {
            assert!(
                page.contains("Dolmetschen Ukrainisch</textarea>"),
                "textarea kept"
            );
        }
    }
    // several problems at once are all shown
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            "name=&email=nope&companions=9",
        )
        .await;
    let page = res.into_string().await.unwrap();
    for f in [
        "name-error",
        "email-error",
        "companions-error",
        "consent-error",
    ] {
        assert!(page.contains(f), "{f} shown together");
    }
    assert_eq!(app.count("1 = 1"), 0, "nothing stored");

    // unknown meeting, oversized body, garbage body
    let res = app
        .post_form("/events/999999/register", &form_with(&[]))
        .await;
    assert_eq!(res.status(), Status::NotFound);
    let huge = format!(
        "{}&needs={}",
        form_with(&[("needs", None)]),
        "a".repeat(40 * 1024)
    );
    let res = app
        .post_form(&format!("/events/{id}/register"), &huge)
        .await;
    assert_eq!(res.status(), Status::PayloadTooLarge);
    let page = res.into_string().await.unwrap();
    assert!(
        page.contains("zu umfangreich"),
        "a page that explains the limit"
    );
    let res = app
        .client
        .post(format!("/events/{id}/register"))
        .header(ContentType::Form)
        .body(vec![0xff, 0xfe, b'=', b'%', b'z'])
        .dispatch()
        .await;
    assert!(
        res.status().code >= 400 && res.status().code < 500,
        "garbage gets a 4xx, got {}",
        res.status()
    );
    let res = app.get("/events/not-a-number").await;
    assert_eq!(res.status(), Status::NotFound);
    assert_eq!(app.count("1 = 1"), 0, "still nothing stored");

    // needs limit
    let needs = "b".repeat(1001);
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &form_with(&[("needs", Some(&needs))]),
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    assert_eq!(app.count("1 = 1"), 0);
}

async fn api_errors_have_reasons(app: TestApp) {
    let id = app.meeting(Some(10), 1);
    let url = format!("/api/v1/events/{id}/registrations");
    let (status, body) = app
        .post_json(
            &url,
            &serde_json::json!({"name": "", "email": "x@", "companions": 5}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert_eq!(body["error"], "invalid");
    for f in ["name", "email", "companions", "consent"] {
        assert!(body["fields"][f].is_string(), "reason for {f}: {body}");
    }

    let res = app
        .client
        .post(url.clone())
        .header(ContentType::JSON)
        .body("{not json")
        .dispatch()
        .await;
    let (status, body) = crate::support::json_of(res).await;
    assert_eq!(status, Status::BadRequest);
    assert!(body["message"].as_str().unwrap().contains("invalid JSON"));

    let (status, body) = app.post_json(&url, &serde_json::json!({"name": "A", "email": "a@example.org", "consent": true, "companions": "two"})).await;
    assert_eq!(status, Status::BadRequest, "{body}");
    let (status, _) = app.post_json(&url, &serde_json::json!({"name": "A", "email": "a@example.org", "consent": true, "surprise": 1})).await;
    assert_eq!(status, Status::BadRequest, "unknown fields are refused");
    let (status, body) = app.post_json(&url, &serde_json::json!({"name": "A", "email": "a@example.org", "consent": true, "language": "xx"})).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(body["fields"]["language"].is_string());

    let big = serde_json::json!({"name": "A", "email": "a@example.org", "consent": true, "needs": "n".repeat(40 * 1024)});
    let (status, body) = app.post_json(&url, &big).await;
    assert_eq!(status, Status::PayloadTooLarge, "{body}");

    let (status, body) = app
        .post_json(
            "/api/v1/events/424242/registrations",
            &serde_json::json!({"name": "A", "email": "a@example.org", "consent": true}),
        )
        .await;
    assert_eq!(status, Status::NotFound);
    assert_eq!(body["error"], "not_found");
    let (status, body) = crate::support::json_of(app.get("/api/v1/nothing-here").await).await;
    assert_eq!(status, Status::NotFound);
    assert_eq!(body["error"], "not_found");
    let (status, _) = crate::support::json_of(app.get("/api/v1/registrations/short").await).await;
    assert_eq!(status, Status::NotFound);
    assert_eq!(app.count("1 = 1"), 0, "nothing stored by any of it");
}

async fn closed_registration_is_refused(app: TestApp) {
    let now = app.now();
    let cancelled = app.meeting_with(|e| e.status = "cancelled");
    let past = app.meeting_with(|e| {
        e.columns.starts_at = now - chrono::Duration::hours(1);
        e.columns.ends_at = now + chrono::Duration::hours(1);
    });
    let not_yet = app
        .meeting_with(|e| e.columns.registration_opens_at = Some(now + chrono::Duration::days(1)));
    let over = app.meeting_with(|e| {
        e.columns.registration_closes_at = Some(now - chrono::Duration::minutes(1))
    });
    let full = app.meeting_with(|e| {
        e.columns.capacity = Some(1);
        e.columns.waitlist_enabled = false;
    });
    let draft = app.meeting_with(|e| e.status = "draft");
    app.register(full, "Erste", "erste@example.org", 0).await;

    for (id, reason, text) in [
        (cancelled, "closed", "abgesagt"),
        (past, "closed", "geschlossen"),
        (not_yet, "closed", "noch nicht geöffnet"),
        (over, "closed", "geschlossen"),
        (full, "full", "ausgebucht"),
    ] {
        let (status, body) = app.register(id, "Spät", "spaet@example.org", 0).await;
        assert_eq!(status, Status::Conflict, "meeting {id}");
        assert_eq!(body["error"], reason);
        let res = app
            .post_form(
                &format!("/events/{id}/register"),
                &form_with(&[("companions", Some("0"))]),
            )
            .await;
        assert_eq!(res.status(), Status::Conflict);
        let page = res.into_string().await.unwrap();
        assert!(page.contains(text), "page says {text}");
    }
    let (status, _) = app.register(draft, "Spät", "spaet@example.org", 0).await;
    assert_eq!(status, Status::NotFound, "drafts are not public");
    let (status, _) = app.get_text(&format!("/events/{draft}")).await;
    assert_eq!(status, Status::NotFound);

    // the clock moves on: registration closes when the meeting begins
    let later = app.meeting(Some(5), 0);
    app.clock.advance(chrono::Duration::days(8));
    let (status, _) = app
        .register(later, "Zu spät", "zuspaet@example.org", 0)
        .await;
    assert_eq!(status, Status::Conflict);
    assert_eq!(
        app.count("email_key = 'spaet@example.org' OR email_key = 'zuspaet@example.org'"),
        0
    );
}

async fn duplicate_offers_resend(app: TestApp) {
    let id = app.meeting(Some(10), 1);
    let (status, first) = app.register(id, "Karim", "Karim@Example.org", 0).await;
    assert_eq!(status, Status::Created);

    let (status, body) = app.register(id, "Karim", "karim@example.org ", 1).await;
    assert_eq!(status, Status::Conflict);
    assert_eq!(body["error"], "duplicate");

    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &form_with(&[("email", Some("KARIM@example.org"))]),
        )
        .await;
    assert_eq!(res.status(), Status::Conflict);
    let page = res.into_string().await.unwrap();
    assert!(page.contains("bereits angemeldet"));
    assert!(
        page.contains(&format!("action=\"/events/{id}/resend\"")),
        "offers to resend the link"
    );
    assert_eq!(
        app.count(&format!("event_id = {id}")),
        1,
        "no second registration"
    );

    let res = app
        .post_form(&format!("/events/{id}/resend"), "email=karim%40example.org")
        .await;
    assert_eq!(res.status(), Status::Ok);
    let page = res.into_string().await.unwrap();
    assert!(page.contains("karim@example.org"));
    app.settled().await;

    use diesel::prelude::*;
    use treffpunkt::db::schema::outbox;
    let kinds: Vec<(String, String)> = outbox::table
        .order(outbox::id.asc())
        .select((outbox::kind, outbox::recipient))
        .load(&mut *app.conn())
        .unwrap();
    let karim = "Karim@Example.org".to_owned();
    assert_eq!(
        kinds,
        vec![
            ("confirmed".to_owned(), karim.clone()),
            ("management_link".to_owned(), karim)
        ],
        "the confirmation, then the link on request"
    );

    // the worker delivers them: without SMTP configured, as .eml files under data/outbox
    let outbox_dir = app.data_dir().join("outbox");
    let mut files = Vec::new();
    for _ in 0..50 {
        files = std::fs::read_dir(&outbox_dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        if files.len() >= 2 {
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(files.len(), 2, "two .eml files written");
    let emls: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let link = emls
        .iter()
        .find(|e| e.contains("Subject: Ihr Link zur Anmeldung: Vorstellung des Konzepts"))
        .expect("the link mail, in German");
    assert!(link.contains("To: Karim@Example.org"));
    assert!(
        link.contains(&format!("/r/{}", first["token"].as_str().unwrap())),
        "it carries the link"
    );
    assert!(
        link.contains("Content-Transfer-Encoding"),
        "a real MIME message"
    );

    // an address without registration gets the same answer and no mail
    let res = app
        .post_form(
            &format!("/events/{id}/resend"),
            "email=nobody%40example.org",
        )
        .await;
    assert_eq!(res.status(), Status::Ok);
    let count: i64 = outbox::table.count().get_result(&mut *app.conn()).unwrap();
    assert_eq!(count, 2);
    let res = app
        .post_form(&format!("/events/{id}/resend"), "email=broken")
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);

    // once cancelled, the address may register again
    app.client
        .delete(format!(
            "/api/v1/registrations/{}",
            first["token"].as_str().unwrap()
        ))
        .dispatch()
        .await;
    let (status, _) = app.register(id, "Karim", "karim@example.org", 0).await;
    assert_eq!(status, Status::Created);
}

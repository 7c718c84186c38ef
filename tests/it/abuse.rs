//! Abuse protection of the public forms: rate limits per address and per meeting (on the
//! test's clock, no sleeping), honeypot, minimum fill time, trusted proxies; framing only
//! for /embed and only from configured origins.

use std::net::SocketAddr;

use chrono::Duration;
use rocket::http::{ContentType, Header, Status};
use serde_json::json;

use crate::support::{Backend, TestApp, start_with_settings};

async fn register_from(
    app: &TestApp,
    ip: &str,
    forwarded: Option<&str>,
    event: i64,
    email: &str,
) -> (Status, Option<String>, serde_json::Value) {
    let mut req = app
        .client
        .post(format!("/api/v1/events/{event}/registrations"))
        .header(ContentType::JSON)
        .remote(format!("{ip}:40000").parse::<SocketAddr>().unwrap())
        .body(json!({"name": "Gast", "email": email, "consent": true}).to_string());
    if let Some(f) = forwarded {
        req = req.header(Header::new("X-Forwarded-For", f.to_owned()));
    }
    let res = req.dispatch().await;
    let status = res.status();
    let retry = res.headers().get_one("Retry-After").map(str::to_owned);
    let body = res.into_json().await.unwrap_or(json!(null));
    (status, retry, body)
}

crate::each_backend!(rate_limits_per_address_and_meeting, honeypot_and_fill_time);

async fn rate_limits_per_address_and_meeting(backend: Backend) {
    let Some(app) = start_with_settings(
        backend,
        &[
            ("register_per_ip_per_hour", json!(3)),
            ("register_per_meeting_per_minute", json!(5)),
        ],
    )
    .await
    else {
        return;
    };
    let id = app.meeting(None, 0);
    for i in 0..3 {
        let (status, _, _) =
            register_from(&app, "203.0.113.1", None, id, &format!("a{i}@example.org")).await;
        assert_eq!(status, Status::Created);
    }
    let (status, retry, body) =
        register_from(&app, "203.0.113.1", None, id, "a3@example.org").await;
    assert_eq!(status, Status::TooManyRequests, "{body}");
    assert_eq!(body["error"], "too_many");
    let wait: u64 = retry.expect("Retry-After").parse().unwrap();
    assert!(
        (1..=1200).contains(&wait),
        "one of 3 an hour comes back within 20 minutes: {wait}"
    );
    assert_eq!(app.count("email = 'a3@example.org'"), 0, "nothing stored");

    // the form says it in words, keeps the input and sends Retry-After too
    let res = app
        .client
        .post(format!("/events/{id}/register"))
        .header(ContentType::Form)
        .remote("203.0.113.1:40000".parse().unwrap())
        .body("name=Formular&email=form%40example.org&consent=yes")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::TooManyRequests);
    assert!(res.headers().get_one("Retry-After").is_some());
    let page = res.into_string().await.unwrap();
    assert!(
        page.contains("sehr viele Anfragen") && page.contains("value=\"Formular\""),
        "{page}"
    );

    // other addresses go on until the meeting's own limit (5 a minute)
    for (i, ip) in ["203.0.113.2", "203.0.113.3"].iter().enumerate() {
        let (status, _, _) = register_from(&app, ip, None, id, &format!("b{i}@example.org")).await;
        assert_eq!(status, Status::Created);
    }
    let (status, _, _) = register_from(&app, "203.0.113.4", None, id, "c@example.org").await;
    assert_eq!(
        status,
        Status::TooManyRequests,
        "the meeting's limit holds for everybody"
    );
    let other = app.meeting(None, 0);
    let (status, _, _) = register_from(&app, "203.0.113.4", None, other, "c@example.org").await;
    assert_eq!(status, Status::Created, "other meetings are not affected");

    // time heals: an hour later the first address may register again
    app.clock.advance(Duration::hours(1));
    let (status, _, _) = register_from(&app, "203.0.113.1", None, id, "a3@example.org").await;
    assert_eq!(status, Status::Created);
}

fn stamp_of(page: &str) -> String {
    let at = page
        .find("name=\"started\" value=\"")
        .expect("the form is stamped")
        + 22;
    page[at..].split('"').next().unwrap().to_owned()
}

async fn honeypot_and_fill_time(backend: Backend) {
    let Some(app) = start_with_settings(
        backend,
        &[
            ("min_fill_seconds", json!(3)),
            ("requests_per_ip_per_hour", json!(2)),
        ],
    )
    .await
    else {
        return;
    };
    let id = app.meeting(Some(10), 0);
    let (_, page) = app.get_text(&format!("/events/{id}")).await;
    let stamp = stamp_of(&page);
    let body = |extra: &str| {
        format!("name=Schnell&email=schnell%40example.org&consent=yes&started={stamp}{extra}")
    };
    // sent at once: a person cannot have filled it in
    let res = app
        .post_form(&format!("/events/{id}/register"), &body(""))
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let again = res.into_string().await.unwrap();
    assert!(again.contains("sehr schnell") && again.contains("value=\"Schnell\""));
    // without a stamp, or with a forged one
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            "name=Ohne&email=ohne%40example.org&consent=yes",
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let forged = format!("{}.{}", chrono::Utc::now().timestamp() - 60, "0".repeat(24));
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &format!("name=Alt&email=alt%40example.org&consent=yes&started={forged}"),
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    assert_eq!(app.count("1 = 1"), 0, "nothing stored");

    app.clock.advance(Duration::seconds(5));
    // the honeypot filled in
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &body("&website=http%3A%2F%2Fspam.example"),
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    assert_eq!(app.count("1 = 1"), 0);
    // a person, five seconds later
    let res = app
        .post_form(&format!("/events/{id}/register"), &body("&website="))
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(app.count("email = 'schnell@example.org'"), 1);

    // the data-request form is limited per address as well
    let (_, form) = app.get_text("/privacy/data").await;
    let stamp = stamp_of(&form);
    app.clock.advance(Duration::seconds(5));
    let ask = || {
        app.client
            .post("/privacy/data")
            .header(ContentType::Form)
            .remote("198.51.100.9:1234".parse().unwrap())
            .body(format!("email=schnell%40example.org&started={stamp}"))
            .dispatch()
    };
    assert_eq!(ask().await.status(), Status::Ok);
    assert_eq!(ask().await.status(), Status::Ok);
    let res = ask().await;
    assert_eq!(res.status(), Status::TooManyRequests);
    assert!(res.headers().get_one("Retry-After").is_some());
}

/// Behind a reverse proxy the client is the last address the trusted proxy saw; anybody
/// else's `X-Forwarded-For` is ignored.
#[rocket::async_test]
async fn client_address_only_from_trusted_proxies() {
    let Some(app) = start_with_settings(
        Backend::Sqlite,
        &[
            ("trusted_proxies", json!(["127.0.0.1"])),
            ("register_per_ip_per_hour", json!(1)),
            ("register_per_meeting_per_minute", json!(0)),
        ],
    )
    .await
    else {
        return;
    };
    let id = app.meeting(None, 0);
    // through the proxy: each client has its own allowance, a forged first hop changes nothing
    let via = |ip: &'static str, f: &'static str, mail: &'static str| {
        let app = &app;
        async move { register_from(app, ip, Some(f), id, mail).await.0 }
    };
    assert_eq!(
        via("127.0.0.1", "203.0.113.5", "p1@example.org").await,
        Status::Created
    );
    assert_eq!(
        via("127.0.0.1", "203.0.113.5", "p2@example.org").await,
        Status::TooManyRequests
    );
    assert_eq!(
        via("127.0.0.1", "10.9.9.9, 203.0.113.5", "p3@example.org").await,
        Status::TooManyRequests
    );
    assert_eq!(
        via("127.0.0.1", "203.0.113.6", "p4@example.org").await,
        Status::Created
    );
    // straight from the internet: the header is not believed
    assert_eq!(
        via("198.51.100.7", "203.0.113.7", "d1@example.org").await,
        Status::Created
    );
    assert_eq!(
        via("198.51.100.7", "203.0.113.8", "d2@example.org").await,
        Status::TooManyRequests
    );
}

/// Only /embed may be framed, and only by the configured sites.
#[rocket::async_test]
async fn only_embed_may_be_framed_by_configured_origins() {
    let Some(app) = start_with_settings(
        Backend::Sqlite,
        &[("embed_origins", json!(["https://www.kreis-tuebingen.de"]))],
    )
    .await
    else {
        return;
    };
    let id = app.meeting_with(|e| e.columns.title = "Runder Tisch Integration".into());
    app.meeting_with(|e| {
        e.columns.title = "Längst vorbei".into();
        e.columns.starts_at -= Duration::days(30);
        e.columns.ends_at -= Duration::days(30);
    });
    let res = app.get("/embed").await;
    assert_eq!(res.status(), Status::Ok);
    let csp = res
        .headers()
        .get_one("Content-Security-Policy")
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("frame-ancestors https://www.kreis-tuebingen.de"),
        "{csp}"
    );
    assert!(res.headers().get_one("X-Frame-Options").is_none());
    let html = res.into_string().await.unwrap();
    assert!(html.contains("Runder Tisch Integration") && !html.contains("Längst vorbei"));
    assert!(html.contains(&format!("https://treffpunkt.example.org/events/{id}")));
    assert!(html.contains("target=\"_blank\""));
    for other in ["/", &format!("/events/{id}")] {
        let res = app.get(other).await;
        let csp = res.headers().get_one("Content-Security-Policy").unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{other}: {csp}");
        assert_eq!(res.headers().get_one("X-Frame-Options"), Some("DENY"));
    }
    // organisers find the snippet to paste
    let office: i64 = {
        use diesel::prelude::*;
        treffpunkt::db::schema::offices::table
            .select(treffpunkt::db::schema::offices::id)
            .first(&mut *app.conn())
            .unwrap()
    };
    let password = app.account(
        "orga@example.org",
        treffpunkt::domain::account::ROLE_ORGANISER,
        &[office],
    );
    let s = app.login("orga@example.org", &password).await;
    let (status, page, _) = s.get("/admin/embed").await;
    assert_eq!(status, Status::Ok);
    assert!(
        page.contains("&lt;iframe src=&quot;https://treffpunkt.example.org/embed&quot;"),
        "{page}"
    );
    assert!(page.contains("https://treffpunkt.example.org/calendar.ics"));
}

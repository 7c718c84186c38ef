//! Door PINs under attack: wrong PINs fired at speed meet the limit per address (with a
//! growing wait) and the server-wide ceiling; the counters live in the database, so a
//! second instance shares them (as it shares the login and registration limits per
//! address); the organiser sees the count, the audit log the limit; revoking a door link
//! works only through its own meeting. (Over 400 lines: one attack surface, whose tests
//! share the helpers that make door links and send PINs and logins from given addresses.)

use std::net::SocketAddr;

use chrono::Duration;
use diesel::prelude::*;
use futures::future::join_all;
use rocket::http::{ContentType, Cookie, Header, Status};
use rocket::local::asynchronous::Client;
use serde_json::json;
use treffpunkt::db::schema::{audit_log, door_links, rate_counters};
use treffpunkt::domain::account;

use crate::support::{Backend, StaffSession, TestApp, csrf_of, start_with_settings};

crate::both_backends!(
    wrong_pins_at_speed_meet_the_limit,
    a_script_guessing_over_http_meets_the_limit,
    a_mistyped_pin_then_the_right_one,
    revoking_through_another_meeting_is_refused,
);

// these start their apps with settings of their own
crate::each_backend!(
    wrong_pins_from_many_addresses_meet_the_ceiling,
    limits_are_shared_by_two_instances,
);

struct Door {
    organiser: StaffSession,
    link: String,
    pin: String,
}

/// An organiser of the meeting's office makes a door link; its token and PIN as shown.
async fn door_of(app: &TestApp, event: i64) -> Door {
    let email = format!("orga{event}@example.org");
    let organiser = app.staff_of(event, &email, account::ROLE_ORGANISER).await;
    let (link, pin) = crate::door::new_door_link(&organiser, event, "Eingang").await;
    Door {
        organiser,
        link,
        pin,
    }
}

/// Another PIN of the same length.
fn wrong(pin: &str) -> String {
    if pin.starts_with('9') {
        "1111 1111".into()
    } else {
        "9999 9999".into()
    }
}

async fn pin_from(
    client: &Client,
    ip: &str,
    forwarded: Option<&str>,
    event: i64,
    pin: &str,
) -> (Status, Option<u64>, String) {
    let mut req = client
        .get(format!(
            "/door?event={event}&pin={}",
            pin.replace(" ", "%20")
        ))
        .remote(format!("{ip}:40000").parse::<SocketAddr>().unwrap());
    if let Some(f) = forwarded {
        req = req.header(Header::new("X-Forwarded-For", f.to_owned()));
    }
    let res = req.dispatch().await;
    let status = res.status();
    let retry = res
        .headers()
        .get_one("Retry-After")
        .map(|r| r.parse().unwrap());
    (status, retry, res.into_string().await.unwrap_or_default())
}

fn audits(app: &TestApp, action: &str) -> Vec<(String, String)> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .select((audit_log::actor, audit_log::detail))
        .load(&mut *app.conn())
        .unwrap()
}

async fn wrong_pins_at_speed_meet_the_limit(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let door = door_of(&app, id).await;
    let bad = wrong(&door.pin);
    let attacker = "198.51.100.7";

    // 300 wrong PINs at once from one address: five are tried, the rest are turned away
    let answers = join_all((0..300).map(|_| pin_from(&app.client, attacker, None, id, &bad))).await;
    let tried = answers
        .iter()
        .filter(|a| a.0 == Status::UnprocessableEntity)
        .count();
    let limited: Vec<_> = answers
        .iter()
        .filter(|a| a.0 == Status::TooManyRequests)
        .collect();
    assert_eq!(tried, 5, "only a handful of wrong PINs is tried");
    assert_eq!(limited.len(), 295);
    for (_, retry, page) in &limited {
        let wait = retry.expect("Retry-After");
        assert!((1..=30).contains(&wait), "the first wait is short: {wait}");
        assert!(page.contains("Zu viele falsche PINs"), "{page}");
    }
    // even the right PIN waits at this address, but not at another
    let (status, _, _) = pin_from(&app.client, attacker, None, id, &door.pin).await;
    assert_eq!(status, Status::TooManyRequests);
    let (status, _, _) = pin_from(&app.client, "203.0.113.20", None, id, &door.pin).await;
    assert_eq!(status, Status::SeeOther, "a helper elsewhere gets in");

    // the organiser sees the count, the audit log the limit (without the address)
    let (_, page, _) = door
        .organiser
        .get(&format!("/admin/events/{id}/door"))
        .await;
    assert!(
        page.contains("5 falsche PINs für diese Veranstaltung seit"),
        "{page}"
    );
    let limit = audits(&app, "door.pin_limit");
    assert_eq!(
        limit.len(),
        1,
        "one entry when the address reaches the limit"
    );
    assert!(!format!("{limit:?}").contains(attacker));
    let keys: Vec<String> = rate_counters::table
        .select(rate_counters::key)
        .load(&mut *app.conn())
        .unwrap();
    assert!(!keys.is_empty() && keys.iter().all(|k| !k.contains(attacker)));

    // the wait grows with every further wrong PIN
    app.clock.advance(Duration::seconds(31));
    let (status, _, _) = pin_from(&app.client, attacker, None, id, &bad).await;
    assert_eq!(status, Status::UnprocessableEntity);
    let (status, retry, _) = pin_from(&app.client, attacker, None, id, &bad).await;
    assert_eq!(status, Status::TooManyRequests);
    let wait = retry.unwrap();
    assert!(
        (31..=60).contains(&wait),
        "the second wait is longer: {wait}"
    );
    app.clock.advance(Duration::seconds(61));
    let (status, _, _) = pin_from(&app.client, attacker, None, id, &door.pin).await;
    assert_eq!(
        status,
        Status::SeeOther,
        "after the wait the right PIN opens"
    );
    let (_, page, _) = door
        .organiser
        .get(&format!("/admin/events/{id}/door"))
        .await;
    assert!(page.contains("6 falsche PINs"), "{page}");

    // counters that ran out are deleted
    app.clock.advance(Duration::days(2));
    let stale = || {
        rate_counters::table
            .filter(rate_counters::expires_at.lt(app.now()))
            .count()
            .get_result::<i64>(&mut *app.conn())
            .unwrap()
    };
    assert!(stale() > 0);
    let (status, _, _) = pin_from(&app.client, attacker, None, id, &door.pin).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(stale(), 0, "old counters are swept");
}

/// One request on its own connection to the real server: status and `Retry-After`.
async fn raw_get(addr: &str, path: &str) -> (u16, Option<u64>) {
    use rocket::tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = rocket::tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    let text = String::from_utf8_lossy(&buf);
    let status = text.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0);
    let retry = text.lines().take_while(|l| !l.is_empty()).find_map(|l| {
        l.to_ascii_lowercase()
            .strip_prefix("retry-after:")
            .map(|v| v.trim().parse().unwrap())
    });
    (status, retry)
}

/// What the outside probe did: a script firing wrong PINs over HTTP as fast as it can.
async fn a_script_guessing_over_http_meets_the_limit(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let door = door_of(&app, id).await;
    let served = crate::browser::serve(&app).await;
    let addr = served.base.trim_start_matches("http://").to_owned();
    let guesses: Vec<String> = (0..300)
        .map(|i| format!("/door?event={id}&pin={:08}", 10_000_000 + i))
        .filter(|p| !p.ends_with(&door.pin.replace(' ', "")))
        .collect();
    let answers = join_all(guesses.iter().map(|p| raw_get(&addr, p))).await;
    let tried = answers.iter().filter(|a| a.0 == 422).count();
    let limited = answers
        .iter()
        .filter(|a| a.0 == 429 && a.1.is_some_and(|w| w >= 1))
        .count();
    assert_eq!(tried, 5, "{answers:?}");
    assert_eq!(limited, answers.len() - 5, "{answers:?}");
    let (_, page, _) = door
        .organiser
        .get(&format!("/admin/events/{id}/door"))
        .await;
    assert!(page.contains("5 falsche PINs"), "{page}");
}

async fn a_mistyped_pin_then_the_right_one(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let other = app.meeting(Some(10), 0);
    let door = door_of(&app, id).await;
    let digits = door.pin.replace(' ', "");
    assert_eq!(digits.len(), 8, "eight digits: {}", door.pin);
    let typo = format!("{}{}", &digits[..7], (digits.as_bytes()[7] - b'0' + 1) % 10);
    let helper = "203.0.113.30";

    // the organiser's page names the meeting for the PIN page
    let (_, page, _) = door
        .organiser
        .get(&format!("/admin/events/{id}/door"))
        .await;
    assert!(page.contains(&format!("/door?event={id}")), "{page}");
    assert!(page.contains("Bisher keine falsche PIN"), "{page}");
    let (status, form) = app.get_text(&format!("/door?event={id}")).await;
    assert_eq!(status, Status::Ok);
    assert!(form.contains(&format!("value=\"{id}\"")), "{form}");

    let (status, _, page) = pin_from(&app.client, helper, None, id, &typo).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Diese PIN gilt nicht") && page.contains(&format!("value=\"{id}\"")));
    // the PIN counts only together with its meeting
    let (status, _, _) = pin_from(&app.client, helper, None, other, &digits).await;
    assert_eq!(status, Status::UnprocessableEntity);
    let (status, _, page) = pin_from(&app.client, helper, None, 0, &digits).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Nummer der Veranstaltung ein"), "{page}");
    // typed with the space it is shown with
    let (status, _, _) = pin_from(&app.client, helper, None, id, &door.pin).await;
    assert_eq!(status, Status::SeeOther, "a mistyped PIN locks nobody out");
    assert!(audits(&app, "door.pin_limit").is_empty());
}

async fn revoking_through_another_meeting_is_refused(app: TestApp) {
    let first = app.meeting(Some(10), 0);
    let second = app.meeting(Some(10), 0);
    let door = door_of(&app, first).await;
    let theirs = door_of(&app, second).await;
    let link_of_second: i64 = door_links::table
        .filter(door_links::event_id.eq(second))
        .select(door_links::id)
        .first(&mut *app.conn())
        .unwrap();
    let page = format!("/admin/events/{first}/door");
    let (status, _, _) = door
        .organiser
        .submit(
            &page,
            &format!("/admin/events/{first}/door/{link_of_second}/revoke"),
            &[],
        )
        .await;
    assert_eq!(status, Status::NotFound);
    assert!(audits(&app, "door.revoke").is_empty(), "nothing happened");
    let phone = app.anonymous().await;
    let (status, _, _) = phone.get(&format!("/door/{}", theirs.link)).await;
    assert_eq!(
        status,
        Status::SeeOther,
        "the other meeting's link still works"
    );

    // through its own meeting it is revoked, once
    let own = format!("/admin/events/{second}/door/{link_of_second}/revoke");
    let theirs_page = format!("/admin/events/{second}/door");
    for _ in 0..2 {
        let (status, _, _) = theirs.organiser.submit(&theirs_page, &own, &[]).await;
        assert_eq!(status, Status::SeeOther);
    }
    assert_eq!(audits(&app, "door.revoke").len(), 1);
    let (status, _, _) = app
        .anonymous()
        .await
        .get(&format!("/door/{}", theirs.link))
        .await;
    assert_eq!(status, Status::NotFound);
}

async fn wrong_pins_from_many_addresses_meet_the_ceiling(backend: Backend) {
    let Some(app) =
        start_with_settings(backend, &[("trusted_proxies", json!(["127.0.0.1"]))]).await
    else {
        return;
    };
    let id = app.meeting(Some(10), 0);
    let door = door_of(&app, id).await;
    let bad = wrong(&door.pin);
    // one wrong PIN each from many addresses: the server-wide ceiling (10 a minute) holds
    // (each from its own address behind the trusted proxy)
    let from = |client: String, pin: String| {
        let app = &app;
        async move { pin_from(&app.client, "127.0.0.1", Some(&client), id, &pin).await }
    };
    for i in 0..10 {
        let (status, _, _) = from(format!("203.0.113.{}", 100 + i), bad.clone()).await;
        assert_eq!(status, Status::UnprocessableEntity, "address {i}");
    }
    let (status, retry, page) = from("203.0.113.111".into(), bad.clone()).await;
    assert_eq!(status, Status::TooManyRequests);
    assert!((1..=60).contains(&retry.unwrap()));
    assert!(
        page.contains("Der Einlass-Link funktioniert weiterhin"),
        "{page}"
    );
    let (status, _, _) = from("203.0.113.112".into(), door.pin.clone()).await;
    assert_eq!(
        status,
        Status::TooManyRequests,
        "the ceiling holds for everybody"
    );
    assert_eq!(audits(&app, "door.pin_ceiling").len(), 1);
    // the door link is never limited
    let (status, _, _) = app
        .anonymous()
        .await
        .get(&format!("/door/{}", door.link))
        .await;
    assert_eq!(status, Status::SeeOther);
    app.clock.advance(Duration::seconds(60));
    let (status, _, _) = from("203.0.113.112".into(), door.pin.clone()).await;
    assert_eq!(
        status,
        Status::SeeOther,
        "a minute later PINs are tried again"
    );
}

/// A wrong login from `ip` through `client`, with the login page's CSRF token.
async fn wrong_login(client: &Client, ip: &str, email: &str) -> (Status, String) {
    let addr: SocketAddr = format!("{ip}:5000").parse().unwrap();
    let res = client.get("/admin/login").remote(addr).dispatch().await;
    let cookies: Vec<Cookie<'static>> = res
        .cookies()
        .iter()
        .map(|c| c.clone().into_owned())
        .collect();
    let csrf = csrf_of(&res.into_string().await.unwrap());
    let res = client
        .post("/admin/login")
        .remote(addr)
        .header(ContentType::Form)
        .cookies(cookies)
        .body(format!(
            "csrf={csrf}&email={}&password=falsch-falsch",
            email.replace('@', "%40")
        ))
        .dispatch()
        .await;
    let status = res.status();
    (status, res.into_string().await.unwrap_or_default())
}

async fn register_via(client: &Client, ip: &str, event: i64, email: &str) -> Status {
    client
        .post(format!("/api/v1/events/{event}/registrations"))
        .header(ContentType::JSON)
        .remote(format!("{ip}:40000").parse::<SocketAddr>().unwrap())
        .body(json!({"name": "Gast", "email": email, "consent": true}).to_string())
        .dispatch()
        .await
        .status()
}

async fn limits_are_shared_by_two_instances(backend: Backend) {
    let Some(app) = start_with_settings(backend, &[("register_per_ip_per_hour", json!(3))]).await
    else {
        return;
    };
    let second = app.second_instance().await;
    let id = app.meeting(Some(50), 0);
    let door = door_of(&app, id).await;
    let bad = wrong(&door.pin);

    // wrong PINs: three on one instance, two on the other, then the limit on both
    for client in [&app.client, &app.client, &app.client, &second, &second] {
        let (status, _, _) = pin_from(client, "198.51.100.50", None, id, &bad).await;
        assert_eq!(status, Status::UnprocessableEntity);
    }
    for client in [&app.client, &second] {
        let (status, retry, _) = pin_from(client, "198.51.100.50", None, id, &bad).await;
        assert_eq!(status, Status::TooManyRequests);
        assert!(retry.is_some());
    }

    // logins per account (5): from five addresses over both instances
    app.account("orga@example.org", account::ROLE_ORGANISER, &[]);
    for (i, client) in [&app.client, &second, &app.client, &second, &app.client]
        .into_iter()
        .enumerate()
    {
        let (status, _) = wrong_login(client, &format!("192.0.2.{i}"), "orga@example.org").await;
        assert_eq!(status, Status::UnprocessableEntity, "attempt {i}");
    }
    let (status, page) = wrong_login(&second, "192.0.2.9", "orga@example.org").await;
    assert_eq!(status, Status::TooManyRequests);
    assert!(page.contains("Zu viele Anmeldeversuche"));

    // logins per address (20): twenty accounts from one address over both instances
    for i in 0..20 {
        let client = if i % 2 == 0 { &app.client } else { &second };
        let (status, _) = wrong_login(client, "192.0.2.77", &format!("p{i}@example.org")).await;
        assert_eq!(status, Status::UnprocessableEntity, "attempt {i}");
    }
    let (status, _) = wrong_login(&app.client, "192.0.2.77", "p99@example.org").await;
    assert_eq!(status, Status::TooManyRequests);

    // registrations per address (3 an hour): form and API count together on both instances
    assert_eq!(
        register_via(&app.client, "198.51.100.60", id, "r1@example.org").await,
        Status::Created
    );
    assert_eq!(
        register_via(&second, "198.51.100.60", id, "r2@example.org").await,
        Status::Created
    );
    let res = second
        .post(format!("/events/{id}/register"))
        .header(ContentType::Form)
        .remote("198.51.100.60:40000".parse().unwrap())
        .body("name=Formular&email=r3%40example.org&consent=yes")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(
        register_via(&app.client, "198.51.100.60", id, "r4@example.org").await,
        Status::TooManyRequests
    );
    assert_eq!(
        register_via(&second, "198.51.100.60", id, "r5@example.org").await,
        Status::TooManyRequests
    );
    assert_eq!(
        app.count("email IN ('r4@example.org', 'r5@example.org')"),
        0
    );
}

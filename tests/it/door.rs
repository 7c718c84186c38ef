//! The door's own defences: nonces that count only for their meeting and person, changes
//! that need JSON and the device's door token (so another site cannot make a door phone
//! check people in), 503 instead of "not allowed" when the database is away, bodies and
//! nonces that are too long, a seat count that fails, the app's name in the device's language.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rocket::http::{ContentType, Cookie, Header, Status};
use serde_json::{Value, json};
use treffpunkt::db::schema::registrations;
use treffpunkt::domain::account;
use treffpunkt::domain::ticket::Keys;

use crate::both_backends;
use crate::browser::door_link;
use crate::support::{Backend, StaffSession, TestApp, json_of, start};

both_backends!(
    door_nonce_counts_only_for_its_meeting_and_ticket,
    door_changes_need_json_and_the_device_door_token,
    door_walk_in_refuses_when_seats_cannot_be_counted
);

impl StaffSession {
    /// This session's cookies for a hand-made request (the local client reads cookies
    /// only from its own cookie list, not from a `Cookie` header).
    pub fn cookie_list(&self) -> Vec<Cookie<'static>> {
        self.cookie_header()
            .split("; ")
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| Cookie::new(k.to_owned(), v.to_owned()))
            .collect()
    }

    /// The door token the check-in page of `event` hands to its script.
    pub async fn door_token(&self, event: i64) -> String {
        let (status, page, _) = self.get(&format!("/checkin/{event}")).await;
        assert_eq!(status, Status::Ok, "the check-in page opens");
        page.split("data-door-token=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the check-in page has a door token")
            .to_owned()
    }

    /// A raw check-in call with this session's cookies: any content type, any token.
    pub async fn door_send(
        &self,
        uri: &str,
        content_type: ContentType,
        token: Option<&str>,
        body: String,
    ) -> (Status, Value) {
        let mut req = self
            .client
            .post(uri.to_owned())
            .header(content_type)
            .cookies(self.cookie_list())
            .body(body);
        if let Some(t) = token {
            req = req.header(Header::new("X-Door-Token", t.to_owned()));
        }
        json_of(req.dispatch().await).await
    }

    /// A change as the check-in page sends it: JSON with the page's door token.
    pub async fn door_post(&self, uri: &str, body: &Value) -> (Status, Value) {
        let event: i64 = uri
            .split('/')
            .nth(4)
            .and_then(|s| s.parse().ok())
            .expect("/api/v1/checkin/<event>/…");
        let token = self.door_token(event).await;
        self.door_send(uri, ContentType::JSON, Some(&token), body.to_string())
            .await
    }
}

async fn organiser(app: &TestApp) -> StaffSession {
    let password = app.account("einlass@example.org", account::ROLE_ADMIN, &[]);
    app.login("einlass@example.org", &password).await
}

fn registration_id(app: &TestApp, token: &Value) -> i64 {
    registrations::table
        .filter(registrations::token.eq(token.as_str().unwrap()))
        .select(registrations::id)
        .first(&mut *app.conn())
        .unwrap()
}

fn checked_in(app: &TestApp, id: i64) -> bool {
    registrations::table
        .find(id)
        .select(registrations::checked_in_at)
        .first::<Option<chrono::NaiveDateTime>>(&mut *app.conn())
        .unwrap()
        .is_some()
}

/// Meeting 2's nonce replayed through meeting 1's door with another ticket checks in that
/// ticket (not "welcome" with meeting 2's registrant); the same for a tap by name; an undone
/// check-in is not replayed; a real retry still gets its answer.
async fn door_nonce_counts_only_for_its_meeting_and_ticket(app: TestApp) {
    let (one, two) = (app.meeting(Some(10), 0), app.meeting(Some(10), 0));
    let (_, a) = app
        .register(one, "Amira Haddad", "amira@example.org", 0)
        .await;
    let (_, b) = app
        .register(one, "Bogdan Kowal", "bogdan@example.org", 0)
        .await;
    let (_, c) = app
        .register(two, "Carla Zweite", "carla@example.org", 0)
        .await;
    let (a, b, c) = (
        registration_id(&app, &a["token"]),
        registration_id(&app, &b["token"]),
        registration_id(&app, &c["token"]),
    );
    let keys = app.client.rocket().state::<Keys>().unwrap().clone();
    let s = organiser(&app).await;
    let redeem = |event: i64, ticket: String, nonce: &str| {
        (
            format!("/api/v1/checkin/{event}/redeem"),
            json!({ "token": ticket, "nonce": nonce, "device": "Tür" }),
        )
    };

    let (url, body) = redeem(two, keys.issue(c, two), "nonce-of-two");
    let (_, v) = s.door_post(&url, &body).await;
    assert_eq!(v["name"], "Carla Zweite");

    // meeting 2's nonce at meeting 1's door, with Amira's ticket
    let (url, body) = redeem(one, keys.issue(a, one), "nonce-of-two");
    let (status, v) = s.door_post(&url, &body).await;
    assert_eq!(status, Status::Ok, "{v}");
    assert_eq!(
        (v["result"].as_str(), v["name"].as_str()),
        (Some("welcome"), Some("Amira Haddad")),
        "the sent ticket is checked in, nobody else is named: {v}"
    );
    assert!(checked_in(&app, a), "Amira is in");
    // a retry of that very scan still gets its answer
    let (_, again) = s.door_post(&url, &body).await;
    assert_eq!(again["result"], "welcome");
    assert_eq!(again["name"], "Amira Haddad");

    // by name: the same nonce with Bogdan at meeting 1 checks in Bogdan
    let manual = format!("/api/v1/checkin/{one}/manual");
    let (_, v) = s
        .door_post(
            &manual,
            &json!({ "registration_id": b, "nonce": "nonce-of-two" }),
        )
        .await;
    assert_eq!(
        (v["result"].as_str(), v["name"].as_str()),
        (Some("welcome"), Some("Bogdan Kowal"))
    );
    assert!(checked_in(&app, b), "Bogdan is in");
    // … and meeting 2's registration through meeting 1's door is another meeting's, by any nonce
    let (_, v) = s
        .door_post(
            &manual,
            &json!({ "registration_id": c, "nonce": "nonce-of-two" }),
        )
        .await;
    assert_eq!(v["result"], "wrong_meeting", "{v}");
    assert!(v.get("name").is_none(), "no name of meeting 2: {v}");

    // an undone check-in is not replayed: the same scan again really checks in
    let (_, v) = s
        .door_post(
            &format!("/api/v1/checkin/{two}/undo"),
            &json!({ "nonce": "nonce-of-two" }),
        )
        .await;
    assert_eq!(v["undone"], true);
    assert!(!checked_in(&app, c), "undone");
    let (url, body) = redeem(two, keys.issue(c, two), "nonce-of-two");
    let (_, v) = s.door_post(&url, &body).await;
    assert_eq!(v["result"], "welcome");
    assert!(checked_in(&app, c), "checked in again, not only told so");
}

/// What a page on another site can make a browser send with the door cookie (text/plain,
/// a form) creates nothing; JSON without this device's door token neither.
async fn door_changes_need_json_and_the_device_door_token(app: TestApp) {
    let id = app.meeting(Some(10), 1);
    let (_, a) = app
        .register(id, "Amira Haddad", "amira@example.org", 0)
        .await;
    let a = registration_id(&app, &a["token"]);
    door_link(&app, id, "doorlinkdoorlinkdoorlink");
    let phone = app.anonymous().await;
    let (status, _, _) = phone.get("/door/doorlinkdoorlinkdoorlink").await;
    assert_eq!(status, Status::SeeOther);
    let token = phone.door_token(id).await;
    let walk = format!("/api/v1/checkin/{id}/walk-in");
    let mallory = json!({ "name": "Mallory", "companions": 0 }).to_string();

    // a cross-site form post: text/plain or form-encoded, the cookie but no token
    for (ct, body) in [
        (ContentType::Plain, mallory.clone()),
        (ContentType::Form, "name=Mallory&companions=0".to_owned()),
        (ContentType::FormData, mallory.clone()),
    ] {
        let (status, v) = phone.door_send(&walk, ct.clone(), None, body).await;
        assert_eq!(status, Status::UnsupportedMediaType, "{ct}: {v}");
        assert_eq!(v["error"], "unsupported_media_type");
        assert!(v["message"].as_str().unwrap().contains("JSON"), "{v}");
    }
    // even with the token, a change is JSON or nothing
    let (status, _) = phone
        .door_send(&walk, ContentType::Plain, Some(&token), mallory.clone())
        .await;
    assert_eq!(status, Status::UnsupportedMediaType);
    for path in ["redeem", "manual", "undo"] {
        let (status, _) = phone
            .door_send(
                &format!("/api/v1/checkin/{id}/{path}"),
                ContentType::Plain,
                None,
                json!({ "registration_id": a, "nonce": "x", "token": "T1.x" }).to_string(),
            )
            .await;
        assert_eq!(status, Status::UnsupportedMediaType, "{path}");
    }
    // JSON without the token, with a wrong one, with another device's: 403 with the reason
    let other = app.anonymous().await;
    other.get("/door/doorlinkdoorlinkdoorlink").await;
    let others = other.door_token(id).await;
    assert_ne!(others, token, "each device has its own token");
    for given in [None, Some("guessed"), Some(others.as_str())] {
        let (status, v) = phone
            .door_send(&walk, ContentType::JSON, given, mallory.clone())
            .await;
        assert_eq!(status, Status::Forbidden, "{given:?}: {v}");
        assert_eq!(v["error"], "door_token");
        assert!(v["message"].as_str().unwrap().contains("neu laden"), "{v}");
    }
    // (plain JSON with the cookie, as any client without the page would send it)
    let (status, _) = phone
        .post_json(
            &format!("/api/v1/checkin/{id}/manual"),
            &json!({ "registration_id": a, "nonce": "tap" }),
        )
        .await;
    assert_eq!(status, Status::Forbidden);
    assert_eq!(app.count("source = 'door'"), 0, "no walk-in created");
    assert!(!checked_in(&app, a), "nobody checked in");

    // a device opened before door tokens existed (its cookie names meeting and link only)
    // gets one with its next page
    let link: i64 = treffpunkt::db::schema::door_links::table
        .select(treffpunkt::db::schema::door_links::id)
        .first(&mut *app.conn())
        .unwrap();
    let res = app
        .client
        .get(format!("/checkin/{id}"))
        .private_cookie(Cookie::new("tp_door", format!("{id}:{link}")))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let renewed = res
        .cookies()
        .get_private("tp_door")
        .expect("a renewed door cookie");
    let page = res.into_string().await.unwrap();
    let given = page
        .split("data-door-token=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert_eq!(renewed.value(), format!("{id}:{link}:{given}"));

    // the page's own calls work; opening the link again keeps the device's token
    let (status, v) = phone
        .door_send(&walk, ContentType::JSON, Some(&token), mallory.clone())
        .await;
    assert_eq!(status, Status::Ok, "{v}");
    phone.get("/door/doorlinkdoorlinkdoorlink").await;
    assert_eq!(phone.door_token(id).await, token);
    // staff use their own session's token
    let s = organiser(&app).await;
    let (status, _) = s
        .door_send(&walk, ContentType::JSON, Some(&token), mallory.clone())
        .await;
    assert_eq!(
        status,
        Status::Forbidden,
        "a door phone's token is no staff token"
    );
    let (status, v) = s
        .door_post(
            &format!("/api/v1/checkin/{id}/manual"),
            &json!({ "registration_id": a, "nonce": "tap" }),
        )
        .await;
    assert_eq!(
        (status, v["result"].as_str()),
        (Status::Ok, Some("welcome"))
    );
}

/// A walk-in while the confirmed seats cannot be counted is refused (503), not let in as
/// if nobody were there yet.
async fn door_walk_in_refuses_when_seats_cannot_be_counted(app: TestApp) {
    let id = app.meeting(Some(3), 0);
    let (_, a) = app
        .register(id, "Amira Haddad", "amira@example.org", 0)
        .await;
    app.register(id, "Bo", "bo@example.org", 0).await;
    let a = registration_id(&app, &a["token"]);
    let s = organiser(&app).await;
    let token = s.door_token(id).await;
    // break the sum: on SQLite it overflows, on PostgreSQL it comes back as a type the
    // app cannot read; everything else the walk-in does still works
    let sabotage = if app.conn().is_sqlite() {
        format!("UPDATE registrations SET seats = 9223372036854775807 WHERE id = {a}")
    } else {
        "ALTER TABLE registrations ALTER COLUMN seats TYPE BIGINT".to_owned()
    };
    app.conn().batch_execute(&sabotage).unwrap();
    let (status, v) = s
        .door_send(
            &format!("/api/v1/checkin/{id}/walk-in"),
            ContentType::JSON,
            Some(&token),
            json!({ "name": "Spontan" }).to_string(),
        )
        .await;
    assert_eq!(status, Status::ServiceUnavailable, "{v}");
    assert_eq!(v["error"], "unavailable");
    assert_eq!(app.count("source = 'door'"), 0, "nobody let in");
}

/// Too much for a check-in is 413 with a reason, not 400 "data limit exceeded"; a nonce
/// over 100 characters is called too long, and 100 characters of any script are fine.
#[rocket::async_test]
async fn door_oversized_body_is_413_and_a_long_nonce_is_called_too_long() {
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(10), 0);
    let (_, a) = app
        .register(id, "Amira Haddad", "amira@example.org", 0)
        .await;
    let a = registration_id(&app, &a["token"]);
    let s = organiser(&app).await;
    let token = s.door_token(id).await;
    let manual = format!("/api/v1/checkin/{id}/manual");
    for path in ["redeem", "manual", "undo", "walk-in"] {
        let huge = json!({ "token": "x".repeat(40_000), "name": "x".repeat(40_000), "nonce": "n", "registration_id": a });
        let (status, v) = s
            .door_send(
                &format!("/api/v1/checkin/{id}/{path}"),
                ContentType::JSON,
                Some(&token),
                huge.to_string(),
            )
            .await;
        assert_eq!(status, Status::PayloadTooLarge, "{path}: {v}");
        assert_eq!(v["error"], "too_large");
        assert!(!v["message"].as_str().unwrap().is_empty());
    }
    let (status, v) = s
        .door_post(
            &manual,
            &json!({ "registration_id": a, "nonce": "n".repeat(101) }),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    let message = v["message"].as_str().unwrap();
    assert!(
        message.contains("zu lang") && message.contains("100"),
        "{message}"
    );
    let (status, v) = s
        .door_post(
            &manual,
            &json!({ "registration_id": a, "nonce": "ü".repeat(100) }),
        )
        .await;
    assert_eq!(
        (status, v["result"].as_str()),
        (Status::Ok, Some("welcome")),
        "{v}"
    );
}

/// With PostgreSQL cut off, the door says 503 with `Retry-After` (JSON for the API), for
/// door phones and staff alike, instead of 403 that would make the phone give up; it opens
/// again by itself.
#[rocket::async_test]
async fn door_says_503_not_403_while_postgres_is_cut() {
    let Some((app, proxy)) = crate::support::start_behind_proxy().await else {
        return;
    };
    let id = app.meeting(Some(10), 0);
    let (_, a) = app
        .register(id, "Amira Haddad", "amira@example.org", 0)
        .await;
    let a = registration_id(&app, &a["token"]);
    door_link(&app, id, "doorlinkdoorlinkdoorlink");
    let phone = app.anonymous().await;
    phone.get("/door/doorlinkdoorlinkdoorlink").await;
    let token = phone.door_token(id).await;
    let staff = organiser(&app).await;
    let staff_token = staff.door_token(id).await;
    let redeem = format!("/api/v1/checkin/{id}/redeem");
    let scan = json!({ "token": app.client.rocket().state::<Keys>().unwrap().issue(a, id), "nonce": "n1" }).to_string();

    proxy.cut();
    let res = phone
        .client
        .get(format!("/api/v1/checkin/{id}/status"))
        .cookies(phone.cookie_list())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::ServiceUnavailable);
    assert!(res.headers().get_one("Retry-After").is_some());
    let (_, v) = json_of(res).await;
    assert_eq!(v["error"], "unavailable");
    for (who, t) in [(&phone, &token), (&staff, &staff_token)] {
        let res = who
            .client
            .post(redeem.clone())
            .header(ContentType::JSON)
            .cookies(who.cookie_list())
            .header(Header::new("X-Door-Token", t.clone()))
            .body(scan.clone())
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::ServiceUnavailable);
        assert!(res.headers().get_one("Retry-After").is_some());
        let (_, v) = json_of(res).await;
        assert_eq!(v["error"], "unavailable", "{v}");
    }
    let res = phone
        .client
        .get(format!("/checkin/{id}"))
        .cookies(phone.cookie_list())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::ServiceUnavailable, "the page too");
    assert!(res.headers().get_one("Retry-After").is_some());

    proxy.restore();
    let mut answer = Value::Null;
    for _ in 0..50 {
        let (status, v) = phone
            .door_send(&redeem, ContentType::JSON, Some(&token), scan.clone())
            .await;
        if status == Status::Ok {
            answer = v;
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(
        answer["result"], "welcome",
        "the door works again by itself"
    );
}

/// The installable check-in app is named in the door device's language.
#[rocket::async_test]
async fn door_app_manifest_speaks_the_device_language() {
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(10), 0);
    let manifest = |q: &str| format!("/checkin/{id}/manifest.webmanifest{q}");
    let read = |text: String| -> Value { serde_json::from_str(&text).unwrap() };
    let de = read(app.get_text(&manifest("")).await.1);
    assert_eq!(
        (de["name"].as_str(), de["short_name"].as_str()),
        (Some("Treffpunkt Einlass"), Some("Einlass"))
    );
    let en = read(app.get_text_in(&manifest(""), "en").await);
    assert_eq!(
        (en["name"].as_str(), en["lang"].as_str()),
        (Some("Treffpunkt check-in"), Some("en"))
    );
    let ar = read(app.get_text(&manifest("?lang=ar")).await.1);
    assert_eq!(
        (ar["lang"].as_str(), ar["dir"].as_str()),
        (Some("ar"), Some("rtl"))
    );
    assert!(!ar["name"].as_str().unwrap().contains("Einlass"), "{ar}");
    for lang in ["uk", "tr"] {
        let m = read(app.get_text(&manifest(&format!("?lang={lang}"))).await.1);
        assert_ne!(m["short_name"], "Einlass", "{lang}: {m}");
    }
    // an unknown language is the visitor's own, not an error
    let m = read(app.get_text(&manifest("?lang=xx")).await.1);
    assert_eq!(m["lang"], "de");
    // the page links the manifest in its own language
    let s = organiser(&app).await;
    let (_, page, _) = s.get(&format!("/checkin/{id}")).await;
    assert!(page.contains(&format!("/checkin/{id}/manifest.webmanifest?lang=de")));
}

/// How many check-ins the phone keeps for syncing.
async fn queued(b: &fantoccini::Client, event: i64) -> usize {
    let v = b
        .execute(
            &format!("return JSON.parse(localStorage.getItem('tp-queue-{event}') || '[]').length;"),
            vec![],
        )
        .await
        .unwrap();
    v.as_u64().unwrap_or(0) as usize
}

/// Polls until `check` holds or `secs` have passed; whether it held.
async fn eventually<F, Fut>(secs: u64, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while std::time::Instant::now() < deadline {
        if check().await {
            return true;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    false
}

/// The phone in a real browser: while the database is away the server answers 503, so the
/// phone opens its kept page, checks the ticket offline and keeps the scan until the server
/// answers; when its door link is revoked, a queued scan stays on the phone (with a notice
/// to open the link again) and arrives once access is back.
#[rocket::async_test]
async fn door_phone_keeps_its_scans_through_an_outage_and_a_lock_out() {
    use crate::browser::{Driver, free_port, qr_video, serve_on, wait_text};
    use treffpunkt::db::schema::door_links;
    let Some(driver) = Driver::start().await else {
        return;
    };
    let Some((app, proxy)) = crate::support::start_behind_proxy().await else {
        return;
    };
    let id = app.meeting(Some(10), 1);
    let mut people = Vec::new();
    for (name, email) in [
        ("Amira Haddad", "amira@example.org"),
        ("Bogdan Kowal", "bogdan@example.org"),
        ("Carla Dritte", "carla@example.org"),
    ] {
        let (_, r) = app.register(id, name, email, 0).await;
        people.push(registration_id(&app, &r["token"]));
    }
    let (a, b, c) = (people[0], people[1], people[2]);
    let keys = app.client.rocket().state::<Keys>().unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let (video_a, video_b) = (dir.path().join("a.y4m"), dir.path().join("b.y4m"));
    qr_video(&keys.issue(a, id), &video_a);
    qr_video(&keys.issue(b, id), &video_b);
    door_link(&app, id, "doorlinkdoorlinkdoorlink");
    let port = free_port();
    let _served = serve_on(&app, port).await;
    let base = format!("http://127.0.0.1:{port}");
    let profile = dir.path().join("profile");
    let camera = |v: &std::path::Path| {
        vec![
            "--use-fake-device-for-media-stream".to_owned(),
            "--use-fake-ui-for-media-stream".to_owned(),
            format!("--use-file-for-fake-video-capture={}", v.display()),
        ]
    };

    // online: a scan, the list kept, the page kept by the service worker
    let browser = driver.browser_with("de", &profile, &camera(&video_a)).await;
    browser
        .goto(&format!("{base}/door/doorlinkdoorlinkdoorlink"))
        .await
        .unwrap();
    let text = wait_text(&browser, "result-text", "Amira", 20).await;
    assert!(text.contains("Willkommen, Amira Haddad"), "{text}");
    browser
        .execute_async(
            "const done = arguments[0]; navigator.serviceWorker.ready.then(() => done(true));",
            vec![],
        )
        .await
        .unwrap();
    browser.refresh().await.unwrap();
    rocket::tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    browser.close().await.unwrap();

    // the database goes away, the server stays: 503, so the phone uses its kept page and
    // list, and keeps Bogdan's scan through every failed sync
    proxy.cut();
    let browser = driver.browser_with("de", &profile, &camera(&video_b)).await;
    browser.goto(&format!("{base}/checkin/{id}")).await.unwrap();
    let kept = eventually(40, || async { queued(&browser, id).await == 1 }).await;
    assert!(kept, "Bogdan's scan is kept on the phone");
    let text = wait_text(&browser, "result-text", "Bogdan", 5).await;
    assert!(text.contains("Bogdan Kowal"), "{text}");
    proxy.restore();
    let synced = eventually(40, || async { checked_in(&app, b) }).await;
    assert!(synced, "synced when the database is back");
    assert!(eventually(10, || async { queued(&browser, id).await == 0 }).await);
    browser.close().await.unwrap();

    // locked out (the link revoked) with a scan in the queue: the scan stays, the helper is
    // told to open the link again; once access is back it arrives
    let browser = driver.browser_with("de", &profile, &[]).await;
    browser.goto(&format!("{base}/checkin/{id}")).await.unwrap();
    wait_text(&browser, "count-in", "2", 10).await;
    let revoke = |at: Option<chrono::NaiveDateTime>| {
        diesel::update(door_links::table.filter(door_links::token.eq("doorlinkdoorlinkdoorlink")))
            .set(door_links::revoked_at.eq(at))
            .execute(&mut *app.conn())
            .unwrap();
    };
    revoke(Some(app.now()));
    let scan = json!({ "token": keys.issue(c, id), "nonce": "queued-carla", "device": "Test", "at": null });
    browser
        .execute(
            &format!("localStorage.setItem('tp-queue-{id}', JSON.stringify([arguments[0]]));"),
            vec![scan],
        )
        .await
        .unwrap();
    // a sync attempt has been answered (every /redeem now comes from the queue)
    let tried = eventually(20, || async {
        let n = browser
            .execute(
                "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/redeem')).length;",
                vec![],
            )
            .await
            .unwrap();
        n.as_u64().unwrap_or(0) > 0
    })
    .await;
    assert!(tried, "the phone tried to sync");
    let notice = wait_text(&browser, "locked-banner", "Einlass-Link", 10).await;
    assert!(notice.contains("erneut öffnen"), "{notice}");
    assert_eq!(queued(&browser, id).await, 1, "kept after 403");
    assert!(!checked_in(&app, c));
    revoke(None);
    let synced = eventually(40, || async { checked_in(&app, c) }).await;
    assert!(synced, "the kept scan arrives once access is back");
    browser.close().await.unwrap();
}

/// The OpenAPI document says what a change at the door needs: the door token header, JSON
/// (415 otherwise), 413 for too much, 503 when the database is away; and the nonce's limit.
#[rocket::async_test]
async fn door_openapi_document_states_what_changes_need() {
    let app = start(Backend::Sqlite).await.unwrap();
    let (_, doc) = app.get_text("/api/v1/openapi.json").await;
    let doc: Value = serde_json::from_str(&doc).unwrap();
    for op in ["redeem", "manual", "undo", "walk-in"] {
        let post = &doc["paths"][format!("/api/v1/checkin/{{event}}/{op}")]["post"];
        let header = post["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "X-Door-Token")
            .unwrap_or_else(|| panic!("{op}: the door token header is documented"));
        assert_eq!(
            (header["in"].as_str(), header["required"].as_bool()),
            (Some("header"), Some(true))
        );
        for code in ["403", "413", "415", "503"] {
            assert!(
                post["responses"][code].is_object(),
                "{op}: {code} documented"
            );
        }
    }
    assert_eq!(
        doc["components"]["schemas"]["RedeemRequest"]["properties"]["nonce"]["maxLength"],
        100
    );
}

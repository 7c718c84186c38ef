//! The door's own defences: nonces that count only for their meeting and person, changes
//! that need JSON and the device's door token (so another site cannot make a door phone
//! check people in), the app's name in the device's language, and the API document saying
//! so. Faults (outages, too much input) are in `door_faults.rs`, the phone in a real browser
//! in `door_phone.rs`.

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
    door_changes_need_json_and_the_device_door_token
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

pub async fn organiser(app: &TestApp) -> StaffSession {
    let password = app.account("einlass@example.org", account::ROLE_ADMIN, &[]);
    app.login("einlass@example.org", &password).await
}

pub fn registration_id(app: &TestApp, token: &Value) -> i64 {
    registrations::table
        .filter(registrations::token.eq(token.as_str().unwrap()))
        .select(registrations::id)
        .first(&mut *app.conn())
        .unwrap()
}

pub fn checked_in(app: &TestApp, id: i64) -> bool {
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

/// A meeting (room for 10) with Amira registered on her own, and a door link to it
/// (`doorlinkdoorlinkdoorlink`): the meeting and her registration.
pub async fn amira_and_a_door_link(app: &TestApp) -> (i64, i64) {
    let id = app.meeting(Some(10), 1);
    let (_, a) = app
        .register(id, "Amira Haddad", "amira@example.org", 0)
        .await;
    let a = registration_id(app, &a["token"]);
    door_link(app, id, "doorlinkdoorlinkdoorlink");
    (id, a)
}

/// The organiser makes a door link for `event` on its page: its token and its PIN, as the
/// page shows them.
pub async fn new_door_link(organiser: &StaffSession, event: i64, label: &str) -> (String, String) {
    let page = format!("/admin/events/{event}/door");
    let (status, _, _) = organiser.submit(&page, &page, &[("label", label)]).await;
    assert_eq!(status, Status::SeeOther);
    let (_, html, _) = organiser.get(&page).await;
    let shown = |before: &str, end: char| {
        html.split(before)
            .nth(1)
            .unwrap_or_else(|| panic!("{before} on the page: {html}"))
            .split(end)
            .next()
            .unwrap()
            .to_owned()
    };
    (
        shown("https://treffpunkt.example.org/door/", '"'),
        shown("PIN <strong>", '<'),
    )
}

/// A device that has opened the door link `doorlinkdoorlinkdoorlink`.
pub async fn door_phone(app: &TestApp) -> StaffSession {
    let phone = app.anonymous().await;
    let (status, _, _) = phone.get("/door/doorlinkdoorlinkdoorlink").await;
    assert_eq!(status, Status::SeeOther, "the door link lets the device in");
    phone
}

/// What a page on another site can make a browser send with the door cookie (text/plain,
/// a form) creates nothing; JSON without this device's door token neither.
async fn door_changes_need_json_and_the_device_door_token(app: TestApp) {
    let (id, a) = amira_and_a_door_link(&app).await;
    let phone = door_phone(&app).await;
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
    let other = door_phone(&app).await;
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

//! The door under faults: the database away (503 with `Retry-After`, never "not allowed"),
//! a seat count that fails (refuse, never admit), bodies and nonces that are too long.

use diesel::connection::SimpleConnection;
use rocket::http::{ContentType, Header, Status};
use serde_json::{Value, json};
use treffpunkt::domain::ticket::Keys;

use crate::both_backends;
use crate::door::{amira_and_a_door_link, door_phone, organiser, registration_id};
use crate::support::{Backend, TestApp, json_of, start};

both_backends!(door_walk_in_refuses_when_seats_cannot_be_counted);

/// A walk-in while the confirmed seats cannot be counted is refused (503), not let in as
/// if nobody were there yet.
async fn door_walk_in_refuses_when_seats_cannot_be_counted(app: TestApp) {
    let id = app.meeting(Some(3), 0);
    app.register(id, "Amira Haddad", "amira@example.org", 0)
        .await;
    app.register(id, "Bo", "bo@example.org", 0).await;
    let s = organiser(&app).await;
    let token = s.door_token(id).await;
    // the seats are read from the counts the database keeps per meeting: take them away;
    // everything else the walk-in does still works
    let sabotage = "ALTER TABLE event_counts RENAME TO event_counts_gone".to_owned();
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
    // the database is cut off on purpose: the background jobs fail meanwhile
    app.expect_job_errors();
    let (id, a) = amira_and_a_door_link(&app).await;
    let phone = door_phone(&app).await;
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

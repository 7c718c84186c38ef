//! The same ticket shown again to the device that has just let its guest in: the API's
//! "welcome again" for that device within a minute (and the truth for every other device and
//! later), and the phone in a real browser, which sends a ticket held up once and keeps the
//! same rule offline.

use std::path::PathBuf;

use diesel::prelude::*;
use rocket::http::Status;
use serde_json::json;
use treffpunkt::domain::ticket::Keys;

use crate::both_backends;
use crate::browser::door_link;
use crate::door::{checked_in, organiser, registration_id};
use crate::door_phone::{eventually, queued};
use crate::support::{Backend, TestApp, start};

both_backends!(door_same_device_within_a_minute_welcomes_again);

/// A guest who shows her ticket twice to the same device within a minute (the phone held up
/// in front of the camera) is still welcomed, with a small note, never refused; another
/// device, a client without a device name, and this device a minute later hear when and
/// where she was let in. She is checked in once.
async fn door_same_device_within_a_minute_welcomes_again(app: TestApp) {
    let id = app.meeting(Some(10), 1);
    let (_, a) = app
        .register(id, "Amira Haddad", "amira@example.org", 1)
        .await;
    let a = registration_id(&app, &a["token"]);
    let ticket = app.client.rocket().state::<Keys>().unwrap().issue(a, id);
    let s = organiser(&app).await;
    let url = format!("/api/v1/checkin/{id}/redeem");
    let scan = |nonce: &str, device: Option<&str>| json!({ "token": ticket, "nonce": nonce, "device": device });
    let (_, v) = s
        .door_post(&url, &scan("first", Some("Eingang Nord")))
        .await;
    assert_eq!(v["result"], "welcome", "{v}");
    assert!(v.get("note").is_none(), "a first welcome has no note: {v}");

    // 20 seconds later the same device sees the same ticket again
    app.clock.advance(chrono::Duration::seconds(20));
    let (status, v) = s
        .door_post(&url, &scan("second", Some("Eingang Nord")))
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(
        (v["ok"].as_bool(), v["result"].as_str()),
        (Some(true), Some("welcome_again")),
        "green, not red: {v}"
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("Willkommen, Amira Haddad! Gruppe mit 2 Personen."),
        "{v}"
    );
    let note = v["note"].as_str().expect("a note");
    assert!(
        note.contains("Schon angezeigt") && note.contains("an diesem Gerät eingelassen"),
        "{note}"
    );
    // … and by name on the same device too
    let (_, v) = s
        .door_post(
            &format!("/api/v1/checkin/{id}/manual"),
            &json!({ "registration_id": a, "nonce": "tap", "device": "Eingang Nord" }),
        )
        .await;
    assert_eq!(v["result"], "welcome_again", "{v}");

    // another device at the same moment, and a client that names no device: the truth
    for device in [Some("Eingang Süd"), None] {
        let (_, v) = s.door_post(&url, &scan("other", device)).await;
        assert_eq!(
            (v["ok"].as_bool(), v["result"].as_str()),
            (Some(false), Some("already")),
            "{device:?}: {v}"
        );
        assert!(
            v["message"]
                .as_str()
                .unwrap()
                .contains("ist schon eingelassen: um")
                && v["message"]
                    .as_str()
                    .unwrap()
                    .contains("an Gerät „Eingang Nord“"),
            "{v}"
        );
        assert!(v.get("note").is_none(), "{v}");
    }

    // the same device after the minute: the truth as well
    app.clock.advance(chrono::Duration::seconds(41));
    let (_, v) = s
        .door_post(&url, &scan("later", Some("Eingang Nord")))
        .await;
    assert_eq!(
        (v["ok"].as_bool(), v["result"].as_str()),
        (Some(false), Some("already")),
        "{v}"
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("an Gerät „Eingang Nord“"),
        "{v}"
    );
    assert_eq!(app.count("checked_in_at IS NOT NULL"), 1);
    assert_eq!(
        treffpunkt::db::schema::checkins::table
            .count()
            .get_result::<i64>(&mut *app.conn())
            .unwrap(),
        1,
        "one check-in, however often she was welcomed"
    );
}

/// The verdict the phone's page shows (or showed last): its colour class and its words.
async fn verdict(b: &fantoccini::Client) -> (String, String) {
    let v = b
        .execute(
            "return [document.getElementById('result').className, document.getElementById('result-verdict').textContent];",
            vec![],
        )
        .await
        .unwrap();
    (
        v[0].as_str().unwrap_or_default().to_owned(),
        v[1].as_str().unwrap_or_default().to_owned(),
    )
}

/// A meeting with Amira registered (a party of two), a camera video of her ticket and the
/// door link `doorlinkdoorlinkdoorlink`: the meeting, her registration, the folder for the
/// video and the browser profile, and the video.
async fn amira_at_the_door(app: &TestApp) -> (i64, i64, tempfile::TempDir, PathBuf) {
    let id = app.meeting(Some(10), 1);
    let (_, r) = app
        .register(id, "Amira Haddad", "amira@example.org", 1)
        .await;
    let a = registration_id(app, &r["token"]);
    let dir = tempfile::tempdir().unwrap();
    let video = dir.path().join("a.y4m");
    crate::browser::ticket_video(app, a, id, &video);
    door_link(app, id, "doorlinkdoorlinkdoorlink");
    (id, a, dir, video)
}

/// A guest holds her phone in front of the door phone's camera for longer than the page's
/// rescan interval (four seconds): the screen stays green, it never turns to a red "already
/// checked in" for the guest it has just welcomed.
#[rocket::async_test]
async fn door_phone_keeps_the_welcome_while_the_ticket_is_held_up() {
    use crate::browser::{Driver, camera, redeem_requests, serve, wait_text};
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let (_, a, dir, video) = amira_at_the_door(&app).await;
    let served = serve(&app).await;
    let browser = driver
        .browser_with("de", &dir.path().join("profile"), &camera(&video))
        .await;
    browser
        .goto(&format!("{}/door/doorlinkdoorlinkdoorlink", served.base))
        .await
        .unwrap();
    let text = wait_text(&browser, "result-text", "Amira", 20).await;
    assert!(text.contains("Willkommen, Amira Haddad"), "{text}");
    assert!(checked_in(&app, a));

    // the ticket stays in front of the camera for twice the rescan interval
    let until = std::time::Instant::now() + std::time::Duration::from_secs(8);
    while std::time::Instant::now() < until {
        let (class, words) = verdict(&browser).await;
        assert!(
            class.contains("result-ok") && words == "Einlass erlaubt",
            "the guest just welcomed is never refused: {class} {words}"
        );
        rocket::tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    // … because the phone sent it once (the server would welcome it again anyway)
    assert_eq!(redeem_requests(&browser).await, 1, "one scan sent");
    browser.close().await.unwrap();
}

/// Without a connection the phone applies the server's rule from its kept list: a ticket it
/// let in a few seconds ago is welcomed again (with the note) and not queued a second time.
#[rocket::async_test]
async fn door_phone_offline_welcomes_again_whom_it_just_let_in() {
    use crate::browser::{
        Driver, camera, device_name, free_port, serve_on, service_worker_ready, wait_text,
    };
    use treffpunkt::db::schema::registrations;
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let (id, a, dir, video) = amira_at_the_door(&app).await;
    let port = free_port();
    let served = serve_on(&app, port).await;
    let profile = dir.path().join("profile");

    // online, no camera yet: the phone keeps its page and the list
    let browser = driver.browser_with("de", &profile, &[]).await;
    browser
        .goto(&format!("{}/door/doorlinkdoorlinkdoorlink", served.base))
        .await
        .unwrap();
    service_worker_ready(&browser).await;
    let device = device_name(&browser).await;
    assert!(!device.is_empty(), "the phone has a name");
    // this phone let Amira in a few seconds ago
    diesel::update(registrations::table.find(a))
        .set((
            registrations::checked_in_at.eq(app.now() - chrono::Duration::seconds(5)),
            registrations::checked_in_device.eq(&device),
        ))
        .execute(&mut *app.conn())
        .unwrap();
    browser.refresh().await.unwrap();
    let kept = eventually(20, || async {
        let v = browser
            .execute(
                &format!("const l = JSON.parse(localStorage.getItem('tp-list-{id}') || 'null'); return !!(l && l.attendees[0].checked_in_at);"),
                vec![],
            )
            .await
            .unwrap();
        v == serde_json::Value::Bool(true)
    })
    .await;
    assert!(kept, "the kept list knows she is in");
    browser.close().await.unwrap();

    // the connection is gone; her ticket is in front of the camera again
    drop(served);
    rocket::tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let browser = driver.browser_with("de", &profile, &camera(&video)).await;
    browser
        .goto(&format!("http://127.0.0.1:{port}/checkin/{id}"))
        .await
        .unwrap();
    let text = wait_text(&browser, "result-text", "Amira", 20).await;
    assert!(text.contains("Willkommen, Amira Haddad"), "{text}");
    let (class, words) = verdict(&browser).await;
    assert!(
        class.contains("result-ok") && words == "Einlass erlaubt",
        "{class} {words}"
    );
    let note = wait_text(&browser, "result-note", "Schon angezeigt", 5).await;
    assert!(note.contains("an diesem Gerät eingelassen"), "{note}");
    // the time as the server would write it ("um 09:05 Uhr"), not a cut-off "9:05:"
    let at: chrono::NaiveDateTime = registrations::table
        .find(a)
        .select(registrations::checked_in_at.assume_not_null())
        .first(&mut *app.conn())
        .unwrap();
    let local = treffpunkt::i18n::Formatter {
        lang: "de",
        tz: chrono_tz::Europe::Berlin,
    }
    .time(at);
    assert!(
        note.contains(&format!("um {local} Uhr")),
        "{note} ({local})"
    );
    assert_eq!(queued(&browser, id).await, 0, "nothing new to sync");
    browser.close().await.unwrap();
}

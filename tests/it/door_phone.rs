//! The door phone in a real browser through an outage and a lock-out: it keeps every
//! queued scan until the server gives a verdict.

use diesel::prelude::*;
use serde_json::json;
use treffpunkt::domain::ticket::Keys;

use crate::browser::door_link;
use crate::door::{checked_in, registration_id};

/// How many check-ins the phone keeps for syncing.
pub async fn queued(b: &fantoccini::Client, event: i64) -> usize {
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
pub async fn eventually<F, Fut>(secs: u64, mut check: F) -> bool
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
    use crate::browser::{
        Driver, camera, free_port, redeem_requests, serve_on, service_worker_ready, ticket_video,
        wait_text,
    };
    use treffpunkt::db::schema::door_links;
    let Some(driver) = Driver::start().await else {
        return;
    };
    let Some((app, proxy)) = crate::support::start_behind_proxy().await else {
        return;
    };
    // the database is cut off on purpose: the background jobs fail meanwhile
    app.expect_job_errors();
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
    ticket_video(&app, a, id, &video_a);
    ticket_video(&app, b, id, &video_b);
    door_link(&app, id, "doorlinkdoorlinkdoorlink");
    let port = free_port();
    let _served = serve_on(&app, port).await;
    let base = format!("http://127.0.0.1:{port}");
    let profile = dir.path().join("profile");

    // online: a scan, the list kept, the page kept by the service worker
    let browser = driver.browser_with("de", &profile, &camera(&video_a)).await;
    browser
        .goto(&format!("{base}/door/doorlinkdoorlinkdoorlink"))
        .await
        .unwrap();
    let text = wait_text(&browser, "result-text", "Amira", 20).await;
    assert!(text.contains("Willkommen, Amira Haddad"), "{text}");
    service_worker_ready(&browser).await;
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
    let tried = eventually(20, || async { redeem_requests(&browser).await > 0 }).await;
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

/// The name a door phone makes up for itself is in the page's language ("Device AB12" on
/// the English page, also for a name made up by an older page as "Gerät AB12"); a name the
/// helper typed stays as typed.
#[rocket::async_test]
async fn door_phone_names_itself_in_the_page_language() {
    use crate::browser::{Driver, device_name, serve};
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = crate::support::start(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let id = app.meeting(Some(10), 0);
    door_link(&app, id, "doorlinkdoorlinkdoorlink");
    let served = serve(&app).await;
    let browser = driver.browser("en").await;
    browser
        .goto(&format!("{}/door/doorlinkdoorlinkdoorlink", served.base))
        .await
        .unwrap();
    let made_up = device_name(&browser).await;
    let code = made_up
        .strip_prefix("Device ")
        .unwrap_or_else(|| panic!("an English name: {made_up}"));
    assert!(
        (1..=4).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric()),
        "{made_up}"
    );
    // the same name on the next visit
    browser.refresh().await.unwrap();
    assert_eq!(device_name(&browser).await, made_up);

    // a phone that used the page before keeps its code, in English now
    browser
        .execute(
            "localStorage.removeItem('tp-device-code'); localStorage.setItem('tp-device', 'Gerät AB12');",
            vec![],
        )
        .await
        .unwrap();
    browser.refresh().await.unwrap();
    assert_eq!(device_name(&browser).await, "Device AB12");

    // a typed name is the helper's own
    browser
        .execute(
            "const f = document.getElementById('device-name'); f.value = 'Eingang Nord'; f.dispatchEvent(new Event('change'));",
            vec![],
        )
        .await
        .unwrap();
    browser.refresh().await.unwrap();
    assert_eq!(device_name(&browser).await, "Eingang Nord");
    browser.close().await.unwrap();
}

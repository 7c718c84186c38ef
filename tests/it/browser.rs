//! Real-browser tests: headless Chromium driven through chromedriver (WebDriver) against
//! the app served over real HTTP.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{ClientBuilder, Locator};
use serde_json::json;
use treffpunkt::domain::account;

use crate::support::{Backend, TestApp, start};

/// A chromedriver process that ends with the test.
pub struct Driver {
    child: Child,
    pub url: String,
    profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn find(candidates: &[&str]) -> Option<String> {
    candidates
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(|p| (*p).to_owned())
}

impl Driver {
    /// Starts chromedriver, or prints why not and returns `None`.
    // The child is killed and reaped in `Drop`, which the lint cannot see.
    #[allow(clippy::zombie_processes)]
    pub async fn start() -> Option<Driver> {
        let Some(driver) = find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])
        else {
            crate::support::skip("chromedriver is not installed (apt-get install chromium-driver)");
            return None;
        };
        if find(&["/usr/bin/chromium"]).is_none() {
            crate::support::skip("chromium is not installed (apt-get install chromium)");
            return None;
        }
        let port = free_port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let url = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Some(Driver {
                    child,
                    url,
                    profile: tempfile::tempdir().unwrap(),
                });
            }
            rocket::tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not start");
    }

    pub async fn browser(&self, lang: &str) -> fantoccini::Client {
        let profile = self.profile.path().to_path_buf();
        self.browser_with(lang, &profile, &[]).await
    }

    /// A browser on a given profile folder (kept between sessions) with extra flags.
    pub async fn browser_with(
        &self,
        lang: &str,
        profile: &std::path::Path,
        extra: &[String],
    ) -> fantoccini::Client {
        let mut caps = serde_json::Map::new();
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=412,900",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push(format!("--lang={lang}"));
        args.extend(extra.iter().cloned());
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": "/usr/bin/chromium", "args": args, "prefs": { "intl.accept_languages": lang } }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&self.url)
            .await
            .expect("browser session")
    }
}

/// The app on a real port; shut down when dropped.
pub struct Served {
    pub base: String,
    shutdown: rocket::Shutdown,
}

impl Drop for Served {
    fn drop(&mut self) {
        self.shutdown.clone().notify();
    }
}

pub async fn serve(app: &TestApp) -> Served {
    serve_on(app, free_port()).await
}

pub async fn serve_on(app: &TestApp, port: u16) -> Served {
    let figment = app
        .figment()
        .merge(("port", port))
        .merge(("address", "127.0.0.1"))
        .merge(("shutdown.ctrlc", false));
    let rocket = treffpunkt::rocket_with_clock(figment, app.clock.clone())
        .ignite()
        .await
        .expect("ignites");
    let shutdown = rocket.shutdown();
    rocket::tokio::spawn(rocket.launch());
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Served {
                base: format!("http://127.0.0.1:{port}"),
                shutdown,
            };
        }
        rocket::tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server did not start");
}

async fn set_value(b: &fantoccini::Client, id: &str, value: &str) {
    // datetime-local inputs take keys in the browser's locale format; set the value as a
    // date picker would
    b.execute(
        &format!("document.getElementById('{id}').value = arguments[0];"),
        vec![json!(value)],
    )
    .await
    .unwrap();
}

async fn fill(b: &fantoccini::Client, id: &str, value: &str) {
    let field = b.find(Locator::Id(id)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

#[rocket::async_test]
async fn organiser_creates_and_publishes_a_meeting_in_a_real_browser() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let office = app.office("lra-tuebingen", "Landratsamt Tübingen");
    let password = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let served = serve(&app).await;
    let b = driver.browser("de").await;

    b.goto(&format!("{}/admin", served.base)).await.unwrap();
    assert!(
        b.current_url()
            .await
            .unwrap()
            .path()
            .starts_with("/admin/login"),
        "sent to the login"
    );
    fill(&b, "email", "orga@example.org").await;
    fill(&b, "password", &password).await;
    b.find(Locator::Css("form.registration button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait()
        .for_element(Locator::Css("nav.staff-nav"))
        .await
        .unwrap();

    b.find(Locator::LinkText("Neue Veranstaltung"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait().for_element(Locator::Id("title")).await.unwrap();
    fill(&b, "title", "Vorstellung des Konzepts im Browser").await;
    fill(&b, "summary", "Öffentliche Vorstellung, Anmeldung erbeten").await;
    let day = (app.now() + chrono::Duration::days(9))
        .date()
        .format("%Y-%m-%d")
        .to_string();
    set_value(&b, "starts_at", &format!("{day}T18:00")).await;
    set_value(&b, "ends_at", &format!("{day}T20:00")).await;
    fill(&b, "venue_name", "Landratsamt Tübingen").await;
    fill(&b, "venue_room", "Großer Sitzungssaal").await;
    fill(&b, "street", "Wilhelm-Keil-Straße 50").await;
    fill(&b, "postal_code", "72072").await;
    fill(&b, "town", "Tübingen").await;
    fill(&b, "capacity", "120").await;
    b.find(Locator::Css("form.staff-form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    let publish = b
        .wait()
        .for_element(Locator::XPath(
            "//button[normalize-space()='Veröffentlichen']",
        ))
        .await
        .unwrap();
    let body = b.source().await.unwrap();
    assert!(body.contains("Als Entwurf gespeichert"), "saved as draft");
    publish.click().await.unwrap();
    b.wait()
        .for_element(Locator::XPath(
            "//*[contains(text(), 'Die Veranstaltung ist veröffentlicht.')]",
        ))
        .await
        .unwrap();

    b.goto(&format!("{}/", served.base)).await.unwrap();
    let link = b
        .wait()
        .for_element(Locator::LinkText("Vorstellung des Konzepts im Browser"))
        .await
        .unwrap();
    link.click().await.unwrap();
    b.wait()
        .for_element(Locator::Id("register-heading"))
        .await
        .unwrap();
    let page = b.source().await.unwrap();
    assert!(
        page.contains("Großer Sitzungssaal") && page.contains("18:00–20:00 Uhr"),
        "the public sees it at the right time"
    );
    b.close().await.unwrap();
}

/// A door link (as an organiser makes one) that opens the check-in of `event` at `/door/<token>`.
pub fn door_link(app: &TestApp, event: i64, token: &str) {
    use diesel::prelude::*;
    use treffpunkt::db::schema::door_links;
    diesel::insert_into(door_links::table)
        .values((
            door_links::event_id.eq(event),
            door_links::token.eq(token),
            door_links::pin.eq("123456"),
            door_links::label.eq("Eingang"),
            door_links::created_at.eq(app.now()),
            door_links::expires_at.eq(app.now() + chrono::Duration::days(10)),
        ))
        .execute(&mut *app.conn())
        .unwrap();
}

/// A Y4M video (what Chromium's fake camera plays) that shows one QR code.
pub fn qr_video(text: &str, path: &std::path::Path) {
    let png_bytes = treffpunkt::qr::png(text, 6).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (qw, qh) = (info.width as usize, info.height as usize);
    let (w, h) = (352usize, 352usize);
    let mut y_plane = vec![255u8; w * h];
    let (ox, oy) = ((w - qw) / 2, (h - qh) / 2);
    for y in 0..qh {
        for x in 0..qw {
            y_plane[(y + oy) * w + x + ox] = buf[y * qw + x];
        }
    }
    let mut out = format!("YUV4MPEG2 W{w} H{h} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
    for _ in 0..10 {
        out.extend_from_slice(b"FRAME\n");
        out.extend_from_slice(&y_plane);
        out.extend(std::iter::repeat_n(128u8, w * h / 2));
    }
    std::fs::write(path, out).unwrap();
}

/// A camera video showing the ticket of `registration` for `event`, written to `path`.
pub fn ticket_video(app: &TestApp, registration: i64, event: i64, path: &std::path::Path) {
    let keys = app
        .client
        .rocket()
        .state::<treffpunkt::domain::ticket::Keys>()
        .unwrap();
    qr_video(&keys.issue(registration, event), path);
}

/// Chromium's flags for a fake camera that plays `video` without asking.
pub fn camera(video: &std::path::Path) -> Vec<String> {
    vec![
        "--use-fake-device-for-media-stream".to_owned(),
        "--use-fake-ui-for-media-stream".to_owned(),
        format!("--use-file-for-fake-video-capture={}", video.display()),
    ]
}

/// Waits until the door page's service worker is ready (from then on it keeps the page).
pub async fn service_worker_ready(b: &fantoccini::Client) {
    b.execute_async(
        "const done = arguments[0]; navigator.serviceWorker.ready.then(() => done(true));",
        vec![],
    )
    .await
    .unwrap();
}

/// How many scans the door page has sent to the server (`…/redeem` requests).
pub async fn redeem_requests(b: &fantoccini::Client) -> u64 {
    b.execute(
        "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/redeem')).length;",
        vec![],
    )
    .await
    .unwrap()
    .as_u64()
    .unwrap_or(0)
}

/// The name the door page gives this device (made up or typed).
pub async fn device_name(b: &fantoccini::Client) -> String {
    b.execute(
        "return document.getElementById('device-name').value;",
        vec![],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

pub async fn wait_text(b: &fantoccini::Client, id: &str, needle: &str, secs: u64) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(secs);
    loop {
        let text = b
            .find(Locator::Id(id))
            .await
            .unwrap()
            .text()
            .await
            .unwrap_or_default();
        if text.contains(needle) || std::time::Instant::now() > deadline {
            return text;
        }
        rocket::tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The door phone scans a ticket from the camera online; then, with the server gone, opens
/// the page again from its own copy, scans another ticket offline, and syncs it when the
/// server is back.
#[rocket::async_test]
async fn door_phone_scans_online_and_offline() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(10), 1);
    let (_, a) = app
        .register(id, "Amira Haddad", "amira@example.org", 1)
        .await;
    let (_, b) = app
        .register(id, "Bogdan Kowal", "bogdan@example.org", 0)
        .await;
    use diesel::prelude::*;
    use treffpunkt::db::schema::registrations;
    let rid = |t: &serde_json::Value| -> i64 {
        registrations::table
            .filter(registrations::token.eq(t["token"].as_str().unwrap()))
            .select(registrations::id)
            .first(&mut *app.conn())
            .unwrap()
    };
    let (ra, rb) = (rid(&a), rid(&b));
    let dir = tempfile::tempdir().unwrap();
    let (video_a, video_b) = (dir.path().join("a.y4m"), dir.path().join("b.y4m"));
    ticket_video(&app, ra, id, &video_a);
    ticket_video(&app, rb, id, &video_b);
    door_link(&app, id, "doorlinkdoorlinkdoorlink");
    let port = free_port();
    let served = serve_on(&app, port).await;
    let profile = dir.path().join("profile");

    // online: the camera sees Amira's ticket
    let browser = driver.browser_with("de", &profile, &camera(&video_a)).await;
    browser
        .goto(&format!("{}/door/doorlinkdoorlinkdoorlink", served.base))
        .await
        .unwrap();
    let text = wait_text(&browser, "result-text", "Amira", 20).await;
    assert!(
        text.contains("Willkommen, Amira Haddad! Gruppe mit 2 Personen."),
        "green result: {text}"
    );
    let checked: Option<chrono::NaiveDateTime> = registrations::table
        .find(ra)
        .select(registrations::checked_in_at)
        .first(&mut *app.conn())
        .unwrap();
    assert!(checked.is_some());
    // the page is kept by the service worker once it controls the page
    service_worker_ready(&browser).await;
    browser.refresh().await.unwrap();
    rocket::tokio::time::sleep(Duration::from_millis(1500)).await;
    browser.close().await.unwrap();

    // the hall loses its connection: the server is gone
    drop(served);
    rocket::tokio::time::sleep(Duration::from_millis(500)).await;
    let browser = driver.browser_with("de", &profile, &camera(&video_b)).await;
    browser
        .goto(&format!("http://127.0.0.1:{port}/checkin/{id}"))
        .await
        .unwrap();
    let text = wait_text(&browser, "result-text", "Bogdan", 20).await;
    assert!(
        text.contains("Bogdan Kowal") && text.contains("ohne Verbindung"),
        "checked offline: {text}"
    );
    let banner = wait_text(&browser, "offline-banner", "1 Einl", 5).await;
    assert!(
        banner.contains("Keine Verbindung") && banner.contains("1 Einlässe warten"),
        "banner: {banner}"
    );
    let unsynced: Option<chrono::NaiveDateTime> = registrations::table
        .find(rb)
        .select(registrations::checked_in_at)
        .first(&mut *app.conn())
        .unwrap();
    assert!(unsynced.is_none(), "not on the server yet");

    // back online: the queued check-in arrives by itself
    let _back = serve_on(&app, port).await;
    let mut synced = false;
    for _ in 0..60 {
        let at: Option<chrono::NaiveDateTime> = registrations::table
            .find(rb)
            .select(registrations::checked_in_at)
            .first(&mut *app.conn())
            .unwrap();
        if at.is_some() {
            synced = true;
            break;
        }
        rocket::tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(synced, "synced when the connection came back");
    // nothing waits any more: the offline banner goes away
    let mut hidden = false;
    for _ in 0..25 {
        let banner = browser.find(Locator::Id("offline-banner")).await.unwrap();
        if !banner.is_displayed().await.unwrap() {
            hidden = true;
            break;
        }
        rocket::tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        hidden,
        "the offline banner is hidden once the queue is sent"
    );
    browser.close().await.unwrap();
}

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
            eprintln!("skipped: chromedriver is not installed (apt-get install chromium-driver)");
            return None;
        };
        if find(&["/usr/bin/chromium"]).is_none() {
            eprintln!("skipped: chromium is not installed (apt-get install chromium)");
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
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         format!("--user-data-dir={}", self.profile.path().display()), format!("--lang={lang}"),
                         "--window-size=412,900"],
                "prefs": { "intl.accept_languages": lang },
            }),
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
    let port = free_port();
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

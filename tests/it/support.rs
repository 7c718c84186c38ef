//! `TestApp`: one application on its own database (a temp-dir SQLite file or a fresh
//! PostgreSQL schema that is dropped afterwards), with a clock the test controls.

use chrono::{Duration, NaiveDateTime};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rocket::figment::Figment;
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::{Client, LocalResponse};
use treffpunkt::db::{Db, DbConn};
use treffpunkt::domain::event::{self, EventColumns, NewEvent};
use treffpunkt::{Clock, config};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A PostgreSQL schema that exists for one test.
struct PgSchema {
    admin_url: String,
    name: String,
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if let Ok(mut c) = diesel::PgConnection::establish(&self.admin_url) {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

pub struct TestApp {
    pub client: Client,
    pub clock: Clock,
    pub db: Db,
    url: String,
    dir: tempfile::TempDir,
    smtp_port: Option<u16>,
    settings: Vec<(String, serde_json::Value)>,
    /// One untracked instance that every staff session shares (each keeps its own cookies):
    /// an instance per session would hold a pool and background jobs each.
    staff_client: rocket::tokio::sync::OnceCell<std::sync::Arc<Client>>,
    /// Set by tests that make background jobs fail on purpose (see `Drop`).
    job_errors_expected: std::sync::atomic::AtomicBool,
    /// Set by tests that make mail fail for good on purpose (see `Drop`).
    failed_mail_expected: std::sync::atomic::AtomicBool,
    // dropped last: the schema goes after every connection to it
    _schema: Option<PgSchema>,
}

fn figment(url: &str, data_dir: &std::path::Path, smtp_port: Option<u16>) -> Figment {
    let f = config::figment()
        .merge(("log_level", "off"))
        .merge(("treffpunkt.mail_poll_ms", 50))
        .merge(("treffpunkt.database_url", url))
        .merge(("treffpunkt.data_dir", data_dir.display().to_string()))
        .merge(("treffpunkt.public_url", "https://treffpunkt.example.org"))
        // tests send forms faster and more often than people; the abuse tests turn these on
        .merge(("treffpunkt.min_fill_seconds", 0))
        .merge(("treffpunkt.register_per_ip_per_hour", 0))
        .merge(("treffpunkt.register_per_meeting_per_minute", 0))
        .merge(("treffpunkt.requests_per_ip_per_hour", 0))
        // tests change the database behind the app's back; the cache test turns it on
        .merge(("treffpunkt.page_cache_ms", 0));
    match smtp_port {
        Some(port) => f.merge(("treffpunkt.smtp_url", format!("smtp://127.0.0.1:{port}"))),
        None => f,
    }
}

/// Starts the app on `backend`, or prints why it cannot and returns `None`.
/// A test that lacks a part (PostgreSQL, a browser, an outside checker) says why and passes on
/// a developer's machine; under CI every part is installed, so a skip there is a missing
/// install step and fails.
pub fn skip(why: &str) {
    eprintln!("skipped: {why}");
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true and a test was skipped ({why}): .ci/run must install what it needs");
    }
}

pub async fn start(backend: Backend) -> Option<TestApp> {
    start_with(backend, None, None, &[]).await
}

/// The app with some settings of its own (`treffpunkt.…` keys and values).
pub async fn start_with_settings(
    backend: Backend,
    settings: &[(&str, serde_json::Value)],
) -> Option<TestApp> {
    start_with(backend, None, None, settings).await
}

/// The app sending its mail to a real SMTP server on `smtp_port`.
pub async fn start_with_smtp(backend: Backend, smtp_port: u16) -> Option<TestApp> {
    start_with(backend, None, Some(smtp_port), &[]).await
}

/// PostgreSQL reached through a TCP proxy the test owns, so it can cut the database off.
pub async fn start_behind_proxy() -> Option<(TestApp, Proxy)> {
    let Ok(base) = std::env::var("TREFFPUNKT_TEST_DATABASE_URL") else {
        skip("TREFFPUNKT_TEST_DATABASE_URL is not set, no PostgreSQL to cut off");
        return None;
    };
    let target = authority(&base).to_owned();
    let proxy = Proxy::start(target).await;
    let app = start_with(Backend::Postgres, Some(proxy.port), None, &[]).await?;
    Some((app, proxy))
}

/// `host:port` of a database URL.
fn authority(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    rest.split(['/', '?']).next().unwrap_or(rest)
}

async fn start_with(
    backend: Backend,
    proxy_port: Option<u16>,
    smtp_port: Option<u16>,
    settings: &[(&str, serde_json::Value)],
) -> Option<TestApp> {
    let settings: Vec<(String, serde_json::Value)> = settings
        .iter()
        .map(|(k, v)| (format!("treffpunkt.{k}"), v.clone()))
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let (url, schema) = match backend {
        Backend::Sqlite => (
            format!("sqlite://{}", dir.path().join("test.sqlite").display()),
            None,
        ),
        Backend::Postgres => {
            let Ok(base) = std::env::var("TREFFPUNKT_TEST_DATABASE_URL") else {
                skip("TREFFPUNKT_TEST_DATABASE_URL is not set, no PostgreSQL to test against");
                return None;
            };
            let name = format!(
                "t_{}",
                treffpunkt::domain::token::new_token()
                    .to_lowercase()
                    .replace(['-', '_'], "")
            );
            let mut admin = match diesel::PgConnection::establish(&base) {
                Ok(c) => c,
                Err(e) => panic!("TREFFPUNKT_TEST_DATABASE_URL is set but unreachable: {e}"),
            };
            admin
                .batch_execute(&format!("CREATE SCHEMA {name}"))
                .expect("create schema");
            let sep = if base.contains('?') { '&' } else { '?' };
            let mut url = format!("{base}{sep}options=-csearch_path%3D{name}");
            if let Some(port) = proxy_port {
                url = url.replacen(authority(&base), &format!("127.0.0.1:{port}"), 1);
            }
            (
                url,
                Some(PgSchema {
                    admin_url: base,
                    name,
                }),
            )
        }
    };
    let clock = Clock::default();
    let mut config = figment(&url, dir.path(), smtp_port);
    for (k, v) in &settings {
        config = config.merge((k.as_str(), v.clone()));
    }
    let rocket = treffpunkt::rocket_with_clock(config, clock.clone());
    let client = Client::tracked(rocket).await.expect("app starts");
    let db = client.rocket().state::<Db>().expect("db managed").clone();
    Some(TestApp {
        client,
        clock,
        db,
        url,
        dir,
        smtp_port,
        settings,
        staff_client: rocket::tokio::sync::OnceCell::new(),
        job_errors_expected: Default::default(),
        failed_mail_expected: Default::default(),
        _schema: schema,
    })
}

/// When a test ends, nothing may have gone wrong behind its back: no mail in the outbox
/// ended as failed, and no background job (of this instance or the staff sessions' one)
/// reported an error. A test that causes such failures on purpose says so with
/// `expect_failed_mail` / `expect_job_errors`, so the check stays on for all others.
impl Drop for TestApp {
    fn drop(&mut self) {
        if std::thread::panicking() {
            // the test failed already; a second panic would abort and hide its message
            return;
        }
        use std::sync::atomic::Ordering::SeqCst;
        let mut found = Vec::new();
        if !self.job_errors_expected.load(SeqCst) {
            let clients =
                std::iter::once(&self.client).chain(self.staff_client.get().map(|c| c.as_ref()));
            for client in clients {
                let health = client
                    .rocket()
                    .state::<treffpunkt::scheduler::Health>()
                    .expect("health managed");
                for (job, times, why) in health.failures() {
                    found.push(format!(
                        "background job {job} failed {times} time(s), first: {why}"
                    ));
                }
            }
        }
        if !self.failed_mail_expected.load(SeqCst) {
            use treffpunkt::db::schema::outbox::dsl as o;
            let failed: Vec<(String, String, Option<String>)> = match self.db.get() {
                Ok(mut conn) => o::outbox
                    .filter(o::failed_at.is_not_null())
                    .select((o::kind, o::recipient, o::last_error))
                    .load(&mut *conn)
                    .unwrap_or_else(|e| panic!("reading the outbox after the test: {e}")),
                Err(e) => panic!("no connection to read the outbox after the test: {e}"),
            };
            for (kind, to, why) in failed {
                found.push(format!(
                    "mail {kind} to {to} failed: {}",
                    why.unwrap_or_default()
                ));
            }
        }
        assert!(
            found.is_empty(),
            "the test left failures behind (call expect_job_errors / expect_failed_mail \
             if it causes them on purpose):\n{}",
            found.join("\n")
        );
    }
}

impl TestApp {
    /// This test makes background jobs fail on purpose (an outage drill): the check at
    /// the end does not count their errors.
    pub fn expect_job_errors(&self) {
        self.job_errors_expected
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// This test makes mail fail for good on purpose: the check at the end does not count
    /// failed mail in the outbox.
    pub fn expect_failed_mail(&self) {
        self.failed_mail_expected
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// The configuration this app was built with (same database and data folder).
    pub fn figment(&self) -> Figment {
        let mut config = figment(&self.url, self.dir.path(), self.smtp_port);
        for (k, v) in &self.settings {
            config = config.merge((k.as_str(), v.clone()));
        }
        config
    }

    /// A second, independently built application on the same database (as two instances
    /// behind a load balancer would be).
    pub async fn second_instance(&self) -> Client {
        let rocket = treffpunkt::rocket_with_clock(self.figment(), self.clock.clone());
        Client::untracked(rocket)
            .await
            .expect("second instance starts")
    }

    pub fn conn(&self) -> impl std::ops::DerefMut<Target = DbConn> {
        self.db.get().expect("db connection")
    }

    pub fn data_dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    pub fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    /// A published public meeting a week from now with the given capacity.
    pub fn meeting(&self, capacity: Option<i32>, max_companions: i32) -> i64 {
        self.meeting_with(|e| {
            e.columns.capacity = capacity;
            e.columns.max_companions = max_companions;
        })
    }

    pub fn meeting_with(&self, adjust: impl FnOnce(&mut NewEvent<'static>)) -> i64 {
        let mut conn = self.conn();
        let office = match event::insert_office(
            &mut conn,
            "amt",
            "Landratsamt Tübingen",
            "amt@example.org",
            "07071 207-0",
        ) {
            Ok(id) => id,
            Err(_) => treffpunkt::db::schema::offices::table
                .select(treffpunkt::db::schema::offices::id)
                .first(&mut *conn)
                .expect("office"),
        };
        let start = self.now() + Duration::days(7);
        let mut new = NewEvent {
            columns: EventColumns {
                office_id: office,
                title: "Vorstellung des Konzepts".into(),
                summary: "Öffentliche Vorstellung".into(),
                description: "**Bitte** anmelden.".into(),
                starts_at: start,
                ends_at: start + Duration::hours(2),
                venue_name: "Landratsamt Tübingen".into(),
                venue_room: Some("Großer Sitzungssaal".into()),
                street: "Wilhelm-Keil-Straße 50".into(),
                postal_code: "72072".into(),
                town: "Tübingen".into(),
                contact_name: Some("Frau Gründler".into()),
                contact_phone: Some("07071 207-2003".into()),
                contact_email: Some("p.gruendler@example.org".into()),
                capacity: Some(10),
                max_companions: 2,
                waitlist_enabled: true,
                visibility: "public".into(),
                ..Default::default()
            },
            status: "published",
            created_at: self.now(),
            updated_at: self.now(),
            ..Default::default()
        };
        adjust(&mut new);
        event::insert(&mut conn, &new).expect("insert meeting")
    }

    pub async fn get(&self, uri: &str) -> LocalResponse<'_> {
        self.client.get(uri.to_owned()).dispatch().await
    }

    pub async fn get_text(&self, uri: &str) -> (Status, String) {
        let res = self.get(uri).await;
        let status = res.status();
        (status, res.into_string().await.unwrap_or_default())
    }

    /// A page's text as a browser asking for `lang` gets it.
    pub async fn get_text_in(&self, uri: &str, lang: &str) -> String {
        self.client
            .get(uri.to_owned())
            .header(lang_header(lang))
            .dispatch()
            .await
            .into_string()
            .await
            .unwrap_or_default()
    }

    pub async fn post_form(&self, uri: &str, body: &str) -> LocalResponse<'_> {
        self.client
            .post(uri.to_owned())
            .header(ContentType::Form)
            .body(body)
            .dispatch()
            .await
    }

    pub async fn post_json(
        &self,
        uri: &str,
        body: &serde_json::Value,
    ) -> (Status, serde_json::Value) {
        let res = self
            .client
            .post(uri.to_owned())
            .header(ContentType::JSON)
            .body(body.to_string())
            .dispatch()
            .await;
        json_of(res).await
    }

    /// Registers by the JSON API; returns the answer's status and body.
    pub async fn register(
        &self,
        event: i64,
        name: &str,
        email: &str,
        companions: i64,
    ) -> (Status, serde_json::Value) {
        register_on(&self.client, event, name, email, companions).await
    }

    pub fn count(&self, sql_where: &str) -> i64 {
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        diesel::sql_query(format!(
            "SELECT COUNT(*) AS n FROM registrations WHERE {sql_where}"
        ))
        .get_result::<N>(&mut *self.conn())
        .expect("count")
        .n
    }

    /// The key in an unlisted meeting's links (`?k=…`), read straight from the database.
    pub fn event_key(&self, event: i64) -> String {
        treffpunkt::domain::event::access_key(&mut self.conn(), event)
            .expect("read")
            .expect("every meeting has a key")
    }

    /// Waits until the work done after answers ("send my link again", data requests) is
    /// finished, so the test sees what it did.
    pub async fn settled(&self) {
        self.client
            .rocket()
            .state::<treffpunkt::web::after::Deferred>()
            .expect("managed")
            .settled()
            .await;
    }

    /// Whether this app runs on PostgreSQL (snapshots are taken once, on SQLite).
    pub fn on_postgres(&self) -> bool {
        self.url.starts_with("postgres")
    }

    /// Every registration's token, to redact them from texts.
    pub fn registration_tokens(&self) -> Vec<String> {
        treffpunkt::db::schema::registrations::table
            .select(treffpunkt::db::schema::registrations::token)
            .load(&mut *self.conn())
            .unwrap()
    }

    /// Confirmed seats of a meeting, read straight from the database.
    pub fn confirmed_seats(&self, event: i64) -> i64 {
        treffpunkt::domain::waitlist::confirmed_seats(&mut self.conn(), event).expect("seats")
    }
}

pub async fn register_on(
    client: &Client,
    event: i64,
    name: &str,
    email: &str,
    companions: i64,
) -> (Status, serde_json::Value) {
    let body = serde_json::json!({
        "name": name, "email": email, "companions": companions, "consent": true,
    });
    let res = client
        .post(format!("/api/v1/events/{event}/registrations"))
        .header(ContentType::JSON)
        .body(body.to_string())
        .dispatch()
        .await;
    json_of(res).await
}

pub async fn json_of(res: LocalResponse<'_>) -> (Status, serde_json::Value) {
    let status = res.status();
    let text = res.into_string().await.unwrap_or_default();
    let value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (status, value)
}

pub fn lang_header(lang: &str) -> Header<'static> {
    Header::new("Accept-Language", lang.to_owned())
}

/// One test function, run once per backend: `mod name { fn sqlite; fn postgres }`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[rocket::async_test]
            async fn sqlite() {
                if let Some(app) = $crate::support::start($crate::support::Backend::Sqlite).await {
                    super::$name(app).await;
                }
            }
            #[rocket::async_test]
            async fn postgres() {
                if let Some(app) = $crate::support::start($crate::support::Backend::Postgres).await {
                    super::$name(app).await;
                }
            }
        }
    )*};
}

/// One test function that starts its own app (with settings of its own), run once per
/// backend: `mod name { fn sqlite; fn postgres }`, each calling `name(backend)`.
#[macro_export]
macro_rules! each_backend {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[rocket::async_test]
            async fn sqlite() {
                super::$name($crate::support::Backend::Sqlite).await;
            }
            #[rocket::async_test]
            async fn postgres() {
                super::$name($crate::support::Backend::Postgres).await;
            }
        }
    )*};
}

/// A TCP proxy to the database that a test can cut (refusing and dropping connections)
/// and restore, without touching the shared server.
pub struct Proxy {
    pub port: u16,
    open: std::sync::Arc<std::sync::atomic::AtomicBool>,
    generation: rocket::tokio::sync::watch::Sender<u64>,
}

impl Proxy {
    async fn start(target: String) -> Proxy {
        use rocket::tokio::net::{TcpListener, TcpStream};
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let port = listener.local_addr().unwrap().port();
        let open = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let (generation, _) = rocket::tokio::sync::watch::channel(0u64);
        let (gate, tx) = (open.clone(), generation.clone());
        rocket::tokio::spawn(async move {
            loop {
                let Ok((mut inbound, _)) = listener.accept().await else {
                    break;
                };
                if !gate.load(std::sync::atomic::Ordering::SeqCst) {
                    drop(inbound);
                    continue;
                }
                let mut cut = tx.subscribe();
                let target = target.clone();
                rocket::tokio::spawn(async move {
                    let Ok(mut outbound) = TcpStream::connect(&target).await else {
                        return;
                    };
                    rocket::tokio::select! {
                        _ = rocket::tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
        });
        Proxy {
            port,
            open,
            generation,
        }
    }

    /// Drops every connection and refuses new ones.
    pub fn cut(&self) {
        self.open.store(false, std::sync::atomic::Ordering::SeqCst);
        self.generation.send_modify(|g| *g += 1);
    }

    pub fn restore(&self) {
        self.open.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// A browser-like session of a staff member: its own cookies, on its own client.
pub struct StaffSession {
    pub client: std::sync::Arc<Client>,
    cookies: std::sync::Mutex<Vec<rocket::http::Cookie<'static>>>,
    /// The browser's `User-Agent`, when the test names one.
    user_agent: Option<String>,
}

/// The hidden CSRF token of the last form on a page.
pub fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html
        .rfind(marker)
        .map(|i| i + marker.len())
        .expect("page has a CSRF field");
    html[start..].split('"').next().unwrap().to_owned()
}

impl StaffSession {
    fn remember(&self, res: &LocalResponse<'_>) {
        let mut jar = self.cookies.lock().unwrap();
        for c in res.cookies().iter() {
            jar.retain(|k| k.name() != c.name());
            if !c.value().is_empty() {
                jar.push(c.clone().into_owned());
            }
        }
    }

    fn jar(&self) -> Vec<rocket::http::Cookie<'static>> {
        self.cookies.lock().unwrap().clone()
    }

    /// The session's cookies as a `Cookie` header, for a client outside the test.
    pub fn cookie_header(&self) -> String {
        self.jar()
            .iter()
            .map(|c| format!("{}={}", c.name(), c.value()))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn agent(&self) -> Header<'static> {
        Header::new(
            "User-Agent",
            self.user_agent
                .clone()
                .unwrap_or_else(|| "treffpunkt-test".into()),
        )
    }

    pub async fn get(&self, uri: &str) -> (Status, String, Option<String>) {
        let res = self
            .client
            .get(uri.to_owned())
            .header(self.agent())
            .cookies(self.jar())
            .dispatch()
            .await;
        self.remember(&res);
        let status = res.status();
        let location = res.headers().get_one("Location").map(str::to_owned);
        (
            status,
            res.into_string().await.unwrap_or_default(),
            location,
        )
    }

    /// A page's text as this person's browser asking for `lang` gets it.
    pub async fn get_in(&self, uri: &str, lang: &str) -> String {
        let res = self
            .client
            .get(uri.to_owned())
            .header(self.agent())
            .header(lang_header(lang))
            .cookies(self.jar())
            .dispatch()
            .await;
        res.into_string().await.unwrap_or_default()
    }

    /// A file as this person's browser asking for `lang` gets it.
    pub async fn get_bytes_in(&self, uri: &str, lang: &str) -> Vec<u8> {
        let res = self
            .client
            .get(uri.to_owned())
            .header(lang_header(lang))
            .cookies(self.jar())
            .dispatch()
            .await;
        res.into_bytes().await.unwrap_or_default()
    }

    pub async fn get_bytes(&self, uri: &str) -> (Status, Option<String>, Vec<u8>) {
        let res = self
            .client
            .get(uri.to_owned())
            .cookies(self.jar())
            .dispatch()
            .await;
        let status = res.status();
        let ct = res.content_type().map(|c| c.to_string());
        (status, ct, res.into_bytes().await.unwrap_or_default())
    }

    /// Posts a form as the page at `from` would, with its CSRF token.
    pub async fn submit(
        &self,
        from: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> (Status, String, Option<String>) {
        let (_, page, _) = self.get(from).await;
        let mut body = format!("csrf={}", csrf_of(&page));
        for (k, v) in fields {
            body.push_str(&format!(
                "&{k}={}",
                rocket::http::RawStr::new(v).percent_encode()
            ));
        }
        self.post_raw(action, body.into_bytes()).await
    }

    pub async fn post_raw(&self, action: &str, body: Vec<u8>) -> (Status, String, Option<String>) {
        self.post_body(action, ContentType::Form, body).await
    }

    /// Posts a body of this type with the session's cookies: the status, the page and
    /// where it redirects to.
    async fn post_body(
        &self,
        action: &str,
        content_type: ContentType,
        body: Vec<u8>,
    ) -> (Status, String, Option<String>) {
        let res = self
            .client
            .post(action.to_owned())
            .header(content_type)
            .header(self.agent())
            .cookies(self.jar())
            .body(body)
            .dispatch()
            .await;
        self.remember(&res);
        let status = res.status();
        let location = res.headers().get_one("Location").map(str::to_owned);
        (
            status,
            res.into_string().await.unwrap_or_default(),
            location,
        )
    }

    /// Posts a multipart form (`text` fields, then files as `(field, file name, bytes)`)
    /// as the page at `from` would, with its CSRF token.
    pub async fn submit_multipart(
        &self,
        from: &str,
        action: &str,
        text: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> (Status, String, Option<String>) {
        let (_, page, _) = self.get(from).await;
        let boundary = "----treffpunkt-test-boundary-7d1f";
        let mut body = Vec::new();
        let csrf = csrf_of(&page);
        let fields = std::iter::once(("csrf", csrf.as_str())).chain(text.iter().copied());
        for (k, v) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        for (k, name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let multipart =
            ContentType::new("multipart", "form-data").with_params(("boundary", boundary));
        self.post_body(action, multipart, body).await
    }

    /// A GET of a file: the status, its headers and its bytes.
    pub async fn get_file(&self, uri: &str) -> (Status, Vec<(String, String)>, Vec<u8>) {
        let res = self
            .client
            .get(uri.to_owned())
            .cookies(self.jar())
            .dispatch()
            .await;
        let status = res.status();
        let headers = res
            .headers()
            .iter()
            .map(|h| (h.name().as_str().to_ascii_lowercase(), h.value().to_owned()))
            .collect();
        (status, headers, res.into_bytes().await.unwrap_or_default())
    }

    pub async fn post_json(
        &self,
        uri: &str,
        body: &serde_json::Value,
    ) -> (Status, serde_json::Value) {
        let res = self
            .client
            .post(uri.to_owned())
            .header(ContentType::JSON)
            .cookies(self.jar())
            .body(body.to_string())
            .dispatch()
            .await;
        self.remember(&res);
        json_of(res).await
    }

    pub async fn csrf(&self) -> String {
        let (_, page, _) = self.get("/admin/login").await;
        csrf_of(&page)
    }
}

/// A GET with a saved `Cookie` header (as someone who copied it would send), on any
/// instance: the status and the `Location`.
pub async fn get_with_cookie(
    client: &Client,
    uri: &str,
    cookie_header: &str,
) -> (Status, Option<String>) {
    // the local client reads cookies only from its own list, not from a raw header
    let cookies: Vec<rocket::http::Cookie<'static>> = cookie_header
        .split("; ")
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| rocket::http::Cookie::new(k.to_owned(), v.to_owned()))
        .collect();
    let res = client.get(uri.to_owned()).cookies(cookies).dispatch().await;
    let location = res.headers().get_one("Location").map(str::to_owned);
    (res.status(), location)
}

impl TestApp {
    /// An account with a password, of `role`, managing `offices`.
    pub fn account(&self, email: &str, role: &str, offices: &[i64]) -> String {
        use treffpunkt::domain::account;
        let password = "Sitzungssaal-18Uhr".to_owned();
        let mut conn = self.conn();
        let id = account::create(&mut conn, email, "Frau Gründler", role, self.now()).unwrap();
        account::set_offices(&mut conn, id, offices).unwrap();
        account::set_password(&mut conn, id, &password, self.now()).unwrap();
        password
    }

    pub fn office(&self, slug: &str, name: &str) -> i64 {
        event::insert_office(
            &mut self.conn(),
            slug,
            name,
            "amt@example.org",
            "07071 207-0",
        )
        .unwrap()
    }

    /// A series of meetings of `office`.
    pub fn series(&self, office: i64, slug: &str, title: &str) -> i64 {
        event::insert_series(&mut self.conn(), slug, title, office).unwrap()
    }

    /// The office meeting `event` belongs to.
    pub fn office_of(&self, event: i64) -> i64 {
        treffpunkt::db::schema::events::table
            .find(event)
            .select(treffpunkt::db::schema::events::office_id)
            .first(&mut *self.conn())
            .unwrap()
    }

    /// A new account of `role` in the office of meeting `event`, logged in.
    pub async fn staff_of(&self, event: i64, email: &str, role: &str) -> StaffSession {
        let password = self.account(email, role, &[self.office_of(event)]);
        self.login(email, &password).await
    }

    /// A fresh session (own cookies) that is not logged in yet.
    pub async fn anonymous(&self) -> StaffSession {
        StaffSession {
            client: self
                .staff_client
                .get_or_init(|| async { std::sync::Arc::new(self.second_instance().await) })
                .await
                .clone(),
            cookies: std::sync::Mutex::new(Vec::new()),
            user_agent: None,
        }
    }

    /// A session logged in through the login form.
    pub async fn login(&self, email: &str, password: &str) -> StaffSession {
        self.login_from(email, password, None).await
    }

    /// A session logged in through the login form by a browser with this `User-Agent`.
    pub async fn login_from(
        &self,
        email: &str,
        password: &str,
        user_agent: Option<&str>,
    ) -> StaffSession {
        let mut s = self.anonymous().await;
        s.user_agent = user_agent.map(str::to_owned);
        let (status, _, location) = s
            .submit(
                "/admin/login",
                "/admin/login",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(status, Status::SeeOther, "login works");
        assert_eq!(location.as_deref(), Some("/admin"));
        s
    }
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')?;
    Some(unescape(&tag[start..start + end]))
}

/// The fields a browser would send from the forms of a page (without the CSRF token):
/// inputs (checked boxes only), text areas and chosen options.
pub fn form_values(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        let tag = rest.split('>').next().unwrap_or("");
        let Some(name) = attr(tag, "name") else {
            continue;
        };
        if name == "csrf" {
            continue;
        }
        if tag.starts_with("input") {
            let kind = attr(tag, "type").unwrap_or_else(|| "text".into());
            if (kind == "checkbox" || kind == "radio") && !tag.contains(" checked") {
                continue;
            }
            if kind == "submit" {
                continue;
            }
            out.push((name, attr(tag, "value").unwrap_or_default()));
        } else if tag.starts_with("textarea") {
            let text = rest.split_once('>').map_or("", |(_, r)| r);
            let text = text.split("</textarea>").next().unwrap_or("");
            out.push((name, unescape(text)));
        } else if tag.starts_with("select") {
            let body = rest.split("</select>").next().unwrap_or("");
            let chosen = body
                .split("<option")
                .skip(1)
                .map(|o| o.split('>').next().unwrap_or(""))
                .find(|o| o.contains(" selected"))
                .and_then(|o| attr(o, "value"));
            if let Some(v) = chosen {
                out.push((name, v));
            }
        }
    }
    out
}

/// Partner organisations, their contacts and invitations, stored directly (the pages that
/// make them are tested on their own).
impl TestApp {
    /// A partner organisation of `office`.
    pub fn partner_org(&self, office: i64, name: &str) -> i64 {
        use treffpunkt::db::schema::partners;
        diesel::insert_into(partners::table)
            .values((
                partners::office_id.eq(office),
                partners::name.eq(name),
                partners::kind.eq("other"),
                partners::created_at.eq(self.now()),
            ))
            .returning(partners::id)
            .get_result(&mut *self.conn())
            .unwrap()
    }

    /// A member contact of organisation `partner` in `language`: its id and feed token.
    pub fn partner_contact(
        &self,
        partner: i64,
        name: &str,
        email: &str,
        language: &str,
    ) -> (i64, String) {
        use treffpunkt::db::schema::partner_contacts as c;
        let feed = treffpunkt::domain::token::new_token();
        let id = diesel::insert_into(c::table)
            .values((
                c::partner_id.eq(partner),
                c::name.eq(name),
                c::email.eq(email),
                c::email_key.eq(email.to_lowercase()),
                c::role.eq("member"),
                c::language.eq(language),
                c::feed_token.eq(&feed),
                c::created_at.eq(self.now()),
            ))
            .returning(c::id)
            .get_result(&mut *self.conn())
            .unwrap();
        (id, feed)
    }

    /// An invitation of `contact` to `event`, sent and not answered: its token.
    pub fn partner_invitation(&self, event: i64, contact: i64) -> String {
        use treffpunkt::db::schema::{invitations as i, partner_contacts as c};
        let mut conn = self.conn();
        let partner: i64 = c::table
            .find(contact)
            .select(c::partner_id)
            .first(&mut *conn)
            .unwrap();
        let token = treffpunkt::domain::token::new_token();
        diesel::insert_into(i::table)
            .values((
                i::event_id.eq(event),
                i::contact_id.eq(contact),
                i::partner_id.eq(partner),
                i::token.eq(&token),
                i::sent_at.eq(self.now()),
                i::created_at.eq(self.now()),
            ))
            .execute(&mut *conn)
            .unwrap();
        token
    }

    /// Answers the invitation behind `token` as its personal link does; the registration of
    /// whoever comes, if anybody does.
    pub fn partner_answer(
        &self,
        token: &str,
        answer: treffpunkt::domain::invitation::reply::Answer,
    ) -> Option<i64> {
        use treffpunkt::domain::invitation;
        let mut conn = self.conn();
        let opened = invitation::open(&mut conn, token, self.now())
            .unwrap()
            .expect("a live invitation");
        invitation::reply::answer(
            &mut conn,
            &opened.invitation,
            (&opened.contact, &opened.partner),
            &answer,
            self.now(),
        )
        .expect("answered")
        .map(|r| r.id)
    }
}

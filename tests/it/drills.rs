//! Fault drills with the real binary: killed with SIGKILL in the middle of a burst of
//! registrations, restarted, nothing answered with success is lost or doubled.
//! (Over 400 lines: every drill, the page cache's included, runs the real binary on a
//! meeting in a file with the same burst of registrations, shared here.)

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use diesel::prelude::*;
use rocket::tokio::io::{AsyncReadExt, AsyncWriteExt};
use rocket::tokio::net::TcpStream;
use treffpunkt::db::schema::{outbox, registrations};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start(url: &str, dir: &std::path::Path, port: u16) -> Server {
    start_logged(url, dir, port, None, &[]).await
}

/// The server with its default logging written to `log`, or silent.
// The child is killed and reaped by `Server`'s Drop, which the lint cannot see.
#[allow(clippy::zombie_processes)]
async fn start_logged(
    url: &str,
    dir: &std::path::Path,
    port: u16,
    log: Option<&std::path::Path>,
    settings: &[(&str, &str)],
) -> Server {
    let (out, err, level) = match log {
        Some(path) => {
            let file = std::fs::File::create(path).unwrap();
            (
                Stdio::from(file.try_clone().unwrap()),
                Stdio::from(file),
                None,
            )
        }
        None => (Stdio::null(), Stdio::null(), Some("off")),
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_treffpunkt"));
    if let Some(level) = level {
        command.env("ROCKET_LOG_LEVEL", level);
    }
    command.envs(settings.iter().copied());
    let child = command
        .arg("serve")
        .env("TREFFPUNKT_DATABASE_URL", url)
        .env("TREFFPUNKT_DATA_DIR", dir)
        // the bursts come from one address
        .env("TREFFPUNKT_REGISTER_PER_IP_PER_HOUR", "0")
        .env("TREFFPUNKT_REGISTER_PER_MEETING_PER_MINUTE", "0")
        .env("ROCKET_PORT", port.to_string())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("the server starts");
    let server = Server(child);
    for _ in 0..200 {
        if request(
            port,
            "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
        .await
        .is_some_and(|r| r.starts_with("HTTP/1.1 200"))
        {
            return server;
        }
        rocket::tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up");
}

async fn request(port: u16, raw: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).await.ok()?;
    s.write_all(raw.as_bytes()).await.ok()?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).await.ok()?;
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// A SQLite file with one published meeting of `capacity` seats, as the binary will find it.
fn drill_meeting(dir: &std::path::Path, capacity: i32) -> (String, treffpunkt::db::Db, i64) {
    let url = format!("sqlite://{}", dir.join("drill.sqlite").display());
    let settings = treffpunkt::Settings {
        database_url: url.clone(),
        data_dir: dir.display().to_string(),
        ..Default::default()
    };
    let db = treffpunkt::open_database(&settings).unwrap();
    let mut conn = db.get().unwrap();
    let event = crate::served::insert_meeting(&mut conn, "Drill", capacity);
    drop(conn);
    (url, db, event)
}

/// Registrations of persons `people` at once, each on its own connection; the raw answers.
fn burst(
    port: u16,
    event: i64,
    people: std::ops::Range<usize>,
) -> rocket::tokio::task::JoinHandle<Vec<Option<String>>> {
    rocket::tokio::spawn(async move {
        futures::future::join_all(people.map(|i| async move {
            let body = format!(r#"{{"name":"Person {i}","email":"p{i}@example.org","companions":{},"consent":true}}"#, i % 3);
            let raw = format!(
                "POST /api/v1/events/{event}/registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            request(port, &raw).await
        }))
        .await
    })
}

/// The tokens of the registrations answered with 201.
fn acknowledged(answers: &[Option<String>]) -> Vec<String> {
    answers
        .iter()
        .flatten()
        .filter(|r| r.starts_with("HTTP/1.1 201"))
        .map(|r| {
            r.split("\"token\":\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[rocket::async_test]
async fn kill_9_during_a_burst_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (url, db, event) = drill_meeting(dir.path(), 150);
    let port = free_port();
    let server = start(&url, dir.path(), port).await;

    // 600 registrations at once; the server dies in the middle of it
    let running = burst(port, event, 0..600);
    rocket::tokio::time::sleep(Duration::from_millis(150)).await;
    drop(server); // SIGKILL, no goodbye
    let acknowledged = acknowledged(&running.await.unwrap());
    assert!(
        acknowledged.len() < 600,
        "the kill came during the burst ({} answered)",
        acknowledged.len()
    );

    // back up on the same file: every acknowledged registration is there exactly once
    let _again = start(&url, dir.path(), port).await;
    let mut conn = db.get().unwrap();
    for token in &acknowledged {
        let n: i64 = registrations::table
            .filter(registrations::token.eq(token))
            .count()
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(n, 1, "acknowledged registration {token} exists once");
    }
    let rows: Vec<(i64, String, i32)> = registrations::table
        .select((
            registrations::id,
            registrations::status,
            registrations::seats,
        ))
        .load(&mut *conn)
        .unwrap();
    let keys: std::collections::BTreeSet<String> = registrations::table
        .select(registrations::email_key)
        .load(&mut *conn)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(keys.len(), rows.len(), "no one twice");
    let confirmed: i32 = rows
        .iter()
        .filter(|r| r.1 == "confirmed")
        .map(|r| r.2)
        .sum();
    assert!(confirmed <= 150, "capacity still exact: {confirmed}");
    // each stored registration has its one mail in the outbox: none lost, none doubled
    for (id, _, _) in &rows {
        let mails: i64 = outbox::table
            .filter(outbox::registration_id.eq(id))
            .count()
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(mails, 1, "registration {id} has exactly one mail");
    }
}

/// SIGTERM: requests under way are answered, the process (and its mail worker) stops by
/// itself within the grace period, and nothing answered is lost.
#[rocket::async_test]
async fn sigterm_finishes_requests_and_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (url, db, event) = drill_meeting(dir.path(), 1000);
    let port = free_port();
    let mut server = start(&url, dir.path(), port).await;
    let running = burst(port, event, 0..300);
    rocket::tokio::time::sleep(Duration::from_millis(100)).await;
    // SAFETY: sending a signal to our own child process
    unsafe {
        libc::kill(server.0.id() as i32, libc::SIGTERM);
    }
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(s) = server.0.try_wait().unwrap() {
            break s;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "stops within the grace period"
        );
        rocket::tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "a clean exit: {status:?}");
    let acknowledged = acknowledged(&running.await.unwrap());
    assert!(!acknowledged.is_empty());
    let mut conn = db.get().unwrap();
    for token in &acknowledged {
        let n: i64 = registrations::table
            .filter(registrations::token.eq(token))
            .count()
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(n, 1, "answered registration {token} is stored");
    }
}

/// Slow clients that dribble their headers do not starve others, and an oversized body is
/// refused at once.
#[rocket::async_test]
async fn slow_and_oversized_clients_do_not_block_others() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("drill.sqlite").display());
    let port = free_port();
    let _server = start(&url, dir.path(), port).await;
    // 200 connections that send one header byte now and then
    let mut slow = Vec::new();
    for _ in 0..200 {
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)).await {
            let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ").await;
            slow.push(s);
        }
    }
    let dribble = rocket::tokio::spawn(async move {
        for _ in 0..20 {
            for s in slow.iter_mut() {
                let _ = s.write_all(b"a").await;
            }
            rocket::tokio::time::sleep(Duration::from_millis(100)).await;
        }
        slow
    });
    for _ in 0..10 {
        let t = std::time::Instant::now();
        let answer = request(
            port,
            "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        )
        .await
        .unwrap_or_default();
        assert!(answer.starts_with("HTTP/1.1 200"), "others are answered");
        assert!(
            t.elapsed() < Duration::from_secs(1),
            "promptly: {:?}",
            t.elapsed()
        );
        rocket::tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // a 2 MB body is refused, not read to the end
    let body = "x".repeat(2 * 1024 * 1024);
    let raw = format!(
        "POST /api/v1/events/1/registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let t = std::time::Instant::now();
    let answer = request(port, &raw).await.unwrap_or_default();
    assert!(
        answer.starts_with("HTTP/1.1 413") || answer.starts_with("HTTP/1.1 400"),
        "refused: {}",
        answer.lines().next().unwrap_or("")
    );
    assert!(t.elapsed() < Duration::from_secs(2));
    drop(dribble.await);
}

/// The server's log (at its default level) carries no names, addresses or tokens, also
/// when errors and unknown addresses are logged.
#[rocket::async_test]
async fn logs_hold_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _db, event) = drill_meeting(dir.path(), 10);
    let port = free_port();
    let log = dir.path().join("server.log");
    let server = start_logged(&url, dir.path(), port, Some(&log), &[]).await;
    let body = r#"{"name":"Geheimer Name","email":"geheim.person@example.org","consent":true}"#;
    let answer = request(
        port,
        &format!(
            "POST /api/v1/events/{event}/registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
    .await
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    let token = answer
        .split("\"token\":\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .unwrap()
        .to_owned();
    for path in [
        format!("/r/{token}"),
        format!("/r/{token}/nothing-here"),
        format!("/privacy/data/{token}"),
    ] {
        request(
            port,
            &format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        )
        .await
        .unwrap();
    }
    let form = "email=geheim.person%40example.org";
    request(
        port,
        &format!(
            "POST /privacy/data HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
            form.len()
        ),
    )
    .await
    .unwrap();
    // the mail worker has had a round to write the mails (and log if it wanted to)
    rocket::tokio::time::sleep(Duration::from_millis(2500)).await;
    let before_refusals = std::fs::read_to_string(&log).unwrap();

    // methods no route takes on addresses with tokens, searches with a query at the door
    // without access or with a meeting id that is no number, check-in calls without access:
    // each is answered, and none of them is worth a line of the log
    let mut refused = Vec::new();
    for (method, path) in [
        ("PUT", format!("/api/v1/registrations/{token}")),
        ("PATCH", format!("/api/v1/registrations/{token}")),
        ("PATCH", format!("/r/{token}")),
        ("DELETE", format!("/r/{token}")),
        ("PUT", format!("/r/{token}/cancel")),
        ("OPTIONS", format!("/r/{token}")),
        ("POST", format!("/privacy/data/{token}/nothing")),
        ("DELETE", format!("/nowhere/{token}")),
        ("HEAD", format!("/nowhere/{token}")),
        ("HEAD", format!("/r/{token}")),
        (
            "GET",
            "/api/v1/checkin/x1/search?q=Geheimer%20Name".to_owned(),
        ),
        (
            "GET",
            format!("/api/v1/checkin/{event}/search?q=geheim.person"),
        ),
        ("GET", format!("/checkin/{event}/nothing?q=geheim.person")),
        ("POST", format!("/api/v1/checkin/{event}/redeem")),
        ("POST", format!("/api/v1/checkin/{event}/undo")),
        ("GET", format!("/api/v1/checkin/{event}/status")),
        ("GET", format!("/checkin/{event}")),
        (
            "GET",
            "/admin/events/1/registrations?q=geheim.person".to_owned(),
        ),
    ] {
        let answer = request(
            port,
            &format!(
                "{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
            ),
        )
        .await
        .unwrap();
        let status = answer.get(9..12).unwrap_or("").to_owned();
        refused.push(format!("{method} {path}: {status}"));
    }
    let refused = refused.join("\n");
    for expected in [
        "PATCH /r/{token}: 405",
        "PUT /api/v1/registrations/{token}: 405",
        "HEAD /r/{token}: 200",
        "HEAD /nowhere/{token}: 404",
        "status: 403",
        "/admin/events/1/registrations?q=geheim.person: 303",
    ] {
        let expected = expected.replace("{token}", &token);
        assert!(refused.contains(&expected), "{expected}:\n{refused}");
    }
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("Rocket has launched"),
        "the log is written: {text}"
    );
    for secret in ["Geheimer Name", "geheim.person", token.as_str()] {
        assert!(!text.contains(secret), "the log shows {secret:?}:\n{text}");
    }
    assert_eq!(
        text.get(before_refusals.len()..).unwrap_or(&text),
        "",
        "refusals wrote to the log ({refused})"
    );
}

/// How a storage fault is made and taken back again on the running server.
trait StorageFault {
    fn cut(&self, server: &Server);
    fn restore(&self, server: &Server);
}

/// Disk full: the server's files may not grow (a file-size limit set on the running
/// process, as a full disk or quota does to its writes).
struct DiskFull;

impl DiskFull {
    fn limit(server: &Server, bytes: libc::rlim_t) {
        let limit = libc::rlimit {
            rlim_cur: bytes,
            rlim_max: libc::RLIM_INFINITY,
        };
        let pid = server.0.id() as libc::pid_t;
        // SAFETY: prlimit on our own child, with a valid struct and no old-limit pointer
        let rc = unsafe { libc::prlimit(pid, libc::RLIMIT_FSIZE, &limit, std::ptr::null_mut()) };
        assert_eq!(rc, 0, "prlimit: {}", std::io::Error::last_os_error());
    }
}

impl StorageFault for DiskFull {
    fn cut(&self, server: &Server) {
        // no write may reach past the first byte of any file
        DiskFull::limit(server, 1);
    }
    fn restore(&self, server: &Server) {
        DiskFull::limit(server, libc::RLIM_INFINITY);
    }
}

/// Read-only database: the SQLite file and its write-ahead log made immutable (`chattr +i`,
/// which also stops root, and writes through files already open).
struct ReadOnly(Vec<std::path::PathBuf>);

impl ReadOnly {
    fn chattr(&self, flag: &str) -> bool {
        self.0.iter().all(|f| {
            Command::new("chattr")
                .arg(flag)
                .arg(f)
                .output()
                .is_ok_and(|o| o.status.success())
        })
    }
}

impl StorageFault for ReadOnly {
    fn cut(&self, _: &Server) {
        assert!(self.chattr("+i"), "chattr +i");
    }
    fn restore(&self, _: &Server) {
        assert!(self.chattr("-i"), "chattr -i");
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        // a failed test must not leave files nobody can delete
        self.chattr("-i");
    }
}

/// Registrations are refused with 503 and a reason while the fault lasts, pages still show,
/// nothing is corrupted or half-stored, and once it is over the same process registers again.
async fn storage_fault_drill(
    dir: &std::path::Path,
    url: &str,
    db: &treffpunkt::db::Db,
    event: i64,
    fault: &dyn StorageFault,
) {
    let port = free_port();
    let server = start(url, dir, port).await;
    let before = acknowledged(&burst(port, event, 0..20).await.unwrap());
    assert_eq!(before.len(), 20);

    fault.cut(&server);
    let during = burst(port, event, 100..140).await.unwrap();
    assert!(
        acknowledged(&during).is_empty(),
        "nothing is confirmed that was not stored"
    );
    for answer in during.iter() {
        let answer = answer.as_deref().expect("every request is answered");
        assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
        assert!(answer.contains("\"error\":\"unavailable\""), "{answer}");
        assert!(answer.to_lowercase().contains("retry-after"), "{answer}");
    }
    let page = request(
        port,
        &format!("GET /events/{event} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    )
    .await
    .unwrap();
    assert!(
        page.starts_with("HTTP/1.1 200"),
        "reading still works: {page}"
    );

    // the fault is over: the same process goes on
    fault.restore(&server);
    let mut after = Vec::new();
    for _ in 0..50 {
        after = acknowledged(&burst(port, event, 200..210).await.unwrap());
        if !after.is_empty() {
            break;
        }
        rocket::tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(after.len(), 10, "registering works again without a restart");
    drop(server);

    let mut conn = db.get().unwrap();
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let check: Check = diesel::sql_query("PRAGMA integrity_check")
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(check.integrity_check, "ok", "the database is intact");
    for token in before.iter().chain(&after) {
        let n: i64 = registrations::table
            .filter(registrations::token.eq(token))
            .count()
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(n, 1, "answered registration {token} is stored once");
    }
    let total: i64 = registrations::table.count().get_result(&mut *conn).unwrap();
    assert_eq!(
        total, 30,
        "nothing from the refused requests was half-stored"
    );
    let mails: i64 = outbox::table.count().get_result(&mut *conn).unwrap();
    assert_eq!(mails, 30, "each stored registration has its mail");
}

/// Disk full on the running server; the server ignores SIGXFSZ so that the limit is an
/// error, not its death.
#[rocket::async_test]
async fn disk_full_refuses_cleanly_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let (url, db, event) = drill_meeting(dir.path(), 10_000);
    storage_fault_drill(dir.path(), &url, &db, event, &DiskFull).await;
}

/// The database becomes read-only under the running server, then writable again.
#[rocket::async_test]
async fn read_only_database_refuses_cleanly_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let (url, db, event) = drill_meeting(dir.path(), 10_000);
    let file = dir.path().join("drill.sqlite");
    let probe = ReadOnly(vec![file.clone()]);
    if !probe.chattr("+i") {
        crate::support::skip(
            "chattr +i is not possible here (needs root and an ext4-like file system)",
        );
        return;
    }
    drop(probe);
    // the write-ahead log exists once the server has written
    let fault = ReadOnly(vec![file, dir.path().join("drill.sqlite-wal")]);
    storage_fault_drill(dir.path(), &url, &db, event, &fault).await;
}

/// The real binary with the micro-cache on (a minute, longer than any of these tests).
async fn with_page_cache(url: &str, dir: &std::path::Path) -> (Server, u16) {
    let port = free_port();
    let cache = [("TREFFPUNKT_PAGE_CACHE_MS", "60000")];
    (start_logged(url, dir, port, None, &cache).await, port)
}

/// The body and head of `GET path`.
async fn page(port: u16, path: String) -> String {
    request(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    )
    .await
    .unwrap()
}

/// The meeting list and pages are served from memory until anything is written; each
/// answer still gets its own form stamp. (Run on the real binary: in the test process other
/// tests' writes would count as writes too.)
#[rocket::async_test]
async fn pages_are_cached_until_something_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (url, db, event) = drill_meeting(dir.path(), 10);
    let (_server, port) = with_page_cache(&url, dir.path()).await;
    let get = |path: String| page(port, path);
    let page = format!("/events/{event}");
    let first = get(page.clone()).await;
    assert!(
        first.contains("Drill") && first.contains("Noch 10 Plätze frei"),
        "{first}"
    );
    assert!(get("/".into()).await.contains("Drill"));
    // changed behind the app's back: the cached pages are still served
    diesel::update(treffpunkt::db::schema::events::table.find(event))
        .set(treffpunkt::db::schema::events::title.eq("Neuer Titel"))
        .execute(&mut *db.get().unwrap())
        .unwrap();
    rocket::tokio::time::sleep(Duration::from_millis(1100)).await;
    let again = get(page.clone()).await;
    assert!(
        again.contains("Drill") && !again.contains("Neuer Titel"),
        "served from the cache"
    );
    let stamp = |html: &str| {
        let at = html.find("name=\"started\" value=\"").unwrap() + 22;
        html[at..].split('"').next().unwrap().to_owned()
    };
    assert_ne!(
        stamp(&first),
        stamp(&again),
        "each answer has its own stamp"
    );
    assert!(!again.contains('\u{1}'));
    // a registration through the app is a write: both pages are made anew
    assert_eq!(
        acknowledged(&burst(port, event, 0..1).await.unwrap()).len(),
        1
    );
    let fresh = get(page.clone()).await;
    assert!(fresh.contains("Neuer Titel"), "made anew after a write");
    assert!(
        fresh.contains("Noch 9 Plätze frei"),
        "with the new free seats"
    );
    assert!(get("/".into()).await.contains("Neuer Titel"));
}

/// A registration makes anew only what shows its meeting: that meeting's page and the list
/// (its card's seats), while another meeting's cached page stays; a registration for that
/// one makes it anew in turn.
#[rocket::async_test]
async fn a_registration_leaves_the_cached_pages_of_other_meetings_in_place() {
    use treffpunkt::db::schema::events;
    let dir = tempfile::tempdir().unwrap();
    let (url, db, first) = drill_meeting(dir.path(), 10);
    let second = crate::served::insert_meeting(&mut db.get().unwrap(), "Zweites Treffen", 10);
    let (_server, port) = with_page_cache(&url, dir.path()).await;
    let get = |path: String| page(port, path);
    let (page_1, page_2) = (format!("/events/{first}"), format!("/events/{second}"));
    assert!(get(page_1.clone()).await.contains("Noch 10 Plätze frei"));
    assert!(get(page_2.clone()).await.contains("Zweites Treffen"));
    assert!(get("/".into()).await.contains("Zweites Treffen"));
    // changed behind the app's back: only what the app writes itself makes pages anew
    for (id, title) in [(first, "Erstes neu"), (second, "Zweites neu")] {
        diesel::update(events::table.find(id))
            .set(events::title.eq(title))
            .execute(&mut *db.get().unwrap())
            .unwrap();
    }
    assert_eq!(
        acknowledged(&burst(port, first, 0..1).await.unwrap()).len(),
        1
    );

    let page = get(page_1.clone()).await;
    assert!(
        page.contains("Erstes neu") && page.contains("Noch 9 Plätze frei"),
        "{page}"
    );
    let list = get("/".into()).await;
    assert!(
        list.contains("Erstes neu"),
        "the list shows the meeting written to"
    );
    let other = get(page_2.clone()).await;
    assert!(
        other.contains("Zweites Treffen") && !other.contains("Zweites neu"),
        "another meeting's page stays in the cache"
    );

    assert_eq!(
        acknowledged(&burst(port, second, 0..1).await.unwrap()).len(),
        1
    );
    let other = get(page_2).await;
    assert!(
        other.contains("Zweites neu") && other.contains("Noch 9 Plätze frei"),
        "{other}"
    );
}

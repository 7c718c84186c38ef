//! The real binary as a server on a SQLite file, and plain HTTP to it (with a cookie), for
//! the backup and upgrade drills.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use diesel::prelude::*;
use rocket::tokio::io::{AsyncReadExt, AsyncWriteExt};
use rocket::tokio::net::TcpStream;

pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

/// One published meeting in three days of the office "Landratsamt", made for it:
/// `capacity` seats, two companions each, with a waiting list.
pub fn insert_meeting(conn: &mut treffpunkt::db::DbConn, title: &str, capacity: i32) -> i64 {
    use treffpunkt::domain::event::{self, EventColumns, NewEvent};
    let now = treffpunkt::Clock::default().now();
    // one office for all the meetings of a database
    let office = treffpunkt::db::schema::offices::table
        .filter(treffpunkt::db::schema::offices::slug.eq("amt"))
        .select(treffpunkt::db::schema::offices::id)
        .first::<i64>(conn)
        .optional()
        .unwrap()
        .unwrap_or_else(|| {
            event::insert_office(conn, "amt", "Landratsamt", "amt@example.org", "0").unwrap()
        });
    let starts = now + chrono::Duration::days(3);
    let columns = EventColumns {
        office_id: office,
        title: title.into(),
        starts_at: starts,
        ends_at: starts + chrono::Duration::hours(2),
        venue_name: "Saal".into(),
        street: "Straße 1".into(),
        postal_code: "72072".into(),
        town: "Tübingen".into(),
        capacity: Some(capacity),
        max_companions: 2,
        waitlist_enabled: true,
        visibility: "public".into(),
        ..Default::default()
    };
    let new = NewEvent {
        columns,
        status: "published",
        created_at: now,
        updated_at: now,
        ..Default::default()
    };
    event::insert(conn, &new).unwrap()
}

/// A SQLite file at `path` with its schema and one meeting (`insert_meeting`), closed again.
pub fn meeting_file(path: &Path, title: &str, capacity: i32) -> i64 {
    let db = treffpunkt::db::Db::connect(&sqlite_url(path)).unwrap();
    let mut conn = db.get().unwrap();
    treffpunkt::db::migrate::run(&mut conn).unwrap();
    insert_meeting(&mut conn, title, capacity)
}

/// The binary with `args` on the database `url`, to its end.
pub fn treffpunkt(url: &str, dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .args(args)
        .env("TREFFPUNKT_DATABASE_URL", url)
        .env("TREFFPUNKT_DATA_DIR", dir)
        .output()
        .expect("the binary runs")
}

pub fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `treffpunkt serve` on `url` (registrations unthrottled, nothing purged), once it answers.
// The child is killed and reaped by `Server`'s Drop, which the lint cannot see.
#[allow(clippy::zombie_processes)]
pub async fn serve(url: &str, dir: &Path, port: u16) -> Server {
    let child = Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .arg("serve")
        .env("TREFFPUNKT_DATABASE_URL", url)
        .env("TREFFPUNKT_DATA_DIR", dir)
        .env("TREFFPUNKT_REGISTER_PER_IP_PER_HOUR", "0")
        .env("TREFFPUNKT_REGISTER_PER_MEETING_PER_MINUTE", "0")
        // a fixture's meetings lie in the past one day: their people must still be there
        .env("TREFFPUNKT_RETENTION_DAYS", "100000")
        .env("ROCKET_PORT", port.to_string())
        .env("ROCKET_LOG_LEVEL", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut server = Server(child);
    // waiting for start-up (migrations, keys), not timing it
    for _ in 0..600 {
        if get(port, "/healthz", None).await.status == 200 {
            return server;
        }
        if let Some(status) = server.0.try_wait().unwrap() {
            panic!("the server ended: {status:?}");
        }
        rocket::tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up");
}

/// An HTTP answer: status (0 when there was none), head and body.
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Answer {
    /// The `name=value` of the first cookie the answer sets.
    pub fn cookie(&self) -> Option<String> {
        self.head.lines().find_map(|l| {
            l.to_ascii_lowercase()
                .starts_with("set-cookie:")
                .then(|| l[11..].trim().split(';').next().unwrap_or("").to_owned())
        })
    }
}

/// One request over HTTP/1.0, so that the body comes whole (never chunked).
pub async fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Answer {
    let mut raw = format!("{method} {path} HTTP/1.0\r\nHost: x\r\n");
    for (k, v) in headers {
        raw.push_str(&format!("{k}: {v}\r\n"));
    }
    raw.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    let answer = async {
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.ok()?;
        s.write_all(raw.as_bytes()).await.ok()?;
        let mut out = Vec::new();
        s.read_to_end(&mut out).await.ok()?;
        Some(String::from_utf8_lossy(&out).into_owned())
    }
    .await
    .unwrap_or_default();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    Answer {
        status: head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0),
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

pub async fn get(port: u16, path: &str, cookie: Option<&str>) -> Answer {
    match cookie {
        Some(c) => http(port, "GET", path, &[("Cookie", c)], "").await,
        None => http(port, "GET", path, &[], "").await,
    }
}

/// The ticket a registration's ticket page shows, read from its QR code.
pub async fn ticket(port: u16, registration_token: &str) -> String {
    let page = get(port, &format!("/r/{registration_token}/ticket"), None).await;
    assert_eq!(page.status, 200, "{}", page.head);
    let svg = &page.body[page
        .body
        .find("<svg")
        .expect("a QR code on the ticket page")..];
    crate::checkin::decode_svg(svg)
}

/// A door link for meeting `event`, as an organiser's door page makes one (a row of the
/// meeting; the test knows its token).
pub fn door_link(url: &str, event: i64) -> String {
    use treffpunkt::db::schema::door_links;
    let db = treffpunkt::db::Db::connect(url).unwrap();
    let mut conn = db.get().unwrap();
    let now = treffpunkt::Clock::default().now();
    let token = format!("drill-door-link-{event}-{}", std::process::id());
    diesel::insert_into(door_links::table)
        .values((
            door_links::event_id.eq(event),
            door_links::token.eq(&token),
            door_links::pin.eq("918273"),
            door_links::label.eq("Eingang"),
            door_links::created_at.eq(now),
            door_links::expires_at.eq(now + chrono::Duration::days(1)),
        ))
        .execute(&mut *conn)
        .unwrap();
    token
}

/// A device opened with a door link: its cookie and its door token.
pub async fn open_door(port: u16, link: &str, event: i64) -> (String, String) {
    let opened = get(port, &format!("/door/{link}"), None).await;
    let cookie = opened.cookie().expect("the door link sets the door cookie");
    let page = get(port, &format!("/checkin/{event}"), Some(&cookie)).await;
    assert_eq!(page.status, 200, "{}", page.head);
    let token = page
        .body
        .split("data-door-token=\"")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .expect("the check-in page has its door token")
        .to_owned();
    (cookie, token)
}

/// The answer of the door to a scanned ticket.
pub async fn redeem(
    port: u16,
    event: i64,
    (cookie, door): &(String, String),
    ticket: &str,
) -> serde_json::Value {
    let body = serde_json::json!({ "token": ticket, "nonce": format!("scan-{}", &ticket[ticket.len() - 12..]), "device": "Eingang" });
    let answer = http(
        port,
        "POST",
        &format!("/api/v1/checkin/{event}/redeem"),
        &[
            ("Cookie", cookie),
            ("X-Door-Token", door),
            ("Content-Type", "application/json"),
        ],
        &body.to_string(),
    )
    .await;
    assert_eq!(answer.status, 200, "{}\n{}", answer.head, answer.body);
    serde_json::from_str(&answer.body).unwrap()
}

/// What `PRAGMA integrity_check` says of the SQLite file at `path`.
pub fn integrity(path: &Path) -> String {
    #[derive(QueryableByName)]
    struct Line {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    diesel::sql_query("PRAGMA integrity_check")
        .load::<Line>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|l| l.integrity_check)
        .collect::<Vec<_>>()
        .join("; ")
}

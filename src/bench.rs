//! `treffpunkt bench`: starts this binary as a server on a temporary database, fills it,
//! drives it over loopback HTTP with concurrent keep-alive clients and prints a table.
//! Figures, not assertions: compare them on the same machine.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Duration as Span;
use rocket::tokio::io::{AsyncReadExt, AsyncWriteExt};
use rocket::tokio::net::TcpStream;

use crate::db::DbConn;
use crate::domain::event::{self, NewEvent};
use crate::{Clock, Settings};

/// What the bench was asked for.
pub struct Options {
    pub seconds: u64,
    pub database_url: Option<String>,
    /// Only the scenarios whose name contains this (for profiling one of them).
    pub only: Option<String>,
}

static ONLY: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        seconds: 5,
        database_url: None,
        only: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => {
                o.seconds = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .ok_or("--seconds takes a number")?
            }
            "--postgres" => {
                o.database_url = Some(it.next().cloned().ok_or("--postgres takes a URL")?)
            }
            "--only" => o.only = Some(it.next().cloned().ok_or("--only takes a name part")?),
            other => return Err(format!("unknown bench option {other}")),
        }
    }
    Ok(o)
}

/// The server under test, killed when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn peak_rss_mb(&self) -> f64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .map(str::to_owned)
            })
            .and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map_or(f64::NAN, |kb| kb / 1024.0)
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(8099)
}

/// Starts `treffpunkt serve`; returns it and how long until the first answered request.
async fn start_server(url: &str, data_dir: &std::path::Path) -> Result<(Server, Duration), String> {
    let port = free_port();
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let started = Instant::now();
    let child = Command::new(exe)
        .arg("serve")
        .env("TREFFPUNKT_DATABASE_URL", url)
        .env("TREFFPUNKT_DATA_DIR", data_dir)
        // all load comes from one address, faster than a person types: the abuse limits
        // would measure themselves
        .env("TREFFPUNKT_REGISTER_PER_IP_PER_HOUR", "0")
        .env("TREFFPUNKT_REGISTER_PER_MEETING_PER_MINUTE", "0")
        .env("TREFFPUNKT_MIN_FILL_SECONDS", "0")
        .env("ROCKET_PORT", port.to_string())
        .env("ROCKET_ADDRESS", "127.0.0.1")
        .env("ROCKET_LOG_LEVEL", "off")
        .env("ROCKET_CLI_COLORS", "false")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let server = Server { child, port };
    for _ in 0..2000 {
        if let Ok(mut c) = Conn::open(port).await
            && c.send(&get("/healthz", &[])).await.is_ok_and(|s| s == 200)
        {
            return Ok((server, started.elapsed()));
        }
        rocket::tokio::time::sleep(Duration::from_millis(2)).await;
    }
    Err("the server did not answer within 4 s".into())
}

/// One keep-alive HTTP/1.1 connection.
struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

fn get(path: &str, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut r = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (k, v) in headers {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str("\r\n");
    r.into_bytes()
}

fn post(path: &str, content_type: &str, body: &str, headers: &[(&str, &str)]) -> Vec<u8> {
    let mut r = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str("\r\n");
    r.push_str(body);
    r.into_bytes()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl Conn {
    async fn open(port: u16) -> std::io::Result<Conn> {
        let stream = TcpStream::connect(("127.0.0.1", port)).await?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            stream,
            buf: Vec::with_capacity(64 * 1024),
        })
    }

    /// Sends a request and reads the whole response; returns the status code.
    async fn send(&mut self, request: &[u8]) -> std::io::Result<u16> {
        self.stream.write_all(request).await?;
        self.buf.clear();
        let mut chunk = [0u8; 16 * 1024];
        let head_end = loop {
            if let Some(i) = find(&self.buf, b"\r\n\r\n") {
                break i + 4;
            }
            let n = self.stream.read(&mut chunk).await?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            self.buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&self.buf[..head_end]).to_ascii_lowercase();
        let status = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
        let length: usize = head
            .lines()
            .find_map(|l| {
                l.strip_prefix("content-length:")
                    .map(|v| v.trim().parse().unwrap_or(0))
            })
            .unwrap_or(0);
        while self.buf.len() < head_end + length {
            let n = self.stream.read(&mut chunk).await?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
        Ok(status)
    }
}

/// Results of one scenario.
struct Row {
    name: String,
    requests: usize,
    errors: usize,
    seconds: f64,
    latencies: Vec<Duration>,
}

impl Row {
    fn percentile(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let i = ((self.latencies.len() as f64 - 1.0) * p).round() as usize;
        self.latencies[i].as_secs_f64() * 1000.0
    }
}

/// Runs `concurrency` clients for `seconds`, each sending what `next(i)` gives and
/// counting answers other than `ok` as errors.
async fn load<F>(name: &str, port: u16, concurrency: usize, seconds: f64, ok: u16, next: F) -> Row
where
    F: Fn(usize) -> Vec<u8> + Send + Sync + 'static,
{
    if let Some(Some(only)) = ONLY.get()
        && !name.contains(only.as_str())
    {
        return Row {
            name: name.into(),
            requests: 0,
            errors: 0,
            seconds: 0.0,
            latencies: Vec::new(),
        };
    }
    let next = std::sync::Arc::new(next);
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (next, counter) = (next.clone(), counter.clone());
        tasks.push(rocket::tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut errors = 0;
            let mut conn = Conn::open(port).await.ok();
            while Instant::now() < deadline {
                let i = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let request = next(i);
                let t = Instant::now();
                let result = match conn.as_mut() {
                    Some(c) => c.send(&request).await,
                    None => Err(std::io::ErrorKind::NotConnected.into()),
                };
                lat.push(t.elapsed());
                match result {
                    Ok(s) if s == ok => {}
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        conn = Conn::open(port).await.ok();
                    }
                }
            }
            (lat, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for t in tasks {
        if let Ok((l, e)) = t.await {
            latencies.extend(l);
            errors += e;
        }
    }
    latencies.sort_unstable();
    Row {
        name: name.to_owned(),
        requests: latencies.len(),
        errors,
        seconds: started.elapsed().as_secs_f64(),
        latencies,
    }
}

fn seed(
    conn: &mut DbConn,
    now: chrono::NaiveDateTime,
    meetings: usize,
) -> Result<Vec<i64>, String> {
    crate::db::lock::write_transaction(conn, |conn| {
        let office = event::insert_office(conn, "lra", "Landratsamt Tübingen", "amt@example.org", "07071 207-0")?;
        let category = event::insert_category(conn, "integration", "Integration", "Integration")?;
        let mut ids = Vec::with_capacity(meetings);
        for i in 0..meetings {
            let start = now + Span::hours(6 + i as i64 * 7);
            let title = format!("Runder Tisch Integration, Termin {}", i + 1);
            ids.push(event::insert(
                conn,
                &NewEvent {
                    office_id: office,
                    category_id: Some(category),
                    title: &title,
                    summary: "Bündnispartner aus Kammern, Kirchen, Jobcenter und Polizei stimmen sich ab.",
                    description: "Beim **Runden Tisch Integration** treffen sich Berufliche Schulen, Kammern, Kirchen, Wohlfahrtsverbände, Jobcenter, Polizei und die Kreisverwaltung.",
                    starts_at: start,
                    ends_at: start + Span::hours(2),
                    venue_name: "Landratsamt Tübingen",
                    venue_room: Some("Großer Sitzungssaal"),
                    street: "Wilhelm-Keil-Straße 50",
                    postal_code: "72072",
                    town: "Tübingen",
                    latitude: Some(48.5132),
                    longitude: Some(9.0706),
                    contact_name: Some("Frau Gründler"),
                    contact_phone: Some("07071 207-2003"),
                    contact_email: Some("p.gruendler@example.org"),
                    capacity: Some(120),
                    max_companions: 2,
                    waitlist_enabled: true,
                    status: "published",
                    visibility: "public",
                    created_at: now,
                    updated_at: now,
                    ..Default::default()
                },
            )?);
        }
        Ok::<_, diesel::result::Error>(ids)
    })
    .map_err(|e| e.to_string())
}

fn print(rows: &[Row], rss: f64, startup: Duration, title: &str) {
    println!("\n{title}");
    println!(
        "{:<40} {:>10} {:>9} {:>9} {:>9} {:>8}",
        "scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"
    );
    for r in rows {
        println!(
            "{:<40} {:>10.0} {:>9.2} {:>9.2} {:>9.2} {:>8}",
            r.name,
            r.requests as f64 / r.seconds,
            r.percentile(0.50),
            r.percentile(0.95),
            r.percentile(0.99),
            r.errors
        );
    }
    println!(
        "server peak RSS: {rss:.1} MB; start-up to first answered request: {:.0} ms",
        startup.as_secs_f64() * 1000.0
    );
}

/// What the scenarios need besides the meetings.
struct Extra {
    /// Tickets of registrations for `ids[0]`, to redeem.
    tickets: Vec<String>,
    door_token: String,
    race_event: i64,
}

/// 20,000 registrations (half on the first meeting, whose door is then opened), a door
/// link, and an empty 100-seat meeting for the capacity race.
fn seed_more(conn: &mut DbConn, ids: &[i64], now: chrono::NaiveDateTime) -> Result<Extra, String> {
    use crate::db::schema::{door_links, events, registrations};
    use diesel::prelude::*;
    let keys = crate::domain::ticket::load_or_create(conn, now).map_err(|e| e.to_string())?;
    crate::db::lock::write_transaction(conn, |conn| {
        diesel::update(events::table.filter(events::id.eq_any(&ids[..200])))
            .set(events::capacity.eq(100_000))
            .execute(conn)?;
        let mut tickets = Vec::new();
        for i in 0..20_000usize {
            let event = if i < 10_000 { ids[0] } else { ids[1 + i % 199] };
            let email = format!("seed{i}@example.org");
            let id: i64 = diesel::insert_into(registrations::table)
                .values((
                    registrations::event_id.eq(event),
                    registrations::token.eq(crate::domain::token::new_token()),
                    registrations::name.eq(format!("Gast {i}")),
                    registrations::email.eq(&email),
                    registrations::email_key.eq(&email),
                    registrations::companions.eq((i % 3) as i32),
                    registrations::seats.eq((i % 3) as i32 + 1),
                    registrations::status.eq("confirmed"),
                    registrations::language.eq("de"),
                    registrations::consent_version.eq("bench"),
                    registrations::consent_at.eq(now),
                    registrations::created_at.eq(now),
                    registrations::updated_at.eq(now),
                ))
                .returning(registrations::id)
                .get_result(conn)?;
            if event == ids[0] {
                tickets.push(keys.issue(id, event));
            }
        }
        let door_token = crate::domain::token::new_token();
        diesel::insert_into(door_links::table)
            .values((
                door_links::event_id.eq(ids[0]),
                door_links::token.eq(&door_token),
                door_links::pin.eq("000000"),
                door_links::label.eq("bench"),
                door_links::created_at.eq(now),
                door_links::expires_at.eq(now + Span::days(400)),
            ))
            .execute(conn)?;
        let race = event::NewEvent {
            office_id: events::table.select(events::office_id).first(conn)?,
            title: "Kapazitätstest",
            starts_at: now + Span::days(3),
            ends_at: now + Span::days(3) + Span::hours(2),
            venue_name: "Saal",
            street: "Straße 1",
            postal_code: "72072",
            town: "Tübingen",
            capacity: Some(100),
            waitlist_enabled: true,
            status: "published",
            visibility: "public",
            created_at: now,
            updated_at: now,
            ..Default::default()
        };
        let race_event = event::insert(conn, &race)?;
        Ok::<_, diesel::result::Error>(Extra {
            tickets,
            door_token,
            race_event,
        })
    })
    .map_err(|e| e.to_string())
}

/// 1,000 registrations at once for 100 seats: exact capacity and unique, gap-free
/// waiting positions, or FAIL.
async fn capacity_race(port: u16, event: i64, url: &str) -> Result<String, String> {
    let started = Instant::now();
    let tasks: Vec<_> = (0..1000)
        .map(|i| {
            rocket::tokio::spawn(async move {
                let mut c = Conn::open(port).await.ok()?;
                let body = format!(
                    r#"{{"name":"Race {i}","email":"race{i}@example.org","consent":true}}"#
                );
                let status = c
                    .send(&post(
                        &format!("/api/v1/events/{event}/registrations"),
                        "application/json",
                        &body,
                        &[],
                    ))
                    .await
                    .ok()?;
                let text = String::from_utf8_lossy(&c.buf).to_string();
                let position = text
                    .split("\"waiting_position\":")
                    .nth(1)
                    .and_then(|r| r.split([',', '}']).next())
                    .and_then(|p| p.trim().parse::<i64>().ok());
                Some((status, position))
            })
        })
        .collect();
    let mut answered = 0;
    let mut positions = Vec::new();
    for t in tasks {
        if let Ok(Some((201, p))) = t.await {
            answered += 1;
            positions.extend(p);
        }
    }
    let elapsed = started.elapsed();
    let db = crate::db::Db::connect(url)?;
    let seats = db
        .run(move |conn| {
            crate::domain::waitlist::confirmed_seats(conn, event).map_err(crate::db::DbError::from)
        })
        .await
        .map_err(|e| e.to_string())?;
    positions.sort_unstable();
    let gap_free = positions
        .iter()
        .enumerate()
        .all(|(i, p)| *p == i as i64 + 1);
    let pass = answered == 1000 && seats == 100 && positions.len() == 900 && gap_free;
    Ok(format!(
        "capacity race, 1,000 at once for 100 seats: {} ({answered} answered 201, {seats} seats confirmed, {} waiting positions {}, {:.1} s)",
        if pass { "PASS" } else { "FAIL" },
        positions.len(),
        if gap_free {
            "unique and gap-free"
        } else {
            "WITH DUPLICATES OR GAPS"
        },
        elapsed.as_secs_f64()
    ))
}

pub async fn run(options: Options) -> Result<(), String> {
    let _ = ONLY.set(options.only.clone());
    let dir = std::env::temp_dir().join(format!("treffpunkt-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    // PostgreSQL: a schema of its own, dropped afterwards, so the database given stays clean
    let schema = format!("treffpunkt_bench_{}", std::process::id());
    let url = match &options.database_url {
        Some(base) => {
            use diesel::Connection;
            use diesel::connection::SimpleConnection;
            let mut admin = diesel::PgConnection::establish(base).map_err(|e| e.to_string())?;
            admin
                .batch_execute(&format!("CREATE SCHEMA {schema}"))
                .map_err(|e| e.to_string())?;
            let sep = if base.contains('?') { '&' } else { '?' };
            format!("{base}{sep}options=-csearch_path%3D{schema}")
        }
        None => format!("sqlite://{}", dir.join("bench.sqlite").display()),
    };
    let settings = Settings {
        database_url: url.clone(),
        data_dir: dir.display().to_string(),
        ..Settings::default()
    };
    let now = Clock::default().now();
    let (ids, extra) = {
        let settings = settings.clone();
        rocket::tokio::task::spawn_blocking(move || {
            let db = crate::open_database(&settings)?;
            let mut conn = db.get().map_err(|e| e.to_string())?;
            let ids = seed(&mut conn, now, 5_000)?;
            let extra = seed_more(&mut conn, &ids, now)?;
            Ok::<_, String>((ids, extra))
        })
        .await
        .map_err(|e| e.to_string())??
    };
    let (server, startup) = start_server(&url, &dir).await?;
    let port = server.port;
    let secs = options.seconds as f64;
    let mut rows = Vec::new();

    // calendar feed of 5,000 meetings: built after every change, then from the cache
    let mut cold = Row {
        name: "/calendar.ics, 5,000 meetings, cold".into(),
        requests: 0,
        errors: 0,
        seconds: 0.0,
        latencies: Vec::new(),
    };
    let db = crate::db::Db::connect(&url)?;
    for (i, &id) in ids.iter().take(5).enumerate() {
        db.run(move |conn| {
            use crate::db::schema::events;
            use diesel::prelude::*;
            diesel::update(events::table.find(id))
                .set(events::summary.eq(format!("Geändert {i}")))
                .execute(conn)
                .map_err(crate::db::DbError::from)
        })
        .await
        .map_err(|e| e.to_string())?;
        let mut c = Conn::open(port).await.map_err(|e| e.to_string())?;
        let t = Instant::now();
        let status = c
            .send(&get("/calendar.ics", &[]))
            .await
            .map_err(|e| e.to_string())?;
        cold.latencies.push(t.elapsed());
        cold.requests += 1;
        cold.errors += usize::from(status != 200);
    }
    cold.seconds = cold.latencies.iter().map(Duration::as_secs_f64).sum();
    cold.latencies.sort_unstable();
    rows.push(cold);
    rows.push(
        load("/calendar.ics cached, c=16", port, 16, secs, 200, |_| {
            get("/calendar.ics", &[])
        })
        .await,
    );
    rows.push(
        load(
            "/calendar.ics cached gzip, c=16",
            port,
            16,
            secs,
            200,
            |_| get("/calendar.ics", &[("Accept-Encoding", "gzip")]),
        )
        .await,
    );
    let etag = {
        let mut c = Conn::open(port).await.map_err(|e| e.to_string())?;
        c.send(&get("/calendar.ics", &[]))
            .await
            .map_err(|e| e.to_string())?;
        let head = String::from_utf8_lossy(&c.buf).to_string();
        head.lines()
            .find_map(|l| {
                l.strip_prefix("etag: ")
                    .or_else(|| l.strip_prefix("ETag: "))
                    .map(str::to_owned)
            })
            .unwrap_or_default()
    };
    rows.push(
        load(
            "/calendar.ics If-None-Match (304), c=16",
            port,
            16,
            secs,
            304,
            move |_| get("/calendar.ics", &[("If-None-Match", &etag)]),
        )
        .await,
    );
    let pages = ids.clone();
    rows.push(
        load(
            "meeting page /events/{id}, c=16",
            port,
            16,
            secs,
            200,
            move |i| get(&format!("/events/{}", pages[i % 200]), &[]),
        )
        .await,
    );
    rows.push(
        load("one meeting as .ics, c=16", port, 16, secs, 200, {
            let ids = ids.clone();
            move |i| get(&format!("/events/{}/calendar.ics", ids[i % 200]), &[])
        })
        .await,
    );

    rows.push(
        load("meeting list /, c=16", port, 16, secs, 200, |_| {
            get("/", &[])
        })
        .await,
    );
    let reg_ids = ids.clone();
    rows.push(
        load("register, JSON API (+ outbox mail), c=16", port, 16, secs, 201, move |i| {
            let body = format!(r#"{{"name":"Bench {i}","email":"api{i}@example.org","companions":1,"consent":true}}"#);
            post(&format!("/api/v1/events/{}/registrations", reg_ids[1 + i % 199]), "application/json", &body, &[])
        })
        .await,
    );
    let form_ids = ids.clone();
    rows.push(
        load(
            "register, HTML form (+ outbox mail), c=16",
            port,
            16,
            secs,
            303,
            move |i| {
                let body =
                    format!("name=Form+{i}&email=form{i}%40example.org&companions=0&consent=yes");
                post(
                    &format!("/events/{}/register", form_ids[1 + i % 199]),
                    "application/x-www-form-urlencoded",
                    &body,
                    &[],
                )
            },
        )
        .await,
    );
    // the door: open it by its link like a phone does, then redeem valid tickets
    let door_cookie = {
        let mut c = Conn::open(port).await.map_err(|e| e.to_string())?;
        c.send(&get(&format!("/door/{}", extra.door_token), &[]))
            .await
            .map_err(|e| e.to_string())?;
        let head = String::from_utf8_lossy(&c.buf).to_string();
        head.lines()
            .find_map(|l| {
                let lower = l.to_ascii_lowercase();
                lower.starts_with("set-cookie: tp_door=").then(|| {
                    l["set-cookie: ".len()..]
                        .split(';')
                        .next()
                        .unwrap_or("")
                        .to_owned()
                })
            })
            .ok_or("the door link gave no cookie")?
    };
    let event0 = ids[0];
    // the check-in page hands its door token to its script, which sends it with each scan
    let door_token = {
        let mut c = Conn::open(port).await.map_err(|e| e.to_string())?;
        c.send(&get(
            &format!("/checkin/{event0}"),
            &[("Cookie", &door_cookie)],
        ))
        .await
        .map_err(|e| e.to_string())?;
        let page = String::from_utf8_lossy(&c.buf).to_string();
        page.split("data-door-token=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(str::to_owned)
            .ok_or("the check-in page gave no door token")?
    };
    let tickets = std::sync::Arc::new(extra.tickets);
    rows.push(
        load(
            "check-in redeem of valid tickets, c=16",
            port,
            16,
            secs,
            200,
            move |i| {
                let body = format!(
                    r#"{{"token":"{}","nonce":"bench-{i}","device":"bench"}}"#,
                    tickets[i % tickets.len()]
                );
                post(
                    &format!("/api/v1/checkin/{event0}/redeem"),
                    "application/json",
                    &body,
                    &[("Cookie", &door_cookie), ("X-Door-Token", &door_token)],
                )
            },
        )
        .await,
    );
    let race = capacity_race(port, extra.race_event, &url).await?;

    if options.only.is_some() {
        rows.retain(|r| r.requests > 0);
    }
    let rss = server.peak_rss_mb();
    drop(server);
    // start-up on the existing database, without the first-run work
    let (again, startup_existing) = start_server(&url, &dir).await?;
    drop(again);
    let backend = if url.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite (WAL, synchronous=FULL)"
    };
    print(
        &rows,
        rss,
        startup_existing,
        &format!(
            "Treffpunkt bench on {backend}, {} s per scenario",
            options.seconds
        ),
    );
    println!(
        "first start on the new database (migrations, keys): {:.0} ms",
        startup.as_secs_f64() * 1000.0
    );
    println!("{race}");
    let _ = std::fs::remove_dir_all(&dir);
    if let Some(base) = &options.database_url {
        use diesel::Connection;
        use diesel::connection::SimpleConnection;
        if let Ok(mut admin) = diesel::PgConnection::establish(base) {
            let _ = admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"));
        }
    }
    Ok(())
}

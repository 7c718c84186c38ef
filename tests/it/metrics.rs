//! `/metrics`: the text parses as the exposition format, its figures move with what happens
//! (requests by route pattern, a registration, a check-in, the outbox, the background jobs),
//! no label holds a concrete path, token or address, and only configured addresses or the
//! right token may read it. The JSON log format: one JSON object per line.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::process::{Command, Stdio};

use chrono::Duration;
use diesel::prelude::*;
use rocket::http::{Header, Status};
use serde_json::json;
use treffpunkt::db::schema::outbox;
use treffpunkt::domain::account;

use crate::support::{Backend, TestApp, start_with_settings};

/// One sample: its name, its labels, its value.
type Sample = (String, BTreeMap<String, String>, f64);

/// Parses the exposition text strictly enough to fail on anything a scraper would reject:
/// every line a comment or `name{labels} value`, every sample of a family announced by
/// `# TYPE` before it, and the text closed by `# EOF`.
fn parse(text: &str) -> Vec<Sample> {
    let is_name = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
            && !s.starts_with(|c: char| c.is_ascii_digit())
    };
    let mut typed: BTreeMap<String, String> = BTreeMap::new();
    let mut samples = Vec::new();
    assert_eq!(
        text.lines().last(),
        Some("# EOF"),
        "closed by # EOF:\n{text}"
    );
    for line in text.lines() {
        if let Some(comment) = line.strip_prefix("# ") {
            let parts: Vec<&str> = comment.splitn(3, ' ').collect();
            if parts[0] == "TYPE" {
                assert!(is_name(parts[1]), "{line}");
                let kinds = [
                    "counter",
                    "gauge",
                    "histogram",
                    "summary",
                    "info",
                    "unknown",
                ];
                assert!(kinds.contains(&parts[2]), "{line}");
                typed.insert(parts[1].to_owned(), parts[2].to_owned());
            }
            continue;
        }
        let (name_labels, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("{line}"));
        let value: f64 = value.parse().unwrap_or_else(|_| panic!("a number: {line}"));
        let (name, labels) = match name_labels.split_once('{') {
            Some((name, rest)) => {
                let inner = rest.strip_suffix('}').unwrap_or_else(|| panic!("{line}"));
                let mut labels = BTreeMap::new();
                for pair in split_labels(inner) {
                    let (k, v) = pair.split_once('=').unwrap_or_else(|| panic!("{line}"));
                    assert!(is_name(k), "label name in {line}");
                    let v = v
                        .strip_prefix('"')
                        .and_then(|v| v.strip_suffix('"'))
                        .unwrap_or_else(|| panic!("quoted label value in {line}"));
                    labels.insert(k.to_owned(), v.to_owned());
                }
                (name, labels)
            }
            None => (name_labels, BTreeMap::new()),
        };
        assert!(is_name(name), "metric name in {line}");
        let family = ["_total", "_bucket", "_sum", "_count", "_created"]
            .iter()
            .find_map(|s| name.strip_suffix(s).filter(|f| typed.contains_key(*f)))
            .unwrap_or(name);
        assert!(typed.contains_key(family), "no # TYPE for {name}");
        samples.push((name.to_owned(), labels, value));
    }
    samples
}

/// `k="v",k2="v2"`, with commas inside quotes kept.
fn split_labels(inner: &str) -> Vec<String> {
    let (mut parts, mut current, mut quoted, mut escaped) =
        (Vec::new(), String::new(), false, false);
    for c in inner.chars() {
        match c {
            ',' if !quoted => parts.push(std::mem::take(&mut current)),
            _ => {
                if c == '"' && !escaped {
                    quoted = !quoted;
                }
                escaped = c == '\\' && !escaped;
                current.push(c);
            }
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// The value of the sample `name` whose labels include all of `with` (summed over the rest).
fn value(samples: &[Sample], name: &str, with: &[(&str, &str)]) -> f64 {
    samples
        .iter()
        .filter(|(n, labels, _)| {
            n == name
                && with
                    .iter()
                    .all(|(k, v)| labels.get(*k).map(String::as_str) == Some(*v))
        })
        .map(|(_, _, v)| v)
        .sum()
}

const LOOPBACK: &str = "127.0.0.1:45000";

async fn scrape(app: &TestApp) -> (String, Vec<Sample>) {
    let res = app
        .client
        .get("/metrics")
        .remote(LOOPBACK.parse().unwrap())
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let kind = res.content_type().expect("a content type").to_string();
    assert!(kind.starts_with("application/openmetrics-text"), "{kind}");
    let text = res.into_string().await.unwrap();
    let samples = parse(&text);
    (text, samples)
}

crate::both_backends!(figures_move_and_labels_hold_patterns_only);

async fn figures_move_and_labels_hold_patterns_only(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let (_, before) = scrape(&app).await;
    let page = [("route", "/events/<id>"), ("method", "GET")];
    let pages_before = value(&before, "treffpunkt_http_requests_total", &page);
    for _ in 0..3 {
        assert_eq!(app.get(&format!("/events/{id}")).await.status(), Status::Ok);
    }
    let (status, registered) = app
        .register(id, "Amira Haddad", "amira@example.org", 0)
        .await;
    assert_eq!(status, Status::Created, "{registered}");
    let token = registered["token"].as_str().unwrap().to_owned();
    assert_eq!(app.get(&format!("/r/{token}")).await.status(), Status::Ok);
    let missing = app.get("/gibt-es-nicht?email=amira@example.org").await;
    assert_eq!(missing.status(), Status::NotFound);

    // checked in at the door (the staff's own instance, same database)
    let ticket = crate::checkin::ticket_of(&app, &token).await;
    let door = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let (status, v) = door
        .door_post(
            &format!("/api/v1/checkin/{id}/redeem"),
            &json!({ "token": ticket, "nonce": "n1", "device": "Tür Nord" }),
        )
        .await;
    assert_eq!(
        (status, v["result"].as_str()),
        (Status::Ok, Some("welcome")),
        "{v}"
    );

    // a mail waiting five minutes (due tomorrow) and one given up on
    let now = app.now();
    let mail = |created, failed| {
        (
            outbox::kind.eq("confirmed"),
            outbox::recipient.eq("geheim@example.org"),
            outbox::subject.eq(""),
            outbox::body_text.eq(""),
            outbox::body_html.eq(""),
            outbox::payload.eq(""),
            outbox::attempts.eq(0),
            outbox::created_at.eq(created),
            outbox::next_attempt_at.eq(now + Duration::days(1)),
            outbox::failed_at.eq(failed),
        )
    };
    for (created, failed) in [(300, None), (30, Some(now))] {
        diesel::insert_into(outbox::table)
            .values(mail(now - Duration::seconds(created), failed))
            .execute(&mut *app.conn())
            .unwrap();
    }
    app.expect_failed_mail();

    // the jobs have run once since the start (they begin at launch)
    let mut samples = Vec::new();
    let mut text = String::new();
    for _ in 0..200 {
        (text, samples) = scrape(&app).await;
        let job = [("job", "mail-delivery")];
        if value(
            &samples,
            "treffpunkt_job_last_success_timestamp_seconds",
            &job,
        ) > 0.0
        {
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // requests, by pattern and status class
    let pages = value(&samples, "treffpunkt_http_requests_total", &page);
    assert_eq!(pages - pages_before, 3.0, "{text}");
    assert_eq!(
        value(
            &samples,
            "treffpunkt_http_requests_total",
            &[("route", "/r/<token>"), ("status", "2xx")]
        ),
        1.0,
        "{text}"
    );
    assert_eq!(
        value(
            &samples,
            "treffpunkt_http_requests_total",
            &[("route", "unmatched"), ("status", "4xx")]
        ),
        1.0,
        "{text}"
    );
    let timed = [("route", "/events/<id>"), ("method", "GET")];
    let count = value(
        &samples,
        "treffpunkt_http_request_duration_seconds_count",
        &timed,
    );
    assert_eq!(count, pages, "one duration per request");
    let all = value(
        &samples,
        "treffpunkt_http_request_duration_seconds_bucket",
        &[("route", "/events/<id>"), ("le", "+Inf")],
    );
    assert_eq!(all, pages, "the +Inf bucket holds every request");

    // the figures read from the database
    let confirmed = [("status", "confirmed")];
    assert_eq!(value(&samples, "treffpunkt_registrations", &confirmed), 1.0);
    assert_eq!(
        value(
            &samples,
            "treffpunkt_registrations",
            &[("status", "waiting")]
        ),
        0.0
    );
    assert_eq!(value(&samples, "treffpunkt_checkins", &[]), 1.0, "{text}");
    let failed = [("state", "failed")];
    assert_eq!(value(&samples, "treffpunkt_outbox_mails", &failed), 1.0);
    assert!(value(&samples, "treffpunkt_outbox_mails", &[("state", "pending")]) >= 1.0);
    let age = value(
        &samples,
        "treffpunkt_outbox_oldest_pending_age_seconds",
        &[],
    );
    assert!(
        (300.0..400.0).contains(&age),
        "oldest pending mail {age} s: {text}"
    );
    assert_eq!(value(&samples, "treffpunkt_database_up", &[]), 1.0);

    // every job is there; the mail delivery has completed within the last minute
    let jobs: BTreeSet<&str> = samples
        .iter()
        .filter(|(n, _, _)| n == "treffpunkt_job_last_success_timestamp_seconds")
        .map(|(_, l, _)| l["job"].as_str())
        .collect();
    for job in ["mail-delivery", "reminders", "retention-purge"] {
        assert!(jobs.contains(job), "{job} in {jobs:?}");
    }
    let delivered = value(
        &samples,
        "treffpunkt_job_last_success_timestamp_seconds",
        &[("job", "mail-delivery")],
    );
    let clock_now = app.now().and_utc().timestamp() as f64;
    assert!(
        (clock_now - 60.0..=clock_now + 1.0).contains(&delivered),
        "{delivered} vs {clock_now}"
    );
    assert_eq!(value(&samples, "treffpunkt_job_failures_total", &[]), 0.0);

    let max = value(&samples, "treffpunkt_db_pool_max_connections", &[]);
    let open = value(&samples, "treffpunkt_db_pool_connections", &[]);
    let idle = value(&samples, "treffpunkt_db_pool_idle_connections", &[]);
    assert!(
        max >= 1.0 && open >= 1.0 && open <= max && idle <= open,
        "{text}"
    );

    // nothing personal, no concrete path, no query in any label
    for secret in [
        token.as_str(),
        &ticket,
        "example.org",
        "Amira",
        "Tür Nord",
        "gibt-es-nicht",
        "Vorstellung",
        &format!("/events/{id}\""),
        &format!("/checkin/{id}/"),
    ] {
        assert!(!text.contains(secret), "{secret:?} in the metrics:\n{text}");
    }
    for (_, labels, _) in &samples {
        if let Some(route) = labels.get("route") {
            let concrete = route
                .split('/')
                .any(|seg| !seg.is_empty() && seg.chars().all(|c| c.is_ascii_digit()));
            assert!(!concrete, "a concrete value in {route}");
        }
    }
}

/// Settings of an office that scrapes from its monitoring network, through a proxy.
const TOKEN: &str = "scrape-8f1d2c9b7a6e5f4d3c2b1a09";

async fn get_metrics(
    app: &TestApp,
    peer: &str,
    headers: &[(&'static str, &'static str)],
) -> (Status, String) {
    let mut req = app
        .client
        .get("/metrics")
        .remote(SocketAddr::new(peer.parse().unwrap(), 40000));
    for (k, v) in headers {
        req = req.header(Header::new(*k, *v));
    }
    let res = req.dispatch().await;
    let status = res.status();
    (status, res.into_string().await.unwrap_or_default())
}

crate::each_backend!(only_allowed_addresses_or_the_token);

async fn only_allowed_addresses_or_the_token(backend: Backend) {
    let Some(app) = start_with_settings(
        backend,
        &[
            ("metrics_allow", json!(["10.1.0.0/16", "2001:db8:5::/48"])),
            ("metrics_token", json!(TOKEN)),
            ("trusted_proxies", json!(["192.0.2.1"])),
        ],
    )
    .await
    else {
        return;
    };
    // what a path that does not exist answers: a refusal must look the same
    let (_, nothing) = app.get_text("/metrics-gibt-es-nicht").await;
    let bearer = "Bearer scrape-8f1d2c9b7a6e5f4d3c2b1a09";
    let refused: &[(&str, &[(&'static str, &'static str)])] = &[
        ("203.0.113.7", &[]),
        // loopback is the default only
        ("127.0.0.1", &[]),
        ("203.0.113.7", &[("Authorization", "Bearer scrape-wrong")]),
        (
            "203.0.113.7",
            &[("Authorization", "scrape-8f1d2c9b7a6e5f4d3c2b1a09")],
        ),
        // a wrong token is refused from an allowed address too
        (
            "10.1.2.3",
            &[("Authorization", "Bearer scrape-8f1d2c9b7a6e5f4d3c2b1a0")],
        ),
        // forwarded by a proxy nobody trusts: its own address does not count
        ("10.1.2.3", &[("X-Forwarded-For", "10.1.9.9")]),
        ("10.1.2.3", &[("X-Real-IP", "10.1.9.9")]),
        // through the trusted proxy: the client's address counts, forged hops do not
        ("192.0.2.1", &[("X-Forwarded-For", "203.0.113.7")]),
        ("192.0.2.1", &[("X-Forwarded-For", "10.1.5.5, 203.0.113.7")]),
        (
            "192.0.2.1",
            &[("X-Forwarded-For", "unbekannt, 203.0.113.7")],
        ),
        ("192.0.2.1", &[("X-Forwarded-For", "unbekannt")]),
    ];
    for (peer, headers) in refused {
        let (status, body) = get_metrics(&app, peer, headers).await;
        assert_eq!(status, Status::NotFound, "{peer} {headers:?}");
        assert_eq!(
            body,
            nothing.replace("metrics-gibt-es-nicht", "metrics"),
            "{peer} {headers:?}: like any unknown path"
        );
    }
    let (status, _) = app.get_text("/metrics").await;
    assert_eq!(status, Status::NotFound, "no address known");

    let allowed: &[(&str, &[(&'static str, &'static str)])] = &[
        ("10.1.2.3", &[]),
        ("2001:db8:5::17", &[]),
        ("::ffff:10.1.0.9", &[]),
        ("203.0.113.7", &[("Authorization", bearer)]),
        ("192.0.2.1", &[("X-Forwarded-For", "203.0.113.7, 10.1.5.5")]),
    ];
    for (peer, headers) in allowed {
        let (status, body) = get_metrics(&app, peer, headers).await;
        assert_eq!(status, Status::Ok, "{peer} {headers:?}");
        parse(&body);
        assert!(body.contains("treffpunkt_http_requests_total{"), "{body}");
    }
}

#[test]
fn settings_that_would_open_it_stop_the_start() {
    let with = |k: &str, v: serde_json::Value| {
        treffpunkt::config::Settings::from_figment(
            &treffpunkt::config::figment().merge((format!("treffpunkt.{k}"), v)),
        )
    };
    let short = with("metrics_token", json!("kurz")).unwrap_err();
    assert!(short.contains("metrics_token"), "{short}");
    let named = with("metrics_allow", json!(["localhost"])).unwrap_err();
    assert!(named.contains("localhost"), "{named}");
    let prefix = with("metrics_allow", json!(["10.0.0.0/33"])).unwrap_err();
    assert!(prefix.contains("10.0.0.0/33"), "{prefix}");
    let format = with("log_format", json!("xml")).unwrap_err();
    assert!(format.contains("log_format"), "{format}");
    let fine = with("metrics_allow", json!(["10.0.0.0/8", "::1"])).unwrap();
    assert_eq!(fine.metrics_allow.len(), 2);
    assert!(
        with("metrics_token", json!(""))
            .unwrap()
            .metrics_token
            .is_none()
    );
}

/// What the server on `port` answers to a GET of `path` over a real connection.
fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

/// The server binary with `log_format = "json"`: every line it prints is a JSON object, a
/// request's token stays out of them, and `/metrics` answers loopback over a real socket.
#[test]
fn json_log_lines_and_metrics_over_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .env(
            "TREFFPUNKT_DATABASE_URL",
            format!("sqlite://{}", dir.path().join("t.sqlite").display()),
        )
        .env("TREFFPUNKT_DATA_DIR", dir.path())
        .env("TREFFPUNKT_LOG_FORMAT", "json")
        .env("ROCKET_PORT", port.to_string())
        .env("ROCKET_ADDRESS", "127.0.0.1")
        .env("ROCKET_LOG_LEVEL", "normal")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    // waiting for start-up (migrations, keys), not timing it
    let mut up = false;
    for _ in 0..600 {
        up = http_get(port, "/healthz").is_some_and(|a| a.starts_with("HTTP/1.1 200"));
        if up || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let metrics = http_get(port, "/metrics").unwrap_or_default();
    let unknown = http_get(port, "/r/geheimes-token-4711?email=jemand@example.org");
    // a graceful stop, so everything written is flushed
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let _ = child.wait();
    assert!(up, "the server answered: {out}");
    assert!(metrics.starts_with("HTTP/1.1 200"), "{metrics}");
    assert!(
        metrics.contains("treffpunkt_http_requests_total{"),
        "{metrics}"
    );
    assert!(unknown.is_some());

    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(lines.len() >= 3, "{out}");
    for line in &lines {
        for key in ["time", "level", "target", "message"] {
            assert!(line[key].is_string(), "{key} in {line}");
        }
        assert!(
            chrono::DateTime::parse_from_rfc3339(line["time"].as_str().unwrap()).is_ok(),
            "{line}"
        );
    }
    assert!(
        lines
            .iter()
            .any(|l| l["message"].as_str().unwrap().contains("launched")),
        "{out}"
    );
    assert!(
        !out.contains("geheimes-token-4711") && !out.contains("jemand@"),
        "{out}"
    );
}

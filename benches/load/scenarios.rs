//! What is measured, in the order printed: feeds, pages, registrations, the door, and the
//! capacity race.

use std::sync::Arc;
use std::time::{Duration, Instant};

use treffpunkt::db::Db;

use crate::data::{self, Extra, Queues};
use crate::http::{Conn, delete, get, post};
use crate::measure::{Row, load, load_mixed};

/// The load scenarios against the server on `port`, `secs` seconds each.
pub async fn all(
    (port, uncached): (u16, u16),
    secs: f64,
    db: &Db,
    ids: &[i64],
    (extra, queues): (Extra, Queues),
) -> Result<Vec<Row>, String> {
    let mut rows = vec![cold_calendar(port, db, ids).await?];
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
    let pages = ids.to_vec();
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
    let feeds = ids.to_vec();
    rows.push(
        load("one meeting as .ics, c=16", port, 16, secs, 200, move |i| {
            get(&format!("/events/{}/calendar.ics", feeds[i % 200]), &[])
        })
        .await,
    );
    rows.push(
        load("meeting list /, c=16", port, 16, secs, 200, |_| {
            get("/", &[])
        })
        .await,
    );
    rows.extend(uncached_pages(uncached, secs, ids).await);
    rows.extend(mixed(port, secs, ids).await);
    rows.extend(register(port, secs, ids).await);
    rows.extend(waiting_lists(port, secs, queues).await);
    rows.push(door(port, secs, ids[0], extra).await?);
    Ok(rows)
}

/// The list and a meeting page on the server without the micro-cache: every answer read
/// from the database and rendered.
async fn uncached_pages(port: u16, secs: f64, ids: &[i64]) -> [Row; 2] {
    let list = load(UNCACHED_LIST, port, 16, secs, 200, |_| get("/", &[])).await;
    let pages = ids.to_vec();
    let page = load(
        "meeting page, every answer rendered, c=16",
        port,
        16,
        secs,
        200,
        move |i| get(&format!("/events/{}", pages[i % 200]), &[]),
    )
    .await;
    [list, page]
}

pub const UNCACHED_LIST: &str = "meeting list /, every answer rendered, c=16";
pub const VIEWS: &str = "views: list and meeting pages, c=16";
pub const MIXED: &str = "mixed: 90 % views, 10 % registrations, c=16";

/// The views people make (every other one the list, the others meeting pages of its
/// meetings), alone and with one registration in ten among them, which empties the
/// micro-cache all the time.
async fn mixed(port: u16, secs: f64, ids: &[i64]) -> [Row; 2] {
    let view = |ids: &[i64], i: usize| {
        if i.is_multiple_of(2) {
            get("/", &[])
        } else {
            get(&format!("/events/{}", ids[(i / 2) % 30]), &[])
        }
    };
    let pages = ids.to_vec();
    let views = load(VIEWS, port, 16, secs, 200, move |i| view(&pages, i)).await;
    let pages = ids.to_vec();
    let mixed = load_mixed(
        MIXED,
        port,
        16,
        secs,
        |i, status| status == if i % 10 == 9 { 201 } else { 200 },
        |i| match i {
            _ if i % 10 == 9 => "registrations",
            _ if i.is_multiple_of(2) => "list",
            _ => "meeting pages",
        },
        move |i| {
            if i % 10 == 9 {
                let body =
                    format!(r#"{{"name":"Mix {i}","email":"mix{i}@example.org","consent":true}}"#);
                post(
                    &format!("/api/v1/events/{}/registrations", pages[1 + i % 29]),
                    "application/json",
                    &body,
                    &[],
                )
            } else {
                view(&pages, i)
            }
        },
    )
    .await;
    [views, mixed]
}

pub const REGISTER_EMPTY: &str = "register, empty meeting, c=16";
pub const REGISTER_LONG: &str = "register, 50,000 waiting, c=16";
pub const CANCEL_SHORT: &str = "cancel, short waiting list, c=16";
pub const CANCEL_LONG: &str = "cancel, head of 50,000 waiting, c=16";

/// Registering into one meeting nobody has registered for and into one where 50,000 wait;
/// cancelling confirmed places (each moves the head of the list up) where the list is as
/// short as the cancels and where 50,000 more wait.
async fn waiting_lists(port: u16, secs: f64, queues: Queues) -> [Row; 4] {
    let register_into = |name: &'static str, event: i64, tag: &'static str| {
        load(name, port, 16, secs, 201, move |i| {
            let body =
                format!(r#"{{"name":"Queue {i}","email":"{tag}{i}@example.org","consent":true}}"#);
            post(
                &format!("/api/v1/events/{event}/registrations"),
                "application/json",
                &body,
                &[],
            )
        })
    };
    let empty = register_into(REGISTER_EMPTY, queues.empty, "empty").await;
    let long = register_into(REGISTER_LONG, queues.long, "long").await;
    let cancel = |name: &'static str, tokens: Vec<String>| {
        load(name, port, 16, secs, 200, move |i| {
            delete(&format!(
                "/api/v1/registrations/{}",
                tokens[i % tokens.len()]
            ))
        })
    };
    let short_cancel = cancel(CANCEL_SHORT, queues.short_tokens).await;
    let long_cancel = cancel(CANCEL_LONG, queues.long_tokens).await;
    [empty, long, short_cancel, long_cancel]
}

/// The calendar feed of 5,000 meetings built after every change (five changes).
async fn cold_calendar(port: u16, db: &Db, ids: &[i64]) -> Result<Row, String> {
    let mut cold = Row::empty("/calendar.ics, 5,000 meetings, cold");
    for (i, &id) in ids.iter().take(5).enumerate() {
        data::touch_meeting(db, id, i).await?;
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
    Ok(cold)
}

/// Registrations by the JSON API and by the HTML form, each writing an outbox mail.
async fn register(port: u16, secs: f64, ids: &[i64]) -> [Row; 2] {
    let reg_ids = ids.to_vec();
    let api = load("register, JSON API (+ outbox mail), c=16", port, 16, secs, 201, move |i| {
        let body = format!(r#"{{"name":"Bench {i}","email":"api{i}@example.org","companions":1,"consent":true}}"#);
        post(&format!("/api/v1/events/{}/registrations", reg_ids[1 + i % 199]), "application/json", &body, &[])
    })
    .await;
    let form_ids = ids.to_vec();
    let form = load(
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
    .await;
    [api, form]
}

/// The door: open it by its link like a phone does, then redeem valid tickets.
async fn door(port: u16, secs: f64, event: i64, extra: Extra) -> Result<Row, String> {
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
    // the check-in page hands its door token to its script, which sends it with each scan
    let door_token = {
        let mut c = Conn::open(port).await.map_err(|e| e.to_string())?;
        c.send(&get(
            &format!("/checkin/{event}"),
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
    let tickets = Arc::new(extra.tickets);
    Ok(load(
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
                &format!("/api/v1/checkin/{event}/redeem"),
                "application/json",
                &body,
                &[("Cookie", &door_cookie), ("X-Door-Token", &door_token)],
            )
        },
    )
    .await)
}

/// 1,000 registrations at once for 100 seats: exact capacity and unique, gap-free
/// waiting positions, or FAIL.
pub async fn capacity_race(port: u16, event: i64, db: &Db) -> Result<String, String> {
    let started = Instant::now();
    let tasks: Vec<_> = (0..1000)
        .map(|i| {
            rocket::tokio::spawn(async move {
                // with several instances, each takes its share of the race
                let mut c = Conn::open(crate::measure::port_for(port, i)).await.ok()?;
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
    let seats = data::confirmed_seats(db, event).await?;
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

//! Backup and restore with the real binary: a backup taken while the server takes a burst of
//! registrations holds every one acknowledged before it began and serves again (its tickets
//! let people in); restore never replaces a database a server holds, nor puts back a file
//! that is no Treffpunkt database.

use std::path::Path;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use treffpunkt::db::schema::registrations;

use crate::served::{
    door_link, free_port, get, http, integrity, open_door, redeem, said, serve, sqlite_url, ticket,
    treffpunkt,
};

/// Registers person `i`: the registration's token once the answer (201) arrived, and when.
async fn register(port: u16, event: i64, i: usize) -> Option<(String, Instant)> {
    let body = format!(
        r#"{{"name":"Person {i}","email":"p{i}@example.org","companions":{},"consent":true}}"#,
        i % 3
    );
    let answer = http(
        port,
        "POST",
        &format!("/api/v1/events/{event}/registrations"),
        &[("Content-Type", "application/json")],
        &body,
    )
    .await;
    let at = Instant::now();
    (answer.status == 201).then(|| {
        let v: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
        (v["token"].as_str().unwrap().to_owned(), at)
    })
}

fn stored(path: &Path, token: &str) -> i64 {
    let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    registrations::table
        .filter(registrations::token.eq(token))
        .count()
        .get_result(&mut conn)
        .unwrap()
}

#[rocket::async_test]
async fn a_backup_during_a_burst_restores_what_was_acknowledged_and_serves() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite");
    let url = sqlite_url(&live);
    let event = crate::served::meeting_file(&live, "Sicherung", 5000);
    let port = free_port();
    let server = serve(&url, dir.path(), port).await;

    // someone registered well before, with a ticket in hand
    let (first, _) = register(port, event, 100_000).await.expect("registered");
    let first_ticket = ticket(port, &first).await;

    let answered = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = answered.clone();
    let burst = rocket::tokio::spawn(async move {
        futures::future::join_all((0..600).map(|i| {
            let counter = counter.clone();
            async move {
                let r = register(port, event, i).await;
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                r
            }
        }))
        .await
    });
    // the backup begins once the first answers are in, with most of the burst still to come
    let waited = Instant::now();
    while answered.load(std::sync::atomic::Ordering::SeqCst) < 30 {
        assert!(
            waited.elapsed() < Duration::from_secs(60),
            "the burst is answered"
        );
        rocket::tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let backup = dir.path().join("backup.sqlite");
    let began = Instant::now();
    let (u, b) = (url.clone(), backup.clone());
    let d = dir.path().to_owned();
    let out = rocket::tokio::task::spawn_blocking(move || {
        treffpunkt(&u, &d, &["backup", &b.to_string_lossy()])
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let answers: Vec<(String, Instant)> = burst.await.unwrap().into_iter().flatten().collect();
    let before: Vec<&String> = answers
        .iter()
        .filter(|(_, at)| *at < began)
        .map(|(t, _)| t)
        .collect();
    assert!(
        !before.is_empty(),
        "registrations were answered before the backup"
    );
    assert!(
        answers.iter().any(|(_, at)| *at > began),
        "the backup came during the burst, not after it"
    );

    // while the server runs, its database is not replaced
    let refused = treffpunkt(&url, dir.path(), &["restore", &backup.to_string_lossy()]);
    assert_ne!(refused.status.code(), Some(0), "{}", said(&refused));
    assert!(
        said(&refused).contains("in use by a running Treffpunkt"),
        "{}",
        said(&refused)
    );
    assert_eq!(get(port, "/healthz", None).await.status, 200);
    assert_eq!(stored(&live, &first), 1, "the live database is untouched");
    drop(server);
    // stopped, the same restore goes through
    let again = treffpunkt(&url, dir.path(), &["restore", &backup.to_string_lossy()]);
    assert_eq!(again.status.code(), Some(0), "{}", said(&again));
    // the killed server's write-ahead log did not get replayed into the restored file
    assert_eq!(integrity(&live), "ok");
    assert_eq!(stored(&live, &first), 1);

    // restored into a fresh place
    let fresh = tempfile::tempdir().unwrap();
    let restored = fresh.path().join("data").join("restored.sqlite");
    let restored_url = sqlite_url(&restored);
    let out = treffpunkt(
        &restored_url,
        fresh.path(),
        &["restore", &backup.to_string_lossy()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert_eq!(integrity(&restored), "ok");
    assert_eq!(stored(&restored, &first), 1);
    for token in &before {
        assert_eq!(
            stored(&restored, token),
            1,
            "registration {token}, acknowledged before the backup began, is in it"
        );
    }

    let port = free_port();
    let _server = serve(&restored_url, fresh.path(), port).await;
    let page = get(port, &format!("/r/{first}"), None).await;
    assert_eq!(page.status, 200, "{}", page.head);
    assert!(page.body.contains("Person 100000"), "{}", page.body);
    assert_eq!(ticket(port, &first).await, first_ticket, "the same ticket");
    let door = open_door(port, &door_link(&restored_url, event), event).await;
    let let_in = redeem(port, event, &door, &first_ticket).await;
    assert_eq!(
        let_in["ok"], true,
        "the ticket from before the backup lets in: {let_in}"
    );
    assert!(
        let_in["message"]
            .as_str()
            .unwrap()
            .contains("Person 100000"),
        "{let_in}"
    );
}

#[test]
fn backup_never_overwrites_and_restore_takes_only_treffpunkt_databases() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live.sqlite");
    let url = sqlite_url(&live);
    crate::served::meeting_file(&live, "Sicherung", 5000);

    let existing = dir.path().join("existing.sqlite");
    std::fs::write(&existing, "keep me").unwrap();
    let out = treffpunkt(&url, dir.path(), &["backup", &existing.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(said(&out).contains("exists already"), "{}", said(&out));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");

    let before = std::fs::read(&live).unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "Teilnehmerliste\nAnna\n").unwrap();
    let other = dir.path().join("other.sqlite");
    let mut conn = diesel::SqliteConnection::establish(&other.to_string_lossy()).unwrap();
    diesel::sql_query("CREATE TABLE things (id INTEGER PRIMARY KEY)")
        .execute(&mut conn)
        .unwrap();
    drop(conn);
    for file in [&text, &other] {
        let out = treffpunkt(&url, dir.path(), &["restore", &file.to_string_lossy()]);
        assert_eq!(out.status.code(), Some(1), "{}", said(&out));
        assert!(
            said(&out).contains("is not a Treffpunkt database"),
            "{}",
            said(&out)
        );
    }
    // a backup damaged in the middle (a bad disk, a half copy)
    let damaged = dir.path().join("damaged.sqlite");
    let out = treffpunkt(&url, dir.path(), &["backup", &damaged.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let mut bytes = std::fs::read(&damaged).unwrap();
    let middle = bytes.len() / 2 / 4096 * 4096;
    bytes[middle..middle + 600].fill(0xff);
    std::fs::write(&damaged, bytes).unwrap();
    let out = treffpunkt(&url, dir.path(), &["restore", &damaged.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(said(&out).contains("is damaged"), "{}", said(&out));

    let missing = treffpunkt(&url, dir.path(), &["restore", "/nowhere/backup.sqlite"]);
    assert_eq!(missing.status.code(), Some(1), "{}", said(&missing));
    assert!(
        said(&missing).contains("there is no file"),
        "{}",
        said(&missing)
    );
    assert_eq!(
        std::fs::read(&live).unwrap(),
        before,
        "the database is untouched"
    );
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restoring") || n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn on_postgresql_backup_and_restore_point_to_its_own_tools() {
    let dir = tempfile::tempdir().unwrap();
    // never connected: the URL alone decides
    let url = "postgres://nobody@127.0.0.1:1/none";
    let file = dir.path().join("b.dump");
    let out = treffpunkt(url, dir.path(), &["backup", &file.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(
        said(&out).contains("pg_dump --format=custom"),
        "{}",
        said(&out)
    );
    assert!(
        said(&out).contains("Backups and upgrades"),
        "{}",
        said(&out)
    );
    assert!(!file.exists());
    std::fs::write(&file, "x").unwrap();
    let out = treffpunkt(url, dir.path(), &["restore", &file.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(said(&out).contains("pg_restore"), "{}", said(&out));
}

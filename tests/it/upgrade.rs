//! Upgrades: the current binary starts on a database of each released schema
//! (`tests/fixtures/`, one file per schema, never edited) and keeps every meeting,
//! registration, check-in, ticket and mail; `migrate --dry-run` lists what a start would
//! apply; a database migrated by a newer version is refused, not run.

use std::path::{Path, PathBuf};

use diesel::prelude::*;
use diesel::sql_types::Text;
use treffpunkt::db::schema::{
    checkins, documents, event_counts, events, invitations, outbox, partner_contacts, partners,
    registrations,
};

use crate::served::{
    door_link, free_port, get, open_door, said, serve, sqlite_url, ticket, treffpunkt,
};

/// A released schema's fixture and what its server issued (tests/fixtures/README.md).
struct Released {
    file: &'static str,
    /// The link key of registration 12 (meeting 7).
    token: &'static str,
    /// The ticket of registration 12 as the server of that day issued it.
    ticket: &'static str,
}

const SCHEMA_2026_11_29: Released = Released {
    file: "schema-2026-11-29.sqlite3",
    token: "wjKNpFDakv0llt2SZXq4CqeN",
    ticket: "T1.AQAAAAwAAAAHqyvwX5vWLTfFtgYMmmCQPxfcctNJvUUeGQnHkGDzz1CGEzAj37iA4DfkIzFERHWp_1FcxNpt8oonGuItjE1OCg",
};

const SCHEMA_2026_11_30: Released = Released {
    file: "schema-2026-11-30.sqlite3",
    token: "QvA4WipvCt2qRxEEkFyBRb12",
    ticket: "T1.AQAAAAwAAAAHl0GlFdRI_ReP9N1Ed6sCs_wkTEVVs7gAgDsQqSX5CRztnIrhGnGw0Y4QQ-c-RxwipK-dL8IHsIh9QyF8F_6dCQ",
};

/// A copy of fixture `name` in a temporary folder.
fn fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("treffpunkt.sqlite");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
        &copy,
    )
    .unwrap();
    (dir, copy)
}

fn applied(path: &Path) -> Vec<String> {
    #[derive(QueryableByName)]
    struct V {
        #[diesel(sql_type = Text)]
        version: String,
    }
    let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    diesel::sql_query("SELECT version FROM __diesel_schema_migrations ORDER BY version")
        .load::<V>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|v| v.version)
        .collect()
}

/// The migrations this source tree has, by folder name.
fn known() -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
    names.sort();
    names
}

fn version_of(name: &str) -> String {
    name.split('_').next().unwrap().replace('-', "")
}

#[rocket::async_test]
async fn a_database_of_the_2026_11_29_schema_keeps_everything() {
    keeps_everything(&SCHEMA_2026_11_29).await;
}

#[rocket::async_test]
async fn a_database_of_the_2026_11_30_schema_keeps_everything() {
    keeps_everything(&SCHEMA_2026_11_30).await;
}

/// Both fixtures hold the same story (the script in tests/fixtures), made by their day's
/// binary: after the start on the current one, all of it is there and works.
async fn keeps_everything(released: &Released) {
    let (dir, path) = fixture(released.file);
    let url = sqlite_url(&path);
    let port = free_port();
    let _server = serve(&url, dir.path(), port).await;
    assert_eq!(
        applied(&path),
        known().iter().map(|n| version_of(n)).collect::<Vec<_>>(),
        "the start brought the schema up to date"
    );

    let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    let c = &mut conn;
    let count = |n: QueryResult<i64>| n.unwrap();
    assert_eq!(count(events::table.count().get_result(c)), 8);
    let titles: Vec<(i64, String, String)> = events::table
        .select((events::id, events::title, events::status))
        .order(events::id)
        .load(c)
        .unwrap();
    assert_eq!(
        titles[6].1,
        "Infoabend: Ehrenamtlich mitwirken im Integrationsmanagement"
    );
    assert_eq!(titles[7].2, "cancelled");
    let people: Vec<(i64, String, String, i32)> = registrations::table
        .select((
            registrations::id,
            registrations::name,
            registrations::status,
            registrations::seats,
        ))
        .order(registrations::id)
        .load(c)
        .unwrap();
    assert_eq!(people.len(), 21);
    assert_eq!(people.iter().filter(|p| p.2 == "confirmed").count(), 18);
    let waiting: Vec<&str> = people
        .iter()
        .filter(|p| p.2 == "waiting")
        .map(|p| p.1.as_str())
        .collect();
    assert_eq!(
        waiting,
        ["Fixture Person 7", "Fixture Person 8", "Fixture Person 9"]
    );
    let checked_in: Vec<i64> = checkins::table
        .select(checkins::registration_id)
        .order(checkins::registration_id)
        .load(c)
        .unwrap();
    assert_eq!(checked_in, [12, 13, 14]);
    // the server may already be delivering them (to .eml files): each one is there once
    let mails: Vec<(String, String, Option<i64>)> = outbox::table
        .select((outbox::recipient, outbox::kind, outbox::registration_id))
        .order(outbox::id)
        .load(c)
        .unwrap();
    let recipients: Vec<&str> = mails.iter().map(|m| m.0.as_str()).collect();
    let expected: Vec<String> = (0..10).map(|i| format!("fixture{i}@example.org")).collect();
    assert_eq!(recipients, expected, "every mail is still in the outbox");
    let kinds: Vec<(&str, Option<i64>)> = mails.iter().map(|m| (m.1.as_str(), m.2)).collect();
    assert_eq!(kinds[0], ("confirmed", Some(12)));
    assert_eq!(kinds[9], ("waiting", Some(21)));
    assert_eq!(count(partners::table.count().get_result(c)), 15);
    assert_eq!(count(partner_contacts::table.count().get_result(c)), 19);
    assert_eq!(count(invitations::table.count().get_result(c)), 30);
    assert_eq!(count(documents::table.count().get_result(c)), 2);
    // the seat counts (kept since 2026-11-30, made from the rows before): seven with a
    // companion each hold 14 seats, three wait
    let counts: (i64, i64) = event_counts::table
        .find(7)
        .select((event_counts::confirmed_seats, event_counts::waiting))
        .first(c)
        .unwrap();
    assert_eq!(counts, (14, 3));
    drop(conn);

    // the server shows them
    let page = get(port, "/events/7", None).await;
    assert_eq!(page.status, 200, "{}", page.head);
    assert!(page.body.contains("Infoabend"), "{}", page.body);
    let seats = get(port, "/api/v1/events/7", None).await;
    let seats: serde_json::Value = serde_json::from_str(&seats.body).unwrap();
    assert_eq!(seats["waiting"], 3, "{seats}");
    let mine = get(port, &format!("/r/{}", released.token), None).await;
    assert_eq!(mine.status, 200, "{}", mine.head);
    assert!(mine.body.contains("Fixture Person 0"), "{}", mine.body);

    // the ticket from before the upgrade: the same one is issued, and the door's key takes it
    assert_eq!(ticket(port, released.token).await, released.ticket);
    let (cookie, _) = open_door(port, &door_link(&url, 7), 7).await;
    let status = get(port, "/api/v1/checkin/7/status?list=1", Some(&cookie)).await;
    assert_eq!(status.status, 200, "{}", status.head);
    let status: serde_json::Value = serde_json::from_str(&status.body).unwrap();
    let key = base64_key(status["public_key"].as_str().unwrap());
    let t = treffpunkt::domain::ticket::verify(&key, released.ticket).expect("verifies");
    assert_eq!((t.registration_id, t.event_id), (12, 7));
    let first = status["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["registration_id"] == 12)
        .unwrap();
    assert!(
        first["checked_in_at"].is_string(),
        "still checked in: {first}"
    );
}

fn base64_key(text: &str) -> ed25519_dalek::VerifyingKey {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .unwrap();
    ed25519_dalek::VerifyingKey::from_bytes(&bytes.try_into().unwrap()).unwrap()
}

#[test]
fn migrate_dry_run_lists_what_a_start_would_apply_and_applies_nothing() {
    let (dir, path) = fixture("schema-2026-11-29.sqlite3");
    let url = sqlite_url(&path);
    let had = applied(&path);
    let expected: Vec<String> = known()
        .into_iter()
        .filter(|n| !had.contains(&version_of(n)))
        .collect();
    let out = treffpunkt(&url, dir.path(), &["migrate", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    if expected.is_empty() {
        assert!(
            said(&out).contains("no pending migrations"),
            "{}",
            said(&out)
        );
    } else {
        assert!(said(&out).contains(&format!("{} pending migrations", expected.len())));
        for name in &expected {
            assert!(said(&out).contains(name.as_str()), "{name}: {}", said(&out));
        }
    }
    assert_eq!(applied(&path), had, "nothing applied");

    // an empty database: every migration is pending, and stays so
    let empty = dir.path().join("empty.sqlite");
    let empty_url = sqlite_url(&empty);
    let out = treffpunkt(&empty_url, dir.path(), &["migrate", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let all = known();
    assert!(
        said(&out).contains(&format!("{} pending migrations", all.len())),
        "{}",
        said(&out)
    );
    for name in &all {
        assert!(said(&out).contains(name.as_str()), "{name}: {}", said(&out));
    }
    assert!(applied(&empty).is_empty(), "nothing applied");
    let out = treffpunkt(&empty_url, dir.path(), &["migrate"]);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert_eq!(applied(&empty).len(), all.len());
    let out = treffpunkt(&empty_url, dir.path(), &["migrate", "--dry-run"]);
    assert!(
        said(&out).contains("no pending migrations"),
        "{}",
        said(&out)
    );
}

#[test]
fn a_database_of_a_newer_version_is_refused() {
    let (dir, path) = fixture("schema-2026-11-29.sqlite3");
    let url = sqlite_url(&path);
    let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    diesel::sql_query("INSERT INTO __diesel_schema_migrations (version) VALUES ('20991231000000')")
        .execute(&mut conn)
        .unwrap();
    drop(conn);
    let had = applied(&path);

    for args in [
        &["migrate"][..],
        &["migrate", "--dry-run"],
        &["serve"],
        &["demo"],
    ] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt"));
        let out = command
            .args(args)
            .env("TREFFPUNKT_DATABASE_URL", &url)
            .env("TREFFPUNKT_DATA_DIR", dir.path())
            .env("ROCKET_PORT", free_port().to_string())
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{args:?}: {}", said(&out));
        for words in [
            "migrated by a newer Treffpunkt",
            "20991231000000",
            "nothing was changed",
        ] {
            assert!(said(&out).contains(words), "{args:?}: {}", said(&out));
        }
    }
    // (opening it switches the file to WAL, as every connection does; its data stays)
    assert_eq!(applied(&path), had, "no migration ran");
    let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    let meetings: i64 = events::table.count().get_result(&mut conn).unwrap();
    assert_eq!(meetings, 8, "demo added nothing");
}

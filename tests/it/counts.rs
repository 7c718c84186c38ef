//! The counts the database keeps per meeting (confirmed seats, people waiting) agree with
//! the registrations after every kind of change, also after an upgrade from a database that
//! had none; the waiting list moves up by its head however long it is, and the answer to a
//! registration gives the same place the person's page shows.

use std::path::Path;

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::DbConn;
use treffpunkt::db::schema::{event_counts, events, registrations};

use crate::both_backends;
use crate::support::TestApp;

both_backends!(
    counts_follow_registering_cancelling_and_moving_up,
    long_list_moves_up_by_its_head
);

/// Every meeting's kept counts against the counts of its rows.
fn assert_counts_agree(conn: &mut DbConn) {
    let ids: Vec<i64> = events::table.select(events::id).load(conn).unwrap();
    for id in ids {
        let kept: (i64, i64) = event_counts::table
            .find(id)
            .select((event_counts::confirmed_seats, event_counts::waiting))
            .first(conn)
            .unwrap_or_else(|e| panic!("meeting {id} has no counts: {e}"));
        let rows: Vec<(String, String, i32)> = registrations::table
            .filter(registrations::event_id.eq(id))
            .select((
                registrations::status,
                registrations::source,
                registrations::seats,
            ))
            .load(conn)
            .unwrap();
        let seats: i64 = rows
            .iter()
            .filter(|(status, source, _)| status == "confirmed" && source != "invitation")
            .map(|(_, _, seats)| i64::from(*seats))
            .sum();
        let waiting = rows.iter().filter(|(s, _, _)| s == "waiting").count() as i64;
        assert_eq!(
            kept,
            (seats, waiting),
            "meeting {id}: kept counts against rows"
        );
    }
}

async fn cancel(app: &TestApp, token: &str) -> serde_json::Value {
    let res = app
        .client
        .delete(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    let (status, body) = crate::support::json_of(res).await;
    assert_eq!(status, Status::Ok, "{body}");
    body
}

async fn status_of(app: &TestApp, token: &str) -> (String, Option<i64>) {
    let res = app
        .client
        .get(format!("/api/v1/registrations/{token}"))
        .dispatch()
        .await;
    let (status, body) = crate::support::json_of(res).await;
    assert_eq!(status, Status::Ok, "{body}");
    (
        body["status"].as_str().unwrap().to_owned(),
        body["waiting_position"].as_i64(),
    )
}

async fn counts_follow_registering_cancelling_and_moving_up(app: TestApp) {
    let event = app.meeting(Some(3), 2);
    let mut tokens = Vec::new();
    // parties of 2, 1, 2, 1: two hold the three seats, two wait
    for (i, companions) in [1, 0, 1, 0].into_iter().enumerate() {
        let (status, body) = app
            .register(
                event,
                &format!("P {i}"),
                &format!("p{i}@example.org"),
                companions,
            )
            .await;
        assert_eq!(status, Status::Created, "{body}");
        tokens.push(body["token"].as_str().unwrap().to_owned());
        let position = body["waiting_position"].as_i64();
        // the answer's place is the one the person's page shows
        assert_eq!(status_of(&app, &tokens[i]).await.1, position);
        assert_counts_agree(&mut app.conn());
    }
    assert_eq!(
        status_of(&app, &tokens[2]).await,
        ("waiting".into(), Some(1))
    );
    assert_eq!(
        status_of(&app, &tokens[3]).await,
        ("waiting".into(), Some(2))
    );
    // the same address again is refused and changes nothing
    let (status, _) = app.register(event, "P 0", "P0@example.org", 0).await;
    assert_eq!(status, Status::Conflict);
    assert_counts_agree(&mut app.conn());

    // one seat free: the head needs two and nobody passes it
    cancel(&app, &tokens[1]).await;
    assert_counts_agree(&mut app.conn());
    assert_eq!(status_of(&app, &tokens[2]).await.0, "waiting");
    assert_eq!(
        status_of(&app, &tokens[3]).await,
        ("waiting".into(), Some(2))
    );

    // three seats free: both move up, in order
    cancel(&app, &tokens[0]).await;
    assert_counts_agree(&mut app.conn());
    assert_eq!(
        status_of(&app, &tokens[2]).await,
        ("confirmed".into(), None)
    );
    assert_eq!(
        status_of(&app, &tokens[3]).await,
        ("confirmed".into(), None)
    );
    assert_eq!(app.confirmed_seats(event), 3);

    // someone waiting who leaves takes their place in the count with them
    let (_, late) = app.register(event, "Late", "late@example.org", 0).await;
    assert_eq!(late["waiting_position"], 1);
    let late = late["token"].as_str().unwrap().to_owned();
    cancel(&app, &late).await;
    // cancelling twice answers the same and counts once
    cancel(&app, &late).await;
    assert_counts_agree(&mut app.conn());
}

/// `n` one-seat registrations waiting for `event`, written straight into the database.
fn waiting_people(conn: &mut DbConn, event: i64, n: usize, now: chrono::NaiveDateTime) {
    for start in (0..n).step_by(500) {
        let rows: Vec<_> = (start..n.min(start + 500))
            .map(|i| {
                (
                    registrations::event_id.eq(event),
                    registrations::token.eq(treffpunkt::domain::token::new_token()),
                    registrations::name.eq(format!("Wait {i}")),
                    registrations::email.eq(format!("wait{i}@example.org")),
                    registrations::email_key.eq(format!("wait{i}@example.org")),
                    registrations::companions.eq(0),
                    registrations::seats.eq(1),
                    registrations::status.eq("waiting"),
                    registrations::language.eq("de"),
                    registrations::consent_version.eq("test"),
                    registrations::consent_at.eq(now),
                    registrations::created_at.eq(now),
                    registrations::updated_at.eq(now),
                )
            })
            .collect();
        // many rows to a statement: each backend's own insert (the shared one has none)
        match conn {
            DbConn::Sqlite(c) => diesel::insert_into(registrations::table)
                .values(rows)
                .execute(c),
            DbConn::Postgres(c) => diesel::insert_into(registrations::table)
                .values(rows)
                .execute(c),
        }
        .unwrap();
    }
}

async fn long_list_moves_up_by_its_head(app: TestApp) {
    let event = app.meeting(Some(1), 2);
    let (_, first) = app.register(event, "Seat", "seat@example.org", 0).await;
    assert_eq!(first["status"], "confirmed");
    waiting_people(&mut app.conn(), event, 3_000, app.now());
    let (status, newest) = app.register(event, "Newest", "newest@example.org", 0).await;
    assert_eq!(status, Status::Created, "{newest}");
    assert_eq!(newest["waiting_position"], 3_001);
    let newest = newest["token"].as_str().unwrap().to_owned();
    assert_eq!(
        status_of(&app, &newest).await,
        ("waiting".into(), Some(3_001))
    );

    cancel(&app, first["token"].as_str().unwrap()).await;
    // the first who waited has the seat, the second is now first
    let moved: Vec<(String, String)> = registrations::table
        .filter(registrations::event_id.eq(event))
        .filter(registrations::name.eq_any(["Wait 0", "Wait 1"]))
        .order(registrations::id)
        .select((registrations::name, registrations::status))
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(
        moved,
        [
            ("Wait 0".to_owned(), "confirmed".to_owned()),
            ("Wait 1".to_owned(), "waiting".to_owned())
        ]
    );
    assert_eq!(
        status_of(&app, &newest).await,
        ("waiting".into(), Some(3_000))
    );
    assert_counts_agree(&mut app.conn());
}

#[test]
fn an_upgraded_database_gets_counts_of_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("treffpunkt.sqlite");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-2026-11-29.sqlite3"),
        &copy,
    )
    .unwrap();
    let settings = treffpunkt::Settings {
        database_url: format!("sqlite://{}", copy.display()),
        data_dir: dir.path().display().to_string(),
        ..treffpunkt::Settings::default()
    };
    let db = treffpunkt::open_database(&settings).expect("migrates");
    let mut conn = db.get().unwrap();
    let with_counts: i64 = event_counts::table.count().get_result(&mut *conn).unwrap();
    assert_eq!(
        with_counts, 8,
        "every meeting of the fixture has its counts"
    );
    assert_counts_agree(&mut conn);
}

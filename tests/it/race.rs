//! Capacity under load: many simultaneous registrations and cancellations never overbook,
//! waiting positions stay unique and gap-free, and the waiting list moves up correctly.

use std::collections::BTreeSet;

use diesel::prelude::*;
use futures::future::join_all;
use rocket::http::Status;
use rocket::local::asynchronous::Client;
use treffpunkt::db::schema::registrations;

use crate::both_backends;
use crate::support::{Backend, TestApp, register_on, start};

const SEATS: i32 = 50;

both_backends!(concurrent_registrations_and_cancellations);

/// Party size of the i-th registrant: a mix of 1, 2 and 3 people.
fn companions(i: usize) -> i64 {
    [0, 1, 0, 2, 0][i % 5]
}

#[derive(Queryable, Debug)]
struct Row {
    id: i64,
    seats: i32,
    status: String,
    promoted_at: Option<chrono::NaiveDateTime>,
}

async fn burst(
    clients: &[&Client],
    event: i64,
    from: usize,
    n: usize,
) -> Vec<(Status, serde_json::Value)> {
    join_all((from..from + n).map(|i| {
        let client = clients[i % clients.len()];
        async move {
            register_on(
                client,
                event,
                &format!("Person {i}"),
                &format!("person{i}@example.org"),
                companions(i),
            )
            .await
        }
    }))
    .await
}

fn check_invariants(app: &TestApp, event: i64) {
    let rows: Vec<Row> = registrations::table
        .filter(registrations::event_id.eq(event))
        .order(registrations::id.asc())
        .select((
            registrations::id,
            registrations::seats,
            registrations::status,
            registrations::promoted_at,
        ))
        .load(&mut *app.conn())
        .unwrap();
    let confirmed: i64 = rows
        .iter()
        .filter(|r| r.status == "confirmed")
        .map(|r| i64::from(r.seats))
        .sum();
    assert!(
        confirmed <= i64::from(SEATS),
        "overbooked: {confirmed} seats confirmed of {SEATS}"
    );
    let waiting: Vec<&Row> = rows.iter().filter(|r| r.status == "waiting").collect();
    if let Some(head) = waiting.first() {
        assert!(
            i64::from(head.seats) > i64::from(SEATS) - confirmed,
            "the head of the waiting list ({} seats) fits into {} free seats but was not promoted",
            head.seats,
            i64::from(SEATS) - confirmed
        );
        // nobody was confirmed directly while an earlier registrant was still waiting
        for r in rows
            .iter()
            .filter(|r| r.status == "confirmed" && r.promoted_at.is_none())
        {
            assert!(
                r.id < head.id,
                "registration {} jumped the waiting list (head {})",
                r.id,
                head.id
            );
        }
    }
}

async fn positions_via_api(app: &TestApp, tokens: &[String]) -> Vec<i64> {
    let mut positions = Vec::new();
    for t in tokens {
        let (_, body) =
            crate::support::json_of(app.get(&format!("/api/v1/registrations/{t}")).await).await;
        if body["status"] == "waiting" {
            positions.push(
                body["waiting_position"]
                    .as_i64()
                    .expect("a waiting registration has a position"),
            );
        }
    }
    positions.sort_unstable();
    positions
}

async fn run_race(app: &TestApp, clients: &[&Client]) {
    let event = app.meeting(Some(SEATS), 2);

    // 1. 200 people at once
    let answers = burst(clients, event, 0, 200).await;
    assert!(
        answers.iter().all(|(s, _)| *s == Status::Created),
        "every registration answered 201"
    );
    let mut reported: Vec<i64> = answers
        .iter()
        .filter_map(|(_, b)| b["waiting_position"].as_i64())
        .collect();
    reported.sort_unstable();
    let expected: Vec<i64> = (1..=reported.len() as i64).collect();
    assert_eq!(
        reported, expected,
        "waiting positions handed out are unique and gap-free"
    );
    let confirmed_seats: i64 = answers
        .iter()
        .filter(|(_, b)| b["status"] == "confirmed")
        .map(|(_, b)| b["companions"].as_i64().unwrap() + 1)
        .sum();
    assert_eq!(
        confirmed_seats,
        app.confirmed_seats(event),
        "answers match the database"
    );
    assert!(
        confirmed_seats >= i64::from(SEATS) - 2,
        "seats are filled up to the last party that fits"
    );
    check_invariants(app, event);

    // 2. cancellations interleaved with 60 more registrations
    let tokens: Vec<String> = answers
        .iter()
        .map(|(_, b)| b["token"].as_str().unwrap().to_owned())
        .collect();
    let cancel_ids: Vec<usize> = (0..200).filter(|i| i % 4 == 1 || i % 9 == 0).collect();
    let cancels = join_all(cancel_ids.iter().map(|&i| {
        let client = clients[i % clients.len()];
        let token = tokens[i].clone();
        async move {
            client
                .delete(format!("/api/v1/registrations/{token}"))
                .dispatch()
                .await
                .status()
        }
    }));
    let (cancel_statuses, more) = futures::join!(cancels, burst(clients, event, 200, 60));
    assert!(cancel_statuses.iter().all(|s| *s == Status::Ok));
    assert!(more.iter().all(|(s, _)| *s == Status::Created));
    check_invariants(app, event);

    let all_tokens: Vec<String> = tokens
        .into_iter()
        .chain(
            more.iter()
                .map(|(_, b)| b["token"].as_str().unwrap().to_owned()),
        )
        .collect();
    let positions = positions_via_api(app, &all_tokens).await;
    let expected: Vec<i64> = (1..=positions.len() as i64).collect();
    assert_eq!(
        positions, expected,
        "positions after cancellations are unique and gap-free"
    );
    let unique: BTreeSet<&String> = all_tokens.iter().collect();
    assert_eq!(unique.len(), all_tokens.len(), "tokens are unique");
    assert_eq!(
        app.count(&format!("event_id = {event}")),
        260,
        "every answered registration exists exactly once"
    );
}

async fn concurrent_registrations_and_cancellations(app: TestApp) {
    run_race(&app, &[&app.client]).await;
}

/// Two independently built app instances on one PostgreSQL database must not overbook.
#[rocket::async_test]
async fn two_instances_on_postgres_do_not_overbook() {
    let Some(app) = start(Backend::Postgres).await else {
        return;
    };
    let second = app.second_instance().await;
    run_race(&app, &[&app.client, &second]).await;
}

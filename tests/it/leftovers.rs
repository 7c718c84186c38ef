//! The check `TestApp` makes when a test ends: failed mail and failing background jobs
//! left behind fail the test, unless it said it causes them on purpose.

use diesel::prelude::*;

use crate::support::{Backend, start};

/// Mail that ended as failed in the outbox fails the test that left it.
#[rocket::async_test]
#[should_panic(expected = "failed: 550 mailbox gone")]
async fn failed_mail_left_behind_fails_the_test() {
    let Some(app) = start(Backend::Sqlite).await else {
        return;
    };
    let id = app.meeting(Some(5), 0);
    app.register(id, "Anna", "anna@example.org", 0).await;
    diesel::sql_query("UPDATE outbox SET failed_at = created_at, last_error = '550 mailbox gone'")
        .execute(&mut *app.conn())
        .unwrap();
}

/// The same test passes when it says the failed mail is on purpose.
#[rocket::async_test]
async fn failed_mail_on_purpose_passes() {
    let Some(app) = start(Backend::Sqlite).await else {
        return;
    };
    app.expect_failed_mail();
    let id = app.meeting(Some(5), 0);
    app.register(id, "Anna", "anna@example.org", 0).await;
    diesel::sql_query("UPDATE outbox SET failed_at = created_at, last_error = '550 mailbox gone'")
        .execute(&mut *app.conn())
        .unwrap();
}

/// A background job that failed (and recovered later) fails the test.
#[rocket::async_test]
#[should_panic(expected = "background job retention-purge failed")]
async fn failing_job_fails_the_test() {
    let Some(app) = start(Backend::Sqlite).await else {
        return;
    };
    diesel::sql_query("ALTER TABLE data_requests RENAME TO data_requests_away")
        .execute(&mut *app.conn())
        .unwrap();
    app.clock.advance(chrono::Duration::minutes(6));
    let health = app
        .client
        .rocket()
        .state::<treffpunkt::scheduler::Health>()
        .expect("managed")
        .clone();
    for _ in 0..200 {
        if !health.failures().is_empty() {
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // repaired: the job's later success does not wipe out that it failed
    diesel::sql_query("ALTER TABLE data_requests_away RENAME TO data_requests")
        .execute(&mut *app.conn())
        .unwrap();
}

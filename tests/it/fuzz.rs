//! Schemathesis against the JSON API over real HTTP: it reads the served OpenAPI document,
//! sends valid and invalid requests, and checks every answer against that document (no 5xx,
//! documented status codes, bodies of the documented form, bad input refused).

use std::process::Command;
use std::time::Duration;

use rocket::http::Status;
use treffpunkt::domain::account;
use treffpunkt::domain::ticket::Keys;
use treffpunkt::domain::validate::RegistrationInput;

use crate::browser::serve;
use crate::support::{Backend, TestApp, start};

/// Ids, tokens and tickets that exist, so that fuzzed paths and bodies reach real data
/// rather than only 404s.
struct Known {
    events: Vec<i64>,
    registrations: Vec<i64>,
    tokens: Vec<String>,
    tickets: Vec<String>,
}

async fn fill(app: &TestApp) -> Known {
    let loaded =
        treffpunkt::domain::demo::load(&mut app.conn(), app.now()).expect("demo meetings load");
    assert!(loaded >= 3, "demo meetings: {loaded}");
    let (_, list) = crate::support::json_of(app.get("/api/v1/events").await).await;
    let events: Vec<i64> = list["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["id"].as_i64())
        .collect();
    let keys = app.client.rocket().state::<Keys>().expect("keys").clone();
    let mut known = Known {
        events: events.clone(),
        registrations: Vec::new(),
        tokens: Vec::new(),
        tickets: Vec::new(),
    };
    for (i, event) in events.iter().enumerate() {
        for (j, name) in ["Aylin Demir", "Jonas Weber"].iter().enumerate() {
            let (status, reg) = app
                .register(*event, name, &format!("p{i}{j}@example.org"), 0)
                .await;
            if status != Status::Created {
                continue;
            }
            let id = reg_id(app, reg["token"].as_str().unwrap());
            known.registrations.push(id);
            known.tokens.push(reg["token"].as_str().unwrap().to_owned());
            known.tickets.push(keys.issue(id, *event));
        }
    }
    assert!(!known.tokens.is_empty(), "registrations for the fuzzer");
    known
}

fn reg_id(app: &TestApp, token: &str) -> i64 {
    use diesel::prelude::*;
    use treffpunkt::db::schema::registrations;
    registrations::table
        .filter(registrations::token.eq(token))
        .select(registrations::id)
        .first(&mut *app.conn())
        .expect("registration row")
}

fn toml_list<T: ToString>(items: &[T], quote: bool) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|v| {
            if quote {
                format!("\"{}\"", v.to_string())
            } else {
                v.to_string()
            }
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// The configuration: the admin's session (door access to every meeting) with its door
/// token, and the known ids, used for about half the generated values.
fn config(known: &Known, cookie: &str, door_token: &str) -> String {
    format!(
        r#"[headers]
Cookie = "{cookie}"
X-Door-Token = "{door_token}"

[dictionaries]
events = {{ values = {events} }}
registrations = {{ values = {registrations} }}
tokens = {{ values = {tokens} }}
tickets = {{ values = {tickets} }}

[parameters]
"path.id" = {{ dictionary = "events", probability = 0.8 }}
"path.event" = {{ dictionary = "events", probability = 0.7 }}
"path.token" = {{ dictionary = "tokens", probability = 0.5 }}
"body.token" = {{ dictionary = "tickets", probability = 0.5 }}
"body.registration_id" = {{ dictionary = "registrations", probability = 0.5 }}

# Rules that depend on the meeting or on the text after trimming (companions over this
# meeting's limit, a name of control characters, a blank nonce) cannot be put in a JSON
# Schema: a request that is well-formed but breaks one is answered 422 with its reason
# (never for a field being null or missing where the document allows that: see
# schemathesis_hooks.py).
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "401", "403", "404", "409", "422"]
"#,
        events = toml_list(&known.events, false),
        registrations = toml_list(&known.registrations, false),
        tokens = toml_list(&known.tokens, true),
        tickets = toml_list(&known.tickets, true),
    )
}

/// What the fuzzer left behind must still hold to the rules: every stored registration
/// passes the form's checks and no meeting has more confirmed seats than it has.
fn assert_stored_data_valid(app: &TestApp) {
    use diesel::prelude::*;
    use treffpunkt::db::schema::{events, registrations};
    type Row = (
        i64,
        String,
        String,
        Option<String>,
        i32,
        Option<String>,
        String,
        String,
    );
    let rows: Vec<Row> = registrations::table
        .select((
            registrations::event_id,
            registrations::name,
            registrations::email,
            registrations::organisation,
            registrations::companions,
            registrations::needs,
            registrations::source,
            registrations::contact_kind,
        ))
        .load(&mut *app.conn())
        .expect("registrations");
    for (event, name, email, organisation, companions, needs, source, kind) in rows {
        // walk-ins at the door give a name only
        let email = if source == "door" {
            "walk-in@example.org".to_owned()
        } else {
            email
        };
        let input = RegistrationInput {
            name: Some(name.clone()),
            email: Some(email),
            organisation,
            companions: Some(companions.to_string()),
            needs,
            consent: true,
            ..Default::default()
        };
        // people the office reaches by phone, post or a manager need no address of their own
        let own_email = kind == treffpunkt::domain::contact::EMAIL;
        assert!(
            input.validate_with(i32::MAX, own_email).is_ok(),
            "stored registration for {event} fails the rules: {input:?}"
        );
    }
    let caps: Vec<(i64, Option<i32>)> = events::table
        .select((events::id, events::capacity))
        .load(&mut *app.conn())
        .expect("events");
    for (id, cap) in caps {
        if let Some(cap) = cap {
            // walk-ins at the door may be let in over capacity on purpose (logged); what
            // was registered never is
            let seats: i64 = registrations::table
                .filter(registrations::event_id.eq(id))
                .filter(registrations::status.eq("confirmed"))
                .filter(registrations::source.ne("door"))
                .select(diesel::dsl::sum(registrations::seats))
                .first::<Option<i64>>(&mut *app.conn())
                .expect("seats")
                .unwrap_or(0);
            assert!(
                seats <= i64::from(cap),
                "meeting {id}: {seats} seats confirmed of {cap}"
            );
        }
    }
}

#[rocket::async_test]
async fn the_json_api_keeps_to_its_openapi_document_under_schemathesis() {
    let Ok(schemathesis) = std::env::var("TREFFPUNKT_SCHEMATHESIS") else {
        crate::support::skip("TREFFPUNKT_SCHEMATHESIS not set (bash .ci/run installs it)");
        return;
    };
    let app = start(Backend::Sqlite).await.expect("sqlite app");
    let known = fill(&app).await;
    let password = app.account("admin@example.org", account::ROLE_ADMIN, &[]);
    let admin = app.login("admin@example.org", &password).await;
    // the check-in page's token for the admin's session; changes at the door carry it
    let door_token = admin.door_token(known.events[0]).await;
    let cookie = admin.cookie_header();
    let served = serve(&app).await;

    let dir = tempfile::tempdir().expect("temp dir");
    let config_file = dir.path().join("schemathesis.toml");
    std::fs::write(&config_file, config(&known, &cookie, &door_token)).expect("config written");
    let url = format!("{}/api/v1/openapi.json", served.base);
    // A fixed seed makes a run repeatable, so that what fails in CI fails here too;
    // TREFFPUNKT_FUZZ_SEED explores further (`for s in $(seq 100); do …; done`).
    let seed = std::env::var("TREFFPUNKT_FUZZ_SEED").unwrap_or_else(|_| "20261129".into());
    let seed_arg = seed.clone();
    let run = rocket::tokio::task::spawn_blocking(move || {
        Command::new(&schemathesis)
            .arg("--config-file")
            .arg(&config_file)
            .args(["run", &url, "--checks", "all"])
            // DELETE cancels a registration; it stays readable with status `cancelled`
            // (the person can still look it up), so it is not gone as that check expects
            .args(["--exclude-checks", "use_after_free"])
            .args(["--max-examples", "60", "--seed", &seed_arg])
            // one worker: Python 3.11 can fail parsing in two threads at once (CPython #106905)
            .args(["--workers", "1", "--request-timeout", "10"])
            .args(["--report-dir"])
            .arg(dir.path().join("report"))
            .env("NO_COLOR", "1")
            // our own check beside Schemathesis' own: a schema-valid request refused 422 must
            // not be refused for what the document allows (a field null or left out)
            .env(
                "SCHEMATHESIS_HOOKS",
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/it/schemathesis_hooks.py"
                ),
            )
            .current_dir(dir.path())
            .output()
    });
    let out = rocket::tokio::time::timeout(Duration::from_secs(300), run)
        .await
        .expect("schemathesis finishes within 5 minutes")
        .expect("joined")
        .expect("schemathesis starts");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // what failed first, then the whole output: a long report must not hide its cause
    let failures: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.starts_with('_') || l.contains("Failed") || l.contains("curl ") || l.contains("[5")
        })
        .take(40)
        .collect();
    assert!(
        out.status.success(),
        "schemathesis found problems ({}; seed {seed}):\n{}\n\n{text}",
        out.status,
        failures.join("\n")
    );
    assert!(text.contains("passed"), "schemathesis ran no test:\n{text}");
    let summary: Vec<&str> = text.lines().rev().take(12).collect();
    for line in summary.iter().rev() {
        eprintln!("{line}");
    }
    assert_stored_data_valid(&app);
}

// What Schemathesis found, kept as plain tests that run without it.

#[rocket::async_test]
async fn what_the_fuzzer_found_stays_fixed() {
    use rocket::http::Method;

    use crate::support::json_of;

    let app = start(Backend::Sqlite).await.expect("sqlite app");
    let id = app.meeting(Some(5), 1);

    // a path that exists under other methods: 405 with the methods it has
    let res = app
        .client
        .req(Method::Put, format!("/api/v1/events/{id}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::MethodNotAllowed);
    assert_eq!(res.headers().get_one("Allow"), Some("GET, HEAD"));
    let (_, body) = json_of(res).await;
    assert_eq!(body["error"], "method_not_allowed");

    // ids and pages that are no numbers: 400 with the reason, not 422 or a silent default
    let (status, body) = json_of(app.get("/api/v1/events/99999999999999999999").await).await;
    assert_eq!(status, Status::BadRequest, "{body}");
    for page in ["-1", "abc", "100001", "1&page=2"] {
        let (status, body) = json_of(app.get(&format!("/api/v1/events?page={page}")).await).await;
        assert_eq!(status, Status::BadRequest, "page={page}: {body}");
        assert!(body["fields"]["page"].is_string(), "{body}");
    }
    let (status, _) = json_of(app.get("/api/v1/events?page=0").await).await;
    assert_eq!(status, Status::Ok);

    // 2.0 companions is the whole number 2 to JSON; 1.5 is refused
    let url = format!("/api/v1/events/{id}/registrations");
    let (status, body) = app
        .post_json(&url, &serde_json::json!({"name": "Aylin", "email": "aylin@example.org", "consent": true, "companions": 1.0}))
        .await;
    assert_eq!(status, Status::Created, "{body}");
    assert_eq!(body["companions"], 1);
    let (status, _) = app
        .post_json(&url, &serde_json::json!({"name": "Jonas", "email": "jonas@example.org", "consent": true, "companions": 0.5}))
        .await;
    assert_eq!(status, Status::BadRequest);
    assert_eq!(app.count("1 = 1"), 1, "only the valid one stored");

    // the language switch never redirects to text that is no address (it answered 500)
    let res = app.get("/language/en?next=/%09/evil.example").await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(res.headers().get_one("Location"), Some("/"));

    // check-in: a blank nonce is refused before anything else, and a walk-in's name with
    // its real reason
    let password = app.account("admin@example.org", account::ROLE_ADMIN, &[]);
    let admin = app.login("admin@example.org", &password).await;
    let (status, body) = admin
        .door_post(
            &format!("/api/v1/checkin/{id}/redeem"),
            &serde_json::json!({"token": "junk", "nonce": " "}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{body}");
    let (status, _) = admin
        .door_post(
            &format!("/api/v1/checkin/{id}/undo"),
            &serde_json::json!({"nonce": ""}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    let (status, body) = admin
        .door_post(
            &format!("/api/v1/checkin/{id}/walk-in"),
            &serde_json::json!({"name": "x".repeat(101)}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        body["message"].as_str().unwrap().contains("100"),
        "says the limit: {body}"
    );
    let (status, _) = admin
        .door_post(
            &format!("/api/v1/checkin/{id}/walk-in"),
            &serde_json::json!({"name": "Ali\u{7}"}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert_eq!(app.count("source = 'door'"), 0, "no walk-in stored");

    // the status answer is the documented object, with the list only when asked
    let res = admin.get(&format!("/api/v1/checkin/{id}/status")).await;
    assert_eq!(res.0, Status::Ok);
    let body: serde_json::Value = serde_json::from_str(&res.1).unwrap();
    assert!(body["counters"]["confirmed"].is_i64(), "{body}");
    assert!(body.get("attendees").is_none() && body.get("public_key").is_none());
}

//! The demo command fills a database for trying Treffpunkt out; with SMTP configured its
//! contacts receive mail, so none of them may be a real office or person.

use diesel::prelude::*;
use treffpunkt::db::schema::{events, offices};

use crate::support::{Backend, json_of, start};

fn reserved_address(email: &str) -> bool {
    let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
    ["example.org", "example.com", "example.net"]
        .iter()
        .any(|r| domain == *r || domain.ends_with(&format!(".{r}")))
        || domain.ends_with(".invalid")
}

/// The Bundesnetzagentur's numbers for film and fiction.
fn fictitious_number(phone: &str) -> bool {
    phone.starts_with("030 23125 ")
}

#[rocket::async_test]
async fn demo_contacts_are_fictitious_and_the_command_says_so() {
    let Some(app) = start(Backend::Sqlite).await else {
        return;
    };
    let url = format!("sqlite://{}", app.data_dir().join("test.sqlite").display());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .arg("demo")
        .env("TREFFPUNKT_DATABASE_URL", &url)
        .env("TREFFPUNKT_DATA_DIR", app.data_dir())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("fictitious"), "{said}");

    let office_contacts: Vec<(Option<String>, Option<String>)> = offices::table
        .select((offices::email, offices::phone))
        .load(&mut *app.conn())
        .unwrap();
    let meeting_contacts: Vec<(Option<String>, Option<String>)> = events::table
        .select((events::contact_email, events::contact_phone))
        .load(&mut *app.conn())
        .unwrap();
    assert!(meeting_contacts.len() >= 3);
    for (email, phone) in office_contacts.iter().chain(&meeting_contacts) {
        if let Some(email) = email {
            assert!(
                reserved_address(email),
                "a real address in the demo: {email}"
            );
        }
        if let Some(phone) = phone {
            assert!(
                fictitious_number(phone),
                "a real number in the demo: {phone}"
            );
        }
    }

    // what an API client (or a fuzzer) reads carries no other address either
    let (_, list) = json_of(app.get("/api/v1/events").await).await;
    for event in list["events"].as_array().expect("events") {
        let (_, one) = json_of(app.get(&format!("/api/v1/events/{}", event["id"])).await).await;
        let text = one.to_string();
        for word in text.split(|c: char| c == '"' || c.is_whitespace()) {
            if word.contains('@') {
                assert!(reserved_address(word), "{word} in {text}");
            }
        }
    }
}

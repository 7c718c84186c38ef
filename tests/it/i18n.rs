//! Both languages are complete and every page renders in each.

use std::collections::BTreeSet;

use rocket::http::Status;

use crate::support::{Backend, lang_header, start};

/// Message ids of every .ftl file of a language.
fn keys(lang: &str) -> BTreeSet<String> {
    let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        text.push('\n');
    }
    text.lines()
        .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
        .map(|l| l.split(" =").next().unwrap().trim().to_owned())
        .collect()
}

#[test]
fn english_and_german_have_the_same_messages() {
    let de = keys("de");
    let en = keys("en");
    assert!(de.len() > 100, "parsed the files");
    let only_de: Vec<_> = de.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&de).collect();
    assert!(only_de.is_empty(), "missing in English: {only_de:?}");
    assert!(only_en.is_empty(), "missing in German: {only_en:?}");
    for key in &de {
        assert!(
            treffpunkt::i18n::has_own("en", key),
            "English resolves {key}"
        );
        assert!(
            treffpunkt::i18n::has_own("de", key),
            "German resolves {key}"
        );
    }
}

/// Every template key used in code or templates exists (a missing one would fail rendering).
#[rocket::async_test]
async fn every_page_renders_in_both_languages() {
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(1), 1);
    let cancelled = app.meeting_with(|e| e.status = "cancelled");
    let (_, confirmed) = app.register(id, "Erste", "erste@example.org", 0).await;
    let (_, waiting) = app.register(id, "Zweite", "zweite@example.org", 0).await;
    let (_, gone) = app.register(id, "Dritte", "dritte@example.org", 0).await;
    let gone = gone["token"].as_str().unwrap().to_owned();
    app.client
        .delete(format!("/api/v1/registrations/{gone}"))
        .dispatch()
        .await;
    let pages = [
        "/".to_owned(),
        format!("/events/{id}"),
        format!("/events/{cancelled}"),
        format!("/r/{}?new=1", confirmed["token"].as_str().unwrap()),
        format!("/r/{}", waiting["token"].as_str().unwrap()),
        format!("/r/{}/cancel", waiting["token"].as_str().unwrap()),
        format!("/r/{gone}"),
        "/privacy".to_owned(),
        "/does-not-exist".to_owned(),
    ];
    for (lang, marker) in [("de", "Datenschutzhinweise"), ("en", "Privacy notice")] {
        for page in &pages {
            let res = app
                .client
                .get(page.clone())
                .header(lang_header(lang))
                .dispatch()
                .await;
            let status = res.status();
            assert!(
                status == Status::Ok || status == Status::NotFound,
                "{page} in {lang}: {status}"
            );
            let html = res.into_string().await.unwrap();
            assert!(
                html.contains(&format!("<html lang=\"{lang}\"")),
                "{page} says its language"
            );
            assert!(html.contains(marker), "{page} is in {lang}");
        }
    }
    // form errors in English too
    let res = app
        .client
        .post(format!("/events/{id}/register"))
        .header(lang_header("en-GB,en;q=0.9,de;q=0.5"))
        .header(rocket::http::ContentType::Form)
        .body("name=&email=x")
        .dispatch()
        .await;
    let html = res.into_string().await.unwrap();
    assert!(html.contains("Please enter your name."));
    assert!(html.contains("Please agree to the privacy notice"));
    let (_, page) = app
        .get_text(&format!("/r/{}", waiting["token"].as_str().unwrap()))
        .await;
    assert!(page.contains("Warteliste auf Platz 1"));
}

#[rocket::async_test]
async fn language_choice_is_remembered() {
    let app = start(Backend::Sqlite).await.unwrap();
    let (_, page) = app.get_text("/").await;
    assert!(page.contains("Veranstaltungen"), "German by default");
    assert!(page.contains("/language/en?next=%2F"), "switch offered");

    let res = app.get("/language/en?next=/privacy").await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(res.headers().get_one("Location"), Some("/privacy"));
    let cookie = res.cookies().get("lang").unwrap().value().to_owned();
    assert_eq!(cookie, "en");
    let (_, page) = app.get_text("/").await;
    assert!(
        page.contains("<h1>Meetings</h1>"),
        "English after switching"
    );
    // the choice beats the browser's header
    let res = app
        .client
        .get("/")
        .header(lang_header("de"))
        .dispatch()
        .await;
    assert!(
        res.into_string()
            .await
            .unwrap()
            .contains("<h1>Meetings</h1>")
    );

    let res = app.get("/language/xx?next=https://evil.example").await;
    assert_eq!(res.headers().get_one("Location"), Some("/"));
}

/// Meetings are written in German: on an English page their titles and texts are marked
/// as German, so screen readers pronounce them right (WCAG 3.1.2).
#[rocket::async_test]
async fn german_content_is_marked_on_english_pages() {
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(5), 0);
    let res = app
        .client
        .get(format!("/events/{id}"))
        .header(lang_header("en"))
        .dispatch()
        .await;
    let html = res.into_string().await.unwrap();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("<h1 lang=\"de\">Vorstellung des Konzepts</h1>"));
    assert!(html.contains("<div lang=\"de\"><p><strong>Bitte</strong> anmelden.</p>"));
}

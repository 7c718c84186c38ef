//! A question's whole way in a real browser: an organiser adds it with an Arabic
//! translation, a visitor reads and answers it in Arabic (right to left), and the answer
//! reaches the organiser's export in the language the question was written in.

use fantoccini::{Client, Locator};
use serde_json::json;
use treffpunkt::domain::account;

use crate::a11y::{assert_accessible, audit_at_both_sizes, log_in, open, submit_form};
use crate::browser::{Driver, serve};
use crate::support::{Backend, start};

const LABEL: &str = "Wie kommen Sie zur Veranstaltung?";
const CHOICES: &str = "Zu Fuß\nMit dem Bus\nMit dem Auto";
const LABEL_AR: &str = "كيف ستصل إلى الفعالية؟";
const CHOICES_AR: &str = "سيرًا على الأقدام\nبالحافلة\nبالسيارة";
const BUS_AR: &str = "بالحافلة";
const VISITOR: &str = "ليلى حسن";

async fn type_into(b: &Client, id: &str, text: &str) {
    let field = b.find(Locator::Id(id)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

async fn attr_of(b: &Client, css: &str, name: &str) -> Option<String> {
    b.find(Locator::Css(css))
        .await
        .unwrap()
        .attr(name)
        .await
        .unwrap()
}

/// The export as the organiser's browser downloads it, with its session.
async fn export_in(b: &Client, path: &str) -> String {
    let text = b
        .execute_async(
            "const done = arguments[arguments.length - 1];
            fetch(arguments[0], { credentials: 'same-origin' })
              .then(r => r.ok ? r.text() : 'HTTP ' + r.status)
              .then(done, e => done('failed: ' + e));",
            vec![json!(path)],
        )
        .await
        .expect("fetch runs");
    text.as_str().expect("text").to_owned()
}

#[rocket::async_test]
async fn organiser_asks_visitor_answers_in_arabic_and_the_export_has_it() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(30), 2);
    let office = app.office_of(id);
    let password = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let served = serve(&app).await;
    let base = &served.base;

    // the organiser types the question with its Arabic translation
    let orga = driver.browser("de").await;
    let questions = format!("/admin/events/{id}/questions");
    log_in(&orga, base, &questions, ("orga@example.org", &password)).await;
    assert_eq!(orga.current_url().await.unwrap().path(), questions);
    orga.find(Locator::Id("kind"))
        .await
        .unwrap()
        .select_by_label("Eine Auswahl")
        .await
        .unwrap();
    type_into(&orga, "label", LABEL).await;
    type_into(&orga, "options", CHOICES).await;
    orga.find(Locator::Css("#texts summary[lang=ar]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    type_into(&orga, "texts-ar-label", LABEL_AR).await;
    type_into(&orga, "texts-ar-options", CHOICES_AR).await;
    submit_form(&orga).await;
    let page = orga.source().await.unwrap();
    assert!(page.contains("Die Frage wurde hinzugefügt."), "{page}");
    assert!(
        page.contains("Zu Fuß · Mit dem Bus · Mit dem Auto"),
        "one choice a line: {page}"
    );

    // a visitor reads it in Arabic, right to left, and picks the bus in Arabic
    let profile = tempfile::tempdir().unwrap();
    let visitor = driver.browser_with("ar", profile.path(), &[]).await;
    open(&visitor, &format!("{base}/events/{id}")).await;
    assert_eq!(
        attr_of(&visitor, "html", "lang").await.as_deref(),
        Some("ar")
    );
    assert_eq!(
        attr_of(&visitor, "html", "dir").await.as_deref(),
        Some("rtl")
    );
    let form = visitor.source().await.unwrap();
    assert!(form.contains(LABEL_AR), "the question in Arabic: {form}");
    assert!(!form.contains(LABEL), "not the German label: {form}");
    let select = visitor
        .find(Locator::Css("form.registration select[name^='a[']"))
        .await
        .unwrap();
    select.select_by_label(BUS_AR).await.unwrap();
    let violations = audit_at_both_sizes(&visitor, "[ar] form with a question").await;
    type_into(&visitor, "name", VISITOR).await;
    type_into(&visitor, "email", "laila.hassan@example.org").await;
    visitor
        .find(Locator::Id("consent"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    submit_form(&visitor).await;
    let path = visitor.current_url().await.unwrap().path().to_owned();
    assert!(
        path.starts_with("/r/"),
        "registered: {path} {}",
        visitor.source().await.unwrap()
    );
    visitor.close().await.unwrap();

    // the organiser's export has the question's column and the answer as written in German
    let csv = export_in(&orga, &format!("/admin/events/{id}/registrations.csv")).await;
    orga.close().await.unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let column = headers
        .iter()
        .position(|h| h == LABEL)
        .unwrap_or_else(|| panic!("no column {LABEL}: {csv}"));
    let laila = rows
        .records()
        .map(Result::unwrap)
        .find(|r| r.iter().any(|c| c == VISITOR))
        .unwrap_or_else(|| panic!("no row of {VISITOR}: {csv}"));
    assert_eq!(&laila[column], "Mit dem Bus", "{csv}");
    assert_accessible(&violations);
}

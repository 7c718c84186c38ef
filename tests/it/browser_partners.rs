//! The partner list's import in a real browser: the organiser chooses the office's Excel
//! file (semicolons, byte order mark, umlauts), checks the preview and confirms it; then
//! pastes a list instead of a file.

use fantoccini::Locator;
use treffpunkt::domain::account;

use crate::a11y::{heading, log_in, submit_form};
use crate::browser::{Driver, serve};
use crate::support::{Backend, start};

const FILE: &str = "\u{FEFF}Organisation;Art;Name;E-Mail;Rolle;Sprache\r\n\
    Handwerkskammer Lüneburg-Stade;Kammer;Jörg Säger;joerg@hwk.example;Mitglied;Deutsch\r\n\
    Handwerkskammer Lüneburg-Stade;;Oksana Melnyk;oksana@hwk.example;Vertretung;Ukrainisch\r\n\
    Handwerkskammer Lüneburg-Stade;;Ohne Adresse;;;\r\n";

#[rocket::async_test]
async fn organiser_imports_the_office_list_through_the_browser() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let office = app.office_of(app.meeting(Some(10), 0));
    let password = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let served = serve(&app).await;
    let base = &served.base;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Partnerliste.csv");
    std::fs::write(&path, FILE).unwrap();

    let b = driver.browser("de").await;
    let import = format!("/admin/partners/import?office={office}");
    log_in(&b, base, &import, ("orga@example.org", &password)).await;
    assert!(heading(&b).await.contains("Partnerliste importieren"));
    b.find(Locator::Id("file"))
        .await
        .unwrap()
        .send_keys(&path.display().to_string())
        .await
        .unwrap();
    submit_form(&b).await;
    assert!(heading(&b).await.contains("Vorschau des Imports"));
    let page = b.source().await.unwrap();
    assert!(
        page.contains("Handwerkskammer Lüneburg-Stade (Kammer)"),
        "{page}"
    );
    assert!(page.contains("Jörg Säger") && page.contains("Oksana Melnyk"));
    assert!(
        page.contains("Zeile 4"),
        "the row without an address, by its line"
    );
    let stored = || -> i64 {
        use diesel::prelude::*;
        treffpunkt::db::schema::partner_contacts::table
            .count()
            .get_result(&mut *app.conn())
            .unwrap()
    };
    assert_eq!(stored(), 0, "nothing stored before confirming");
    submit_form(&b).await;
    let page = b.source().await.unwrap();
    assert!(
        page.contains("Importiert: 1 neue und 0 geänderte Organisationen, 2 neue und 0 geänderte Ansprechpersonen."),
        "{page}"
    );
    assert_eq!(stored(), 2);

    // a list pasted instead of a file
    b.goto(&format!("{base}{import}")).await.unwrap();
    b.find(Locator::Id("text"))
        .await
        .unwrap()
        .send_keys("Organisation,Name,E-Mail\nJobcenter Celle,Gül Aydın,gul@jobcenter.example\n")
        .await
        .unwrap();
    submit_form(&b).await;
    let page = b.source().await.unwrap();
    assert!(
        page.contains("Gül Aydın") && page.contains("1 neue Ansprechperson"),
        "{page}"
    );
    b.close().await.unwrap();
}

//! A message's whole way in a real browser: from the registrations list the organiser
//! opens "Nachricht schreiben", picks the waiting list (the page says whom it reaches),
//! looks at the preview and sends; the mail reaches the person waiting, and nobody else.

use fantoccini::{Client, Locator};
use treffpunkt::domain::account;

use crate::a11y::{assert_accessible, audit_at_both_sizes, log_in, mark_page, open, wait_new_page};
use crate::browser::{Driver, serve};
use crate::smtp::start_with_sink;
use crate::support::Backend;

async fn click(b: &Client, css: &str) {
    mark_page(b).await;
    b.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_new_page(b).await;
}

async fn type_into(b: &Client, id: &str, text: &str) {
    let field = b.find(Locator::Id(id)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// The file behind a link as the logged-in browser downloads it (its own cookies).
async fn downloaded(b: &Client, css: &str) -> Vec<u8> {
    use base64::Engine;
    let href = b
        .find(Locator::Css(css))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .expect("a link");
    let encoded = b
        .execute_async(
            "const [href, done] = arguments;
             fetch(href, { credentials: 'same-origin' })
               .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
               .then(buf => { let s = ''; new Uint8Array(buf).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); })
               .catch(e => done('failed: ' + e));",
            vec![serde_json::json!(href)],
        )
        .await
        .unwrap();
    let encoded = encoded.as_str().expect("text").to_owned();
    assert!(!encoded.starts_with("failed"), "{href}: {encoded}");
    base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .expect("base64")
}

#[rocket::async_test]
async fn organiser_writes_to_the_waiting_list() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let Some((app, sink)) = start_with_sink(Backend::Sqlite).await else {
        return;
    };
    let id = app.meeting(Some(1), 0);
    app.register(id, "Anna Müller", "anna@example.org", 0).await;
    app.register(id, "Ben Wartend", "ben@example.org", 0).await;
    sink.wait_for(2, 10).await;
    let office = app.office_of(id);
    let password = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let served = serve(&app).await;
    let base = &served.base;

    let b = driver.browser("de").await;
    let list = format!("/admin/events/{id}/registrations");
    log_in(&b, base, &list, ("orga@example.org", &password)).await;
    click(&b, &format!("a[href='/admin/events/{id}/message']")).await;
    assert_eq!(
        b.current_url().await.unwrap().path(),
        format!("/admin/events/{id}/message")
    );
    let reach = b
        .find(Locator::Id("group-waiting-reach"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(reach, "Erreicht 1 Person.");
    b.find(Locator::Id("group-waiting"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    type_into(&b, "subject", "Ein Platz wird vielleicht frei").await;
    type_into(
        &b,
        "body",
        "Liebe(r) {name},\n\nbitte halten Sie sich **bereit**.",
    )
    .await;
    click(&b, "button[value=preview]").await;
    let preview = b
        .find(Locator::Css(".mail-preview"))
        .await
        .unwrap()
        .html(true)
        .await
        .unwrap();
    assert!(
        preview.contains("Liebe(r) Ben Wartend,") && preview.contains("<strong>bereit</strong>"),
        "the preview as Ben reads it: {preview}"
    );
    let violations = audit_at_both_sizes(&b, "[de] message with preview").await;
    click(&b, "button[value=send]").await;
    let page = b.source().await.unwrap();
    assert!(page.contains("Die Nachricht geht an 1 Person."), "{page}");

    // the sign-in list for the door, from the registrations list, as page and as PDF
    open(&b, &format!("{base}{list}")).await;
    click(&b, "#sign-in-link").await;
    assert_eq!(
        b.current_url().await.unwrap().path(),
        format!("/admin/events/{id}/sign-in")
    );
    let sheet = b.source().await.unwrap();
    assert!(sheet.contains("Anna Müller") && !sheet.contains("Ben Wartend"));
    let mut violations = violations;
    violations.extend(audit_at_both_sizes(&b, "[de] sign-in list").await);
    let pdf = downloaded(&b, "#sign-in-pdf").await;
    let text = crate::pdf_read::pages(&pdf);
    assert_eq!(text.len(), 1, "{text:?}");
    assert!(
        text[0].contains("Teilnehmerliste")
            && text[0].contains("Anna Müller")
            && text[0].contains("Seite 1 von 1")
            && !text[0].contains("anna@example.org"),
        "{}",
        text[0]
    );
    b.close().await.unwrap();

    let mails = sink.wait_for(3, 20).await;
    let ours: Vec<_> = mails
        .iter()
        .filter(|m| m.subject_and_text().0 == "Ein Platz wird vielleicht frei")
        .collect();
    assert_eq!(ours.len(), 1);
    assert_eq!(ours[0].to, vec!["ben@example.org".to_owned()]);
    assert!(
        ours[0]
            .subject_and_text()
            .1
            .starts_with("Liebe(r) Ben Wartend,")
    );
    assert_accessible(&violations);
}

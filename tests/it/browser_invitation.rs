//! An invitee answers "I send a substitute" in a real browser, and the substitute opens the
//! ticket of their own: the whole way of a partner's reply, with the page audited by axe at
//! a phone's and a desktop's size in German, English and Arabic.

use diesel::prelude::*;
use fantoccini::{Client, Locator};
use treffpunkt::db::schema::{invitees, registrations};

use crate::a11y::{assert_accessible, audit_at_both_sizes, open, submit_form};
use crate::browser::{Driver, serve};
use crate::support::{Backend, TestApp, start};

/// An organisation with one member on the meeting's list, invited; returns the link.
fn invited(app: &TestApp, event: i64, lang: &str) -> String {
    let partner = app.partner_org(app.office_of(event), "Handwerkskammer Ulm");
    let (contact, _) = app.partner_contact(partner, "Nora Fischer", "nora@hwk.example.org", lang);
    diesel::insert_into(invitees::table)
        .values((
            invitees::event_id.eq(Some(event)),
            invitees::partner_id.eq(Some(partner)),
            invitees::created_at.eq(app.now()),
        ))
        .execute(&mut *app.conn())
        .unwrap();
    format!("/invitation/{}", app.partner_invitation(event, contact))
}

async fn type_into(b: &Client, id: &str, text: &str) {
    let field = b.find(Locator::Id(id)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

#[rocket::async_test]
async fn an_invitee_sends_a_substitute_who_opens_their_ticket() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let event = app.meeting_with(|e| {
        e.columns.title = "Runder Tisch Integration".into();
        e.columns.visibility = "partners".into();
    });
    let link = invited(&app, event, "de");
    let served = serve(&app).await;
    let base = &served.base;

    let mut violations = Vec::new();
    let nora = driver.browser("de").await;
    // every language reads the page well, Arabic right to left
    for lang in ["en", "ar", "de"] {
        open(&nora, &format!("{base}/language/{lang}?next={link}")).await;
        violations.extend(audit_at_both_sizes(&nora, &format!("[{lang}] invitation")).await);
    }
    // the mail's one-click link asks once more
    open(&nora, &format!("{base}{link}?reply=come")).await;
    assert!(nora.find(Locator::Id("invite-confirm")).await.is_ok());
    violations.extend(audit_at_both_sizes(&nora, "[de] confirm the invitation").await);

    // she chooses a substitute and names her
    open(&nora, &format!("{base}{link}")).await;
    nora.find(Locator::Id("reply-substitute"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    type_into(&nora, "substitute-name", "Olga Petrenko").await;
    type_into(&nora, "substitute-email", "olga@hwk.example.org").await;
    submit_form(&nora).await;
    let status = nora
        .find(Locator::Id("invite-reply"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(status.contains("Olga Petrenko"), "{status}");
    violations.extend(audit_at_both_sizes(&nora, "[de] answered with a substitute").await);
    nora.close().await.unwrap();

    // the substitute's ticket, from the link of her own confirmation
    let token: String = registrations::table
        .filter(registrations::email.eq("olga@hwk.example.org"))
        .filter(registrations::event_id.eq(event))
        .select(registrations::token)
        .first(&mut *app.conn())
        .expect("the substitute holds a seat");
    let olga = driver.browser("uk").await;
    open(&olga, &format!("{base}/r/{token}/ticket")).await;
    let ticket = olga.source().await.unwrap();
    assert!(
        ticket.contains("Olga Petrenko") && ticket.contains("qr-box"),
        "{ticket}"
    );
    olga.close().await.unwrap();
    assert_accessible(&violations);
}

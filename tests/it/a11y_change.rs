//! Accessibility of the pages for changing a registration, in a real browser: the person's
//! change form (as it comes and refused, with the waiting list offered), the office's edit
//! page (likewise) and the pages that ask before cancelling or erasing, in German and
//! English, at a phone's and a desktop's size.

use fantoccini::{Client, Locator};

use crate::a11y::{
    assert_accessible, audit_at_both_sizes, log_in, mark_page, open, switch_language, wait_new_page,
};
use crate::browser::{Driver, serve};
use crate::support::{Backend, start};

/// Types `value` into the field `id` and presses the button `button`, waiting for the answer.
async fn send(b: &Client, id: &str, value: &str, button: &str) {
    let field = b.find(Locator::Id(id)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
    mark_page(b).await;
    b.find(Locator::Css(button))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_new_page(b).await;
}

#[rocket::async_test]
async fn change_pages_pass_axe_in_german_and_english() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(2), 2);
    // questions, a health-related one among them: both change forms show them
    let mut asked = Vec::new();
    for key in ["interpreting", "childcare"] {
        let ids = treffpunkt::domain::question::add_preset(
            &mut app.conn(),
            treffpunkt::domain::question::Scope::Event(id),
            key,
            "de",
            &treffpunkt::domain::audit::Actor::system(),
            app.now(),
        )
        .unwrap();
        asked.extend(ids);
    }
    let interpreting = asked[0];
    let (_, anna) = app.register(id, "Anna Schmid", "anna@example.org", 0).await;
    app.register(id, "Ben Yilmaz", "ben@example.org", 0).await;
    let token = anna["token"].as_str().unwrap().to_owned();
    let rid: i64 = {
        use diesel::prelude::*;
        use treffpunkt::db::schema::registrations;
        registrations::table
            .filter(registrations::token.eq(&token))
            .select(registrations::id)
            .first(&mut *app.conn())
            .unwrap()
    };
    let password = app.account(
        "orga@example.org",
        treffpunkt::domain::account::ROLE_ORGANISER,
        &[app.office_of(id)],
    );
    let served = serve(&app).await;
    let base = &served.base;
    let b = driver.browser("de").await;
    log_in(&b, base, "/admin", ("orga@example.org", &password)).await;

    let list = format!("/admin/events/{id}/registrations");
    let mut violations = Vec::new();
    for lang in ["de", "en"] {
        switch_language(&b, base, lang, "/").await;
        // the person's page: the form, then refused with the waiting list offered
        open(&b, &format!("{base}/r/{token}")).await;
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] change form")).await);
        send(&b, "change-companions", "1", "#change button.primary").await;
        assert!(
            b.find(Locator::Id("waitlist-offer")).await.is_ok(),
            "[{lang}] the waiting list is offered"
        );
        violations.extend(
            audit_at_both_sizes(
                &b,
                &format!("[{lang}] change refused, waiting list offered"),
            )
            .await,
        );

        // a health-related answer without its consent: the reason at the box
        open(&b, &format!("{base}/r/{token}")).await;
        b.find(Locator::Css(&format!("select#q{interpreting}")))
            .await
            .unwrap()
            .select_by_value("Arabisch")
            .await
            .unwrap();
        mark_page(&b).await;
        b.find(Locator::Css("#change button.primary"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_new_page(&b).await;
        assert!(
            b.find(Locator::Id("health_consent-error")).await.is_ok(),
            "[{lang}] the consent is asked at its box"
        );
        violations.extend(
            audit_at_both_sizes(&b, &format!("[{lang}] change refused, consent missing")).await,
        );

        // the office's pages
        for (path, what) in [
            (format!("{list}/{rid}/edit"), "edit page"),
            (format!("{list}/{rid}/cancel"), "cancel question"),
            (format!("{list}/{rid}/erase"), "erase question"),
            (list.clone(), "registrations with their links"),
        ] {
            open(&b, &format!("{base}{path}")).await;
            violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] {what}")).await);
        }
        open(&b, &format!("{base}{list}/{rid}/edit")).await;
        send(&b, "companions", "2", "form.registration button.primary").await;
        assert!(
            b.find(Locator::Id("companions-error")).await.is_ok(),
            "[{lang}] the refusal stands at the field"
        );
        violations.extend(
            audit_at_both_sizes(&b, &format!("[{lang}] edit refused, waiting list offered")).await,
        );
    }
    b.close().await.unwrap();
    assert_accessible(&violations);
}

//! The office's pages for registrations it takes pass axe at both sizes: the add form (with
//! its errors too) in German and English, and the confirmation slip in the person's
//! language, Arabic included.

use diesel::prelude::*;
use fantoccini::Locator;
use rocket::http::Status;
use treffpunkt::db::schema::registrations;
use treffpunkt::domain::account;

use crate::a11y::{
    assert_accessible, audit_at_both_sizes, log_in, open, submit_form, switch_language,
};
use crate::browser::{Driver, serve};
use crate::support::{Backend, start};

#[rocket::async_test]
async fn office_registration_pages_pass_axe() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(10), 2);
    let password = app.account(
        "orga@example.org",
        account::ROLE_ORGANISER,
        &[app.office_of(id)],
    );
    let s = app.login("orga@example.org", &password).await;
    let list = format!("/admin/events/{id}/registrations");
    let add_page = format!("{list}/new");
    let mut slips = Vec::new();
    for (name, lang) in [("أمينة حداد", "ar"), ("Hilde Brenner", "de")] {
        let (status, _, _) = s
            .submit(
                &add_page,
                &list,
                &[
                    ("name", name),
                    ("contact_kind", "phone"),
                    ("phone", "07071 998877"),
                    ("language", lang),
                    ("consent", "yes"),
                ],
            )
            .await;
        assert_eq!(status, Status::SeeOther);
        let rid: i64 = registrations::table
            .filter(registrations::name.eq(name))
            .select(registrations::id)
            .first(&mut *app.conn())
            .unwrap();
        slips.push((lang, format!("{list}/{rid}/slip")));
    }

    let served = serve(&app).await;
    let base = &served.base;
    let b = driver.browser("de").await;
    log_in(&b, base, &add_page, ("orga@example.org", &password)).await;

    let mut violations = Vec::new();
    for lang in ["de", "en"] {
        switch_language(&b, base, lang, &add_page).await;
        let heading = crate::a11y::heading(&b).await;
        let want = if lang == "de" {
            "Anmeldung erfassen"
        } else {
            "Add registration"
        };
        assert!(heading.starts_with(want), "{heading}");
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] add registration")).await);
        // sent empty: the form again with its messages
        b.find(Locator::Css("input[value=post]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        submit_form(&b).await;
        assert!(b.source().await.unwrap().contains("postal_address-error"));
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] add with errors")).await);
        open(&b, &format!("{base}{list}")).await;
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] registrations")).await);
    }
    for (lang, slip) in &slips {
        open(&b, &format!("{base}{slip}")).await;
        let html_lang = b
            .find(Locator::Css("html"))
            .await
            .unwrap()
            .attr("lang")
            .await
            .unwrap();
        assert_eq!(html_lang.as_deref(), Some(*lang));
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] slip")).await);
    }
    b.close().await.unwrap();
    assert_accessible(&violations);
}

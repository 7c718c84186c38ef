//! The public pages of a partner meeting's agenda, documents, online address and minutes
//! pass axe (WCAG 2.1 AA) at phone and desktop size, in German, English and Arabic (right
//! to left).

use chrono::Duration;
use treffpunkt::domain::audit::Actor;
use treffpunkt::domain::{agenda, document, minutes, online};

use crate::a11y::{assert_accessible, audit_at_both_sizes, open, switch_language};
use crate::browser::{Driver, serve};
use crate::invited::registered;
use crate::support::{Backend, start};

#[rocket::async_test]
async fn agenda_documents_and_minutes_pass_axe() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let now = app.now();
    let id = app.meeting_with(|e| {
        e.columns.title = "Runder Tisch Integration".into();
        e.columns.starts_at = now + Duration::minutes(20);
        e.columns.ends_at = now + Duration::hours(2);
    });
    let actor = Actor::system();
    {
        let mut conn = app.conn();
        for (title, presenter, at) in [
            ("Begrüßung", Some("Landrätin"), Some("18:00")),
            (
                "Bericht der Geschäftsstelle über die Sprachkurse im Landkreis",
                None,
                Some("18:15"),
            ),
        ] {
            let input = agenda::ItemInput {
                title: Some(title.into()),
                presenter: presenter.map(Into::into),
                at_time: at.map(Into::into),
            };
            agenda::add(&mut conn, id, &input.check().unwrap(), &actor, now).unwrap();
        }
        let first = agenda::items_of(&mut conn, id).unwrap()[0].id;
        for (visibility, attach) in [
            ("public", String::new()),
            ("participants", first.to_string()),
        ] {
            let input = document::DocumentInput {
                title: format!("Folien ({visibility})"),
                visibility: visibility.into(),
                attach_to: attach,
            };
            let file = document::Upload {
                name: "Folien Sprachkurse.pdf".into(),
                bytes: b"%PDF-1.4\n%%EOF\n".to_vec(),
                too_large: false,
            };
            document::store(&mut conn, id, &input, Some(&file), &actor, now).unwrap();
        }
        online::save(
            &mut conn,
            id,
            Some(("https://meet.example.org/rt".into(), 30)),
            &actor,
            now,
        )
        .unwrap();
        let text = minutes::MinutesInput {
            body: Some("## Beschlüsse\n\n- Die Sprachkurse werden **ausgeweitet**.".into()),
            document: None,
            audience: Some("public".into()),
        };
        minutes::save(&mut conn, id, &text, &actor, now).unwrap();
        let letter = treffpunkt::domain::invitation::send::Letter {
            base_url: "https://treffpunkt.example.org",
            tz: chrono_tz::Europe::Berlin,
        };
        minutes::publish(&mut conn, id, letter, &actor, now).unwrap();
    }
    let token = registered(&app, id, "Amira Haddad", "amira@example.org").await;
    let served = serve(&app).await;
    let base = &served.base;
    let b = driver.browser("de").await;
    let pages = [
        (
            format!("/events/{id}"),
            "meeting page with agenda and documents",
        ),
        (
            format!("/r/{token}"),
            "own page with online address and documents",
        ),
        (format!("/events/{id}/minutes"), "minutes"),
    ];
    let mut violations = Vec::new();
    for lang in ["de", "en", "ar"] {
        switch_language(&b, base, lang, "/").await;
        for (path, what) in &pages {
            open(&b, &format!("{base}{path}")).await;
            let html = b.source().await.unwrap();
            assert!(
                html.contains("Sprachkurse"),
                "[{lang}] {what} shows its content"
            );
            violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] {what}")).await);
        }
    }
    b.close().await.unwrap();
    assert_accessible(&violations);
}

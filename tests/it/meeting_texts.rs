//! A meeting's further texts: the place, the contact line and the cancellation reason in
//! the visitor's language (page and mail), and its Leichte Sprache version behind a switch.

use rocket::http::Status;
use treffpunkt::domain::account;

use crate::smtp::SmtpSink;
use crate::support::{StaffSession, TestApp};

crate::with_smtp!(
    place_contact_and_reason_reach_readers_in_their_language,
    the_easy_read_version_sits_behind_a_switch
);

const VENUE_AR: &str = "قاعة الاجتماعات الكبرى";
const CONTACT_AR: &str = "مسؤولة الاندماج";
const REASON_AR: &str = "القاعة مغلقة بسبب أعمال البناء.";

async fn organiser(app: &TestApp, id: i64) -> StaffSession {
    app.staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await
}

/// The edit form as stored, with `extra` fields added: the status and the page.
async fn save_texts(s: &StaffSession, id: i64, extra: &[(&str, &str)]) -> (Status, String) {
    let edit = format!("/admin/events/{id}/edit");
    let (status, form, _) = s.get(&edit).await;
    assert_eq!(status, Status::Ok, "{form}");
    let mut fields = crate::support::form_values(&form);
    fields.retain(|(k, _)| !extra.iter().any(|(e, _)| e == k));
    fields.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, page, _) = s.submit(&edit, &edit, &fields).await;
    (status, page)
}

async fn place_contact_and_reason_reach_readers_in_their_language(app: TestApp, sink: SmtpSink) {
    let id = app.meeting_with(|e| {
        e.columns.capacity = Some(10);
        e.columns.contact_name = Some("Integrationsbeauftragte".into());
    });
    let s = organiser(&app, id).await;
    // a place with a line break is refused and what was typed is shown again
    let (status, page) = save_texts(&s, id, &[("texts[ar].venue", "Saal\u{7}1")]).await;
    assert_eq!(status, Status::UnprocessableEntity, "{page}");
    assert!(page.contains("Saal"), "the typed place is kept");
    // an unknown language is refused
    let (status, _) = save_texts(&s, id, &[("texts[xx].venue", "Hall")]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    // place and contact alone, without a translated title, are a translation of their own
    let (status, page) = save_texts(
        &s,
        id,
        &[
            ("texts[ar].venue", VENUE_AR),
            ("texts[ar].contact", CONTACT_AR),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther, "{page}");
    let ar = app.get_text_in(&format!("/events/{id}"), "ar").await;
    assert!(
        ar.contains(&format!(r#"<bdi lang="ar">{VENUE_AR}</bdi>"#)),
        "{ar}"
    );
    assert!(ar.contains(&format!(r#"<span lang="ar">{CONTACT_AR}</span>"#)));
    let (_, de) = app.get_text(&format!("/events/{id}")).await;
    assert!(!de.contains(VENUE_AR) && de.contains("Integrationsbeauftragte"));

    // Layla registers in Arabic, Jonas in German; the meeting is then cancelled with the
    // reason also in Arabic
    let body = |name: &str, email: &str, lang: &str| serde_json::json!({"name": name, "email": email, "consent": true, "language": lang});
    let uri = format!("/api/v1/events/{id}/registrations");
    let (status, _) = app
        .post_json(&uri, &body("Layla", "layla@example.org", "ar"))
        .await;
    assert_eq!(status, Status::Created);
    let (status, _) = app
        .post_json(&uri, &body("Jonas", "jonas@example.org", "de"))
        .await;
    assert_eq!(status, Status::Created);
    sink.wait_for(2, 10).await;
    let page = format!("/admin/events/{id}");
    let (status, _, _) = s
        .submit(
            &page,
            &format!("/admin/events/{id}/cancel"),
            &[
                ("reason", "Der Saal ist wegen Bauarbeiten gesperrt."),
                ("reasons[ar]", REASON_AR),
                ("reasons[en]", ""),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let mails = sink.wait_for(4, 10).await;
    let text_to = |who: &str| {
        mails
            .iter()
            .rev()
            .find(|m| m.to.iter().any(|t| t == who))
            .map(|m| m.subject_and_text().1)
            .unwrap_or_default()
    };
    let layla = text_to("layla@example.org");
    assert!(
        layla.contains(REASON_AR),
        "Arabic reason in her mail: {layla}"
    );
    assert!(!layla.contains("Bauarbeiten"));
    let jonas = text_to("jonas@example.org");
    assert!(jonas.contains("wegen Bauarbeiten gesperrt"), "{jonas}");
    let ar = app.get_text_in(&format!("/events/{id}"), "ar").await;
    assert!(
        ar.contains(&format!(r#"<p lang="ar">{REASON_AR}</p>"#)),
        "{ar}"
    );
    // English readers have no translation: the reason as written, marked as German
    let en = app.get_text_in(&format!("/events/{id}"), "en").await;
    assert!(
        en.contains(r#"lang="de">Der Saal ist wegen Bauarbeiten gesperrt.</p>"#),
        "{en}"
    );
    // the meeting form shows the translated reason again, the venue kept beside it
    let (_, form, _) = s.get(&format!("/admin/events/{id}/edit")).await;
    assert!(form.contains(REASON_AR) && form.contains(VENUE_AR));
}

async fn the_easy_read_version_sits_behind_a_switch(app: TestApp, _sink: SmtpSink) {
    let id = app.meeting(Some(10), 0);
    let plain = app.meeting(Some(10), 0);
    let s = organiser(&app, id).await;
    let (status, page) = save_texts(
        &s,
        id,
        &[
            ("texts[de-x-ls].title", "Ein Treffen zum Zusammen-Leben"),
            (
                "texts[de-x-ls].description",
                "Das Amt stellt einen Plan vor.\n\nSie können Fragen stellen.",
            ),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther, "{page}");
    let switch = "fassung=leichte-sprache";
    for lang in ["de", "en", "ar"] {
        let page = app.get_text_in(&format!("/events/{id}"), lang).await;
        assert!(page.contains(switch), "{lang}: switch shown");
        let other = app.get_text_in(&format!("/events/{plain}"), lang).await;
        assert!(
            !other.contains(switch),
            "{lang}: no switch without a version"
        );
    }
    let en = app
        .get_text_in(&format!("/events/{id}?{switch}"), "en")
        .await;
    assert!(
        en.contains(r#"<h1 lang="de-x-ls">Ein Treffen zum Zusammen-Leben</h1>"#),
        "{en}"
    );
    assert!(en.contains("<p>Sie können Fragen stellen.</p>"));
    assert!(en.contains("You are reading this meeting in Leichte Sprache"));
    // the way back leads to the page as it was
    assert!(en.contains(&format!(r#"href="/events/{id}/"#)));
    // the version of a meeting without one is the ordinary page
    let (status, other) = app.get_text(&format!("/events/{plain}?{switch}")).await;
    assert_eq!(status, Status::Ok);
    assert!(!other.contains("Leichter Sprache."));
    // the title stays required wherever the description is translated
    let (status, page) = save_texts(
        &s,
        id,
        &[
            ("texts[de-x-ls].title", ""),
            ("texts[de-x-ls].description", "Nur Text."),
        ],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Nur Text."));
}

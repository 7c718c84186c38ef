//! The minutes of a meeting: saved as Markdown and/or a document, published once to every
//! invitee and everybody who came (each address once, in their language, over real SMTP),
//! readable with the token from the mail or, when public, by everyone.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{audit_log, minutes, outbox};
use treffpunkt::domain::account;

use crate::invited::{invite, registered, set_registration};
use crate::smtp::SmtpSink;
use crate::support::TestApp;

crate::with_smtp!(minutes_reach_invitees_and_those_who_came_once);
crate::both_backends!(public_minutes_are_for_everyone_and_others_stay_closed);

/// The link in a mail's text that leads to the minutes.
fn minutes_link(text: &str) -> String {
    let at = text.find("/events/").expect("a link to the minutes");
    text[at..].split_whitespace().next().unwrap().to_owned()
}

async fn minutes_reach_invitees_and_those_who_came_once(app: TestApp, sink: SmtpSink) {
    let id = app.meeting(Some(20), 0);
    let other = app.meeting(Some(20), 0);
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let de = invite(&app, id, "schule@example.org", "de", true);
    let en = invite(&app, id, "chamber@example.org", "en", true);
    let came = registered(&app, id, "Olena Kovalenko", "olena@example.org").await;
    set_registration(&app, &came, "checked_in_at", "");
    set_registration(&app, &came, "language", "uk");
    // an invitee who also registered and came gets one mail, not two
    let both = registered(&app, id, "Kontakt Schule", "Schule@Example.org").await;
    set_registration(&app, &both, "checked_in_at", "");
    // registered but did not come: no mail
    registered(&app, id, "Jonas Weber", "jonas@example.org").await;
    let elsewhere = invite(&app, other, "kammer@example.org", "de", true);
    let confirmations = sink.wait_for(3, 10).await.len();

    let page = format!("/admin/events/{id}/minutes");
    let (status, body, _) = s
        .submit(&page, &page, &[("body", "  "), ("audience", "invitees")])
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "empty minutes");
    assert!(
        body.contains("Bitte schreiben Sie einen Text oder wählen Sie eine Datei."),
        "{body}"
    );
    let text =
        "## Beschlüsse\n\n- Die Sprachkurse werden **ausgeweitet**.\n- Nächste Sitzung im März.";
    let (status, body, _) = s
        .submit(&page, &page, &[("body", text), ("audience", "invitees")])
        .await;
    assert_eq!(status, Status::SeeOther, "{body}");
    let (_, body, _) = s.get(&page).await;
    assert!(
        body.contains("Veröffentlichen und 3 Personen per Mail benachrichtigen"),
        "{body}"
    );
    // not published: nobody reads it yet, not even with a token
    let (status, _) = app.get_text(&format!("/events/{id}/minutes?i={de}")).await;
    assert_eq!(status, Status::NotFound);

    let (status, _, _) = s.submit(&page, &format!("{page}/publish"), &[]).await;
    assert_eq!(status, Status::SeeOther);
    let mails = sink.wait_for(confirmations + 3, 10).await;
    let minutes_mails: Vec<_> = mails[confirmations..].to_vec();
    let mut to: Vec<String> = minutes_mails.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(
        to,
        [
            "chamber@example.org",
            "olena@example.org",
            "schule@example.org"
        ]
    );
    let mail_to = |addr: &str| {
        minutes_mails
            .iter()
            .find(|m| m.to == [addr])
            .unwrap()
            .subject_and_text()
    };
    let (subject, body) = mail_to("chamber@example.org");
    assert!(subject.starts_with("Minutes: "), "{subject}");
    assert!(body.contains("have been published"), "{body}");
    let english_link = minutes_link(&body);
    assert_eq!(english_link, format!("/events/{id}/minutes?i={en}"));
    let (subject, body) = mail_to("schule@example.org");
    assert!(subject.starts_with("Protokoll: "), "{subject}");
    assert!(minutes_link(&body).ends_with(&format!("?i={de}")), "{body}");
    let (subject, body) = mail_to("olena@example.org");
    assert!(subject.starts_with("Протокол: "), "in Ukrainian: {subject}");
    assert!(
        minutes_link(&body).ends_with(&format!("?t={came}")),
        "her own token: {body}"
    );

    // the link opens the minutes; without it, or with another meeting's, nothing
    let (status, page_text) = app.get_text(&english_link).await;
    assert_eq!(status, Status::Ok);
    assert!(
        page_text.contains("<strong>ausgeweitet</strong>"),
        "Markdown rendered: {page_text}"
    );
    assert_eq!(
        app.get_text(&format!("/events/{id}/minutes?t={came}"))
            .await
            .0,
        Status::Ok
    );
    for path in [
        format!("/events/{id}/minutes"),
        format!("/events/{id}/minutes?i={elsewhere}"),
        format!("/events/{id}/minutes?t=abc"),
    ] {
        assert_eq!(app.get_text(&path).await.0, Status::NotFound, "{path}");
    }

    // publishing again mails nobody and says so; a correction is saved without a mail
    let before = app_mails(&app);
    let (_, _, _) = s.submit(&page, &format!("{page}/publish"), &[]).await;
    let (_, body, _) = s.get(&page).await;
    assert!(body.contains("keine weitere Mail versandt"), "{body}");
    let (status, _, _) = s
        .submit(
            &page,
            &page,
            &[
                ("body", "## Beschlüsse\n\nKorrigiert."),
                ("audience", "invitees"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, body, _) = s.get(&page).await;
    assert!(
        body.contains("jede Adresse bekommt sie nur einmal"),
        "{body}"
    );
    assert_eq!(app_mails(&app), before, "no second round of mails");
    assert!(app.get_text(&english_link).await.1.contains("Korrigiert."));
    let published: i64 = audit_log::table
        .filter(audit_log::action.eq("minutes_published"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(published, 1);
}

fn app_mails(app: &TestApp) -> i64 {
    outbox::table
        .filter(outbox::kind.eq("minutes"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

async fn public_minutes_are_for_everyone_and_others_stay_closed(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let page = format!("/admin/events/{id}/minutes");
    let (status, _, _) = s
        .submit(
            &page,
            &page,
            &[("body", "Öffentliches Protokoll"), ("audience", "public")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    // the organiser checks them before publishing; the public does not see them yet
    let (status, preview, _) = s.get(&format!("/events/{id}/minutes")).await;
    assert_eq!(status, Status::Ok);
    assert!(preview.contains("noch nicht veröffentlicht"), "{preview}");
    assert_eq!(
        app.get_text(&format!("/events/{id}/minutes")).await.0,
        Status::NotFound
    );
    let (status, _, _) = s.submit(&page, &format!("{page}/publish"), &[]).await;
    assert_eq!(status, Status::SeeOther);
    let (status, body) = app.get_text(&format!("/events/{id}/minutes")).await;
    assert_eq!(status, Status::Ok);
    assert!(body.contains("Öffentliches Protokoll"));

    // another office can neither read the draft of theirs nor change these
    let elsewhere = app.office("stadt", "Stadtverwaltung Rottenburg");
    let password = app.account("fremd@example.org", account::ROLE_ORGANISER, &[elsewhere]);
    let stranger = app.login("fremd@example.org", &password).await;
    assert_eq!(stranger.get(&page).await.0, Status::Forbidden);
    let (status, _, _) = stranger
        .submit(
            "/admin",
            &page,
            &[("body", "Überschrieben"), ("audience", "public")],
        )
        .await;
    assert_eq!(status, Status::Forbidden);
    let body: String = minutes::table
        .find(id)
        .select(minutes::body)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(body, "Öffentliches Protokoll");
    // a document only organisers may see cannot be the minutes
    let doc = treffpunkt::domain::document::store(
        &mut app.conn(),
        id,
        &treffpunkt::domain::document::DocumentInput {
            title: "Intern".into(),
            visibility: "organisers".into(),
            attach_to: String::new(),
        },
        Some(&treffpunkt::domain::document::Upload {
            name: "intern.pdf".into(),
            bytes: b"%PDF-1.4\n%%EOF\n".to_vec(),
            too_large: false,
        }),
        &treffpunkt::domain::audit::Actor::system(),
        app.now(),
    )
    .unwrap();
    let (status, form, _) = s
        .submit(
            &page,
            &page,
            &[
                ("body", ""),
                ("document", &doc.to_string()),
                ("audience", "public"),
            ],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(form.contains("id=\"document-error\""), "{form}");
}

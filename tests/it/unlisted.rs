//! Issue 12 (5): an unlisted meeting is reached only through its link's random key, not by
//! counting ids; every link the site makes to it (page, forms, `.ics`, API, mails, the
//! organiser's copy) carries the key; registrations keep working through their own tokens.
//! Listed meetings keep their readable address.

use mail_parser::MimeHeaders;
use rocket::http::Status;
use treffpunkt::domain::account;

use crate::smtp::SmtpSink;
use crate::support::TestApp;

crate::with_smtp!(unlisted_meetings_need_their_key);

async fn unlisted_meetings_need_their_key(app: TestApp, sink: SmtpSink) {
    let office = app.office("amt", "Landratsamt Tübingen");
    let id = app.meeting_with(|e| {
        e.columns.office_id = office;
        e.columns.title = "Nur mit Link".into();
        e.columns.visibility = "unlisted".into();
    });
    let listed = app.meeting_with(|e| {
        e.columns.office_id = office;
        e.columns.title = "Offen für alle".into();
    });
    let key = app.event_key(id);
    let missing = 999_999;

    // by id alone, or with a wrong key, it answers exactly as a meeting that does not exist
    let (status, gone) = app.get_text(&format!("/events/{missing}")).await;
    assert_eq!(status, Status::NotFound);
    // the key with its last character changed (to one it does not already end in)
    let last = if key.ends_with('0') { '1' } else { '0' };
    let wrong = format!("{}{last}", &key[..key.len() - 1]);
    for path in [
        format!("/events/{id}"),
        format!("/events/{id}/nur-mit-link"),
        format!("/events/{id}?k={wrong}"),
        format!("/events/{id}?k="),
        format!("/events/{id}/calendar.ics"),
        format!("/events/{id}/calendar.ics?k={wrong}"),
    ] {
        let (status, body) = app.get_text(&path).await;
        assert_eq!(status, Status::NotFound, "{path}");
        assert_eq!(
            body.contains("Nur mit Link"),
            gone.contains("Nur mit Link"),
            "{path}"
        );
    }
    let (status, body) = app.get_text(&format!("/api/v1/events/{id}")).await;
    let (_, missing_body) = app.get_text(&format!("/api/v1/events/{missing}")).await;
    assert_eq!(status, Status::NotFound);
    assert_eq!(body, missing_body, "the API cannot tell them apart");

    // registering by id alone stores nothing
    let person = serde_json::json!({ "name": "Olena Kovalenko", "email": "olena@example.org", "consent": true });
    let (status, answer) = app
        .post_json(&format!("/api/v1/events/{id}/registrations"), &person)
        .await;
    assert_eq!(status, Status::NotFound);
    assert_eq!(answer["error"], "not_found");
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            "name=Anna&email=anna%40example.org&consent=yes",
        )
        .await;
    assert_eq!(res.status(), Status::NotFound);
    assert_eq!(app.count(&format!("event_id = {id}")), 0);

    // with the key: the page, whose own addresses carry the key, the .ics and the API
    let page_path = format!("/events/{id}/nur-mit-link?k={key}");
    let (status, page) = app.get_text(&page_path).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains(&format!("action=\"/events/{id}/register?k={key}\"")));
    assert!(page.contains(&format!("/events/{id}/calendar.ics?k={key}")));
    let (status, ics) = app
        .get_text(&format!("/events/{id}/calendar.ics?k={key}"))
        .await;
    assert_eq!(status, Status::Ok);
    assert!(ics.contains("Nur mit Link"));
    let (status, body) = app.get_text(&format!("/api/v1/events/{id}?k={key}")).await;
    assert_eq!(status, Status::Ok);
    let api: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        api["url"],
        format!("https://treffpunkt.example.org{page_path}")
    );

    // registering through the form of the page, and by API with the key
    let res = app
        .post_form(
            &format!("/events/{id}/register?k={key}"),
            "name=Anna+M%C3%BCller&email=anna%40example.org&consent=yes",
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let manage = res.headers().get_one("Location").unwrap().to_owned();
    // a second time: the page offers sending the link again, through the keyed address too
    let res = app
        .post_form(
            &format!("/events/{id}/register?k={key}"),
            "name=Anna+M%C3%BCller&email=anna%40example.org&consent=yes",
        )
        .await;
    assert_eq!(res.status(), Status::Conflict);
    let again = res.into_string().await.unwrap();
    assert!(again.contains(&format!("action=\"/events/{id}/resend?k={key}\"")));
    let res = app
        .post_form(&format!("/events/{id}/resend"), "email=anna%40example.org")
        .await;
    assert_eq!(res.status(), Status::NotFound, "not without the key");
    let res = app
        .post_form(
            &format!("/events/{id}/resend?k={key}"),
            "email=anna%40example.org",
        )
        .await;
    assert_eq!(res.status(), Status::Ok);
    let (status, _) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations?k={key}"),
            &person,
        )
        .await;
    assert_eq!(status, Status::Created);
    assert_eq!(app.count(&format!("event_id = {id}")), 2);

    // the registration's own token keeps working, and links back with the key
    let (status, mine) = app.get_text(&manage).await;
    assert_eq!(status, Status::Ok);
    assert!(mine.contains(&format!("href=\"{page_path}\"")), "{mine}");

    // the confirmation mail links to the meeting with its key, in text and calendar entry
    let mails = sink.wait_for(3, 10).await;
    let anna = mails
        .iter()
        .find(|m| m.to == ["anna@example.org"] && m.parsed().attachments().count() > 0)
        .expect("Anna's confirmation");
    let p = anna.parsed();
    let text = p.body_text(0).unwrap().into_owned();
    assert!(
        text.contains(&format!("https://treffpunkt.example.org{page_path}")),
        "{text}"
    );
    let ics = p
        .attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|c| c.subtype() == Some("calendar"))
        })
        .map(|a| String::from_utf8_lossy(a.contents()).into_owned())
        .expect("a calendar entry");
    assert!(ics.replace("\r\n ", "").contains(&format!("?k={key}")));

    // the organiser's "public page" link carries it too
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let s = app.login("orga@example.org", &pw).await;
    let (_, dashboard, _) = s.get(&format!("/admin/events/{id}")).await;
    assert!(dashboard.contains(&format!("{page_path}\"")));

    // a listed meeting keeps its readable address
    let (status, open) = app.get_text(&format!("/events/{listed}")).await;
    assert_eq!(status, Status::Ok);
    assert!(open.contains(&format!("action=\"/events/{listed}/register\"")));
    let (_, list) = app.get_text("/").await;
    assert!(list.contains(&format!("href=\"/events/{listed}/offen-fuer-alle\"")));
    assert!(!list.contains("Nur mit Link"));
}

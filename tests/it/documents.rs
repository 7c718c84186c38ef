//! Documents of a meeting: each visibility lets exactly the right people fetch the file,
//! with the headers of a download; everybody else gets 404, not the file. (Uploads are
//! in `uploads`.)

use rocket::http::Status;
use treffpunkt::domain::account;
use treffpunkt::domain::audit::Actor;
use treffpunkt::domain::document::{self, DocumentInput, Upload};

use crate::invited::{invite, registered, set_registration};
use crate::support::TestApp;

crate::both_backends!(
    each_visibility_reaches_exactly_its_people,
    public_documents_follow_the_meeting,
    documents_are_listed_where_their_people_look
);

pub(crate) const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A document of meeting `event` stored as an organiser's upload would be.
fn add_document(app: &TestApp, event: i64, visibility: &str, name: &str) -> i64 {
    let input = DocumentInput {
        title: format!("Unterlage {visibility}"),
        visibility: visibility.into(),
        attach_to: String::new(),
    };
    let file = Upload {
        name: name.into(),
        bytes: PDF.to_vec(),
        too_large: false,
    };
    document::store(
        &mut app.conn(),
        event,
        &input,
        Some(&file),
        &Actor::system(),
        app.now(),
    )
    .unwrap()
}

/// The status, the `Content-Disposition` and the bytes an anonymous visitor gets.
async fn fetch(app: &TestApp, path: &str) -> (Status, Option<String>, Vec<u8>) {
    let res = app.client.get(path.to_owned()).dispatch().await;
    let status = res.status();
    let disposition = res
        .headers()
        .get_one("Content-Disposition")
        .map(str::to_owned);
    (
        status,
        disposition,
        res.into_bytes().await.unwrap_or_default(),
    )
}

async fn each_visibility_reaches_exactly_its_people(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let other = app.meeting(Some(20), 0);
    let public = add_document(&app, id, "public", "Tagesordnung.pdf");
    let participants = add_document(&app, id, "participants", "Präsentation Jobcenter.pdf");
    let organisers = add_document(&app, id, "organisers", "Interne Notiz.pdf");

    let mine = registered(&app, id, "Olena Kovalenko", "olena@example.org").await;
    let theirs = registered(&app, other, "Jonas Weber", "jonas@example.org").await;
    let gone = registered(&app, id, "Carla Rossi", "carla@example.org").await;
    set_registration(&app, &gone, "status", "cancelled");
    let invited = invite(&app, id, "schule@example.org", "de", true);
    let invited_elsewhere = invite(&app, other, "kammer@example.org", "de", true);

    // the right person gets the file with the headers that make it a download
    let res = app
        .client
        .get(format!("/documents/{participants}?t={mine}"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    let header = |n: &str| res.headers().get_one(n).map(str::to_owned);
    assert_eq!(header("Content-Type").as_deref(), Some("application/pdf"));
    assert_eq!(header("X-Content-Type-Options").as_deref(), Some("nosniff"));
    assert!(header("Cache-Control").is_some_and(|c| c.contains("private")));
    assert_eq!(
        header("Content-Disposition").as_deref(),
        Some(
            "attachment; filename=\"Pr_sentation_Jobcenter.pdf\"; filename*=UTF-8''Pr%C3%A4sentation%20Jobcenter.pdf"
        )
    );
    assert_eq!(res.into_bytes().await.unwrap(), PDF);

    let ok = |p: &str| (Status::Ok, p.to_owned());
    let no = |p: &str| (Status::NotFound, p.to_owned());
    let cases = [
        ok(&format!("/documents/{public}")),
        no(&format!("/documents/{participants}")),
        ok(&format!("/documents/{participants}?i={invited}")),
        no(&format!("/documents/{participants}?t={theirs}")),
        no(&format!("/documents/{participants}?i={invited_elsewhere}")),
        no(&format!("/documents/{participants}?t={gone}")),
        no(&format!("/documents/{participants}?t=nonsense")),
        no(&format!("/documents/{organisers}?t={mine}")),
        no(&format!("/documents/{organisers}?i={invited}")),
        no(&format!("/documents/{organisers}")),
        no("/documents/999999"),
    ];
    for (want, path) in &cases {
        let (status, disposition, body) = fetch(&app, path).await;
        assert_eq!(status, *want, "{path}");
        if *want == Status::NotFound {
            assert!(
                disposition.is_none() && body != PDF,
                "{path} gives nothing away"
            );
        }
    }

    // staff: their own office's meetings only, and a 404 (not 403) for the others
    let own = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let (status, _, body) = own.get_file(&format!("/documents/{organisers}")).await;
    assert_eq!((status, body.as_slice()), (Status::Ok, PDF));
    let elsewhere = app.office("stadt", "Stadtverwaltung Rottenburg");
    let password = app.account("fremd@example.org", account::ROLE_ORGANISER, &[elsewhere]);
    let stranger = app.login("fremd@example.org", &password).await;
    for doc in [participants, organisers] {
        let (status, headers, _) = stranger.get_file(&format!("/documents/{doc}")).await;
        assert_eq!(status, Status::NotFound, "another office's staff: {doc}");
        assert!(!headers.iter().any(|(n, _)| n == "content-disposition"));
    }
    // door staff of the same office are no organisers
    let door = app
        .staff_of(id, "tuer@example.org", account::ROLE_DOOR)
        .await;
    let (status, _, _) = door.get_file(&format!("/documents/{organisers}")).await;
    assert_eq!(status, Status::NotFound);

    // a removed document is gone for everybody, staff included
    let agenda = format!("/admin/events/{id}/agenda");
    let (status, _, _) = own
        .submit(
            &agenda,
            &format!("/admin/documents/{participants}/remove"),
            &[],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = stranger
        .submit("/admin", &format!("/admin/documents/{public}/remove"), &[])
        .await;
    assert_eq!(
        status,
        Status::Forbidden,
        "another office cannot remove one"
    );
    assert_eq!(
        fetch(&app, &format!("/documents/{public}")).await.0,
        Status::Ok
    );
    assert_eq!(
        fetch(&app, &format!("/documents/{participants}?t={mine}"))
            .await
            .0,
        Status::NotFound
    );
    assert_eq!(
        own.get_file(&format!("/documents/{participants}")).await.0,
        Status::NotFound
    );
}

async fn public_documents_follow_the_meeting(app: TestApp) {
    let unlisted = app.meeting_with(|e| e.columns.visibility = "unlisted".into());
    let partners = app.meeting_with(|e| e.columns.visibility = "partners".into());
    let draft = app.meeting_with(|e| e.status = "draft");
    let on_unlisted = add_document(&app, unlisted, "public", "a.pdf");
    let on_partners = add_document(&app, partners, "public", "b.pdf");
    let on_draft = add_document(&app, draft, "public", "c.pdf");
    let key = app.event_key(unlisted);
    let invited = invite(&app, partners, "schule@example.org", "de", true);

    assert_eq!(
        fetch(&app, &format!("/documents/{on_unlisted}")).await.0,
        Status::NotFound
    );
    assert_eq!(
        fetch(&app, &format!("/documents/{on_unlisted}?k=wrongkey"))
            .await
            .0,
        Status::NotFound
    );
    assert_eq!(
        fetch(&app, &format!("/documents/{on_unlisted}?k={key}"))
            .await
            .0,
        Status::Ok
    );
    assert_eq!(
        fetch(&app, &format!("/documents/{on_partners}")).await.0,
        Status::NotFound,
        "a partners-only meeting's documents need a participant's token"
    );
    assert_eq!(
        fetch(&app, &format!("/documents/{on_partners}?i={invited}"))
            .await
            .0,
        Status::Ok
    );
    assert_eq!(
        fetch(&app, &format!("/documents/{on_draft}")).await.0,
        Status::NotFound
    );
    // the unlisted meeting's page links its document with the key
    let (_, page) = app.get_text(&format!("/events/{unlisted}?k={key}")).await;
    assert!(
        page.contains(&format!("/documents/{on_unlisted}?k={key}")),
        "{page}"
    );
}

async fn documents_are_listed_where_their_people_look(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let public = add_document(&app, id, "public", "Tagesordnung.pdf");
    let participants = add_document(&app, id, "participants", "Folien.pdf");
    let organisers = add_document(&app, id, "organisers", "Intern.pdf");
    let (_, page) = app.get_text(&format!("/events/{id}")).await;
    assert!(
        page.contains(&format!("href=\"/documents/{public}\"")),
        "{page}"
    );
    assert!(!page.contains(&format!("/documents/{participants}")));
    assert!(!page.contains(&format!("/documents/{organisers}")));
    let token = registered(&app, id, "Olena Kovalenko", "olena@example.org").await;
    let (_, own) = app.get_text(&format!("/r/{token}")).await;
    assert!(
        own.contains(&format!("/documents/{participants}?t={token}")),
        "{own}"
    );
    assert!(own.contains(&format!("/documents/{public}?t={token}")));
    assert!(!own.contains(&format!("/documents/{organisers}")));
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let (_, staff_page, _) = s.get(&format!("/admin/events/{id}/agenda")).await;
    for doc in [public, participants, organisers] {
        assert!(
            staff_page.contains(&format!("/documents/{doc}")),
            "organisers see all"
        );
    }
    // the lead's invitation page asks for the documents a participant may fetch
    let listed: Vec<i64> = document::for_participants(&mut app.conn(), id)
        .unwrap()
        .iter()
        .map(|d| d.id)
        .collect();
    assert_eq!(listed, [public, participants]);
}

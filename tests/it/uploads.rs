//! Uploading documents: checked by size and by their content (a program named `.pdf` is
//! refused), a refused upload keeps the rest of the form, a forged token or another
//! office's organiser is refused outright, and accepted files are typed by their content.

use diesel::prelude::*;
use rocket::http::Status;
use serde_json::json;
use treffpunkt::db::schema::documents;
use treffpunkt::domain::account;

use crate::documents::PDF;
use crate::support::{Backend, StaffSession, TestApp, start_with_settings};

crate::each_backend!(uploads_are_checked_and_keep_the_form);

fn stored(app: &TestApp) -> Vec<(String, String, String, i64)> {
    documents::table
        .order(documents::id.asc())
        .select((
            documents::title,
            documents::file_name,
            documents::content_type,
            documents::size_bytes,
        ))
        .load(&mut *app.conn())
        .unwrap()
}

async fn upload(
    s: &StaffSession,
    id: i64,
    text: &[(&str, &str)],
    file: (&str, &[u8]),
) -> (Status, String) {
    let page = format!("/admin/events/{id}/agenda");
    let action = format!("/admin/events/{id}/documents");
    let (status, body, _) = s
        .submit_multipart(&page, &action, text, &[("file", file.0, file.1)])
        .await;
    (status, body)
}

async fn uploads_are_checked_and_keep_the_form(backend: Backend) {
    let Some(app) = start_with_settings(backend, &[("document_max_bytes", json!(64 * 1024))]).await
    else {
        return;
    };
    let id = app.meeting(Some(20), 0);
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let fields = [
        ("title", "Einladung mit Lageplan"),
        ("visibility", "organisers"),
    ];

    // too large: the form again, the message at the file, title and visibility kept
    let mut big = PDF.to_vec();
    big.resize(70 * 1024, b' ');
    let (status, page) = upload(&s, id, &fields, ("Einladung.pdf", &big)).await;
    assert_eq!(status, Status::UnprocessableEntity, "{page}");
    assert!(page.contains("Diese Datei ist zu groß"), "{page}");
    assert!(page.contains("id=\"file-error\""), "at the field");
    assert!(
        page.contains("value=\"Einladung mit Lageplan\""),
        "the title is kept"
    );
    assert!(
        page.contains(
            "id=\"visibility-organisers\" name=\"visibility\" value=\"organisers\" checked"
        ),
        "the visibility is kept"
    );

    // a program dressed up as a PDF, and a web page: refused by their content
    let program =
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run";
    for (name, bytes) in [
        ("Tagesordnung.pdf", &program[..]),
        ("Protokoll.pdf", b"<html><script>alert(1)</script>"),
    ] {
        let (status, page) = upload(&s, id, &fields, (name, bytes)).await;
        assert_eq!(status, Status::UnprocessableEntity, "{name}");
        assert!(
            page.contains("Diese Art von Datei wird nicht angenommen"),
            "{page}"
        );
        assert!(page.contains("value=\"Einladung mit Lageplan\""));
    }
    let (status, page) = upload(&s, id, &fields, ("", b"")).await;
    assert_eq!(status, Status::UnprocessableEntity, "no file chosen");
    assert!(page.contains("Bitte wählen Sie eine Datei aus."));
    // an agenda item of another meeting cannot take the document
    let other = app.meeting(Some(20), 0);
    let input = treffpunkt::domain::agenda::ItemInput {
        title: Some("Fremder Punkt".into()),
        ..Default::default()
    };
    let foreign = treffpunkt::domain::agenda::add(
        &mut app.conn(),
        other,
        &input.check().unwrap(),
        &treffpunkt::domain::audit::Actor::system(),
        app.now(),
    )
    .unwrap();
    let attach = [
        ("visibility", "public"),
        ("attach_to", &foreign.to_string()),
    ];
    let (status, page) = upload(&s, id, &attach, ("a.pdf", PDF)).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"attach_to-error\""), "{page}");
    assert!(stored(&app).is_empty(), "nothing stored on bad input");

    // a forged token (the last `csrf` field wins) and another office: refused outright
    let forged = [
        ("title", "Gefälscht"),
        ("visibility", "public"),
        ("csrf", "forged"),
    ];
    let (status, _) = upload(&s, id, &forged, ("a.pdf", PDF)).await;
    assert_eq!(status, Status::Forbidden);
    let elsewhere = app.office("stadt", "Stadtverwaltung Rottenburg");
    let password = app.account("fremd@example.org", account::ROLE_ORGANISER, &[elsewhere]);
    let stranger = app.login("fremd@example.org", &password).await;
    let (status, _, _) = stranger
        .submit_multipart(
            "/admin",
            &format!("/admin/events/{id}/documents"),
            &fields,
            &[("file", "a.pdf", PDF)],
        )
        .await;
    assert_eq!(status, Status::Forbidden, "another office's meeting");
    assert!(stored(&app).is_empty());

    // a real PDF and a real spreadsheet, typed by their content
    let (status, page) = upload(
        &s,
        id,
        &[("title", ""), ("visibility", "public")],
        ("Tagesordnung März.pdf", PDF),
    )
    .await;
    assert_eq!(status, Status::SeeOther, "{page}");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .write(0, 0, "Teilnehmende Organisationen")
        .unwrap();
    let xlsx = book.save_to_buffer().unwrap();
    let (status, page) = upload(
        &s,
        id,
        &[("title", "Übersicht"), ("visibility", "participants")],
        ("uebersicht.bin", &xlsx),
    )
    .await;
    assert_eq!(status, Status::SeeOther, "{page}");
    let rows = stored(&app);
    assert_eq!(
        rows[0],
        (
            "Tagesordnung März".into(),
            "Tagesordnung März.pdf".into(),
            "application/pdf".into(),
            PDF.len() as i64
        ),
        "an empty title takes the file's name"
    );
    assert_eq!(
        (rows[1].1.as_str(), rows[1].2.as_str()),
        (
            "uebersicht.bin.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
        "the name gets the extension of what the file is"
    );
}

//! The office's partner list imported from its Excel sheet: a preview first (new, changed,
//! unchanged, faulty rows by line), nothing stored before the confirmation, which stores
//! exactly what the preview showed.

use diesel::prelude::*;
use rocket::http::{ContentType, Cookie, Status};
use treffpunkt::db::schema::{audit_log, partner_imports};

use crate::partners::{live_contacts, live_partners, partner_with};
use crate::support::{StaffSession, TestApp, csrf_of};

crate::both_backends!(
    the_import_shows_a_preview_and_stores_exactly_it,
    the_import_refuses_unreadable_lists_and_keeps_the_text,
    a_double_confirmation_stores_once
);

/// Posts the import form as a multipart upload: a file (`file`) or pasted `text`.
pub(crate) async fn upload(
    s: &StaffSession,
    office: i64,
    file: Option<&[u8]>,
    text: &str,
) -> (Status, String, Option<String>) {
    let (_, page, _) = s.get("/admin/partners").await;
    let csrf = csrf_of(&page);
    let boundary = "treffpunkt-grenze-7f3a";
    let mut body: Vec<u8> = Vec::new();
    let mut part = |name: &str, filename: Option<&str>, value: &[u8]| {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match filename {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: text/csv\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    };
    part("csrf", None, csrf.as_bytes());
    part("office", None, office.to_string().as_bytes());
    part("file", Some("partner.csv"), file.unwrap_or(b""));
    part("text", None, text.as_bytes());
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let cookies: Vec<Cookie<'static>> = s
        .cookie_header()
        .split("; ")
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| Cookie::new(k.to_owned(), v.to_owned()))
        .collect();
    let res = s
        .client
        .post("/admin/partners/import")
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", boundary)))
        .cookies(cookies)
        .body(body)
        .dispatch()
        .await;
    let status = res.status();
    let location = res.headers().get_one("Location").map(str::to_owned);
    (
        status,
        res.into_string().await.unwrap_or_default(),
        location,
    )
}

/// The hidden fingerprint of the preview on a page.
pub(crate) fn plan_of(page: &str) -> String {
    let marker = "name=\"plan\" value=\"";
    let start = page.find(marker).expect("a confirm button") + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

/// The office's list as German Excel saves it: a byte order mark, semicolons, CRLF,
/// quoted fields, an empty row.
const EXCEL: &str = "\u{FEFF}Organisation;Art;Name;E-Mail;Telefon;Rolle;Sprache\r\n\
    \"BBS Celle; Standort Nord\";Schule;Jonas Berg;jonas.berg@bbs.example;05141 1;Mitglied;Deutsch\r\n\
    \"BBS Celle; Standort Nord\";;Mira Stein;mira.stein@bbs.example;;Vertretung;uk\r\n\
    Caritas Celle;Kirche;Eva Klein-Berg;eva.klein@caritas.example;;Mitglied;de\r\n\
    Caritas Celle;;Paul Groß;paul@caritas.example;;;\r\n\
    ;;;;;;\r\n\
    Polizei Celle;Polizei;Kim Berg;kim@polizei;;;\r\n\
    \"BBS Celle; Standort Nord\";Schule;Jonas B.;JONAS.BERG@bbs.example;;;\r\n\
    Jugendzentrum;Sportverein;Lea Ott;lea@jz.example;;;\r\n";

async fn the_import_shows_a_preview_and_stores_exactly_it(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let office = app.office_of(id);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    partner_with(
        &app,
        office,
        "Caritas Celle",
        "other",
        &[
            ("Eva Klein", "eva.klein@caritas.example", "member"),
            ("Paul Groß", "paul@caritas.example", "member"),
        ],
    );
    let before = live_contacts(&app);

    let (status, page, _) = s
        .get(&format!("/admin/partners/import?office={office}"))
        .await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("enctype=\"multipart/form-data\""));
    let (status, _, location) = upload(&s, office, Some(EXCEL.as_bytes()), "").await;
    assert_eq!(status, Status::SeeOther);
    let preview = location.expect("to the preview");
    assert!(preview.starts_with("/admin/partners/import/"));
    assert_eq!(
        live_contacts(&app),
        before,
        "nothing stored before confirming"
    );

    let (status, page, _) = s.get(&preview).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Noch ist nichts gespeichert."));
    // added: one organisation with two people; changed: Caritas's kind and Eva's name
    assert!(page.contains("BBS Celle; Standort Nord (Schule)"), "{page}");
    assert!(page.contains("Jonas Berg") && page.contains("Mira Stein"));
    assert!(
        page.contains("<del>Sonstige</del> → <ins>Kirche / Wohlfahrtsverband</ins>"),
        "{page}"
    );
    assert!(page.contains("<del>Eva Klein</del> → <ins>Eva Klein-Berg</ins>"));
    assert!(
        page.contains("1 Ansprechperson unverändert"),
        "Paul as he was"
    );
    // bad rows by their line in the file
    assert!(page.contains("3 fehlerhafte Zeilen"));
    assert!(page.contains("id=\"bad-line-7\""));
    assert!(page.contains("die E-Mail-Adresse ist ungültig"));
    assert!(
        page.contains("dieselbe Adresse steht für diese Organisation schon in Zeile 2"),
        "{page}"
    );
    assert!(page.contains("id=\"bad-line-9\"") && page.contains("unbekannte Art"));
    let stale_plan = plan_of(&page);

    // meanwhile somebody adds the school by hand: the old preview is not stored
    let (status, _, _) = s
        .submit(
            "/admin/partners",
            "/admin/partners/new",
            &[
                ("office", &office.to_string()),
                ("partner.name", "BBS Celle; Standort Nord"),
                ("partner.kind", "school"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, page, _) = s.submit(&preview, &preview, &[("plan", &stale_plan)]).await;
    assert_eq!(status, Status::Conflict);
    assert!(page.contains("Die Partnerdaten haben sich inzwischen geändert."));
    assert!(
        !page.contains("BBS Celle; Standort Nord (Schule)"),
        "not new now"
    );
    assert_eq!(live_contacts(&app), before, "nothing stored");

    // confirmed as shown now: exactly the preview's changes
    let (status, _, location) = s
        .submit(&preview, &preview, &[("plan", &plan_of(&page))])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&location.unwrap()).await;
    assert!(
        page.contains("Importiert: 0 neue und 1 geänderte Organisationen, 2 neue und 1 geänderte Ansprechpersonen."),
        "{page}"
    );
    assert_eq!(
        live_partners(&app),
        vec![
            ("BBS Celle; Standort Nord".into(), "school".into()),
            ("Caritas Celle".into(), "church_welfare".into()),
        ]
    );
    let people: Vec<(String, String, String, String)> = live_contacts(&app)
        .into_iter()
        .map(|(o, n, _, _, r, l)| (o, n, r, l))
        .collect();
    let row = |o: &str, n: &str, r: &str, l: &str| (o.into(), n.into(), r.into(), l.into());
    assert_eq!(
        people,
        vec![
            row("BBS Celle; Standort Nord", "Jonas Berg", "member", "de"),
            row("BBS Celle; Standort Nord", "Mira Stein", "deputy", "uk"),
            row("Caritas Celle", "Eva Klein-Berg", "member", "de"),
            row("Caritas Celle", "Paul Groß", "member", "de"),
        ]
    );
    let n: i64 = audit_log::table
        .filter(audit_log::action.eq("partner.import"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(n, 1);
    // the upload is used up
    let (status, _, _) = s.get(&preview).await;
    assert_eq!(status, Status::NotFound);

    // the same file again changes nothing: no button to confirm
    let (_, _, location) = upload(&s, office, Some(EXCEL.as_bytes()), "").await;
    let (_, page, _) = s.get(&location.unwrap()).await;
    assert!(page.contains("Die Datei ändert nichts an Ihren Partnerdaten."));
    assert!(!page.contains("name=\"plan\""));

    // pasted text (with commas) works as a file does; Windows-1252 keeps its umlauts
    let (status, _, location) = upload(
        &s,
        office,
        None,
        "Organization,Name,Email\nJobcenter Celle,Gül Aydın,gul@jobcenter.example\n",
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&location.unwrap()).await;
    assert!(page.contains("Gül Aydın"));
    let latin1 = b"Organisation;Name;E-Mail\r\nSt\xe4dtische Schule;J\xfcrgen M\xfcller;j@schule.example\r\n";
    let (_, _, location) = upload(&s, office, Some(latin1), "").await;
    let (_, page, _) = s.get(&location.unwrap()).await;
    assert!(page.contains("Jürgen Müller") && page.contains("Städtische Schule"));
}

async fn the_import_refuses_unreadable_lists_and_keeps_the_text(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let office = app.office_of(id);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    let pasted = "Firma;Person\nIHK;Jan";
    let (status, page, _) = upload(&s, office, None, pasted).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Die erste Zeile muss die Spalten nennen"));
    assert!(page.contains("Firma;Person\nIHK;Jan"), "the text is kept");
    let (status, page, _) = upload(&s, office, None, "").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Bitte wählen Sie eine Datei oder fügen Sie die Liste ein."));
    let mut big = String::from("Organisation;Name;E-Mail\n");
    while big.len() <= 1024 * 1024 {
        big.push_str("Kreisvolkshochschule;Maximiliane Mustermann;m@vhs.example\n");
    }
    let (status, page, _) = upload(&s, office, Some(big.as_bytes()), "").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Die Datei ist zu groß (höchstens 1 MB)."));
    // a long list well under the limit is read
    let mut long = String::from("Organisation;Name;E-Mail\n");
    for i in 0..3000 {
        long.push_str(&format!(
            "Kreisvolkshochschule;Maximiliane Mustermann {i};m{i}@vhs.example\n"
        ));
    }
    assert!(long.len() > 150 * 1024);
    let (status, _, location) = upload(&s, office, Some(long.as_bytes()), "").await;
    assert_eq!(status, Status::SeeOther);
    let (status, page, _) = s.get(&location.unwrap()).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("3000 neue Ansprechpersonen"));
    diesel::delete(partner_imports::table)
        .execute(&mut *app.conn())
        .unwrap();
    let kept: i64 = partner_imports::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(kept, 0, "nothing refused is kept");
    // without the form's token: refused before anything is read
    let (status, _, _) = s
        .post_raw("/admin/partners/import", b"office=1&text=x".to_vec())
        .await;
    assert!(status.code >= 400 && status.code < 500, "{status}");
}

async fn a_double_confirmation_stores_once(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let office = app.office_of(id);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    let list =
        "Organisation;Name;E-Mail\nIHK;Jan Otto;jan@ihk.example\nIHK;Eva Roth;eva@ihk.example\n";
    let (_, _, location) = upload(&s, office, None, list).await;
    let preview = location.unwrap();
    let (_, page, _) = s.get(&preview).await;
    let body = format!("csrf={}&plan={}", csrf_of(&page), plan_of(&page));
    let (one, two) = rocket::tokio::join!(
        s.post_raw(&preview, body.clone().into_bytes()),
        s.post_raw(&preview, body.clone().into_bytes())
    );
    let mut codes = [one.0.code, two.0.code];
    codes.sort();
    assert_eq!(codes, [303, 404], "one stores, the other finds it done");
    assert_eq!(live_partners(&app).len(), 1);
    assert_eq!(live_contacts(&app).len(), 2);
}

//! The Runder Tisch's partners in the back office: organisations and their contact persons
//! kept through the pages, the office's Excel list imported with a preview, invitation
//! lists of a series and a meeting resolved to people, and another office seeing nothing.

use diesel::prelude::*;
use rocket::http::{ContentType, Cookie, Status};
use treffpunkt::db::schema::{audit_log, invitees, partner_contacts, partner_imports, partners};
use treffpunkt::domain::audit::Actor;
use treffpunkt::domain::partner::contact::ContactInput;
use treffpunkt::domain::partner::invitees::{List, add_contact, add_partner, contacts_for_event};
use treffpunkt::domain::partner::organisation::PartnerInput;
use treffpunkt::domain::partner::{contact, organisation};

use crate::support::{StaffSession, TestApp, csrf_of};

crate::both_backends!(
    organisations_and_contacts_are_kept_through_the_pages,
    the_import_shows_a_preview_and_stores_exactly_it,
    the_import_refuses_unreadable_lists_and_keeps_the_text,
    a_double_confirmation_stores_once,
    invitation_lists_resolve_to_the_people_invited,
    invitation_lists_are_kept_through_the_pages,
    another_office_finds_nothing
);

fn tester() -> Actor {
    Actor {
        user_id: None,
        label: "test".into(),
    }
}

/// An organisation of `office` with contacts `(name, email, role)`, straight into the
/// database: `(partner, [contact ids])`.
fn partner_with(
    app: &TestApp,
    office: i64,
    name: &str,
    kind: &str,
    people: &[(&str, &str, &str)],
) -> (i64, Vec<i64>) {
    let mut conn = app.conn();
    let valid = PartnerInput {
        name: Some(name.into()),
        kind: Some(kind.into()),
    }
    .check()
    .unwrap();
    let id = organisation::add(&mut conn, office, &valid, &tester(), app.now()).unwrap();
    let contacts = people
        .iter()
        .map(|(n, e, role)| {
            let c = ContactInput {
                name: Some((*n).into()),
                email: Some((*e).into()),
                role: Some((*role).into()),
                ..Default::default()
            }
            .check()
            .unwrap();
            contact::add(&mut conn, id, &c, &tester(), app.now()).unwrap()
        })
        .collect();
    (id, contacts)
}

fn live_partners(app: &TestApp) -> Vec<(String, String)> {
    partners::table
        .filter(partners::removed_at.is_null())
        .order(partners::name.asc())
        .select((partners::name, partners::kind))
        .load(&mut *app.conn())
        .unwrap()
}

/// (organisation, name, email, phone, role, language) of every live contact.
type ContactRow = (String, String, String, Option<String>, String, String);

fn live_contacts(app: &TestApp) -> Vec<ContactRow> {
    partner_contacts::table
        .inner_join(partners::table)
        .filter(partner_contacts::removed_at.is_null())
        .filter(partners::removed_at.is_null())
        .order((partners::name.asc(), partner_contacts::name.asc()))
        .select((
            partners::name,
            partner_contacts::name,
            partner_contacts::email,
            partner_contacts::phone,
            partner_contacts::role,
            partner_contacts::language,
        ))
        .load(&mut *app.conn())
        .unwrap()
}

fn id_of_partner(app: &TestApp, name: &str) -> i64 {
    partners::table
        .filter(partners::name.eq(name))
        .filter(partners::removed_at.is_null())
        .select(partners::id)
        .first(&mut *app.conn())
        .unwrap()
}

async fn organisations_and_contacts_are_kept_through_the_pages(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let office = app.office_of(id);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    let (status, page, _) = s.get("/admin/partners").await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Noch keine Partnerorganisationen."), "{page}");
    assert!(
        page.contains("href=\"/admin/partners\""),
        "in the navigation"
    );

    // a missing name: the form again with the message at the field, nothing stored
    let office_s = office.to_string();
    let add = |name: &'static str, kind: &'static str| {
        let office_s = office_s.clone();
        let s = &s;
        async move {
            s.submit(
                "/admin/partners",
                "/admin/partners/new",
                &[
                    ("office", &office_s),
                    ("partner.name", name),
                    ("partner.kind", kind),
                ],
            )
            .await
        }
    };
    let (status, page, _) = add("  ", "school").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Bitte geben Sie den Namen der Organisation an."));
    assert!(page.contains("aria-invalid=\"true\""));
    assert!(live_partners(&app).is_empty());
    let (status, _, location) = add("VHS Musterkreis", "adult_education").await;
    assert_eq!(status, Status::SeeOther);
    let vhs = id_of_partner(&app, "VHS Musterkreis");
    assert_eq!(
        location.as_deref(),
        Some(&*format!("/admin/partners/{vhs}"))
    );
    // the same name in other letters is the same organisation
    let (status, page, _) = add("vhs musterkreis", "school").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Eine Organisation dieses Namens gibt es schon."));
    assert!(
        page.contains("value=\"vhs musterkreis\""),
        "the value is kept"
    );
    assert!(
        page.contains("<option value=\"school\" selected>"),
        "the kind is kept"
    );

    // contact persons: bad input comes back at its field with the values kept
    let here = format!("/admin/partners/{vhs}");
    let to = format!("{here}/contacts");
    let (status, page, _) = s
        .submit(
            &here,
            &to,
            &[
                ("name", "Anna Weber"),
                ("email", "anna@vhs"),
                ("phone", "ruf mich an"),
                ("role", "member"),
                ("language", "de"),
            ],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"contact-email-error\""), "{page}");
    assert!(page.contains("id=\"contact-phone-error\""));
    assert!(page.contains("value=\"Anna Weber\""));
    assert!(live_contacts(&app).is_empty());
    let anna = [
        ("name", "Anna Weber"),
        ("email", "Anna.Weber@vhs.example"),
        ("phone", "05141 91-0"),
        ("role", "member"),
        ("language", "de"),
    ];
    let (status, _, _) = s.submit(&here, &to, &anna).await;
    assert_eq!(status, Status::SeeOther);
    // one address once per organisation, in whatever letters
    let again = [
        ("name", "Anna W."),
        ("email", " anna.weber@VHS.example "),
        ("role", "deputy"),
        ("language", "en"),
    ];
    let (status, page, _) = s.submit(&here, &to, &again).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Diese Adresse hat schon eine Ansprechperson dieser Organisation."));
    assert_eq!(live_contacts(&app).len(), 1);

    let anna_id: i64 = partner_contacts::table
        .select(partner_contacts::id)
        .first(&mut *app.conn())
        .unwrap();
    let token: String = partner_contacts::table
        .find(anna_id)
        .select(partner_contacts::feed_token)
        .first(&mut *app.conn())
        .unwrap();
    assert!(treffpunkt::domain::token::looks_like_token(&token));

    // changed on its own page: a deputy who reads Ukrainian
    let edit = format!("{here}/contacts/{anna_id}");
    let (status, page, _) = s.get(&edit).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("value=\"Anna.Weber@vhs.example\""));
    let (status, page, _) = s
        .submit(&edit, &edit, &[("name", ""), ("email", "anna@vhs.example")])
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"name-error\""));
    let (status, _, _) = s
        .submit(
            &edit,
            &edit,
            &[
                ("name", "Anna Weber-Kühn"),
                ("email", "anna.weber@vhs.example"),
                ("phone", ""),
                ("role", "deputy"),
                ("language", "uk"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        live_contacts(&app),
        vec![(
            "VHS Musterkreis".into(),
            "Anna Weber-Kühn".into(),
            "anna.weber@vhs.example".into(),
            None,
            "deputy".into(),
            "uk".into()
        )]
    );

    // the organisation renamed, then the list shows it with its contact count
    let (status, _, _) = s
        .submit(
            &here,
            &here,
            &[
                ("name", "Volkshochschule Musterkreis"),
                ("kind", "adult_education"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get("/admin/partners").await;
    assert!(page.contains("Volkshochschule Musterkreis"));
    assert!(page.contains("Erwachsenenbildung"));

    // removed: the contact, then the organisation, whose name is free again
    let (status, _, _) = s.submit(&here, &format!("{edit}/remove"), &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert!(live_contacts(&app).is_empty());
    let (status, _, _) = s.get(&edit).await;
    assert_eq!(status, Status::NotFound, "a removed contact is gone");
    let (status, _, _) = s.submit(&here, &format!("{here}/remove"), &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert!(live_partners(&app).is_empty());
    let (status, _, _) = s.get(&here).await;
    assert_eq!(status, Status::NotFound);
    let (status, _, _) = add("Volkshochschule Musterkreis", "adult_education").await;
    assert_eq!(
        status,
        Status::SeeOther,
        "the name of a removed one is free"
    );

    let actions: Vec<String> = audit_log::table
        .filter(audit_log::action.like("partner.%"))
        .select(audit_log::action)
        .load(&mut *app.conn())
        .unwrap();
    for action in [
        "partner.add",
        "partner.update",
        "partner.remove",
        "partner.contact.add",
        "partner.contact.update",
        "partner.contact.remove",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action} audited");
    }

    // junk from a client never gives a server error
    let csrf = csrf_of(&s.get("/admin/partners").await.1);
    let vhs = id_of_partner(&app, "Volkshochschule Musterkreis");
    for form in [
        "/admin/partners/new".to_owned(),
        format!("/admin/partners/{vhs}"),
        format!("/admin/partners/{vhs}/contacts"),
    ] {
        for body in [
            format!(
                "csrf={csrf}&office=x&partner.name={}&kind=%00",
                "x".repeat(300)
            ),
            format!("csrf={csrf}&name=%zz&email=&&=&language=xx&role=chef"),
        ] {
            let (status, _, _) = s.post_raw(&form, body.into_bytes()).await;
            assert!((400..500).contains(&status.code), "{form}: {status}");
        }
        let (status, _, _) = s.post_raw(&form, b"name=ohne+Token".to_vec()).await;
        assert_eq!(status, Status::Forbidden, "{form} without CSRF token");
    }
    assert_eq!(live_partners(&app).len(), 1);
}

/// Posts the import form as a multipart upload: a file (`file`) or pasted `text`.
async fn upload(
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
fn plan_of(page: &str) -> String {
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

async fn invitation_lists_resolve_to_the_people_invited(app: TestApp) {
    let office = app.office("amt", "Landratsamt Tübingen");
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let id = app.meeting_with(|e| e.columns.series_id = Some(series));
    let other_date = app.meeting_with(|e| e.columns.series_id = Some(series));
    let alone = app.meeting(Some(10), 0);
    let (arbeit, a) = partner_with(
        &app,
        office,
        "Agentur für Arbeit",
        "employment",
        &[
            ("Bernd Adler", "adler@arbeit.example", "member"),
            ("Anna Zorn", "zorn@arbeit.example", "member"),
            ("Carl Vogt", "vogt@arbeit.example", "deputy"),
        ],
    );
    let (caritas, c) = partner_with(
        &app,
        office,
        "Caritas",
        "church_welfare",
        &[
            ("Dora Fink", "fink@caritas.example", "member"),
            ("Emil Hahn", "hahn@caritas.example", "deputy"),
        ],
    );
    let (_, p) = partner_with(
        &app,
        office,
        "Polizei",
        "police",
        &[("Fritz Lang", "lang@polizei.example", "member")],
    );
    let names = |event: i64| -> Vec<(String, String)> {
        contacts_for_event(&mut app.conn(), event)
            .unwrap()
            .into_iter()
            .map(|i| (i.partner.name, i.contact.name))
            .collect()
    };
    let pair = |o: &str, n: &str| (o.to_owned(), n.to_owned());
    let mut conn = app.conn();
    let (who, now) = (tester(), app.now());
    // the series invites the agency (its members) and Caritas's deputy by name
    assert!(add_partner(&mut conn, List::Series(series), office, arbeit, &who, now).unwrap());
    assert!(add_contact(&mut conn, List::Series(series), office, c[1], &who, now).unwrap());
    // this date also Caritas as a whole and one agency member already invited
    assert!(add_partner(&mut conn, List::Event(id), office, caritas, &who, now).unwrap());
    assert!(add_contact(&mut conn, List::Event(id), office, a[0], &who, now).unwrap());
    assert!(
        !add_partner(&mut conn, List::Event(id), office, caritas, &who, now).unwrap(),
        "once on a list"
    );
    // the meeting outside the series only its own: the police
    assert!(add_contact(&mut conn, List::Event(alone), office, p[0], &who, now).unwrap());
    drop(conn);
    assert_eq!(
        names(id),
        vec![
            pair("Agentur für Arbeit", "Anna Zorn"),
            pair("Agentur für Arbeit", "Bernd Adler"),
            pair("Caritas", "Dora Fink"),
            pair("Caritas", "Emil Hahn"),
        ],
        "members of whole organisations, each person once, deputies only by name"
    );
    assert_eq!(
        names(other_date),
        vec![
            pair("Agentur für Arbeit", "Anna Zorn"),
            pair("Agentur für Arbeit", "Bernd Adler"),
            pair("Caritas", "Emil Hahn"),
        ]
    );
    assert_eq!(names(alone), vec![pair("Polizei", "Fritz Lang")]);

    // a new member is invited with the organisation; removed people and organisations not
    let mut conn = app.conn();
    let late = ContactInput {
        name: Some("Gerd Abel".into()),
        email: Some("abel@arbeit.example".into()),
        ..Default::default()
    }
    .check()
    .unwrap();
    contact::add(&mut conn, arbeit, &late, &who, now).unwrap();
    contact::remove(&mut conn, a[1], &who, now).unwrap();
    organisation::remove(&mut conn, caritas, &who, now).unwrap();
    drop(conn);
    assert_eq!(
        names(id),
        vec![
            pair("Agentur für Arbeit", "Bernd Adler"),
            pair("Agentur für Arbeit", "Gerd Abel"),
        ]
    );
}

async fn invitation_lists_are_kept_through_the_pages(app: TestApp) {
    let office = app.office("amt", "Landratsamt Tübingen");
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let id = app.meeting_with(|e| e.columns.series_id = Some(series));
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    let (arbeit, _) = partner_with(
        &app,
        office,
        "Agentur für Arbeit",
        "employment",
        &[
            ("Bernd Adler", "adler@arbeit.example", "member"),
            ("Carl Vogt", "vogt@arbeit.example", "deputy"),
        ],
    );
    let (_, k) = partner_with(
        &app,
        office,
        "Kreistagsfraktion Grüne",
        "council_group",
        &[("Hanna Wolf", "wolf@fraktion.example", "deputy")],
    );
    let (status, page, _) = s.get(&format!("/admin/events/{id}")).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains(&format!("href=\"/admin/events/{id}/invitees\"")));

    let series_page = format!("/admin/series/{series}/invitees");
    let (status, page, _) = s.get(&series_page).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Noch niemand auf der Liste."));
    let (status, _, _) = s
        .submit(
            &series_page,
            &series_page,
            &[("partner", &arbeit.to_string())],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&series_page).await;
    assert!(page.contains("Auf die Einladungsliste gesetzt."));
    assert!(page.contains("ganze Organisation (1 Mitglied)"));
    s.submit(
        &series_page,
        &series_page,
        &[("partner", &arbeit.to_string())],
    )
    .await;
    let (_, page, _) = s.get(&series_page).await;
    assert!(page.contains("Steht schon auf der Liste."));

    // the meeting's page: the series' list, its own, and who is invited in the end
    let event_page = format!("/admin/events/{id}/invitees");
    let (status, _, _) = s
        .submit(&event_page, &event_page, &[("contact", &k[0].to_string())])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, page, _) = s.get(&event_page).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Aus der Reihe „Runder Tisch Integration“"));
    assert!(page.contains("Hanna Wolf (Kreistagsfraktion Grüne, Vertretung)"));
    assert!(page.contains("2 Personen werden eingeladen"), "{page}");
    let (status, _, _) = s.submit(&event_page, &event_page, &[]).await;
    assert_eq!(status, Status::SeeOther, "nothing chosen: a message");

    let entry: i64 = invitees::table
        .filter(invitees::event_id.eq(id))
        .select(invitees::id)
        .first(&mut *app.conn())
        .unwrap();
    // an entry of another list is not this list's to remove
    let (status, _, _) = s
        .submit(&event_page, &format!("{series_page}/{entry}/remove"), &[])
        .await;
    assert_eq!(status, Status::NotFound);
    let (status, _, _) = s
        .submit(&event_page, &format!("{event_page}/{entry}/remove"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&event_page).await;
    assert!(page.contains("1 Person wird eingeladen"));
    let left: i64 = invitees::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(left, 1, "the series' entry stays");
}

async fn another_office_finds_nothing(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let office = app.office_of(id);
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let mine = app.staff_of(id, "orga@example.org", "organiser").await;
    let (partner, c) = partner_with(
        &app,
        office,
        "Caritas",
        "church_welfare",
        &[("Dora Fink", "fink@caritas.example", "member")],
    );
    add_partner(
        &mut app.conn(),
        List::Event(id),
        office,
        partner,
        &tester(),
        app.now(),
    )
    .unwrap();
    let entry: i64 = invitees::table
        .select(invitees::id)
        .first(&mut *app.conn())
        .unwrap();
    let (_, _, location) = upload(
        &mine,
        office,
        None,
        "Organisation;Name;E-Mail\nIHK;Jan Otto;jan@ihk.example\n",
    )
    .await;
    let import = location.expect("a preview");

    // an organiser of the office next door, with a meeting and a partner of their own
    let theirs_office = app.office("nachbar", "Landratsamt Reutlingen");
    let theirs = app.meeting_with(|e| e.columns.office_id = theirs_office);
    let (own_partner, _) = partner_with(&app, theirs_office, "Diakonie", "church_welfare", &[]);
    let password = app.account("nachbar@example.org", "organiser", &[theirs_office]);
    let other = app.login("nachbar@example.org", &password).await;
    let (_, page, _) = other.get("/admin/partners").await;
    assert!(page.contains("Diakonie") && !page.contains("Caritas"));
    assert!(
        !page.contains("id=\"office-choice\""),
        "one office: no choice"
    );

    for path in [
        format!("/admin/partners?office={office}"),
        format!("/admin/partners/{partner}"),
        format!("/admin/partners/{partner}/contacts/{}", c[0]),
        format!("/admin/partners/{own_partner}/contacts/{}", c[0]),
        format!("/admin/partners/import?office={office}"),
        import.clone(),
        format!("/admin/events/{id}/invitees"),
        format!("/admin/series/{series}/invitees"),
    ] {
        let (status, _, _) = other.get(&path).await;
        assert_eq!(status, Status::NotFound, "GET {path}");
    }
    let from = "/admin/partners";
    let posts: Vec<(String, Vec<(&str, String)>)> = vec![
        (
            "/admin/partners/new".into(),
            vec![
                ("office", office.to_string()),
                ("partner.name", "Übernommen".into()),
                ("partner.kind", "other".into()),
            ],
        ),
        (
            format!("/admin/partners/{partner}"),
            vec![("name", "Übernommen".into()), ("kind", "other".into())],
        ),
        (format!("/admin/partners/{partner}/remove"), vec![]),
        (
            format!("/admin/partners/{partner}/contacts"),
            vec![
                ("name", "Spion".into()),
                ("email", "spion@example.org".into()),
            ],
        ),
        (
            format!("/admin/partners/{partner}/contacts/{}", c[0]),
            vec![
                ("name", "Spion".into()),
                ("email", "spion@example.org".into()),
            ],
        ),
        (
            format!("/admin/partners/{own_partner}/contacts/{}", c[0]),
            vec![
                ("name", "Spion".into()),
                ("email", "spion@example.org".into()),
            ],
        ),
        (
            format!("/admin/partners/{partner}/contacts/{}/remove", c[0]),
            vec![],
        ),
        (import.clone(), vec![("plan", "x".into())]),
        (
            format!("/admin/events/{id}/invitees"),
            vec![("partner", own_partner.to_string())],
        ),
        (
            format!("/admin/series/{series}/invitees"),
            vec![("partner", own_partner.to_string())],
        ),
        (
            format!("/admin/events/{id}/invitees/{entry}/remove"),
            vec![],
        ),
        // their own meeting's list takes no partner or person of another office
        (
            format!("/admin/events/{theirs}/invitees"),
            vec![("partner", partner.to_string())],
        ),
        (
            format!("/admin/events/{theirs}/invitees"),
            vec![("contact", c[0].to_string())],
        ),
        (
            format!("/admin/events/{theirs}/invitees/{entry}/remove"),
            vec![],
        ),
    ];
    for (action, fields) in &posts {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, _, _) = other.submit(from, action, &fields).await;
        assert_eq!(status, Status::NotFound, "POST {action}");
    }
    let (status, _, _) = upload(
        &other,
        office,
        None,
        "Organisation;Name;E-Mail\nX;Y;y@x.example",
    )
    .await;
    assert_eq!(status, Status::NotFound, "an upload into another office");

    // door staff of the office itself manage no partners
    let door = app.staff_of(id, "einlass@example.org", "door").await;
    for path in [
        "/admin/partners".to_owned(),
        format!("/admin/partners/{partner}"),
        format!("/admin/events/{id}/invitees"),
    ] {
        let (status, _, _) = door.get(&path).await;
        assert_eq!(status, Status::Forbidden, "door staff: {path}");
    }
    // an administrator of both offices chooses among them
    let admin_password = app.account("leitung@example.org", "admin", &[]);
    let admin = app.login("leitung@example.org", &admin_password).await;
    let (_, page, _) = admin
        .get(&format!("/admin/partners?office={theirs_office}"))
        .await;
    assert!(page.contains("id=\"office-choice\""));
    assert!(page.contains("Diakonie") && !page.contains("Caritas"));

    // everything is as it was
    assert_eq!(
        live_partners(&app),
        vec![
            ("Caritas".into(), "church_welfare".into()),
            ("Diakonie".into(), "church_welfare".into()),
        ]
    );
    assert_eq!(live_contacts(&app).len(), 1);
    assert_eq!(live_contacts(&app)[0].1, "Dora Fink");
    let entries: i64 = invitees::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(entries, 1);
    // the upload is still its uploader's to confirm
    let (status, _, _) = mine.get(&import).await;
    assert_eq!(status, Status::Ok);
}

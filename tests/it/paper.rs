//! Paper at the door and after: the sign-in list (printable page and PDF, "Seite 1 von 2",
//! needs marked, e-mail addresses only when chosen, never for another office) and the
//! attendance certificates (only for people checked in, in their language with German
//! beside it, a QR code and a code that a public page checks without telling the name).

use chrono::Duration;
use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{questions, registrations};

use crate::pdf_read::{pages, qr_payloads};
use crate::support::{StaffSession, TestApp};

crate::both_backends!(
    the_sign_in_list_marks_needs_and_leaves_addresses_out,
    certificates_go_to_the_checked_in_and_can_be_checked
);

fn question_id(app: &TestApp, preset: &str) -> i64 {
    questions::table
        .filter(questions::preset.eq(preset))
        .select(questions::id)
        .first(&mut *app.conn())
        .unwrap()
}

fn registration_of(app: &TestApp, email: &str) -> (i64, String) {
    registrations::table
        .filter(registrations::email.eq(email))
        .select((registrations::id, registrations::token))
        .first(&mut *app.conn())
        .unwrap()
}

/// Registers through the public form with answers to the meeting's questions.
async fn register(app: &TestApp, id: i64, name: &str, email: &str, answers: &[(i64, &str)]) {
    let mut body = format!(
        "name={}&email={}&consent=yes&health_consent=yes",
        rocket::http::RawStr::new(name).percent_encode(),
        rocket::http::RawStr::new(email).percent_encode()
    );
    for (q, v) in answers {
        body.push_str(&format!(
            "&a[{q}]={}",
            rocket::http::RawStr::new(v).percent_encode()
        ));
    }
    let res = app
        .post_form(&format!("/events/{id}/register"), &body)
        .await;
    assert_eq!(res.status(), Status::SeeOther, "{name} registered");
}

async fn add_presets(s: &StaffSession, id: i64) {
    let page = format!("/admin/events/{id}/questions");
    for key in ["interpreting", "childcare", "accessibility"] {
        let (status, _, _) = s
            .submit(&page, &format!("{page}/preset"), &[("key", key)])
            .await;
        assert_eq!(status, Status::SeeOther);
    }
}

async fn pdf_of(s: &StaffSession, uri: &str) -> Vec<u8> {
    let (status, headers, bytes) = s.get_file(uri).await;
    assert_eq!(status, Status::Ok, "{uri}");
    assert!(
        headers
            .iter()
            .any(|(k, v)| k == "content-type" && v == "application/pdf"),
        "{uri} is a PDF: {headers:?}"
    );
    crate::pdf_read::keep(uri, &bytes);
    bytes
}

async fn the_sign_in_list_marks_needs_and_leaves_addresses_out(app: TestApp) {
    let id = app.meeting(Some(80), 3);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    add_presets(&s, id).await;
    let (interpreting, access) = (
        question_id(&app, "interpreting"),
        question_id(&app, "accessibility"),
    );
    register(
        &app,
        id,
        "Amira Haddad",
        "amira@example.org",
        &[(interpreting, "Arabisch")],
    )
    .await;
    register(
        &app,
        id,
        "Bogdan Kowal",
        "bogdan@example.org",
        &[(access, "Rollstuhlplatz")],
    )
    .await;
    let (status, _) = app
        .register(id, "Carla Rossi", "carla@example.org", 2)
        .await;
    assert_eq!(status, Status::Created);
    // enough people for a second page
    for n in 0..26 {
        let (status, body) = app
            .register(
                id,
                &format!("Zora Person {n:02}"),
                &format!("z{n}@example.org"),
                0,
            )
            .await;
        assert_eq!(status, Status::Created, "{body}");
    }
    diesel::update(registrations::table.filter(registrations::email.eq("carla@example.org")))
        .set(registrations::organisation.eq(Some("Caritas")))
        .execute(&mut *app.conn())
        .unwrap();
    diesel::update(registrations::table.filter(registrations::email.eq("bogdan@example.org")))
        .set(registrations::organisation.eq(Some("Volkshochschule")))
        .execute(&mut *app.conn())
        .unwrap();
    // somebody who left is not on the list
    let (_, waiting) = app.register(id, "Weg Gegangen", "weg@example.org", 0).await;
    let gone = waiting["token"].as_str().unwrap().to_owned();
    app.post_form(&format!("/r/{gone}/cancel"), "").await;

    // the printable page: no addresses, needs marked, companions counted, walk-in rows
    let (status, html, _) = s.get(&format!("/admin/events/{id}/sign-in")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("Teilnehmerliste") && html.contains("Vorstellung des Konzepts"));
    assert!(html.contains("Amira Haddad") && html.contains("Dolmetschen: Arabisch"));
    assert!(html.contains("Barrierefreiheit: Rollstuhlplatz"));
    assert!(html.contains("+2"), "companions counted");
    assert_eq!(
        html.matches("<tr class=\"marked\">").count(),
        2,
        "two rows marked"
    );
    assert_eq!(
        html.matches("class=\"walk-in\"").count(),
        10,
        "ten rows for walk-ins"
    );
    assert!(!html.contains("@example.org"), "no addresses by default");
    assert!(!html.contains("Weg Gegangen"));
    let (_, with_email, _) = s
        .get(&format!("/admin/events/{id}/sign-in?email=1&walk_ins=0"))
        .await;
    assert!(with_email.contains("amira@example.org"));
    assert!(!with_email.contains("class=\"walk-in\""));
    // a number that is not one: the form again, the value kept, the message at the field
    let (status, wrong, _) = s
        .get(&format!("/admin/events/{id}/sign-in?walk_ins=zehn"))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(wrong.contains("Bitte eine ganze Zahl von 0 bis 200 eingeben."));
    assert!(wrong.contains("value=\"zehn\"") && wrong.contains("aria-invalid=\"true\""));

    // the PDF: two pages numbered, the header, needs, no addresses
    let bytes = pdf_of(&s, &format!("/admin/events/{id}/sign-in.pdf")).await;
    let text = pages(&bytes);
    assert_eq!(text.len(), 2, "29 people and 10 empty rows fill two pages");
    assert!(text[0].contains("Seite 1 von 2"), "{}", text[0]);
    assert!(text[1].contains("Seite 2 von 2"), "{}", text[1]);
    assert!(text[1].contains("Unterschrift"), "the header repeats");
    let all = text.join(" ");
    for want in [
        "Teilnehmerliste",
        "Vorstellung des Konzepts",
        "Landratsamt Tübingen",
        "Amira Haddad",
        "Dolmetschen: Arabisch",
        "Barrierefreiheit: Rollstuhlplatz",
        "+2",
        "Caritas",
    ] {
        assert!(all.contains(want), "{want} in {all}");
    }
    assert!(!all.contains("@example.org"), "no addresses by default");
    assert!(!all.contains("Weg Gegangen"));
    // e-mail only when chosen; by organisation, those with one first
    let bytes = pdf_of(
        &s,
        &format!("/admin/events/{id}/sign-in.pdf?email=1&order=organisation&walk_ins=0"),
    )
    .await;
    let all = pages(&bytes).join(" ");
    assert!(all.contains("amira@example.org"), "{all}");
    let (caritas, vhs, amira) = (
        all.find("Carla Rossi").unwrap(),
        all.find("Bogdan Kowal").unwrap(),
        all.find("Amira Haddad").unwrap(),
    );
    assert!(caritas < vhs && vhs < amira, "by organisation: {all}");
    let (status, _, _) = s
        .get(&format!("/admin/events/{id}/sign-in.pdf?walk_ins=999"))
        .await;
    assert_eq!(status, Status::UnprocessableEntity);

    // in English
    s.get("/language/en?next=/admin").await;
    let bytes = pdf_of(&s, &format!("/admin/events/{id}/sign-in.pdf")).await;
    let text = pages(&bytes);
    assert!(text[0].contains("Page 1 of 2") && text[0].contains("Interpreting: Arabisch"));

    // another office's organiser finds nothing
    let other = app.office("lra-bb", "Landratsamt Böblingen");
    let password = app.account("fremd@example.org", "organiser", &[other]);
    let stranger = app.login("fremd@example.org", &password).await;
    for path in ["sign-in", "sign-in.pdf", "certificates", "certificates.pdf"] {
        let (status, _, _) = stranger.get(&format!("/admin/events/{id}/{path}")).await;
        assert_eq!(status, Status::NotFound, "{path}");
    }
}

async fn certificates_go_to_the_checked_in_and_can_be_checked(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let other_meeting = app.meeting(Some(20), 0);
    let password = app.account("orga@example.org", "organiser", &[app.office_of(id)]);
    let s = app.login("orga@example.org", &password).await;
    for (name, email) in [
        ("Amira Haddad", "amira@example.org"),
        ("Jonas Weber", "jonas@example.org"),
        ("Karl Nichtda", "karl@example.org"),
    ] {
        let (status, _) = app.register(id, name, email, 0).await;
        assert_eq!(status, Status::Created);
    }
    let (status, _) = app
        .register(other_meeting, "Olga Andere", "olga@example.org", 0)
        .await;
    assert_eq!(status, Status::Created);
    diesel::update(registrations::table.filter(registrations::email.eq("amira@example.org")))
        .set(registrations::language.eq("ar"))
        .execute(&mut *app.conn())
        .unwrap();
    let (amira, amira_token) = registration_of(&app, "amira@example.org");
    let (jonas, _) = registration_of(&app, "jonas@example.org");
    let (_, karl_token) = registration_of(&app, "karl@example.org");
    let (_, olga_token) = registration_of(&app, "olga@example.org");

    // before the check-in: none, nowhere
    let (status, _, _) = s.get(&format!("/admin/events/{id}/certificates")).await;
    assert_eq!(status, Status::Ok);
    let (_, none, _) = s.get(&format!("/admin/events/{id}/certificates")).await;
    assert!(none.contains("Noch niemand wurde eingecheckt"));
    let (status, _, location) = s.get(&format!("/admin/events/{id}/certificates.pdf")).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        location.as_deref(),
        Some(format!("/admin/events/{id}/certificates").as_str())
    );
    for path in ["certificate", "certificate.pdf"] {
        let (status, _) = app.get_text(&format!("/r/{amira_token}/{path}")).await;
        assert_eq!(status, Status::NotFound, "{path} before the check-in");
    }

    // checked in at the door; the person's own copy comes after the meeting
    let start = app.now() + Duration::days(7);
    diesel::update(registrations::table.filter(registrations::id.eq_any([amira, jonas])))
        .set(registrations::checked_in_at.eq(Some(start)))
        .execute(&mut *app.conn())
        .unwrap();
    let (status, _) = app
        .get_text(&format!("/r/{amira_token}/certificate.pdf"))
        .await;
    assert_eq!(status, Status::NotFound, "not before the meeting is over");
    app.clock.advance(Duration::days(7) + Duration::hours(3));
    let (_, page) = app.get_text(&format!("/r/{amira_token}")).await;
    assert!(page.contains(&format!("/r/{amira_token}/certificate.pdf")));
    let (_, page) = app.get_text(&format!("/r/{karl_token}")).await;
    assert!(
        !page.contains("certificate.pdf"),
        "not checked in: no certificate"
    );
    for token in [&karl_token, &olga_token] {
        let (status, _) = app.get_text(&format!("/r/{token}/certificate.pdf")).await;
        assert_eq!(status, Status::NotFound);
    }

    // a week later: the organiser logs in afresh
    let s = app.login("orga@example.org", &password).await;

    // Amira's: Arabic with German beside it, one page, a QR code leading to the check
    let res = app.get(&format!("/r/{amira_token}/certificate.pdf")).await;
    assert_eq!(res.status(), Status::Ok);
    let bytes = res.into_bytes().await.unwrap();
    crate::pdf_read::keep("certificate-ar.pdf", &bytes);
    let text = pages(&bytes);
    assert_eq!(text.len(), 1);
    let flat = &text[0];
    assert!(flat.contains("Teilnahmebescheinigung"), "{flat}");
    assert!(flat.contains("Amira Haddad") && flat.contains("Vorstellung des Konzepts"));
    assert!(flat.contains("Landratsamt Tübingen") && flat.contains("2 Stunden"));
    let arabic = "شهادة";
    let reversed: String = arabic.chars().rev().collect();
    assert!(
        flat.contains(arabic) || flat.contains(&reversed),
        "Arabic title: {flat}"
    );
    let codes = qr_payloads(&bytes);
    assert_eq!(codes.len(), 1);
    let url = &codes[0];
    let code = url
        .rsplit_once("/certificate/")
        .map(|(_, c)| c.to_owned())
        .expect("a check link");
    assert_eq!(code.len(), 14, "{code}");
    assert!(flat.contains(&code), "the code is printed too: {flat}");
    let (_, html) = app.get_text(&format!("/r/{amira_token}/certificate")).await;
    assert!(html.contains(&code) && html.contains("شهادة حضور"));

    // the staff's PDF: one page per person checked in, the same codes
    let bytes = pdf_of(&s, &format!("/admin/events/{id}/certificates.pdf")).await;
    let text = pages(&bytes);
    assert_eq!(text.len(), 2, "Amira and Jonas, not Karl");
    assert!(text[0].contains("Amira Haddad") && text[1].contains("Jonas Weber"));
    assert!(!text.join(" ").contains("Karl"));
    let staff_codes = qr_payloads(&bytes);
    assert_eq!(staff_codes.len(), 2);
    assert_eq!(&staff_codes[0], url, "one code per certificate, every copy");
    let jonas_code = staff_codes[1]
        .rsplit_once("/certificate/")
        .unwrap()
        .1
        .to_owned();
    assert!(
        !text[1].contains(arabic) && !text[1].contains(&reversed),
        "German only"
    );
    let (_, html, _) = s.get(&format!("/admin/events/{id}/certificates")).await;
    assert_eq!(html.matches("class=\"certificate-sheet\"").count(), 2);

    // the check: initials, meeting, date; no name, no address
    let (status, check) = app.get_text(&format!("/certificate/{code}")).await;
    assert_eq!(status, Status::Ok);
    assert!(check.contains("A. H.") && check.contains("Vorstellung des Konzepts"));
    assert!(check.contains("ist echt"));
    assert!(!check.contains("Amira") && !check.contains("Haddad") && !check.contains("@"));
    let typed = code.replace('-', "").to_lowercase();
    let (status, _) = app.get_text(&format!("/certificate/{typed}")).await;
    assert_eq!(status, Status::Ok, "typed in small letters without dashes");
    let (status, location) = {
        let res = app.get(&format!("/certificate?code={typed}")).await;
        (
            res.status(),
            res.headers().get_one("Location").map(str::to_owned),
        )
    };
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location, Some(format!("/certificate/{typed}")));
    // a wrong code: a clear 404
    let wrong = if code.starts_with('Z') { "Y" } else { "Z" }.to_owned() + &code[1..];
    let (status, page) = app.get_text(&format!("/certificate/{wrong}")).await;
    assert_eq!(status, Status::NotFound);
    assert!(page.contains("Zu diesem Code gibt es keine Teilnahmebescheinigung"));
    let (status, _) = app.get_text("/certificate/%27%3B--").await;
    assert_eq!(status, Status::NotFound);

    // erased at Jonas's request: his certificate can no longer be checked; the retention
    // anonymisation keeps Amira's checkable by her initials
    treffpunkt::domain::privacy::erase_registration(
        &mut app.conn(),
        id,
        jonas,
        &treffpunkt::domain::audit::Actor::system(),
        app.now(),
    )
    .unwrap();
    let (status, page) = app.get_text(&format!("/certificate/{jonas_code}")).await;
    assert_eq!(status, Status::Gone);
    assert!(page.contains("kann nicht mehr geprüft werden") && !page.contains("J. W."));
    app.clock.advance(Duration::days(60));
    treffpunkt::domain::privacy::purge(&mut app.conn(), app.now(), 30, false).unwrap();
    let (status, check) = app.get_text(&format!("/certificate/{code}")).await;
    assert_eq!(status, Status::Ok);
    assert!(check.contains("A. H."));
    let (status, _) = app
        .get_text(&format!("/r/{amira_token}/certificate.pdf"))
        .await;
    assert_eq!(
        status,
        Status::NotFound,
        "the old link is gone with the data"
    );

    // codes cannot be tried in bulk
    let mut limited = false;
    for _ in 0..40 {
        let (status, _) = app.get_text(&format!("/certificate/{wrong}")).await;
        if status == Status::TooManyRequests {
            limited = true;
            break;
        }
        assert_eq!(status, Status::NotFound);
    }
    assert!(limited, "checks are limited per address");
}

//! Registrations the office takes by phone, at the counter or for the clients of an
//! integration manager: without e-mail, without double opt-in, over capacity only with a
//! logged reason, and the confirmation slip (printable page and PDF with the QR ticket).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use mail_parser::MimeHeaders;
use rocket::http::Status;
use treffpunkt::db::schema::{audit_log, outbox, registrations};
use treffpunkt::domain::account;

use crate::checkin::{decode_png, ticket_of};
use crate::smtp::SmtpSink;
use crate::support::{StaffSession, TestApp};

crate::both_backends!(
    phone_registration_needs_no_address_and_no_opt_in,
    capacity_and_closed_registration_only_with_a_reason,
    bad_input_keeps_values_with_messages_at_fields,
    slip_only_for_the_meetings_office,
    slip_pdf_reads_back_with_its_ticket,
    arabic_slip_reads_right_to_left
);

crate::with_smtp!(manager_registers_three_clients_and_gets_each_ticket);

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

async fn organiser(app: &TestApp, id: i64) -> StaffSession {
    app.staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await
}

/// Posts the add form from its own page.
async fn add(
    s: &StaffSession,
    id: i64,
    fields: &[(&str, &str)],
) -> (Status, String, Option<String>) {
    let list = format!("/admin/events/{id}/registrations");
    s.submit(&format!("{list}/new"), &list, fields).await
}

fn row(app: &TestApp, name: &str) -> (i64, String, String, String, Option<NaiveDateTime>) {
    registrations::table
        .filter(registrations::name.eq(name))
        .select((
            registrations::id,
            registrations::token,
            registrations::email_key,
            registrations::contact_kind,
            registrations::verify_deadline,
        ))
        .first(&mut *app.conn())
        .unwrap()
}

fn mails_of(app: &TestApp, rid: i64) -> Vec<(String, String)> {
    outbox::table
        .filter(outbox::registration_id.eq(rid))
        .select((outbox::kind, outbox::recipient))
        .load(&mut *app.conn())
        .unwrap()
}

async fn phone_registration_needs_no_address_and_no_opt_in(app: TestApp) {
    let id = app.meeting_with(|e| e.columns.double_opt_in = true);
    let s = organiser(&app, id).await;
    let (_, page, _) = s.get(&format!("/admin/events/{id}/registrations")).await;
    assert!(page.contains(&format!(
        "href=\"/admin/events/{id}/registrations/new\">Anmeldung erfassen</a>"
    )));
    for (name, phone) in [
        ("Erwin Haller", "07071 55 12 34"),
        ("Gerda Haller", "07071 55 12 35"),
    ] {
        let (status, _, location) = add(
            &s,
            id,
            &[
                ("name", name),
                ("contact_kind", "phone"),
                ("phone", phone),
                ("consent", "yes"),
                ("language", "de"),
            ],
        )
        .await;
        assert_eq!(status, Status::SeeOther, "{name}");
        assert_eq!(
            location.as_deref(),
            Some(format!("/admin/events/{id}/registrations").as_str())
        );
    }
    // both without an address: no clash on "", confirmed at once, and no mail to nobody
    let (erwin, _, key, kind, deadline) = row(&app, "Erwin Haller");
    assert!(key.starts_with("phone:"), "{key}");
    assert_eq!((kind.as_str(), deadline), ("phone", None));
    assert!(mails_of(&app, erwin).is_empty());
    assert_eq!(
        app.count(&format!(
            "event_id = {id} AND status = 'confirmed' AND email = ''"
        )),
        2
    );
    let (_, page, _) = s.get(&format!("/admin/events/{id}/registrations")).await;
    assert!(
        page.contains("Telefon: 07071 55 12 34"),
        "the number in the list"
    );
    assert!(page.contains("Bestätigungszettel"));
    // and in the export, to call the people back
    let (_, _, csv) = s
        .get_bytes(&format!("/admin/events/{id}/registrations.csv"))
        .await;
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let headers = reader.headers().unwrap().clone();
    let phone_col = headers
        .iter()
        .position(|h| h == "Telefon")
        .expect("a phone column");
    let erwin_row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "Erwin Haller")
        .unwrap();
    assert_eq!(&erwin_row[phone_col], "07071 55 12 34");

    // a staff registration with an address is confirmed without the opt-in mail
    let (status, _, _) = add(
        &s,
        id,
        &[
            ("name", "Petra Vogt"),
            ("contact_kind", "email"),
            ("email", "petra@example.org"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (petra, _, _, _, deadline) = row(&app, "Petra Vogt");
    assert_eq!(deadline, None, "no double opt-in for staff registrations");
    assert_eq!(
        mails_of(&app, petra),
        [("confirmed".to_owned(), "petra@example.org".to_owned())]
    );
    // online, the same meeting still asks for the opt-in
    let (status, _) = app.register(id, "Online", "online@example.org", 0).await;
    assert_eq!(status, Status::Created);
    let (online, _, _, _, deadline) = row(&app, "Online");
    assert!(deadline.is_some());
    assert_eq!(mails_of(&app, online)[0].0, "opt_in");
}

async fn manager_registers_three_clients_and_gets_each_ticket(app: TestApp, sink: SmtpSink) {
    let id = app.meeting(Some(10), 0);
    let s = organiser(&app, id).await;
    let clients = ["Amina Haddad", "Yusuf Haddad", "Olena Bondar"];
    for (name, lang) in clients.iter().zip(["ar", "ar", "uk"]) {
        let (status, page, _) = add(
            &s,
            id,
            &[
                ("name", name),
                ("contact_kind", "via"),
                ("via_name", "Frau Yilmaz, Integrationsmanagement"),
                ("via_email", "yilmaz@example.org"),
                ("language", lang),
                ("consent", "yes"),
            ],
        )
        .await;
        assert_eq!(status, Status::SeeOther, "{name}: {page}");
    }
    assert_eq!(
        app.count(&format!("event_id = {id} AND status = 'confirmed'")),
        3
    );
    // a client's own address still holds only one registration
    for round in 0..2 {
        let (status, page, _) = add(
            &s,
            id,
            &[
                ("name", "Samir Haddad"),
                ("contact_kind", "via"),
                ("email", "samir@example.org"),
                ("via_name", "Frau Yilmaz, Integrationsmanagement"),
                ("via_email", "yilmaz@example.org"),
                ("consent", "yes"),
            ],
        )
        .await;
        if round == 0 {
            assert_eq!(status, Status::SeeOther);
        } else {
            assert_eq!(status, Status::UnprocessableEntity);
            assert!(page.contains("bereits angemeldet"), "{page}");
        }
    }

    // listed under the manager
    let (_, page, _) = s.get(&format!("/admin/events/{id}/registrations")).await;
    assert!(page.contains("Angemeldet über Integrationsmanager·innen"));
    assert!(page.contains(
        "Frau Yilmaz, Integrationsmanagement</a> <span class=\"small\">(yilmaz@example.org)</span>: Amina Haddad, Yusuf Haddad, Olena Bondar, Samir Haddad"
    ));
    // the organisers' API names the manager too
    let (status, body, _) = s
        .get(&format!("/api/v1/admin/events/{id}/registrations"))
        .await;
    assert_eq!(status, Status::Ok);
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    let amina = list["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Amina Haddad")
        .unwrap();
    assert_eq!(amina["contact_kind"], "via");
    assert_eq!(amina["via_email"], "yilmaz@example.org");
    assert_eq!(amina["email"], "");
    let (_, found, _) = s
        .get(&format!("/admin/events/{id}/registrations?q=yilmaz"))
        .await;
    assert!(found.contains("Olena Bondar") && found.contains("über Frau Yilmaz"));

    // one mail per client to the manager, each with that client's own ticket
    let mails = sink.wait_for(4, 15).await;
    let to_manager: Vec<_> = mails
        .iter()
        .filter(|m| m.to == ["yilmaz@example.org"])
        .collect();
    assert_eq!(
        to_manager.len(),
        4,
        "{:?}",
        mails.iter().map(|m| &m.to).collect::<Vec<_>>()
    );
    assert!(
        mails.iter().all(|m| m.to == ["yilmaz@example.org"]),
        "nothing to Samir"
    );
    let mut tickets = Vec::new();
    for m in &to_manager {
        let p = m.parsed();
        let png = p
            .attachments()
            .find(|a| a.content_type().is_some_and(|c| c.subtype() == Some("png")))
            .expect("the ticket in the mail");
        tickets.push(decode_png(png.contents()));
    }
    for name in clients {
        let (_, token, _, kind, _) = row(&app, name);
        assert_eq!(kind, "via");
        let shown = ticket_of(&app, &token).await;
        assert_eq!(
            tickets.iter().filter(|t| **t == shown).count(),
            1,
            "{name}'s ticket went to the manager once"
        );
    }
    let olena = to_manager
        .iter()
        .map(|m| m.subject_and_text())
        .find(|(_, text)| text.contains("Olena Bondar"))
        .expect("Olena's mail");
    assert!(
        olena.0.contains("Реєстрацію"),
        "in her language: {}",
        olena.0
    );
    assert!(
        olena
            .1
            .contains("Будь ласка, передайте його разом із квитком особі Olena Bondar"),
        "the manager is told whose mail it is: {}",
        olena.1
    );
}

async fn capacity_and_closed_registration_only_with_a_reason(app: TestApp) {
    let id = app.meeting_with(|e| {
        e.columns.capacity = Some(1);
        e.columns.waitlist_enabled = false;
    });
    let (status, _) = app.register(id, "Erste", "erste@example.org", 0).await;
    assert_eq!(status, Status::Created);
    let s = organiser(&app, id).await;
    let person = [
        ("name", "Kemal Aydın"),
        ("contact_kind", "phone"),
        ("phone", "0176 1234567"),
        ("consent", "yes"),
    ];
    let (status, page, _) = add(&s, id, &person).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Die Veranstaltung ist voll. Um trotzdem zu bestätigen"));
    assert!(page.contains("value=\"Kemal Aydın\"") && page.contains("value=\"0176 1234567\""));
    assert_eq!(app.count(&format!("event_id = {id}")), 1);

    let mut with_reason = person.to_vec();
    with_reason.push(("override_reason", "Dolmetscher für die Familie"));
    let (status, _, _) = add(&s, id, &with_reason).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(app.confirmed_seats(id), 2, "over capacity on purpose");
    let (kemal, _, _, _, _) = row(&app, "Kemal Aydın");
    let detail: String = audit_log::table
        .filter(audit_log::object_id.eq(kemal))
        .filter(audit_log::action.eq("registration.add"))
        .select(audit_log::detail)
        .first(&mut *app.conn())
        .unwrap();
    assert!(
        detail.contains("OVERRIDE: Dolmetscher für die Familie"),
        "{detail}"
    );
    let (_, page, _) = s.get(&format!("/admin/events/{id}/registrations")).await;
    assert!(page.contains("über die Grenze hinaus bestätigt"));

    // registration closed: the same rule
    let closed = app.meeting_with(|e| {
        e.columns.registration_closes_at = Some(app.now() - chrono::Duration::hours(1));
    });
    let mut late = person.to_vec();
    late[0] = ("name", "Spät Dran");
    let (status, page, _) = add(&s, closed, &late).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Die Anmeldung ist geschlossen."));
    late.push(("override_reason", "Zusage der Amtsleitung"));
    let (status, _, _) = add(&s, closed, &late).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        app.count(&format!("event_id = {closed} AND status = 'confirmed'")),
        1
    );
}

async fn bad_input_keeps_values_with_messages_at_fields(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let s = organiser(&app, id).await;
    let (status, page, _) = add(
        &s,
        id,
        &[
            ("name", "Frau Öztürk"),
            ("contact_kind", "via"),
            ("via_name", "Caritas Tübingen"),
            ("via_email", "keine-adresse"),
            ("phone", "bitte zurückrufen"),
            ("language", "tr"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("value=\"Frau Öztürk\"") && page.contains("value=\"Caritas Tübingen\""));
    assert!(page.contains("value=\"keine-adresse\""));
    assert!(page.contains("<option value=\"tr\" lang=\"tr\" selected>"));
    assert!(page.contains("id=\"contact-via\" name=\"contact_kind\" value=\"via\" checked"));
    assert!(page.contains(
        "<p class=\"error\" id=\"phone-error\">Bitte geben Sie eine Telefonnummer aus Ziffern an"
    ));
    assert!(page.contains("<p class=\"error\" id=\"via_email-error\">"));
    // post without an address, and an unknown kind
    let (status, page, _) = add(
        &s,
        id,
        &[
            ("name", "Max"),
            ("contact_kind", "post"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"postal_address-error\">Bitte geben Sie eine Postanschrift an."));
    let (status, page, _) = add(
        &s,
        id,
        &[("name", "Max"), ("contact_kind", "fax"), ("consent", "yes")],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("wie die Person erreichbar ist"));
    // e-mail is required for the e-mail kind only
    let (status, page, _) = add(
        &s,
        id,
        &[
            ("name", "Max"),
            ("contact_kind", "email"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"email-error\""));
    assert_eq!(app.count(&format!("event_id = {id}")), 0, "nothing stored");
    let (status, _, _) = add(
        &s,
        id,
        &[
            ("name", "Max Post"),
            ("contact_kind", "post"),
            ("postal_address", "Max Post\nGartenstraße 1\n72070 Tübingen"),
            ("consent", "yes"),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
}

/// A phone registration of `name` in `lang` for meeting `id`; its id and token.
async fn by_phone(
    app: &TestApp,
    s: &StaffSession,
    id: i64,
    name: &str,
    lang: &str,
) -> (i64, String) {
    let (status, _, _) = add(
        s,
        id,
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
    let (rid, token, _, _, _) = row(app, name);
    (rid, token)
}

async fn slip_only_for_the_meetings_office(app: TestApp) {
    let ours = app.office("amt-a", "Landratsamt A");
    let theirs = app.office("amt-b", "Landratsamt B");
    let id = app.meeting_with(|e| e.columns.office_id = ours);
    let other = app.meeting_with(|e| e.columns.office_id = theirs);
    let s = organiser(&app, id).await;
    let (rid, _) = by_phone(&app, &s, id, "Hilde Brenner", "de").await;
    let slip = format!("/admin/events/{id}/registrations/{rid}/slip");
    let (status, _, _) = s.get(&slip).await;
    assert_eq!(status, Status::Ok);

    let pw = app.account("fremd@example.org", account::ROLE_ORGANISER, &[theirs]);
    let stranger = app.login("fremd@example.org", &pw).await;
    for path in [slip.clone(), format!("{slip}.pdf")] {
        let (status, body, _) = stranger.get(&path).await;
        assert_eq!(status, Status::Forbidden, "{path}");
        assert!(!body.contains("Hilde"));
    }
    // their own meeting's id does not open our registration either
    let (status, _, _) = stranger
        .get(&format!(
            "/admin/events/{other}/registrations/{rid}/slip.pdf"
        ))
        .await;
    assert_eq!(status, Status::NotFound);
    // nor anyone not logged in
    let (status, _, location) = app.anonymous().await.get(&slip).await;
    assert_eq!(status, Status::SeeOther);
    assert!(location.unwrap().starts_with("/admin/login"));
    // a cancelled place has no slip
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{id}/registrations"),
            &format!("/admin/events/{id}/registrations/{rid}/cancel"),
            &[],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = s.get(&slip).await;
    assert_eq!(status, Status::NotFound);
}

async fn slip_pdf_reads_back_with_its_ticket(app: TestApp) {
    let id = app.meeting_with(|e| {
        e.columns.starts_at = at("2030-03-30 17:00");
        e.columns.ends_at = at("2030-03-30 19:00");
    });
    let s = organiser(&app, id).await;
    let (rid, token) = by_phone(&app, &s, id, "Hilde Brenner", "de").await;
    let (status, content_type, bytes) = s
        .get_bytes(&format!("/admin/events/{id}/registrations/{rid}/slip.pdf"))
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(content_type.as_deref(), Some("application/pdf"));
    let doc = lopdf::Document::load_mem(&bytes).expect("a PDF");
    assert_eq!(doc.get_pages().len(), 1, "one page");
    let text = doc.extract_text(&[1]).expect("text");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Vorstellung des Konzepts"), "{flat}");
    assert!(flat.contains("30. März 2030"), "{flat}");
    assert!(flat.contains("18:00"), "{flat}");
    assert!(
        flat.contains("Wilhelm-Keil-Straße 50, 72072 Tübingen"),
        "{flat}"
    );
    assert!(
        flat.contains("Telefon 07071 207-2003"),
        "cancel by phone: {flat}"
    );

    let codes = crate::pdf_read::qr_payloads(&bytes);
    assert_eq!(codes.len(), 1);
    let from_pdf = codes[0].clone();
    assert_eq!(from_pdf, ticket_of(&app, &token).await);

    // the printable page shows the same ticket
    let (_, page, _) = s
        .get(&format!("/admin/events/{id}/registrations/{rid}/slip"))
        .await;
    let svg = &page[page.find("<svg").expect("QR on the slip")..];
    assert_eq!(crate::checkin::decode_svg(svg), from_pdf);
    assert!(page.contains("Anmeldebestätigung") && page.contains("<html lang=\"de\" dir=\"ltr\">"));
}

async fn arabic_slip_reads_right_to_left(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let s = organiser(&app, id).await;
    let (rid, _) = by_phone(&app, &s, id, "أمينة حداد", "ar").await;
    let (status, page, _) = s
        .get(&format!("/admin/events/{id}/registrations/{rid}/slip"))
        .await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
    assert!(page.contains("تأكيد التسجيل"));
    assert!(page.contains("07071 207-2003"));
    // the German meeting title is marked as German inside the Arabic page
    assert!(page.contains("<h2 lang=\"de\" dir=\"ltr\">Vorstellung des Konzepts</h2>"));
    // the PDF is in Arabic too, the lines set right to left (read back in the order drawn,
    // so each Arabic run comes out reversed)
    let (status, _, bytes) = s
        .get_bytes(&format!("/admin/events/{id}/registrations/{rid}/slip.pdf"))
        .await;
    assert_eq!(status, Status::Ok);
    crate::pdf_read::keep("slip-ar.pdf", &bytes);
    let text = crate::pdf_read::pages(&bytes).remove(0);
    let reversed: String = "تأكيد التسجيل".chars().rev().collect();
    assert!(text.contains(&reversed), "{text}");
    assert!(
        text.contains("07071 207-2003"),
        "the number reads left to right: {text}"
    );
    assert!(!text.contains("Anmeldebestätigung"), "{text}");
    assert!(String::from_utf8_lossy(&bytes).contains("DejaVuSans"));
}

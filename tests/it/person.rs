//! What a person meets (issue 13, points 1–3): a cancelled meeting voids the ticket on every
//! view, an unconfirmed registration (double opt-in) has a state of its own everywhere, and
//! the mail program's one-click unsubscribe stops only the optional mails.
//! Over 400 lines for a reason: each point is one walk through the person's views (page,
//! ticket, mails, API, back office), and splitting a walk would hide what it proves.

use chrono::Duration;
use diesel::prelude::*;
use mail_parser::MimeHeaders;
use rocket::http::{ContentType, Status};
use treffpunkt::db::schema::registrations;
use treffpunkt::domain::{account, audit::Actor, manage};

use crate::smtp::{Received, SmtpSink};
use crate::support::TestApp;

crate::both_backends!(
    cancelled_meeting_shows_no_valid_ticket,
    unconfirmed_registration_has_a_state_of_its_own
);

crate::with_smtp!(
    opt_in_mails_say_what_will_happen,
    one_click_unsubscribe_stops_reminders_and_keeps_the_seat
);

/// The part of a page from `from` to the next `to`.
fn section<'a>(page: &'a str, from: &str, to: &str) -> &'a str {
    let start = page
        .find(from)
        .unwrap_or_else(|| panic!("{from} in {page}"));
    let rest = &page[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

/// The mails to `to`, as (subject, text part).
fn mails_to(mails: &[Received], to: &str) -> Vec<(String, String)> {
    mails
        .iter()
        .filter(|m| m.to.iter().any(|t| t == to))
        .map(Received::subject_and_text)
        .collect()
}

/// A registration as the JSON API shows it to its holder.
async fn registration_api(app: &TestApp, token: &str) -> (Status, serde_json::Value) {
    crate::support::json_of(app.get(&format!("/api/v1/registrations/{token}")).await).await
}

async fn cancelled_meeting_shows_no_valid_ticket(app: TestApp) {
    let id = app.meeting(Some(10), 2);
    let (_, reg) = app.register(id, "Anna", "anna@example.org", 1).await;
    let token = reg["token"].as_str().unwrap();
    let reason = "Der Referent ist erkrankt.";
    manage::cancel(
        &mut app.conn(),
        id,
        &manage::CancelReason::untranslated(reason),
        &Actor::system(),
        app.now(),
    )
    .unwrap();

    // the person's page: the cancellation first, in the status box, with the reason
    let (status, page) = app.get_text(&format!("/r/{token}")).await;
    assert_eq!(status, Status::Ok);
    let first = section(&page, "id=\"registration-status\"", "</div>");
    assert!(
        first.contains("Diese Veranstaltung ist abgesagt."),
        "{first}"
    );
    assert!(first.contains(reason), "{first}");
    assert!(
        first.contains("Ihr Ticket gelten damit nicht mehr"),
        "{first}"
    );
    assert!(
        !page.contains("Ihre Anmeldung ist bestätigt"),
        "no green box for a cancelled meeting"
    );
    assert!(!page.contains("2 Plätze"), "no seats reserved");
    assert!(!page.contains("/ticket\""), "no way to the ticket");
    assert!(
        !page.contains(&format!("/r/{token}/cancel")),
        "nothing left to cancel"
    );
    assert!(!page.contains("id=\"mail\""), "no mails to switch off");

    // the ticket page: the cancellation and no scannable code
    let (status, page) = app.get_text(&format!("/r/{token}/ticket")).await;
    assert_eq!(status, Status::Ok);
    let main = section(&page, "<h1>", "</article>");
    assert!(main.contains("Diese Veranstaltung ist abgesagt."), "{main}");
    assert!(main.contains(reason));
    assert!(main.contains("Dieses Ticket gilt nicht"));
    assert!(!page.contains("<svg"), "no QR code");
    assert!(!page.contains("Zeigen Sie diesen Code am Eingang vor"));
    // the ticket's text comes before the meeting's details
    assert!(
        main.find("abgesagt").unwrap() < main.find("Vorstellung des Konzepts").unwrap(),
        "said first"
    );

    // the API: the meeting's state beside the registration's
    let (status, body) = registration_api(&app, token).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(body["event_status"], "cancelled");
    assert_eq!(body["event_cancel_reason"], reason);
    assert_eq!(body["status"], "confirmed");
    let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    assert!(keys.contains(&&"event_status".to_owned()));

    // the API's document names the new fields
    let (_, doc) = app.get_text("/api/v1/openapi.json").await;
    let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
    let props = &doc["components"]["schemas"]["ApiRegistration"]["properties"];
    for field in ["event_status", "event_cancel_reason", "confirm_by"] {
        assert!(props.get(field).is_some(), "{field} documented: {props}");
    }
}

/// A meeting with one seat and double opt-in: "Erste" has the seat unconfirmed, "Zweite"
/// waits for it, unconfirmed too; the meeting and both API answers.
async fn one_seat_two_unconfirmed(app: &TestApp) -> (i64, serde_json::Value, serde_json::Value) {
    let id = app.meeting_with(|e| {
        e.columns.capacity = Some(1);
        e.columns.max_companions = 0;
        e.columns.double_opt_in = true;
    });
    let (_, first) = app.register(id, "Erste", "erste@example.org", 0).await;
    let (_, second) = app.register(id, "Zweite", "zweite@example.org", 0).await;
    (id, first, second)
}

async fn unconfirmed_registration_has_a_state_of_its_own(app: TestApp) {
    let (id, first, second) = one_seat_two_unconfirmed(&app).await;
    let (a, b) = (
        first["token"].as_str().unwrap(),
        second["token"].as_str().unwrap(),
    );

    // the API names the state and the deadline
    assert_eq!(first["status"], "unconfirmed");
    assert!(first["confirm_by"].as_str().unwrap().contains('T'));
    assert_eq!(second["status"], "waiting");
    assert!(second["confirm_by"].is_string());

    // her page: one yellow box, no green "confirmed", no ticket
    let (_, page) = app.get_text(&format!("/r/{a}")).await;
    let status = section(&page, "<div class=\"status ", "</div>");
    assert!(status.contains("status-unconfirmed"), "{status}");
    assert!(status.contains("Ihre Anmeldung ist noch nicht bestätigt."));
    assert!(status.contains("Bitte bestätigen Sie Ihre Anmeldung bis"));
    assert!(!page.contains("Ihre Anmeldung ist bestätigt"), "{page}");
    assert!(!page.contains("/ticket\""));
    let (_, ticket) = app.get_text(&format!("/r/{a}/ticket")).await;
    assert!(!ticket.contains("<svg"));
    assert!(ticket.contains("Ihr Ticket bekommen Sie, sobald Sie Ihre Anmeldung"));

    // on the waiting list: her registration lapses, she has no place to lose
    let (_, page) = app.get_text(&format!("/r/{b}")).await;
    let status = section(&page, "id=\"registration-status\"", "</div>");
    assert!(status.contains("Warteliste auf Platz 1"));
    assert!(status.contains("Ohne Bestätigung verfällt die Anmeldung"));

    // the back office: list, filter, counts, exports
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let list = format!("/admin/events/{id}/registrations");
    let (status, page, _) = s.get(&list).await;
    assert_eq!(status, Status::Ok);
    let row = section(&page, "Erste", "</tr>");
    assert!(row.contains("Unbestätigt"), "{row}");
    assert!(!row.contains("Bestätigt<"), "{row}");
    let row = section(&page, "Zweite", "</tr>");
    assert!(row.contains("Warteliste (1), unbestätigt"), "{row}");
    assert!(page.contains("0 bestätigt, 1 noch nicht bestätigt (1 Plätze)"));
    assert!(page.contains("<option value=\"unconfirmed\">Unbestätigt</option>"));
    let (_, page, _) = s.get(&format!("{list}?status=unconfirmed")).await;
    assert!(page.contains("Erste") && !page.contains("Zweite"));
    let (_, page, _) = s.get(&format!("{list}?status=confirmed")).await;
    assert!(!page.contains("Erste") && !page.contains("Zweite"));
    let (_, csv, _) = s
        .get(&format!("/admin/events/{id}/registrations.csv"))
        .await;
    let line = csv.lines().find(|l| l.contains("Erste")).unwrap();
    assert!(line.contains("Unbestätigt"), "{line}");
    let line = csv.lines().find(|l| l.contains("Zweite")).unwrap();
    assert!(line.contains("Warteliste, unbestätigt"), "{line}");

    let (_, json, _) = s
        .get(&format!("/api/v1/admin/events/{id}/registrations"))
        .await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["registrations"][0]["status"], "unconfirmed", "{json}");

    // the door: the word is translated for the search list
    let (_, door, _) = s.get(&format!("/checkin/{id}")).await;
    assert!(
        door.contains("data-t-status-unconfirmed=\"unbestätigt\""),
        "{door}"
    );
    assert!(
        door.contains("data-t-unconfirmed=\"Anmeldung nicht per E-Mail bestätigt, kein Einlass\"")
    );
    let js = std::fs::read_to_string("static/checkin.js").unwrap();
    assert!(js.contains("unconfirmed: T.tStatusUnconfirmed"));

    // confirmed, she is confirmed everywhere
    let res = app.post_form(&format!("/r/{a}/verify"), "").await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, page) = app.get_text(&format!("/r/{a}")).await;
    assert!(page.contains("Ihre Anmeldung ist bestätigt."));
    assert!(!page.contains("noch nicht bestätigt"));
    let (_, body) = registration_api(&app, a).await;
    assert_eq!(body["status"], "confirmed");
    assert!(body["confirm_by"].is_null());
    assert_eq!(body["event_status"], "published");
}

async fn opt_in_mails_say_what_will_happen(app: TestApp, sink: SmtpSink) {
    let (id, first, second) = one_seat_two_unconfirmed(&app).await;
    let (a, b) = (
        first["token"].as_str().unwrap(),
        second["token"].as_str().unwrap(),
    );
    let mails = sink.wait_for(2, 10).await;
    let (subject, text) = mails_to(&mails, "erste@example.org").remove(0);
    assert!(subject.starts_with("Bitte bestätigen: "), "{subject}");
    assert!(text.contains("Sonst verfällt Ihr Platz."));
    // on the waiting list she has no place: the words say so
    let (subject, text) = mails_to(&mails, "zweite@example.org").remove(0);
    assert!(
        subject.starts_with("Bitte bestätigen (Warteliste): "),
        "{subject}"
    );
    assert!(text.contains("Warteliste an Stelle 1"), "{text}");
    assert!(!text.contains("Ihr Platz"), "{text}");
    assert!(text.contains(&format!("/r/{b}/verify")));

    // the first one leaves; the second moves up, still unconfirmed: her place lapses
    // unless she confirms, and the mail carries the link
    let res = app.post_form(&format!("/r/{a}/cancel"), "").await;
    assert_eq!(res.status(), Status::SeeOther);
    let mails = sink.wait_for(4, 10).await;
    let moved = mails
        .iter()
        .find(|m| {
            m.to == ["zweite@example.org"]
                && m.parsed()
                    .subject()
                    .unwrap()
                    .starts_with("Sie sind nachgerückt")
        })
        .expect("promotion mail");
    let p = moved.parsed();
    assert_eq!(
        p.subject().unwrap(),
        "Sie sind nachgerückt – bitte bestätigen: Vorstellung des Konzepts"
    );
    let text = p.body_text(0).unwrap();
    assert!(!text.contains("jetzt bestätigt"), "{text}");
    assert!(text.contains("sonst verfällt der Platz wieder"), "{text}");
    assert!(text.contains(&format!("/r/{b}/verify")), "{text}");
    assert!(
        !p.attachments()
            .any(|a| a.content_type().is_some_and(|c| c.ctype() == "image")),
        "no ticket before she confirms"
    );
    // her page agrees
    let (_, page) = app.get_text(&format!("/r/{b}")).await;
    assert!(page.contains("Ihre Anmeldung ist noch nicht bestätigt."));

    // the organiser moves the meeting: that mail too carries the link until she confirms
    let before = sink.messages().len();
    diesel::update(treffpunkt::db::schema::events::table.find(id))
        .set(treffpunkt::db::schema::events::title.eq("Vorstellung, neuer Titel"))
        .execute(&mut *app.conn())
        .unwrap();
    let row: treffpunkt::domain::registration::Registration = registrations::table
        .filter(registrations::token.eq(b))
        .select(treffpunkt::domain::registration::Registration::as_select())
        .first(&mut *app.conn())
        .unwrap();
    treffpunkt::domain::outbox::enqueue(&mut app.conn(), "changed", &row, "", app.now()).unwrap();
    let mails = sink.wait_for(before + 1, 10).await;
    let changed = mails_to(&mails[before..], "zweite@example.org");
    assert!(
        changed[0].1.contains(&format!("/r/{b}/verify")),
        "{changed:?}"
    );
}

async fn one_click_unsubscribe_stops_reminders_and_keeps_the_seat(app: TestApp, sink: SmtpSink) {
    let now = app.now();
    let id = app.meeting_with(|e| {
        e.columns.capacity = Some(1);
        e.columns.max_companions = 0;
        e.columns.reminder_hours = Some(24);
        e.columns.starts_at = now + Duration::days(3);
        e.columns.ends_at = now + Duration::days(3) + Duration::hours(2);
    });
    let other = app.meeting_with(|e| {
        e.columns.reminder_hours = Some(24);
        e.columns.starts_at = now + Duration::days(3);
        e.columns.ends_at = now + Duration::days(3) + Duration::hours(2);
    });
    let (_, anna) = app.register(id, "Anna", "anna@example.org", 0).await;
    let (_, ben) = app.register(id, "Ben", "ben@example.org", 0).await;
    let (_, carla) = app.register(other, "Carla", "carla@example.org", 0).await;
    assert_eq!(ben["status"], "waiting");
    assert_eq!(carla["status"], "confirmed");
    let token = anna["token"].as_str().unwrap();
    let mails = sink.wait_for(3, 10).await;
    let confirmation = mails
        .iter()
        .find(|m| m.to == ["anna@example.org"])
        .unwrap()
        .parsed();
    let header = confirmation
        .header_raw("List-Unsubscribe")
        .unwrap()
        .trim()
        .to_owned();
    assert_eq!(
        confirmation
            .header_raw("List-Unsubscribe-Post")
            .unwrap()
            .trim(),
        "List-Unsubscribe=One-Click"
    );
    let path = &header[header.find("/r/").unwrap()..header.len() - 1];
    assert_eq!(path, format!("/r/{token}/unsubscribe"));

    // the mail program's button (RFC 8058): a POST with the one-click body
    // (pressed twice: the same)
    for press in 1..=2 {
        let res = app
            .client
            .post(path.to_owned())
            .header(ContentType::Form)
            .body("List-Unsubscribe=One-Click")
            .dispatch()
            .await;
        assert_eq!(res.status(), Status::Ok, "press {press}");
    }

    // the seat is kept, nobody moved up, no cancellation mail
    let (_, body) = registration_api(&app, token).await;
    assert_eq!(body["status"], "confirmed");
    let (_, body) = registration_api(&app, ben["token"].as_str().unwrap()).await;
    assert_eq!(body["status"], "waiting");

    // her page says the reminders are off and offers to turn them on again
    let (_, page) = app.get_text(&format!("/r/{token}")).await;
    assert!(page.contains("Ihre Anmeldung ist bestätigt."));
    let mail_part = section(&page, "id=\"mail\"", "</section>");
    assert!(
        mail_part.contains("Erinnerungen und Nachrichten der Veranstalter haben Sie abbestellt"),
        "{mail_part}"
    );
    assert!(mail_part.contains("Erinnerungen wieder einschalten"));
    // a browser following the link lands on that part of her page, nothing cancelled
    let res = app.get(path).await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(
        res.headers().get_one("Location"),
        Some(format!("/r/{token}#mail").as_str())
    );

    // a day before the meetings: Carla gets her reminder, Anna none
    app.clock.advance(Duration::days(2) + Duration::hours(1));
    let mails = sink.wait_for(4, 10).await;
    let reminded = mails_to(&mails, "carla@example.org");
    assert!(reminded.iter().any(|(s, _)| s.starts_with("Erinnerung")));
    // both meetings' reminders are queued in the same round: Carla's mail being out means
    // Anna's round is over too
    let anna_reminded: Option<chrono::NaiveDateTime> = registrations::table
        .filter(registrations::token.eq(token))
        .select(registrations::reminded_at)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(anna_reminded, None);
    assert!(
        !mails_to(&sink.messages(), "anna@example.org")
            .iter()
            .any(|(s, _)| s.starts_with("Erinnerung") || s.contains("storniert")),
    );

    // a choice the page does not offer changes nothing; an unknown registration is 404
    let res = app.post_form(&format!("/r/{token}/mail"), "on=yes").await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, page) = app.get_text(&format!("/r/{token}")).await;
    assert!(page.contains("Erinnerungen wieder einschalten"));
    let res = app
        .post_form("/r/AAAAAAAAAAAAAAAAAAAAAAAA/mail", "on=1")
        .await;
    assert_eq!(res.status(), Status::NotFound);

    // she turns them on again on her page, and the reminder follows
    let res = app.post_form(&format!("/r/{token}/mail"), "on=1").await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, page) = app.get_text(&format!("/r/{token}")).await;
    let mail_part = section(&page, "id=\"mail\"", "</section>");
    assert!(
        mail_part.contains("Erinnerungen abbestellen"),
        "{mail_part}"
    );
    app.clock.advance(Duration::minutes(1));
    let mails = sink.wait_for(5, 10).await;
    assert!(
        mails_to(&mails, "anna@example.org")
            .iter()
            .any(|(s, _)| s.starts_with("Erinnerung"))
    );
}

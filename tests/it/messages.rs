//! Messages from the organisers to a group of a meeting's people, over a real SMTP
//! server: each group reaches exactly its people, in their language with their own link,
//! not those who asked for no more mail; a double submit and an SMTP outage send nothing
//! twice and lose nothing; the allowance per organiser and meeting; other offices get in
//! nowhere.
//!
//! Longer than 400 lines because each group, the versions and placeholders, the double
//! submit, the allowance and the outage need their own people and mails, and share the
//! form helpers here.

use std::collections::BTreeSet;

use diesel::prelude::*;
use mail_parser::MimeHeaders;
use rocket::http::Status;
use treffpunkt::db::schema::{audit_log, outbox, registrations};
use treffpunkt::domain::account;
use treffpunkt::domain::invitation::reply::Answer;

use crate::smtp::{Received, SmtpSink};
use crate::support::{StaffSession, TestApp, csrf_of};

crate::with_smtp!(
    each_group_reaches_exactly_its_people,
    double_submit_sends_once_and_the_allowance_holds,
    outage_loses_no_message_and_sends_each_once,
    documents_are_linked_for_each_person
);

crate::both_backends!(
    another_office_gets_nowhere,
    bad_input_keeps_the_text_and_sends_nothing
);

/// Registers by the API in `lang`; the registration's token.
async fn person(app: &TestApp, event: i64, name: &str, email: &str, lang: &str) -> String {
    let (status, _) = app
        .post_json(
            &format!("/api/v1/events/{event}/registrations"),
            &serde_json::json!({"name": name, "email": email, "consent": true, "language": lang}),
        )
        .await;
    assert_eq!(status, Status::Created, "{name}");
    registrations::table
        .filter(registrations::email_key.eq(email.to_lowercase()))
        .filter(registrations::event_id.eq(event))
        .select(registrations::token)
        .first(&mut *app.conn())
        .unwrap()
}

fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker).expect(name) + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

/// Fills in the message form of `from` and posts it; the form's one-time key comes along.
async fn send_from(
    s: &StaffSession,
    event: i64,
    from: &str,
    fields: &[(&str, &str)],
) -> (Status, String, Option<String>) {
    let (status, page, _) = s.get(from).await;
    assert_eq!(status, Status::Ok, "{from}");
    post(s, event, &page, fields).await
}

async fn post(
    s: &StaffSession,
    event: i64,
    page: &str,
    fields: &[(&str, &str)],
) -> (Status, String, Option<String>) {
    let mut body = format!("csrf={}&once={}", csrf_of(page), hidden(page, "once"));
    for (k, v) in fields {
        body.push_str(&format!(
            "&{k}={}",
            rocket::http::RawStr::new(v).percent_encode()
        ));
    }
    s.post_raw(&format!("/admin/events/{event}/message"), body.into_bytes())
        .await
}

async fn send(
    s: &StaffSession,
    event: i64,
    group: &str,
    subject: &str,
) -> (Status, String, Option<String>) {
    let from = format!("/admin/events/{event}/message");
    let fields = [
        ("group", group),
        ("language", "de"),
        ("subject", subject),
        ("body", "Hallo {name}, Ihr Link: {link}"),
        ("action", "send"),
    ];
    send_from(s, event, &from, &fields).await
}

/// Recipients of the mails whose subject contains `marker`.
fn to_of(mails: &[Received], marker: &str) -> BTreeSet<String> {
    mails
        .iter()
        .filter(|m| m.subject_and_text().0.contains(marker))
        .flat_map(|m| m.to.clone())
        .collect()
}

fn set(of: &[&str]) -> BTreeSet<String> {
    of.iter().map(|s| (*s).to_owned()).collect()
}

fn queued_messages(app: &TestApp) -> i64 {
    outbox::table
        .filter(outbox::kind.eq("message"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

/// Waits until the outbox has sent every message mail; the mails arrived.
async fn delivered(app: &TestApp, sink: &SmtpSink) -> Vec<Received> {
    for _ in 0..200 {
        let pending: i64 = outbox::table
            .filter(outbox::sent_at.is_null())
            .count()
            .get_result(&mut *app.conn())
            .unwrap();
        if pending == 0 {
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    sink.messages()
}

async fn each_group_reaches_exactly_its_people(app: TestApp, sink: SmtpSink) {
    let id = app.meeting(Some(2), 0);
    let anna = person(&app, id, "Anna Müller", "anna@example.org", "de").await;
    let ben = person(&app, id, "Ben", "ben@example.org", "en").await;
    person(&app, id, "Chloé", "chloe@example.org", "tr").await;
    let dora = person(&app, id, "Dora", "dora@example.org", "de").await;
    // Dora waits too, but asked for no more optional mail
    treffpunkt::domain::registration::set_optional_mail(&mut app.conn(), &dora, false, app.now())
        .unwrap();
    let partner = app.partner_org(app.office_of(id), "Caritas");
    let (emil, _) = app.partner_contact(partner, "Emil", "emil@example.org", "tr");
    let (fritz, _) = app.partner_contact(partner, "Fritz", "fritz@example.org", "de");
    let emil_link = app.partner_invitation(id, emil);
    let fritz_link = app.partner_invitation(id, fritz);
    app.partner_answer(&fritz_link, Answer::Decline);
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;

    // before sending, the page says whom each group reaches and who is left out
    let (_, page, _) = s.get(&format!("/admin/events/{id}/message")).await;
    let tr = |k: &str, n: i64| treffpunkt::i18n::text_with("de", k, &[("count", n.into())]);
    let waiting = page.split("id=\"group-waiting-reach\"").nth(1).unwrap();
    let waiting = waiting.split("</p>").next().unwrap();
    assert!(waiting.contains(&tr("message-reach", 1)), "{waiting}");
    assert!(waiting.contains(&tr("message-opted-out", 1)), "{waiting}");
    assert!(
        !page.contains("group-not_checked_in"),
        "not checked in is offered only once the meeting began"
    );

    // the waiting list: Chloé only, in the original (no Turkish version)
    let (status, _, to) = send(&s, id, "waiting", "Warteliste-Info").await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(to.as_deref(), Some(&*format!("/admin/events/{id}/message")));
    let (_, after, _) = s.get(&format!("/admin/events/{id}/message")).await;
    assert!(
        after.contains(&tr("message-sent", 1)),
        "flash names the count"
    );
    assert!(after.contains("Warteliste-Info"), "listed on the meeting");

    // everybody with a seat, with an English version for Ben
    let from = format!("/admin/events/{id}/message");
    let fields = [
        ("group", "confirmed"),
        ("language", "de"),
        ("subject", "Raumänderung für {meeting}"),
        (
            "body",
            "Hallo {name},\n\nwir treffen uns **im Raum 2**. [Ihre Anmeldung]({link})",
        ),
        ("versions[en].subject", "Room change for {meeting}"),
        ("versions[en].body", "Hello {name}, see {link}"),
        ("action", "send"),
    ];
    let (status, _, _) = send_from(&s, id, &from, &fields).await;
    assert_eq!(status, Status::SeeOther);

    // the invitees who have not answered: Emil, with his invitation link
    let (status, _, _) = send(&s, id, "invitees", "An Eingeladene").await;
    assert_eq!(status, Status::SeeOther);

    // the rows the list shows for a search
    let from = format!("/admin/events/{id}/message?group=selection&q=ben");
    let fields = [
        ("group", "selection"),
        ("q", "ben"),
        ("language", "de"),
        ("subject", "Nur Auswahl"),
        ("body", "Hallo {name}"),
        ("action", "send"),
    ];
    let (status, _, _) = send_from(&s, id, &from, &fields).await;
    assert_eq!(status, Status::SeeOther);

    // after the start: checked in, and registered but not come
    app.clock.advance(chrono::Duration::days(8));
    // a week later the organiser logs in again
    let s = app.login("orga@example.org", "Sitzungssaal-18Uhr").await;
    diesel::update(registrations::table.filter(registrations::token.eq(&anna)))
        .set(registrations::checked_in_at.eq(Some(app.now())))
        .execute(&mut *app.conn())
        .unwrap();
    assert_eq!(
        send(&s, id, "checked_in", "Danke fürs Kommen").await.0,
        Status::SeeOther
    );
    assert_eq!(
        send(&s, id, "not_checked_in", "Schade").await.0,
        Status::SeeOther
    );

    let mails = delivered(&app, &sink).await;
    assert_eq!(
        to_of(&mails, "Warteliste-Info"),
        set(&["chloe@example.org"])
    );
    assert_eq!(
        to_of(&mails, "Raumänderung"),
        set(&["anna@example.org"]),
        "the German version"
    );
    assert_eq!(to_of(&mails, "Room change"), set(&["ben@example.org"]));
    assert_eq!(to_of(&mails, "An Eingeladene"), set(&["emil@example.org"]));
    assert_eq!(to_of(&mails, "Nur Auswahl"), set(&["ben@example.org"]));
    assert_eq!(
        to_of(&mails, "Danke fürs Kommen"),
        set(&["anna@example.org"])
    );
    assert_eq!(to_of(&mails, "Schade"), set(&["ben@example.org"]));
    assert!(
        !mails.iter().any(|m| {
            m.to.contains(&"dora@example.org".to_owned())
                && m.subject_and_text().0.contains("Warteliste-Info")
        }),
        "Dora asked for no more mail"
    );

    // placeholders, Markdown as HTML and as plain text, each person's own link
    let anna_mail = mails
        .iter()
        .find(|m| m.subject_and_text().0.starts_with("Raumänderung"))
        .unwrap();
    let (subject, text) = anna_mail.subject_and_text();
    assert_eq!(subject, "Raumänderung für Vorstellung des Konzepts");
    assert!(text.starts_with("Hallo Anna Müller,"), "{text}");
    assert!(text.contains("im Raum 2"), "{text}");
    assert!(!text.contains("**"), "plain text without Markdown: {text}");
    assert!(text.contains(&format!("/r/{anna} ")) || text.contains(&format!("/r/{anna})")));
    let p = anna_mail.parsed();
    assert!(
        p.header_raw("List-Unsubscribe")
            .is_some_and(|u| u.contains(&format!("/r/{anna}/unsubscribe>"))),
        "one click stops such mail"
    );
    let html = p.body_html(0).unwrap();
    assert!(html.contains("<strong>im Raum 2</strong>"), "{html}");
    assert!(html.contains(&format!("/r/{anna}\"")), "{html}");
    let ben_mail = mails
        .iter()
        .find(|m| m.subject_and_text().0.starts_with("Room change"))
        .unwrap();
    let (_, text) = ben_mail.subject_and_text();
    assert!(text.starts_with("Hello Ben, see "), "{text}");
    assert!(text.contains(&format!("/r/{ben}")), "{text}");
    assert!(
        text.contains(&treffpunkt::i18n::text_with(
            "en",
            "message-mail-footer",
            &[("meeting", "Vorstellung des Konzepts".into())]
        )),
        "our closing line in the version's language: {text}"
    );
    let emil_mail = mails
        .iter()
        .find(|m| m.subject_and_text().0 == "An Eingeladene")
        .unwrap();
    assert!(
        emil_mail
            .subject_and_text()
            .1
            .contains(&format!("/invitation/{emil_link}")),
        "the invitee's own link"
    );
    assert!(
        !mails
            .iter()
            .any(|m| m.to.contains(&"fritz@example.org".to_owned())),
        "Fritz answered"
    );
    assert!(
        anna_mail
            .parsed()
            .content_type()
            .is_some_and(|c| c.subtype() == Some("alternative")),
        "text and HTML"
    );

    // who sent what to how many, on the page and in the audit log
    let (_, page, _) = s.get(&format!("/admin/events/{id}/message")).await;
    assert!(page.contains("Schade") && page.contains("Raumänderung für {meeting}"));
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("message-send"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(audited, 6);
}

async fn double_submit_sends_once_and_the_allowance_holds(app: TestApp, sink: SmtpSink) {
    let id = app.meeting(Some(10), 0);
    person(&app, id, "Anna", "anna@example.org", "de").await;
    person(&app, id, "Ben", "ben@example.org", "de").await;
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    // the same form posted twice (a double click): one message, one mail per person
    let (_, page, _) = s.get(&format!("/admin/events/{id}/message")).await;
    let fields = [
        ("group", "confirmed"),
        ("language", "de"),
        ("subject", "Doppelt?"),
        ("body", "Einmal"),
        ("action", "send"),
    ];
    let (first, second) =
        futures::join!(post(&s, id, &page, &fields), post(&s, id, &page, &fields));
    assert_eq!(first.0, Status::SeeOther);
    assert_eq!(second.0, Status::SeeOther);
    assert_eq!(queued_messages(&app), 2);
    let (_, after, _) = s.get(&format!("/admin/events/{id}/message")).await;
    assert!(
        after.contains(&treffpunkt::i18n::text("de", "message-sent-already"))
            || after.contains(&treffpunkt::i18n::text_with(
                "de",
                "message-sent",
                &[("count", 2.into())]
            ))
    );
    let again = post(&s, id, &page, &fields).await;
    assert_eq!(again.0, Status::SeeOther);
    assert_eq!(queued_messages(&app), 2, "a reload sends nothing");

    // five messages an hour per organiser and meeting: the sixth is refused, kept and told
    for n in 2..=5 {
        let (status, _, _) = send(&s, id, "confirmed", &format!("Nummer {n}")).await;
        assert_eq!(status, Status::SeeOther, "message {n}");
    }
    assert_eq!(queued_messages(&app), 10);
    let (status, page, _) = send(&s, id, "confirmed", "Nummer 6").await;
    assert_eq!(status, Status::TooManyRequests);
    assert!(page.contains(&treffpunkt::i18n::text("de", "message-too-many")));
    assert!(page.contains("value=\"Nummer 6\""), "the subject is kept");
    assert_eq!(queued_messages(&app), 10);
    // another organiser of the office has an allowance of their own
    let other = app
        .staff_of(id, "kollegin@example.org", account::ROLE_ORGANISER)
        .await;
    assert_eq!(
        send(&other, id, "confirmed", "Von der Kollegin").await.0,
        Status::SeeOther
    );
    // and later the first may send again
    app.clock.advance(chrono::Duration::minutes(15));
    assert_eq!(
        send(&s, id, "confirmed", "Später").await.0,
        Status::SeeOther
    );
    let mails = delivered(&app, &sink).await;
    let doubled: Vec<_> = mails
        .iter()
        .filter(|m| m.subject_and_text().0 == "Doppelt?")
        .collect();
    assert_eq!(doubled.len(), 2, "one mail to each of two people");
    assert_eq!(to_of(&mails, "Nummer 6"), BTreeSet::new());
    assert_eq!(to_of(&mails, "Später").len(), 2);
}

async fn outage_loses_no_message_and_sends_each_once(app: TestApp, sink: SmtpSink) {
    let id = app.meeting(Some(40), 0);
    for i in 0..30 {
        person(
            &app,
            id,
            &format!("Person {i}"),
            &format!("p{i}@example.org"),
            "de",
        )
        .await;
    }
    // the confirmations go out first
    sink.wait_for(30, 30).await;
    sink.stop();
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let (status, _, _) = send(&s, id, "confirmed", "Während der Störung").await;
    assert_eq!(
        status,
        Status::SeeOther,
        "sending does not wait for the server"
    );
    let mut tried = false;
    for _ in 0..100 {
        let n: i64 = outbox::table
            .filter(outbox::kind.eq("message"))
            .filter(outbox::attempts.gt(0))
            .count()
            .get_result(&mut *app.conn())
            .unwrap();
        if n > 0 {
            tried = true;
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(tried, "delivery was tried during the outage");
    sink.restart().await;
    app.clock.advance(chrono::Duration::minutes(2));
    let mails = delivered(&app, &sink).await;
    rocket::tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mails = if mails.len() < sink.messages().len() {
        sink.messages()
    } else {
        mails
    };
    let ours: Vec<_> = mails
        .iter()
        .filter(|m| m.subject_and_text().0 == "Während der Störung")
        .collect();
    assert_eq!(ours.len(), 30, "every mail arrived, none twice");
    let people: BTreeSet<_> = ours.iter().map(|m| m.to[0].clone()).collect();
    assert_eq!(people.len(), 30);
}

async fn another_office_gets_nowhere(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    person(&app, id, "Anna", "anna@example.org", "de").await;
    let other = app.office("stadt", "Stadt Reutlingen");
    let pw = app.account("fremd@example.org", account::ROLE_ORGANISER, &[other]);
    let stranger = app.login("fremd@example.org", &pw).await;
    let (status, _, _) = stranger.get(&format!("/admin/events/{id}/message")).await;
    assert_eq!(status, Status::Forbidden);
    // with a valid form of their own office's meeting, posted to this meeting
    let theirs = app.meeting_with(|e| e.columns.office_id = other);
    let (_, page, _) = stranger
        .get(&format!("/admin/events/{theirs}/message"))
        .await;
    let fields = [
        ("group", "confirmed"),
        ("language", "de"),
        ("subject", "Fremd"),
        ("body", "Text"),
        ("action", "send"),
    ];
    let (status, _, _) = post(&stranger, id, &page, &fields).await;
    assert_eq!(status, Status::Forbidden);
    // door staff of the meeting's own office neither
    let door = app
        .staff_of(id, "tuer@example.org", account::ROLE_DOOR)
        .await;
    let (status, _, _) = door.get(&format!("/admin/events/{id}/message")).await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, _) = post(&door, id, &page, &fields).await;
    assert_eq!(status, Status::Forbidden);
    assert_eq!(queued_messages(&app), 0, "nothing was sent");
}

async fn bad_input_keeps_the_text_and_sends_nothing(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    person(&app, id, "Anna Müller", "anna@example.org", "de").await;
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
    let from = format!("/admin/events/{id}/message");
    // no subject, and a Turkish version with a subject but no text
    let fields = [
        ("group", "confirmed"),
        ("language", "de"),
        ("subject", " "),
        ("body", "Bitte **Ausweis** mitbringen"),
        ("versions[tr].subject", "Kimlik"),
        ("action", "send"),
    ];
    let (status, page, _) = send_from(&s, id, &from, &fields).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        page.contains(&treffpunkt::i18n::text("de", "message-error-subject")),
        "{page}"
    );
    assert!(page.contains(&treffpunkt::i18n::text("de", "message-error-body")));
    assert!(
        page.contains("Bitte **Ausweis** mitbringen"),
        "the text is kept"
    );
    assert!(page.contains("value=\"Kimlik\""), "the version is kept");
    // an unknown group
    let fields = [
        ("group", "everybody"),
        ("language", "de"),
        ("subject", "S"),
        ("body", "B"),
        ("action", "send"),
    ];
    let (status, page, _) = send_from(&s, id, &from, &fields).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains(&treffpunkt::i18n::text("de", "message-error-group")));
    // a preview shows it as the first person reads it, and sends nothing
    let fields = [
        ("group", "confirmed"),
        ("language", "de"),
        ("subject", "Für {name}"),
        ("body", "Bitte **Ausweis** mitbringen, {name}"),
        ("action", "preview"),
    ];
    let (status, page, _) = send_from(&s, id, &from, &fields).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Für Anna Müller"), "subject as sent");
    assert!(page.contains("<strong>Ausweis</strong> mitbringen, Anna Müller"));
    assert_eq!(queued_messages(&app), 0, "nothing was sent");
    let messages: i64 = treffpunkt::db::schema::messages::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(messages, 0);
}

/// A document of the meeting linked in a message opens with each person's own link, and
/// only a document of this meeting can be chosen.
async fn documents_are_linked_for_each_person(app: TestApp, sink: SmtpSink) {
    use treffpunkt::domain::{audit::Actor, document};
    let event = app.meeting(Some(20), 0);
    let other = app.meeting(Some(20), 0);
    let token = person(&app, event, "Lina Hoffmann", "lina@example.org", "de").await;
    let store = |on: i64, title: &str| {
        document::store(
            &mut app.conn(),
            on,
            &document::DocumentInput {
                title: title.into(),
                visibility: "participants".into(),
                attach_to: String::new(),
            },
            Some(&document::Upload {
                name: "folien.pdf".into(),
                bytes: b"%PDF-1.4\n%%EOF\n".to_vec(),
                too_large: false,
            }),
            &Actor::system(),
            app.now(),
        )
        .unwrap()
    };
    let slides = store(event, "Folien des Abends");
    let foreign = store(other, "Fremde Unterlage");
    let s = app.staff_of(event, "orga@example.org", "organiser").await;
    let from = format!("/admin/events/{event}/message");
    let (_, page, _) = s.get(&from).await;
    assert!(page.contains("Folien des Abends") && !page.contains("Fremde Unterlage"));
    sink.wait_for(1, 10).await;
    let before = sink.messages().len();
    // another meeting's document is refused at the field, nothing is sent
    let fields = |doc: String| {
        vec![
            ("group".to_owned(), "confirmed".to_owned()),
            ("language".to_owned(), "de".to_owned()),
            ("subject".to_owned(), "Unterlagen zum Abend".to_owned()),
            ("body".to_owned(), "Hallo {name}".to_owned()),
            ("documents".to_owned(), doc),
            ("action".to_owned(), "send".to_owned()),
        ]
    };
    let bad = fields(foreign.to_string());
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, again, _) = send_from(&s, event, &from, &bad).await;
    assert_eq!(status, Status::UnprocessableEntity, "{again}");
    assert!(again.contains("documents-error"), "{again}");
    assert_eq!(queued_messages(&app), 0);
    let good = fields(slides.to_string());
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, _, _) = send_from(&s, event, &from, &good).await;
    assert_eq!(status, Status::SeeOther);
    let mails = delivered(&app, &sink).await;
    assert_eq!(mails.len(), before + 1);
    let (_, text) = mails.last().unwrap().subject_and_text();
    let link = format!("/documents/{slides}?t={token}");
    assert!(
        text.contains("Folien des Abends") && text.contains(&link),
        "{text}"
    );
    let res = app.get(&link).await;
    assert_eq!(res.status(), Status::Ok);
}

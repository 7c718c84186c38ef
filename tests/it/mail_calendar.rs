//! The calendar in mails, read from a real SMTP server: people on the waiting list hear of
//! a change or a cancellation in their own words and without a calendar entry they never
//! had; the attached .ics says METHOD as its Content-Type does, carries the meeting's own
//! text as plain text, and passes the outside judge. No calendar shows raw Markdown.

use chrono::NaiveDateTime;
use mail_parser::MimeHeaders;
use rocket::http::Status;
use treffpunkt::domain::account;

use crate::mail::ics_prop;
use crate::smtp::{Received, SmtpSink};
use crate::support::{TestApp, form_values, register_on};

const DESCRIPTION: &str = "Wir beantworten Ihre **Fragen** zum Projekt *Jobdschungel*.\n\n\
- Anfahrt: [Plan](https://example.org/plan)";
const PLAIN: &str = "Wir beantworten Ihre Fragen zum Projekt Jobdschungel.\n\n\
- Anfahrt: Plan (https://example.org/plan)";

crate::with_smtp!(
    waiting_list_hears_of_changes_without_a_calendar_entry,
    mailed_calendar_says_its_method_and_the_meetings_text
);

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// The one mail to `to` whose subject starts with `subject`.
fn mail_to<'a>(mails: &'a [Received], to: &str, subject: &str) -> &'a Received {
    let found: Vec<&Received> = mails
        .iter()
        .filter(|m| m.to == [to] && m.parsed().subject().unwrap().starts_with(subject))
        .collect();
    assert_eq!(found.len(), 1, "one mail «{subject}» to {to}");
    found[0]
}

fn text_of(m: &Received) -> String {
    m.parsed().body_text(0).unwrap().replace('\r', "")
}

/// The attached calendar and the `method` of its Content-Type.
fn calendar_of(m: &Received) -> Option<(String, Option<String>)> {
    let p = m.parsed();
    p.attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|c| c.subtype() == Some("calendar"))
        })
        .map(|a| {
            (
                String::from_utf8_lossy(a.contents()).into_owned(),
                a.content_type()
                    .and_then(|c| c.attribute("method"))
                    .map(str::to_owned),
            )
        })
}

/// A property of the calendar itself (outside its events), unfolded and unescaped.
fn calendar_prop(ics: &str, name: &str) -> Option<String> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = parser.next()?.ok()?;
    cal.properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
        .map(|v| {
            v.replace("\\n", "\n")
                .replace("\\,", ",")
                .replace("\\;", ";")
        })
}

/// What a person with a seat finds attached: a calendar whose METHOD agrees with the
/// Content-Type, described as the meeting in plain text, that the outside judge accepts.
fn assert_mailed_calendar(app: &TestApp, m: &Received, status: &str) {
    let (ics, method) = calendar_of(m).expect("a calendar entry for a person with a seat");
    assert_eq!(method.as_deref(), Some("PUBLISH"), "Content-Type method");
    assert_eq!(
        calendar_prop(&ics, "METHOD").as_deref(),
        Some("PUBLISH"),
        "the METHOD line matches the Content-Type: {ics}"
    );
    assert_eq!(
        calendar_prop(&ics, "DESCRIPTION").as_deref(),
        Some(PLAIN),
        "the meeting's own description, as plain text"
    );
    assert_eq!(calendar_prop(&ics, "X-WR-CALDESC").as_deref(), Some(PLAIN));
    assert_no_markdown(&ics);
    assert!(
        !ics.replace("\r\n ", "")
            .contains("Änderungen und Absagen erscheinen automatisch"),
        "a mailed file is no subscription"
    );
    assert_eq!(ics_prop(&ics, "STATUS").as_deref(), Some(status));
    crate::feeds::judge(app, &ics);
}

fn assert_no_markdown(ics: &str) {
    let unfolded = ics.replace("\r\n ", "");
    for raw in ["**", "*Jobdschungel*", "](https://"] {
        assert!(
            !unfolded.contains(raw),
            "raw Markdown {raw:?} in {unfolded}"
        );
    }
}

/// Anna has the only seat, Chloé waits; the organiser moves the meeting a week on, then
/// cancels it. Returns every mail sent, with Anna's and Chloé's in them.
async fn move_then_cancel(app: &TestApp, sink: &SmtpSink) -> (i64, Vec<Received>) {
    let office = app.office("lra", "Landratsamt Tübingen");
    let id = app.meeting_with(|e| {
        e.columns.office_id = office;
        e.columns.capacity = Some(1);
        e.columns.description = DESCRIPTION.into();
        e.columns.starts_at = at("2030-03-30 17:00");
        e.columns.ends_at = at("2030-03-30 19:00");
    });
    let (_, anna) = register_on(&app.client, id, "Anna", "anna@example.org", 0).await;
    assert_eq!(anna["status"], "confirmed");
    let (_, chloe) = register_on(&app.client, id, "Chloé", "chloe@example.org", 0).await;
    assert_eq!(chloe["status"], "waiting");
    assert_eq!(sink.wait_for(2, 10).await.len(), 2);

    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let s = app.login("orga@example.org", &pw).await;
    let edit = format!("/admin/events/{id}/edit");
    let (_, page, _) = s.get(&edit).await;
    let mut fields = form_values(&page);
    for (k, v) in fields.iter_mut() {
        match k.as_str() {
            "starts_at" => *v = "2030-04-06T18:00".into(),
            "ends_at" => *v = "2030-04-06T20:00".into(),
            _ => {}
        }
    }
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, page, _) = s.submit(&edit, &edit, &refs).await;
    assert_eq!(status, Status::SeeOther, "{page}");
    assert_eq!(sink.wait_for(4, 10).await.len(), 4);

    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{id}"),
            &format!("/admin/events/{id}/cancel"),
            &[("reason", "Der Saal ist gesperrt.")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let mails = sink.wait_for(6, 10).await;
    assert_eq!(mails.len(), 6);
    (id, mails)
}

/// Issue 13 §6: a change or a cancellation reaches the waiting list in words that fit
/// (still waiting, at which place; the new date) and without a calendar entry; the person
/// with a seat keeps today's mail with the entry.
async fn waiting_list_hears_of_changes_without_a_calendar_entry(app: TestApp, sink: SmtpSink) {
    let (_, mails) = move_then_cancel(&app, &sink).await;

    let anna_changed = mail_to(&mails, "anna@example.org", "Geänderter Termin");
    assert!(text_of(anna_changed).contains("der Kalendereintrag im Anhang ersetzt den alten"));
    let (ics, _) = calendar_of(anna_changed).expect("Anna's new entry");
    assert_eq!(
        ics_prop(&ics, "DTSTART").as_deref(),
        Some("20300406T180000")
    );
    assert_eq!(ics_prop(&ics, "STATUS").as_deref(), Some("CONFIRMED"));

    let chloe_changed = mail_to(&mails, "chloe@example.org", "Geänderter Termin");
    let text = text_of(chloe_changed);
    assert!(
        calendar_of(chloe_changed).is_none(),
        "no calendar entry for someone without a seat"
    );
    assert!(text.contains("auf der Warteliste"), "{text}");
    assert!(text.contains("weiterhin auf Platz 1"), "{text}");
    assert!(
        text.contains("Samstag, 6. April 2030, 18:00–20:00 Uhr"),
        "{text}"
    );
    assert!(!text.contains("Anhang"), "{text}");
    assert!(!text.contains("Ihre Anmeldung bleibt bestehen"), "{text}");
    snapshot(&app, "waiting_changed", chloe_changed);

    let anna_cancelled = mail_to(&mails, "anna@example.org", "Abgesagt");
    assert!(text_of(anna_cancelled).contains("Der Saal ist gesperrt."));
    let (ics, _) = calendar_of(anna_cancelled).expect("Anna's entry, now cancelled");
    assert_eq!(ics_prop(&ics, "STATUS").as_deref(), Some("CANCELLED"));

    let chloe_cancelled = mail_to(&mails, "chloe@example.org", "Abgesagt");
    let text = text_of(chloe_cancelled);
    assert!(
        calendar_of(chloe_cancelled).is_none(),
        "no cancelled entry for a meeting she never had"
    );
    assert!(text.contains("Der Saal ist gesperrt."), "{text}");
    assert!(text.contains("auf der Warteliste"), "{text}");
    assert!(!text.contains("Anhang"), "{text}");
    snapshot(&app, "waiting_cancelled", chloe_cancelled);
}

/// The whole text as the person reads it, tokens redacted (once: SQLite only).
fn snapshot(app: &TestApp, name: &str, m: &Received) {
    if app.on_postgres() {
        return;
    }
    let tokens = app.registration_tokens();
    let mut text = text_of(m);
    for t in &tokens {
        text = text.replace(t, "[token]");
    }
    let subject = m.parsed().subject().unwrap().to_owned();
    insta::assert_snapshot!(name, format!("Subject: {subject}\n\n{text}"));
}

/// Issue 13 §8: every calendar mailed (confirmation, change, cancellation) says METHOD as
/// its Content-Type does, describes the meeting in plain text and passes the outside
/// judge; no feed shows raw Markdown either.
async fn mailed_calendar_says_its_method_and_the_meetings_text(app: TestApp, sink: SmtpSink) {
    let (id, mails) = move_then_cancel(&app, &sink).await;
    for (subject, status) in [
        ("Anmeldung bestätigt", "CONFIRMED"),
        ("Geänderter Termin", "CONFIRMED"),
        ("Abgesagt", "CANCELLED"),
    ] {
        assert_mailed_calendar(&app, mail_to(&mails, "anna@example.org", subject), status);
    }
    for feed in [
        "/calendar.ics".to_owned(),
        format!("/events/{id}/calendar.ics"),
    ] {
        let (status, body) = app.get_text(&feed).await;
        assert_eq!(status, Status::Ok, "{feed}");
        assert!(body.contains("Jobdschungel"), "{feed}");
        assert_no_markdown(&body);
    }
}

//! Needs that reach the organiser in time: the dashboard sums them from confirmed
//! registrations with the people one click away; organisers hear of needs to book at once
//! or in a daily summary, and are reminded of those not arranged yet.

use chrono::Duration;
use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::questions;
use treffpunkt::domain::needs::alerts;

use crate::smtp::{Received, SmtpSink};
use crate::support::{StaffSession, TestApp};

crate::with_smtp!(needs_are_summed_told_and_reminded);

fn question_id(app: &TestApp, preset: &str) -> i64 {
    questions::table
        .filter(questions::preset.eq(preset))
        .select(questions::id)
        .first(&mut *app.conn())
        .unwrap()
}

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

fn to(mails: &[Received], address: &str) -> Vec<(String, String)> {
    mails
        .iter()
        .filter(|m| m.to.iter().any(|t| t == address))
        .map(Received::subject_and_text)
        .collect()
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

async fn needs_are_summed_told_and_reminded(app: TestApp, sink: SmtpSink) {
    let id = app.meeting(Some(30), 2);
    let office = app.office_of(id);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    app.account("daily@example.org", "organiser", &[office]);
    let daily_id: i64 = treffpunkt::db::schema::users::table
        .filter(treffpunkt::db::schema::users::email.eq("daily@example.org"))
        .select(treffpunkt::db::schema::users::id)
        .first(&mut *app.conn())
        .unwrap();
    alerts::set_preferences(
        &mut app.conn(),
        daily_id,
        &alerts::Preferences {
            mode: alerts::DAILY.into(),
            reminder_days: 1,
        },
        app.now(),
    )
    .unwrap();
    // the organiser chooses on the dashboard: at once, reminded 3 days before
    let dashboard = format!("/admin/events/{id}");
    let (status, _, _) = s
        .submit(
            &dashboard,
            "/admin/needs/alerts",
            &[
                ("mode", "now"),
                ("reminder_days", "3"),
                ("back", &id.to_string()),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = s
        .submit(
            &dashboard,
            "/admin/needs/alerts",
            &[("mode", "sometimes"), ("reminder_days", "3")],
        )
        .await;
    assert_eq!(
        status,
        Status::SeeOther,
        "refused with a message, nothing changed"
    );
    assert_eq!(
        alerts::preferences(&mut app.conn(), daily_id).unwrap().mode,
        "daily"
    );

    add_presets(&s, id).await;
    let (interpreting, children, ages, access) = (
        question_id(&app, "interpreting"),
        question_id(&app, "childcare_count"),
        question_id(&app, "childcare_ages"),
        question_id(&app, "accessibility"),
    );
    register(
        &app,
        id,
        "Amira Haddad",
        "amira@example.org",
        &[
            (interpreting, "Arabisch"),
            (children, "2"),
            (ages, "2 und 6 Jahre"),
        ],
    )
    .await;
    register(
        &app,
        id,
        "Bilal Omar",
        "bilal@example.org",
        &[(interpreting, "Arabisch")],
    )
    .await;
    register(
        &app,
        id,
        "Daria Hosseini",
        "daria@example.org",
        &[
            (interpreting, "Dari"),
            (access, "Gebärdensprachdolmetschen"),
            (access, "Rollstuhlplatz"),
        ],
    )
    .await;
    register(
        &app,
        id,
        "Emil Bauer",
        "emil@example.org",
        &[(access, "Rollstuhlplatz")],
    )
    .await;

    // the dashboard sums them, most asked for first, with the people one click away
    let (_, page, _) = s.get(&dashboard).await;
    assert!(
        page.contains("Dolmetschen: 2 × Arabisch, 1 × Dari"),
        "{page}"
    );
    assert!(
        page.contains("Kinderbetreuung: 2 Kinder (2–6 Jahre)"),
        "{page}"
    );
    assert!(
        page.contains("2 × Rollstuhlplatz") && page.contains("1 × Gebärdensprachdolmetschen"),
        "{page}"
    );
    let link = format!(
        "/admin/events/{id}/registrations?status=confirmed&amp;answer={interpreting}:Arabisch"
    );
    assert!(page.contains(&link), "{page}");
    let (_, arabic, _) = s
        .get(&format!(
            "/admin/events/{id}/registrations?status=confirmed&answer={interpreting}%3AArabisch"
        ))
        .await;
    assert!(
        arabic.contains("Amira Haddad")
            && arabic.contains("Bilal Omar")
            && !arabic.contains("Daria Hosseini")
    );

    // at once: one mail per registration that brings a need to book (not Emil's wheelchair place)
    let mails = sink.wait_for(4 + 3, 15).await;
    // the person's confirmation says what they answered
    let confirmation = to(&mails, "amira@example.org");
    assert!(
        confirmation[0].1.contains("Ihre Angaben")
            && confirmation[0]
                .1
                .contains("Dolmetschen: In welche Sprache?: Arabisch")
            && confirmation[0]
                .1
                .contains("Alter der Kinder: 2 und 6 Jahre"),
        "{confirmation:?}"
    );
    let told = to(&mails, "orga@example.org");
    assert_eq!(told.len(), 3, "{told:?}");
    let (subject, text) = told
        .iter()
        .find(|(_, t)| t.contains("Daria Hosseini"))
        .unwrap();
    assert!(subject.starts_with("Bedarf zu organisieren"), "{subject}");
    assert!(
        text.contains("Dolmetschen: Dari") && text.contains("Gebärdensprachdolmetschen"),
        "{text}"
    );
    assert!(text.contains("noch 7 Tage"), "{text}");
    assert!(
        !told.iter().any(|(_, t)| t.contains("Emil Bauer")),
        "a wheelchair place needs no booking"
    );
    assert!(
        to(&mails, "daily@example.org").is_empty(),
        "the daily one waits"
    );

    // the interpreter for Arabic is booked
    let (status, _, _) = s
        .submit(
            &dashboard,
            &format!("/admin/events/{id}/needs"),
            &[("key", "interpreting:Arabisch"), ("arranged", "on")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&dashboard).await;
    assert!(page.contains("organisiert"));

    // a day later: the daily summary names all three; 3 days before: the reminder
    app.clock.advance(Duration::hours(25));
    let mails = sink.wait_for(4 + 3 + 1, 15).await;
    let digest = to(&mails, "daily@example.org");
    assert_eq!(digest.len(), 1, "{digest:?}");
    for name in ["Amira Haddad", "Bilal Omar", "Daria Hosseini"] {
        assert!(digest[0].1.contains(name), "{}", digest[0].1);
    }
    app.clock.advance(Duration::hours(72));
    let mails = sink.wait_for(4 + 3 + 1 + 1, 15).await;
    let reminded: Vec<_> = to(&mails, "orga@example.org")
        .into_iter()
        .filter(|(s, _)| s.starts_with("Noch nicht organisiert"))
        .collect();
    assert_eq!(reminded.len(), 1, "{reminded:?}");
    let text = &reminded[0].1;
    assert!(
        text.contains("1 × Dari")
            && text.contains("2 Kinder")
            && text.contains("Gebärdensprachdolmetschen"),
        "{text}"
    );
    assert!(
        !text.contains("Arabisch"),
        "arranged needs are not reminded: {text}"
    );
    // once only
    app.clock.advance(Duration::hours(2));
    rocket::tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let again = to(&sink.messages(), "orga@example.org")
        .into_iter()
        .filter(|(s, _)| s.starts_with("Noch nicht organisiert"))
        .count();
    assert_eq!(again, 1);
}

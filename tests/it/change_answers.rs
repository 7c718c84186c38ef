//! Changing the answers to a meeting's questions after registering: by the office on the edit
//! page (required ones may stay open, the audit log names the question, never the value) and
//! by the person on their page (the same rules as registering, and a mail listing them).
//! Over 400 lines: the office's and the person's ways share the meeting, the helpers and the
//! rules, and read best side by side.

use diesel::prelude::*;
use rocket::http::{RawStr, Status};
use treffpunkt::db::schema::{answers, audit_log, questions, registrations};

use crate::both_backends;
use crate::smtp::SmtpSink;
use crate::support::{StaffSession, TestApp};

both_backends!(
    office_changes_an_answer_and_the_log_names_the_question,
    person_is_held_to_the_rules_of_registering,
);
crate::with_smtp!(person_changes_an_answer_and_the_mail_lists_it);

fn question_id(app: &TestApp, label: &str) -> i64 {
    questions::table
        .filter(questions::label.eq(label))
        .select(questions::id)
        .first(&mut *app.conn())
        .unwrap()
}

/// A question of another meeting, asked by that meeting's organiser.
async fn foreign_question(app: &TestApp) -> i64 {
    let other = app.meeting(Some(20), 2);
    let so = app.staff_of(other, "orga2@example.org", "organiser").await;
    let other_page = format!("/admin/events/{other}/questions");
    let (status, _, _) = so
        .submit(
            &other_page,
            &other_page,
            &[("kind", "short_text"), ("label", "Fremde Frage")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    question_id(app, "Fremde Frage")
}

fn stored_answer(app: &TestApp, rid: i64, question: i64) -> Option<String> {
    answers::table
        .filter(answers::registration_id.eq(rid))
        .filter(answers::question_id.eq(question))
        .select(answers::value)
        .first(&mut *app.conn())
        .optional()
        .unwrap()
}

pub(crate) fn registration(app: &TestApp, email: &str) -> (i64, String) {
    registrations::table
        .filter(registrations::email_key.eq(email))
        .select((registrations::id, registrations::token))
        .first(&mut *app.conn())
        .unwrap()
}

pub(crate) fn audit_details(app: &TestApp, rid: i64) -> Vec<String> {
    audit_log::table
        .filter(audit_log::action.eq("registration.change"))
        .filter(audit_log::object_id.eq(rid))
        .order(audit_log::id.asc())
        .select(audit_log::detail)
        .load(&mut *app.conn())
        .unwrap()
}

fn body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", RawStr::new(v).percent_encode()))
        .collect::<Vec<_>>()
        .join("&")
}

/// A meeting asking a required short text, a choice and a health-related one
/// (interpreting); returns (meeting, school, travel, interpreting).
async fn meeting_with_questions(app: &TestApp) -> (i64, StaffSession, i64, i64, i64) {
    let id = app.meeting(Some(20), 2);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    let page = format!("/admin/events/{id}/questions");
    for fields in [
        &[
            ("kind", "short_text"),
            ("label", "Ihre Schule"),
            ("required", "on"),
        ][..],
        &[
            ("kind", "choice"),
            ("label", "Anreise"),
            ("options", "Bus\nAuto\nZu Fuß"),
        ][..],
    ] {
        let (status, body, _) = s.submit(&page, &page, fields).await;
        assert_eq!(status, Status::SeeOther, "{body}");
    }
    let (status, _, _) = s
        .submit(&page, &format!("{page}/preset"), &[("key", "interpreting")])
        .await;
    assert_eq!(status, Status::SeeOther);
    let school = question_id(app, "Ihre Schule");
    let travel = question_id(app, "Anreise");
    let interpreting = question_id(app, "Dolmetschen: In welche Sprache?");
    (id, s, school, travel, interpreting)
}

/// Registers Olena on the public form with these answers.
async fn register_with(app: &TestApp, id: i64, answers: &[(String, &str)]) -> (i64, String) {
    let mut fields = vec![
        ("name".to_owned(), "Olena Kovalenko"),
        ("email".to_owned(), "olena@example.org"),
        ("consent".to_owned(), "yes"),
    ];
    fields.extend(answers.iter().cloned());
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let res = app
        .post_form(&format!("/events/{id}/register"), &body(&refs))
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    registration(app, "olena@example.org")
}

/// The edit page's fields as shown, with `changes` over them (a name given with no value
/// is left out: an unticked box).
pub(crate) async fn edit(
    s: &StaffSession,
    id: i64,
    rid: i64,
    changes: &[(&str, &str)],
) -> (Status, String, Option<String>) {
    let url = format!("/admin/events/{id}/registrations/{rid}/edit");
    let (status, page, _) = s.get(&url).await;
    assert_eq!(status, Status::Ok, "{page}");
    let mut fields: Vec<(String, String)> = crate::support::form_values(&page)
        .into_iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .collect();
    fields.extend(
        changes
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    s.submit(&url, &url, &refs).await
}

async fn office_changes_an_answer_and_the_log_names_the_question(app: TestApp) {
    let (id, s, school, travel, interpreting) = meeting_with_questions(&app).await;
    let (rid, _) = register_with(
        &app,
        id,
        &[
            (format!("a[{school}]"), "Uhland-Gymnasium"),
            (format!("a[{travel}]"), "Bus"),
        ],
    )
    .await;
    let (a_school, a_travel, a_interp) = (
        format!("a[{school}]"),
        format!("a[{travel}]"),
        format!("a[{interpreting}]"),
    );

    // the edit page shows the questions with the answers given
    let url = format!("/admin/events/{id}/registrations/{rid}/edit");
    let (_, page, _) = s.get(&url).await;
    assert!(page.contains("Anreise"), "{page}");
    assert!(page.contains("value=\"Uhland-Gymnasium\""), "{page}");
    assert!(page.contains("value=\"Bus\" selected"), "{page}");

    // a choice that is not offered: 422 at the field, the other values kept, nothing stored
    let (status, page, _) = edit(
        &s,
        id,
        rid,
        &[(&a_travel, "Rakete"), ("organisation", "Elternbeirat")],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains(&format!("id=\"q{travel}-error\"")), "{page}");
    assert!(page.contains("Bitte wählen Sie eine der angebotenen Antworten."));
    assert!(page.contains("value=\"Elternbeirat\""), "typed value kept");
    assert_eq!(stored_answer(&app, rid, travel).as_deref(), Some("Bus"));

    // a health-related answer needs the consent on this form too
    let (status, page, _) = edit(&s, id, rid, &[(&a_interp, "Arabisch")]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"health_consent-error\""), "{page}");
    assert!(page.contains("value=\"Arabisch\" selected"), "answer kept");
    assert_eq!(stored_answer(&app, rid, interpreting), None);

    // the office changes the way there and clears the required school (it may not know it)
    let (status, _, location) = edit(&s, id, rid, &[(&a_travel, "Auto"), (&a_school, "")]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        location.as_deref(),
        Some(format!("/admin/events/{id}/registrations").as_str())
    );
    assert_eq!(stored_answer(&app, rid, travel).as_deref(), Some("Auto"));
    assert_eq!(stored_answer(&app, rid, school), None);
    let (_, list, _) = s.get(&format!("/admin/events/{id}/registrations")).await;
    assert!(list.contains("Anreise: Auto"), "{list}");
    let (_, csv, _) = s
        .get(&format!("/admin/events/{id}/registrations.csv"))
        .await;
    let row = csv.lines().find(|l| l.contains("Olena")).unwrap();
    assert!(row.contains("Auto") && !row.contains("Uhland"), "{row}");

    // the log names the questions, never the answers
    let details = audit_details(&app, rid);
    assert_eq!(details.len(), 1, "{details:?}");
    assert!(
        details[0].contains("Anreise") && details[0].contains("Ihre Schule"),
        "{details:?}"
    );
    assert!(
        !details[0].contains("Auto") && !details[0].contains("Uhland"),
        "{details:?}"
    );

    // with the consent the health-related answer is taken; only it is logged
    let (status, _, _) = edit(
        &s,
        id,
        rid,
        &[(&a_interp, "Arabisch"), ("health_consent", "yes")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        stored_answer(&app, rid, interpreting).as_deref(),
        Some("Arabisch")
    );
    let details = audit_details(&app, rid);
    assert_eq!(details.len(), 2, "{details:?}");
    assert!(details[1].contains("Dolmetschen") && !details[1].contains("Anreise"));
    assert!(!details[1].contains("Arabisch"), "{details:?}");

    // unchanged answers log nothing
    let (status, _, _) = edit(&s, id, rid, &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(audit_details(&app, rid).len(), 2);
    assert_eq!(
        stored_answer(&app, rid, interpreting).as_deref(),
        Some("Arabisch"),
        "a stored health answer needs no new consent"
    );

    // answers to another meeting's questions are ignored, by the office as by the person
    let foreign = foreign_question(&app).await;
    let a_foreign = format!("a[{foreign}]");
    let (status, _, _) = edit(&s, id, rid, &[(&a_foreign, "eingeschmuggelt")]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(stored_answer(&app, rid, foreign), None);
    assert_eq!(audit_details(&app, rid).len(), 2, "nothing changed");
}

async fn person_is_held_to_the_rules_of_registering(app: TestApp) {
    let (id, s, school, travel, interpreting) = meeting_with_questions(&app).await;
    let (rid, token) = register_with(
        &app,
        id,
        &[
            (format!("a[{school}]"), "Uhland-Gymnasium"),
            (format!("a[{travel}]"), "Bus"),
        ],
    )
    .await;
    let page_url = format!("/r/{token}");
    let change = format!("{page_url}/change");
    let (_, page) = app.get_text(&page_url).await;
    assert!(page.contains("Anmeldung ändern"), "{page}");
    assert!(
        page.contains(&format!("name=\"a[{school}]\""))
            && page.contains("value=\"Uhland-Gymnasium\""),
        "the form shows the answers given: {page}"
    );
    assert!(page.contains("id=\"health_consent\""), "{page}");
    assert!(page.contains("Ihre Antworten auf die Fragen"), "{page}");

    let (a_school, a_travel, a_interp) = (
        format!("a[{school}]"),
        format!("a[{travel}]"),
        format!("a[{interpreting}]"),
    );
    // a required answer emptied: refused at the field, what was typed kept
    let res = app
        .post_form(
            &change,
            &body(&[
                ("answers", "yes"),
                ("companions", "1"),
                (&a_school, ""),
                (&a_travel, "Zu Fuß"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let page = res.into_string().await.unwrap();
    assert!(page.contains(&format!("id=\"q{school}-error\"")), "{page}");
    assert!(page.contains("Bitte beantworten Sie diese Frage."));
    assert!(page.contains("value=\"Zu Fuß\" selected"), "choice kept");
    assert!(page.contains("value=\"1\""), "companions kept");
    assert_eq!(
        stored_answer(&app, rid, school).as_deref(),
        Some("Uhland-Gymnasium")
    );
    assert_eq!(stored_answer(&app, rid, travel).as_deref(), Some("Bus"));

    // a health-related answer without the consent is refused
    let res = app
        .post_form(
            &change,
            &body(&[
                ("answers", "yes"),
                (&a_school, "Uhland-Gymnasium"),
                (&a_travel, "Bus"),
                (&a_interp, "Arabisch"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let page = res.into_string().await.unwrap();
    assert!(
        page.contains("id=\"health_consent-error\"") && page.contains("Einwilligung"),
        "{page}"
    );
    assert_eq!(stored_answer(&app, rid, interpreting), None);

    // a choice not offered is refused
    let res = app
        .post_form(
            &change,
            &body(&[
                ("answers", "yes"),
                (&a_school, "Uhland-Gymnasium"),
                (&a_travel, "Rakete"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let page = res.into_string().await.unwrap();
    assert!(page.contains("Bitte wählen Sie eine der angebotenen Antworten."));
    assert_eq!(stored_answer(&app, rid, travel).as_deref(), Some("Bus"));

    // a form without the questions (an old page) leaves the answers as they are
    let res = app.post_form(&change, "companions=1").await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(stored_answer(&app, rid, travel).as_deref(), Some("Bus"));
    assert_eq!(
        stored_answer(&app, rid, school).as_deref(),
        Some("Uhland-Gymnasium")
    );

    // an answer to another meeting's question is ignored
    let foreign = foreign_question(&app).await;
    let res = app
        .post_form(
            &change,
            &body(&[
                ("answers", "yes"),
                (&a_school, "Uhland-Gymnasium"),
                (&a_travel, "Bus"),
                (&format!("a[{foreign}]"), "eingeschmuggelt"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let to = res.headers().get_one("Location").unwrap().to_owned();
    assert!(to.ends_with("?changed=none#change"), "{to}");
    assert_eq!(stored_answer(&app, rid, foreign), None);

    // a question removed since keeps its answer when the others change
    crate::questions::act_on(&s, id, travel, "remove").await;
    let res = app
        .post_form(
            &change,
            &body(&[("answers", "yes"), (&a_school, "Kepler-Gymnasium")]),
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(
        stored_answer(&app, rid, school).as_deref(),
        Some("Kepler-Gymnasium")
    );
    assert_eq!(stored_answer(&app, rid, travel).as_deref(), Some("Bus"));
}

async fn person_changes_an_answer_and_the_mail_lists_it(app: TestApp, sink: SmtpSink) {
    let (id, _s, school, travel, interpreting) = meeting_with_questions(&app).await;
    let (rid, token) = register_with(
        &app,
        id,
        &[
            (format!("a[{school}]"), "Uhland-Gymnasium"),
            (format!("a[{travel}]"), "Bus"),
        ],
    )
    .await;
    let first = sink.wait_for(1, 10).await.len();
    let change = format!("/r/{token}/change");
    let res = app
        .post_form(
            &change,
            &body(&[
                ("answers", "yes"),
                ("companions", "0"),
                ("language", "de"),
                (&format!("a[{school}]"), "Kepler-Gymnasium"),
                (&format!("a[{travel}]"), "Zu Fuß"),
                (&format!("a[{interpreting}]"), "Arabisch"),
                ("health_consent", "yes"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let to = res.headers().get_one("Location").unwrap().to_owned();
    assert!(to.ends_with("?changed=yes#change"), "{to}");
    let (_, page) = app.get_text(to.split('#').next().unwrap()).await;
    assert!(page.contains("Ihre Anmeldung wurde geändert."), "{page}");
    assert!(page.contains("Kepler-Gymnasium"), "{page}");
    assert_eq!(stored_answer(&app, rid, travel).as_deref(), Some("Zu Fuß"));
    let details = audit_details(&app, rid);
    assert_eq!(details.len(), 1, "{details:?}");
    assert!(details[0].contains("Ihre Schule") && !details[0].contains("Kepler"));

    let mails = sink.wait_for(first + 1, 10).await;
    let changed = mails
        .iter()
        .find(|m| {
            m.subject_and_text()
                .0
                .starts_with("Ihre Anmeldung wurde geändert")
        })
        .expect("the change mail");
    let (_, text) = changed.subject_and_text();
    assert!(text.contains("Ihre Angaben"), "{text}");
    assert!(text.contains("Ihre Schule: Kepler-Gymnasium"), "{text}");
    assert!(text.contains("Anreise: Zu Fuß"), "{text}");
    assert!(!text.contains("Uhland"), "the old answer is gone: {text}");
}

//! Questions per meeting: the organiser adds them (by hand and from presets), people answer
//! them in the form and the API, the answers reach the person's page, the organiser's list,
//! the exports and the person's data copy, and outlive a removed question.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{answers, questions};

use crate::both_backends;
use crate::support::{StaffSession, TestApp, json_of};

both_backends!(
    the_door_sees_answers_but_health_ones_only_for_organisers,
    questions_are_asked_answered_and_kept,
    health_answers_need_their_own_consent_and_the_api_takes_answers,
    series_questions_reach_every_date
);

/// The id of the meeting's question with this label.
fn question_id(app: &TestApp, label: &str) -> i64 {
    questions::table
        .filter(questions::label.eq(label))
        .select(questions::id)
        .first(&mut *app.conn())
        .unwrap()
}

/// An organiser's action on a question of meeting `id` from its questions page (`up`,
/// `down`, `remove`, `keep`).
pub(crate) async fn act_on(s: &StaffSession, id: i64, question: i64, action: &str) {
    let page = format!("/admin/events/{id}/questions");
    let (status, _, _) = s
        .submit(&page, &format!("/admin/questions/{question}/{action}"), &[])
        .await;
    assert_eq!(status, Status::SeeOther, "{action} question {question}");
}

async fn add_question(s: &StaffSession, id: i64, fields: &[(&str, &str)]) -> (Status, String) {
    let page = format!("/admin/events/{id}/questions");
    let (status, body, _) = s.submit(&page, &page, fields).await;
    (status, body)
}

fn form(fields: &[(&str, &str)]) -> String {
    let mut body = String::from("name=Olena+Kovalenko&email=olena%40example.org&consent=yes");
    for (k, v) in fields {
        body.push_str(&format!(
            "&{k}={}",
            rocket::http::RawStr::new(v).percent_encode()
        ));
    }
    body
}

async fn questions_are_asked_answered_and_kept(app: TestApp) {
    let id = app.meeting(Some(20), 2);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;

    // a question with a mistake comes back with the reason at the field and the input kept
    let (status, page) = add_question(
        &s,
        id,
        &[
            ("kind", "choice"),
            ("label", "Welche Schule besuchen Ihre Kinder?"),
            ("options", "nur eine"),
        ],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        page.contains("mindestens zwei Antwortmöglichkeiten"),
        "{page}"
    );
    assert!(page.contains("Welche Schule besuchen Ihre Kinder?"));

    let (status, _) = add_question(
        &s,
        id,
        &[
            ("kind", "short_text"),
            ("label", "Ihre Schule"),
            ("required", "on"),
            ("texts[en].label", "Your school"),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _) = add_question(
        &s,
        id,
        &[
            ("kind", "choice"),
            ("label", "Anreise"),
            ("options", "Bus\nAuto\nZu Fuß"),
            ("texts[en].label", "Getting there"),
            ("texts[en].options", "Bus\nCar\nOn foot"),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (_, list, _) = s.get(&format!("/admin/events/{id}/questions")).await;
    assert!(list.contains("Ihre Schule") && list.contains("Anreise"));
    let school = question_id(&app, "Ihre Schule");
    let travel = question_id(&app, "Anreise");

    // the form asks them, in the visitor's language where translated
    let (_, de) = app.get_text(&format!("/events/{id}")).await;
    assert!(
        de.contains("Ihre Schule") && de.contains(&format!("name=\"a[{school}]\"")),
        "{de}"
    );
    let en = app.get_text_in(&format!("/events/{id}"), "en").await;
    assert!(
        en.contains("Your school") && en.contains(">Car</option>"),
        "{en}"
    );
    assert!(
        en.contains("value=\"Auto\""),
        "the stored value is the original"
    );

    // a required question left empty: 422, the reason at its field, what was typed kept
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &form(&[(&format!("a[{travel}]"), "Auto")]),
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let page = res.into_string().await.unwrap();
    assert!(page.contains(&format!("id=\"q{school}-error\"")), "{page}");
    assert!(page.contains("Bitte beantworten Sie diese Frage."));
    assert!(page.contains("value=\"Auto\" selected"), "choice kept");
    assert!(page.contains("value=\"Olena Kovalenko\""), "name kept");
    // a choice that is not offered is refused
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &form(&[
                (&format!("a[{school}]"), "Uhland"),
                (&format!("a[{travel}]"), "Rakete"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    assert_eq!(app.count("1 = 1"), 0, "nothing stored");

    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &form(&[
                (&format!("a[{school}]"), "Uhland-Gymnasium"),
                (&format!("a[{travel}]"), "Auto"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let location = res.headers().get_one("Location").unwrap().to_owned();
    let (_, mine) = app.get_text(&location).await;
    assert!(
        mine.contains("Ihre Schule") && mine.contains("Uhland-Gymnasium") && mine.contains("Auto"),
        "{mine}"
    );

    // the organiser sees, filters by and exports the answers
    let (_, list, _) = s.get(&format!("/admin/events/{id}/registrations")).await;
    assert!(list.contains("Anreise: Auto"), "{list}");
    let (_, none, _) = s
        .get(&format!(
            "/admin/events/{id}/registrations?answer={travel}%3ABus"
        ))
        .await;
    assert!(!none.contains("Olena Kovalenko"), "filtered out");
    let (_, some, _) = s
        .get(&format!(
            "/admin/events/{id}/registrations?answer={travel}%3AAuto"
        ))
        .await;
    assert!(some.contains("Olena Kovalenko"));

    // moved up, the travel question comes first on the form
    act_on(&s, id, travel, "up").await;
    let (_, de) = app.get_text(&format!("/events/{id}")).await;
    assert!(
        de.find("Anreise").unwrap() < de.find("Ihre Schule").unwrap(),
        "new order"
    );
    // changed, the answers given before stay as they were given
    let edit = format!("/admin/questions/{travel}/edit");
    let (_, form, _) = s.get(&edit).await;
    assert!(
        form.contains("value=\"Anreise\"") && form.contains("Bus\nAuto"),
        "filled in: {form}"
    );
    let (status, _, _) = s
        .submit(
            &edit,
            &edit,
            &[
                ("kind", "choice"),
                ("label", "Wie reisen Sie an?"),
                ("options", "Bus\nFahrrad"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, csv, _) = s
        .get(&format!("/admin/events/{id}/registrations.csv"))
        .await;
    assert!(
        csv.contains("Wie reisen Sie an?") && csv.contains("Auto"),
        "{csv}"
    );
    let (status, page, _) = s
        .submit(&edit, &edit, &[("kind", "choice"), ("label", "")])
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"label-error\""), "{page}");

    // a removed question leaves the form; its answers stay in the export, marked
    act_on(&s, id, school, "remove").await;
    let (_, de) = app.get_text(&format!("/events/{id}")).await;
    assert!(!de.contains("Ihre Schule"), "no longer asked");
    let (_, csv, _) = s
        .get(&format!("/admin/events/{id}/registrations.csv"))
        .await;
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.contains("Ihre Schule (entfernt)") && header.contains("Wie reisen Sie an?"),
        "{header}"
    );
    let row = lines.find(|l| l.contains("Olena")).unwrap();
    assert!(
        row.contains("Uhland-Gymnasium") && row.contains("Auto"),
        "{row}"
    );
    let (_, _, xlsx) = s
        .get_bytes(&format!("/admin/events/{id}/registrations.xlsx"))
        .await;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = calamine::Reader::worksheet_range_at(&mut book, 0)
        .unwrap()
        .unwrap();
    let cells: Vec<String> = sheet.rows().flatten().map(|c| c.to_string()).collect();
    assert!(
        cells.iter().any(|c| c == "Ihre Schule (entfernt)")
            && cells.iter().any(|c| c == "Uhland-Gymnasium")
    );

    // the answers are part of the registration's data: erased with it
    let rid: i64 = treffpunkt::db::schema::registrations::table
        .select(treffpunkt::db::schema::registrations::id)
        .first(&mut *app.conn())
        .unwrap();
    let stored: i64 = answers::table
        .filter(answers::registration_id.eq(rid))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(stored, 2);
}

async fn health_answers_need_their_own_consent_and_the_api_takes_answers(app: TestApp) {
    let id = app.meeting(Some(20), 2);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    let page = format!("/admin/events/{id}/questions");
    for key in ["interpreting", "childcare"] {
        let (status, _, _) = s
            .submit(&page, &format!("{page}/preset"), &[("key", key)])
            .await;
        assert_eq!(status, Status::SeeOther);
    }
    let interpreting = question_id(&app, "Dolmetschen: In welche Sprache?");
    let children = question_id(&app, "Kinderbetreuung: Für wie viele Kinder?");

    // translated already: in Arabic the form asks in Arabic, and says why it asks consent
    let ar = app.get_text_in(&format!("/events/{id}"), "ar").await;
    assert!(
        ar.contains("الترجمة الشفهية: إلى أي لغة؟") && ar.contains(">العربية</option>"),
        "{ar}"
    );
    assert!(ar.contains("id=\"health_consent\""));

    // interpreting is health-related: without its consent it is refused at that field
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &form(&[
                (&format!("a[{interpreting}]"), "Arabisch"),
                (&format!("a[{children}]"), "2"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let body = res.into_string().await.unwrap();
    assert!(
        body.contains("id=\"health_consent-error\"") && body.contains("Einwilligung"),
        "{body}"
    );
    // no sensitive answer, no consent needed
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &form(&[(&format!("a[{children}]"), "abc")]),
        )
        .await;
    assert_eq!(
        res.status(),
        Status::UnprocessableEntity,
        "a number is a number"
    );
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &form(&[
                (&format!("a[{interpreting}]"), "Arabisch"),
                ("health_consent", "yes"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);

    // the API says what it asks, and takes answers by question id
    let (_, event) = json_of(app.get(&format!("/api/v1/events/{id}")).await).await;
    let asked = event["questions"].as_array().unwrap();
    assert_eq!(asked.len(), 3, "{event}");
    assert!(
        asked
            .iter()
            .any(|q| q["id"] == interpreting && q["sensitive"] == true)
    );
    let (status, v) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({ "name": "Ahmad", "email": "ahmad@example.org", "consent": true,
                                 "answers": { interpreting.to_string(): "Dari" } }),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{v}");
    assert!(v["fields"]["health_consent"].is_string(), "{v}");
    let (status, v) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({ "name": "Ahmad", "email": "ahmad@example.org", "consent": true, "health_consent": true,
                                 "answers": { interpreting.to_string(): "Dari", children.to_string(): 3, "999999": "ignored" } }),
        )
        .await;
    assert_eq!(status, Status::Created, "{v}");
    let answers = v["answers"].as_array().unwrap();
    assert!(answers.iter().any(|a| a["value"] == "Dari"), "{v}");
    assert!(answers.iter().any(|a| a["value"] == "3"), "{v}");
    let (status, v) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({ "name": "Bo", "email": "bo@example.org", "consent": true,
                                 "answers": { children.to_string(): 5000 } }),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(v["fields"][format!("q{children}")].is_string(), "{v}");
}

async fn series_questions_reach_every_date(app: TestApp) {
    let office = app.office_of(app.meeting(Some(5), 0));
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let first = app.meeting_with(|e| e.columns.series_id = Some(series));
    let second = app.meeting_with(|e| {
        e.columns.series_id = Some(series);
        e.columns.starts_at += chrono::Duration::days(28);
        e.columns.ends_at += chrono::Duration::days(28);
    });
    let s = app.staff_of(first, "orga@example.org", "organiser").await;
    let page = format!("/admin/series/{series}/questions");
    let (status, _, _) = s
        .submit(
            &page,
            &page,
            &[
                ("kind", "yes_no"),
                ("label", "Bringen Sie eine Präsentation mit?"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    for id in [first, second] {
        let (_, html) = app.get_text(&format!("/events/{id}")).await;
        assert!(
            html.contains("Bringen Sie eine Präsentation mit?"),
            "date {id} asks it"
        );
        let (_, own, _) = s.get(&format!("/admin/events/{id}/questions")).await;
        assert!(
            own.contains("Bringen Sie eine Präsentation mit?")
                && own.contains("Runder Tisch Integration")
        );
    }
    // another office cannot touch the series' questions
    let other = app.office("anderes-amt", "Anderes Amt");
    let password = app.account("fremd@example.org", "organiser", &[other]);
    let stranger = app.login("fremd@example.org", &password).await;
    let (status, _, _) = stranger.get(&page).await;
    assert_eq!(status, Status::Forbidden);
    let q = question_id(&app, "Bringen Sie eine Präsentation mit?");
    let (status, _, _) = stranger.get(&format!("/admin/questions/{q}/edit")).await;
    assert_eq!(status, Status::Forbidden);

    // an office's own preset is its own: another office's id adds nothing here
    let (status, _, _) = s
        .submit(&page, &format!("/admin/questions/{q}/keep"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = stranger
        .submit(
            "/admin",
            &format!("/admin/series/{series}/questions/preset"),
            &[("office_preset", "1")],
        )
        .await;
    assert_eq!(status, Status::Forbidden, "not their series");
    let theirs = app.meeting_with(|e| e.columns.office_id = other);
    let their_page = format!("/admin/events/{theirs}/questions");
    let (status, _, _) = stranger
        .submit(
            &their_page,
            &format!("{their_page}/preset"),
            &[("office_preset", "1")],
        )
        .await;
    assert_eq!(status, Status::NotFound, "another office's preset");
    assert_eq!(
        questions::table
            .filter(questions::event_id.eq(theirs))
            .count()
            .get_result::<i64>(&mut *app.conn())
            .unwrap(),
        0
    );
    // the office's own preset is offered on its other meetings
    let (_, own, _) = s.get(&format!("/admin/events/{first}/questions")).await;
    assert!(own.contains("name=\"office_preset\""), "{own}");
}

/// The door search shows each person's answers; a helper on a door link's device does not
/// see the health-related ones, the meeting's organiser does.
async fn the_door_sees_answers_but_health_ones_only_for_organisers(app: TestApp) {
    let (id, _) = crate::door::amira_and_a_door_link(&app).await;
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    let page = format!("/admin/events/{id}/questions");
    for key in ["interpreting", "photos"] {
        s.submit(&page, &format!("{page}/preset"), &[("key", key)])
            .await;
    }
    let interpreting = question_id(&app, "Dolmetschen: In welche Sprache?");
    let photos = question_id(&app, &treffpunkt::i18n::text("de", "preset-photos-label"));
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            &form(&[
                (&format!("a[{interpreting}]"), "Arabisch"),
                (&format!("a[{photos}]"), "no"),
                ("health_consent", "yes"),
            ]),
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);

    let (_, found, _) = s.get(&format!("/api/v1/checkin/{id}/search?q=olena")).await;
    let found: serde_json::Value = serde_json::from_str(&found).unwrap();
    let needs = found[0]["needs"].to_string();
    assert!(
        needs.contains("Arabisch") && needs.contains("Nein"),
        "{found}"
    );

    let phone = crate::door::door_phone(&app).await;
    let (_, found, _) = phone
        .get(&format!("/api/v1/checkin/{id}/search?q=olena"))
        .await;
    let found: serde_json::Value = serde_json::from_str(&found).unwrap();
    let needs = found[0]["needs"].to_string();
    assert!(
        needs.contains("Nein"),
        "the photo answer reaches the door: {found}"
    );
    assert!(
        !needs.contains("Arabisch"),
        "no health-related answer on a door link: {found}"
    );
    let (_, status, _) = phone
        .get(&format!("/api/v1/checkin/{id}/status?list=1"))
        .await;
    assert!(!status.contains("Arabisch"), "nor in the offline list");

    // the organisers' JSON carries them all
    let (_, staff_json, _) = s
        .get(&format!("/api/v1/admin/events/{id}/registrations"))
        .await;
    assert!(staff_json.contains("Arabisch"), "{staff_json}");
}

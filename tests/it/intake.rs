//! How a meeting takes registrations: online here, not at all, by phone or e-mail (the
//! office enters them), or on another site. The page, the form, the API and the lists say
//! so; calendars still show the meeting; the office can still register people.

use rocket::http::Status;

use crate::both_backends;
use crate::support::{StaffSession, TestApp, json_of};

both_backends!(each_way_of_registering_is_shown_and_kept);

fn local(app: &TestApp, days: i64, hour: u32) -> String {
    let d = (app.now() + chrono::Duration::days(days)).date();
    format!("{}T{hour:02}:00", d.format("%Y-%m-%d"))
}

/// Saves the meeting form of `id` with its stored values and `changes`.
async fn edit(
    app: &TestApp,
    s: &StaffSession,
    id: i64,
    changes: &[(&str, &str)],
) -> (Status, String) {
    let office = app.office_of(id).to_string();
    let (start, end) = (local(app, 7, 18), local(app, 7, 20));
    let mut fields: Vec<(&str, &str)> = vec![
        ("title", "Infoabend Integration"),
        ("summary", "Für alle, die mitmachen wollen"),
        ("description", "Herzlich willkommen"),
        ("starts_at", &start),
        ("ends_at", &end),
        ("venue_name", "Landratsamt Tübingen"),
        ("street", "Wilhelm-Keil-Straße 50"),
        ("postal_code", "72072"),
        ("town", "Tübingen"),
        ("office_id", &office),
        ("capacity", "10"),
        ("max_companions", "1"),
        ("visibility", "public"),
        ("contact_phone", "07071 207-2003"),
    ];
    fields.extend_from_slice(changes);
    let form = format!("/admin/events/{id}/edit");
    let (status, body, _) = s.submit(&form, &form, &fields).await;
    (status, body)
}

async fn each_way_of_registering_is_shown_and_kept(app: TestApp) {
    let id = app.meeting(Some(10), 1);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;

    // no registration needed: the page says so and has no form; the form and API refuse
    let (status, _) = edit(&app, &s, id, &[("registration_mode", "none")]).await;
    assert_eq!(status, Status::SeeOther);
    let (_, page) = app.get_text(&format!("/events/{id}")).await;
    assert!(page.contains("Anmeldung nicht erforderlich"), "{page}");
    assert!(
        !page.contains(&format!("action=\"/events/{id}/register")),
        "no form"
    );
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            "name=Olena&email=olena%40example.org&consent=yes",
        )
        .await;
    assert_eq!(res.status(), Status::Conflict);
    assert!(
        res.into_string()
            .await
            .unwrap()
            .contains("keine Anmeldung über diese Seite")
    );
    let (status, v) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({"name": "Olena", "email": "olena@example.org", "consent": true}),
        )
        .await;
    assert_eq!(
        (status, v["error"].as_str()),
        (Status::Conflict, Some("closed")),
        "{v}"
    );
    let (_, event) = json_of(app.get(&format!("/api/v1/events/{id}")).await).await;
    assert_eq!(event["registration_mode"], "none");
    // still listed and in the calendar
    let (_, list) = app.get_text("/").await;
    assert!(
        list.contains("Infoabend Integration") && list.contains("Anmeldung nicht erforderlich"),
        "{list}"
    );
    let (_, ics) = app.get_text("/calendar.ics").await;
    assert!(ics.contains("Infoabend Integration"), "{ics}");

    // by phone or e-mail: the page gives the contact; the office enters registrations
    let (status, _) = edit(&app, &s, id, &[("registration_mode", "contact")]).await;
    assert_eq!(status, Status::SeeOther);
    let (_, page) = app.get_text(&format!("/events/{id}")).await;
    assert!(
        page.contains("telefonisch oder per E-Mail an") && page.contains("tel:07071207-2003"),
        "{page}"
    );
    let add = format!("/admin/events/{id}/registrations/new");
    let (status, _, _) = s
        .submit(
            &add,
            &format!("/admin/events/{id}/registrations"),
            &[
                ("name", "Herr Yilmaz"),
                ("contact_kind", "phone"),
                ("phone", "0151 2345678"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(
        status,
        Status::SeeOther,
        "the office still registers people"
    );
    assert_eq!(app.count("status = 'confirmed'"), 1);

    // on another site: an address is needed, and the page links to it
    let (status, body) = edit(&app, &s, id, &[("registration_mode", "external")]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(body.contains("Webadresse"), "message at the field");
    assert!(body.contains("value=\"external\" checked"), "choice kept");
    let (status, _) = edit(
        &app,
        &s,
        id,
        &[
            ("registration_mode", "external"),
            ("registration_url", "https://vhs.example.org/kurs/123"),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page) = app.get_text(&format!("/events/{id}")).await;
    assert!(
        page.contains("href=\"https://vhs.example.org/kurs/123\""),
        "{page}"
    );

    // and back online: the form is there again
    let (status, _) = edit(&app, &s, id, &[("registration_mode", "online")]).await;
    assert_eq!(status, Status::SeeOther);
    let (_, page) = app.get_text(&format!("/events/{id}")).await;
    assert!(page.contains(&format!("action=\"/events/{id}/register")));
}

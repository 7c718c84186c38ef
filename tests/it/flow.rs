//! A person's whole way through the public pages: find, register, see, cancel.

use rocket::http::Status;

use crate::both_backends;
use crate::support::TestApp;

both_backends!(
    register_see_and_cancel_by_form,
    waiting_list_moves_up,
    party_is_not_split,
    unlimited_meeting_confirms_everyone,
    list_filters_and_states,
    addresses_spell_german_letters_out
);

fn token_from(location: &str) -> String {
    location
        .trim_start_matches("/r/")
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

async fn register_see_and_cancel_by_form(app: TestApp) {
    let id = app.meeting(Some(120), 2);

    let (status, list) = app.get_text("/").await;
    assert_eq!(status, Status::Ok);
    assert!(list.contains("Vorstellung des Konzepts"), "meeting listed");
    assert!(
        list.contains("Noch 120 Plätze frei"),
        "free places shown: {list}"
    );

    let (status, page) = app.get_text(&format!("/events/{id}")).await;
    assert_eq!(status, Status::Ok);
    for expected in [
        "Großer Sitzungssaal",
        "Wilhelm-Keil-Straße 50",
        "Frau Gründler",
        "07071 207-2003",
        "<strong>Bitte</strong>",
        "Landratsamt Tübingen",
        "name=\"consent\"",
    ] {
        assert!(page.contains(expected), "event page shows {expected}");
    }

    let res = app
        .post_form(&format!("/events/{id}/register"), "name=Aylin+Demir&email=aylin%40example.org&organisation=Helferkreis&companions=2&needs=Rollstuhlplatz&consent=yes")
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let location = res.headers().get_one("Location").unwrap().to_owned();
    let token = token_from(&location);
    assert!(token.len() >= 22, "token carries at least 128 bits");

    let (status, confirmation) = app.get_text(&location).await;
    assert_eq!(status, Status::Ok);
    assert!(confirmation.contains("Vielen Dank für Ihre Anmeldung"));
    assert!(confirmation.contains("Ihre Anmeldung ist bestätigt."));
    assert!(
        confirmation.contains("3 Plätze reserviert"),
        "party of three: {confirmation}"
    );
    assert!(
        confirmation.contains(&format!("https://treffpunkt.example.org/r/{token}")),
        "management link shown"
    );
    assert_eq!(app.confirmed_seats(id), 3);
    assert_eq!(
        app.count("consent_at IS NOT NULL AND consent_version <> '' AND needs = 'Rollstuhlplatz'"),
        1
    );

    let (_, list) = app.get_text("/").await;
    assert!(list.contains("Noch 117 Plätze frei"));

    // cancelling needs a confirmation step: the GET only asks
    let (status, ask) = app.get_text(&format!("/r/{token}/cancel")).await;
    assert_eq!(status, Status::Ok);
    assert!(ask.contains("wirklich stornieren"));
    assert_eq!(app.confirmed_seats(id), 3, "asking changes nothing");

    let res = app.post_form(&format!("/r/{token}/cancel"), "").await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, page) = app.get_text(&format!("/r/{token}")).await;
    assert!(page.contains("Diese Anmeldung ist storniert."));
    assert!(
        !page.contains("/cancel\""),
        "no cancel button on a cancelled registration"
    );
    assert_eq!(app.confirmed_seats(id), 0);

    // a second cancel is harmless
    let res = app.post_form(&format!("/r/{token}/cancel"), "").await;
    assert_eq!(res.status(), Status::SeeOther);

    let (status, _) = app.get_text("/r/AAAAAAAAAAAAAAAAAAAAAAAA").await;
    assert_eq!(status, Status::NotFound);
}

async fn waiting_list_moves_up(app: TestApp) {
    let id = app.meeting(Some(2), 0);
    let mut tokens = Vec::new();
    for (i, expected) in ["confirmed", "confirmed", "waiting", "waiting"]
        .iter()
        .enumerate()
    {
        let (status, body) = app
            .register(id, &format!("Person {i}"), &format!("p{i}@example.org"), 0)
            .await;
        assert_eq!(status, Status::Created);
        assert_eq!(body["status"], *expected);
        tokens.push(body["token"].as_str().unwrap().to_owned());
    }
    let (_, third) = app.get_text(&format!("/r/{}", tokens[2])).await;
    assert!(third.contains("Warteliste auf Platz 1"), "{third}");
    let (_, fourth) = app.get_text(&format!("/r/{}", tokens[3])).await;
    assert!(fourth.contains("Warteliste auf Platz 2"));

    let (_, list) = app.get_text("/").await;
    assert!(list.contains("Warteliste"));

    let res = app
        .client
        .delete(format!("/api/v1/registrations/{}", tokens[0]))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);

    let (_, third) = app.get_text(&format!("/r/{}", tokens[2])).await;
    assert!(
        third.contains("Ihre Anmeldung ist bestätigt."),
        "first waiting moved up"
    );
    let (_, fourth) = app.get_text(&format!("/r/{}", tokens[3])).await;
    assert!(
        fourth.contains("Warteliste auf Platz 1"),
        "the next one is first now"
    );
    assert_eq!(app.confirmed_seats(id), 2);

    // the waiting one leaves: nobody is promoted, positions stay without gaps
    let res = app
        .client
        .delete(format!("/api/v1/registrations/{}", tokens[3]))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(
        app.count(&format!("event_id = {id} AND status = 'waiting'")),
        0
    );
}

async fn party_is_not_split(app: TestApp) {
    let id = app.meeting(Some(3), 2);
    let (_, a) = app.register(id, "A", "a@example.org", 0).await;
    let (_, b) = app.register(id, "B", "b@example.org", 1).await;
    assert_eq!(a["status"], "confirmed");
    assert_eq!(b["status"], "confirmed");
    let (_, c) = app.register(id, "C", "c@example.org", 2).await;
    let (_, d) = app.register(id, "D", "d@example.org", 0).await;
    assert_eq!(
        (c["status"].as_str(), c["waiting_position"].as_i64()),
        (Some("waiting"), Some(1))
    );
    assert_eq!(
        (d["status"].as_str(), d["waiting_position"].as_i64()),
        (Some("waiting"), Some(2))
    );

    // one seat frees: C (three people) does not fit, and D is not moved past C
    app.client
        .delete(format!(
            "/api/v1/registrations/{}",
            a["token"].as_str().unwrap()
        ))
        .dispatch()
        .await;
    let (_, c_now) = crate::support::json_of(
        app.get(&format!(
            "/api/v1/registrations/{}",
            c["token"].as_str().unwrap()
        ))
        .await,
    )
    .await;
    let (_, d_now) = crate::support::json_of(
        app.get(&format!(
            "/api/v1/registrations/{}",
            d["token"].as_str().unwrap()
        ))
        .await,
    )
    .await;
    assert_eq!(c_now["status"], "waiting");
    assert_eq!(d_now["status"], "waiting");
    assert_eq!(d_now["waiting_position"], 2);

    // a newcomer of one does not take the free seat either: people are waiting
    let (_, e) = app.register(id, "E", "e@example.org", 0).await;
    assert_eq!(e["status"], "waiting");
    assert_eq!(e["waiting_position"], 3);

    // two more seats free: C's whole party fits and moves up; D (1) no longer fits
    app.client
        .delete(format!(
            "/api/v1/registrations/{}",
            b["token"].as_str().unwrap()
        ))
        .dispatch()
        .await;
    let (_, c_now) = crate::support::json_of(
        app.get(&format!(
            "/api/v1/registrations/{}",
            c["token"].as_str().unwrap()
        ))
        .await,
    )
    .await;
    let (_, d_now) = crate::support::json_of(
        app.get(&format!(
            "/api/v1/registrations/{}",
            d["token"].as_str().unwrap()
        ))
        .await,
    )
    .await;
    assert_eq!(c_now["status"], "confirmed");
    assert_eq!(d_now["status"], "waiting");
    assert_eq!(d_now["waiting_position"], 1);
    assert_eq!(app.confirmed_seats(id), 3);
}

async fn unlimited_meeting_confirms_everyone(app: TestApp) {
    let id = app.meeting(None, 3);
    for i in 0..30 {
        let (status, body) = app
            .register(id, "Gast", &format!("g{i}@example.org"), 3)
            .await;
        assert_eq!(status, Status::Created);
        assert_eq!(body["status"], "confirmed");
    }
    assert_eq!(app.confirmed_seats(id), 120);
    let (_, page) = app.get_text(&format!("/events/{id}")).await;
    assert!(page.contains("Plätze frei"));
}

async fn list_filters_and_states(app: TestApp) {
    let cat = treffpunkt::domain::event::insert_category(
        &mut app.conn(),
        "ehrenamt",
        "Ehrenamt",
        "Volunteering",
    )
    .unwrap();
    let open = app.meeting_with(|e| {
        e.columns.title = "Infoabend Ehrenamt".into();
        e.columns.category_id = Some(cat);
    });
    let cancelled = app.meeting_with(|e| {
        e.columns.title = "Abgesagtes Treffen".into();
        e.status = "cancelled";
        e.cancel_reason = Some("Die Referentin ist erkrankt.");
    });
    let full = app.meeting_with(|e| {
        e.columns.title = "Kleiner Raum".into();
        e.columns.capacity = Some(1);
        e.columns.waitlist_enabled = false;
    });
    let now = app.now();
    app.meeting_with(|e| {
        e.columns.title = "Längst vorbei".into();
        e.columns.starts_at = now - chrono::Duration::days(3);
        e.columns.ends_at = now - chrono::Duration::days(3) + chrono::Duration::hours(2);
    });
    app.meeting_with(|e| {
        e.columns.title = "Nur mit Link".into();
        e.columns.visibility = "unlisted".into();
    });
    app.register(full, "Erste", "erste@example.org", 0).await;

    let (_, list) = app.get_text("/").await;
    assert!(list.contains("Infoabend Ehrenamt"));
    assert!(
        list.contains("Abgesagt"),
        "cancelled meetings stay listed, marked"
    );
    assert!(list.contains("Ausgebucht"), "full without waiting list");
    assert!(
        !list.contains("Längst vorbei"),
        "past meetings are not upcoming"
    );
    assert!(
        !list.contains("Nur mit Link"),
        "unlisted meetings are not listed"
    );

    let (_, filtered) = app.get_text("/?category=ehrenamt").await;
    assert!(filtered.contains("Infoabend Ehrenamt"));
    assert!(!filtered.contains("Kleiner Raum"));

    let (_, page) = app.get_text(&format!("/events/{cancelled}")).await;
    assert!(page.contains("Die Referentin ist erkrankt."));
    assert!(
        !page.contains("action=\"/events/"),
        "no registration form on a cancelled meeting"
    );
    let (_, page) = app
        .get_text(&format!("/events/{open}/infoabend-ehrenamt"))
        .await;
    assert!(
        page.contains("action=\"/events/"),
        "slugged address works and has the form"
    );
}

/// Long lists come in pages, each with a link to the next.
#[rocket::async_test]
async fn the_list_comes_in_pages() {
    let app = crate::support::start(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    for i in 0..35 {
        let now = app.now();
        app.meeting_with(|e| {
            e.columns.title = format!("Termin Nummer {i:02}");
            e.columns.starts_at = now + chrono::Duration::days(1 + i);
            e.columns.ends_at = now + chrono::Duration::days(1 + i) + chrono::Duration::hours(1);
        });
    }
    let (_, first) = app.get_text("/").await;
    assert!(first.contains("Termin Nummer 00") && first.contains("Termin Nummer 29"));
    assert!(!first.contains("Termin Nummer 30"));
    assert!(
        first.contains("href=\"/?page=1\""),
        "a link to the next page"
    );
    let (_, second) = app.get_text("/?page=1").await;
    assert!(second.contains("Termin Nummer 34") && !second.contains("Termin Nummer 29"));
    assert!(second.contains("href=\"/?page=0\"") && !second.contains("?page=2"));
    let (_, body) = crate::support::json_of(app.get("/api/v1/events").await).await;
    assert_eq!(body["events"].as_array().unwrap().len(), 35);
    assert_eq!(body["more"], false);
}

/// A German reader expects `fuer`, not `fur`, in the address of "Infoabend für Geflüchtete".
async fn addresses_spell_german_letters_out(app: TestApp) {
    let id =
        app.meeting_with(|e| e.columns.title = "Infoabend für Geflüchtete im Großen Saal".into());
    let (_, list) = app.get_text("/").await;
    let path = format!("/events/{id}/infoabend-fuer-gefluechtete-im-grossen-saal");
    assert!(list.contains(&format!("href=\"{path}\"")), "{list}");
    let (status, page) = app.get_text(&path).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Infoabend für Geflüchtete"));
}

//! Invitation lists of a series and a meeting: whole organisations (their live members)
//! and single persons, resolved to the people invited, and kept through the pages.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::invitees;
use treffpunkt::domain::partner::contact::ContactInput;
use treffpunkt::domain::partner::invitees::{List, add_contact, add_partner, contacts_for_event};
use treffpunkt::domain::partner::{contact, organisation};

use crate::partners::{partner_with, tester};
use crate::support::TestApp;

crate::both_backends!(
    invitation_lists_resolve_to_the_people_invited,
    invitation_lists_are_kept_through_the_pages
);

async fn invitation_lists_resolve_to_the_people_invited(app: TestApp) {
    let office = app.office("amt", "Landratsamt Tübingen");
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let id = app.meeting_with(|e| e.columns.series_id = Some(series));
    let other_date = app.meeting_with(|e| e.columns.series_id = Some(series));
    let alone = app.meeting(Some(10), 0);
    let (arbeit, a) = partner_with(
        &app,
        office,
        "Agentur für Arbeit",
        "employment",
        &[
            ("Bernd Adler", "adler@arbeit.example", "member"),
            ("Anna Zorn", "zorn@arbeit.example", "member"),
            ("Carl Vogt", "vogt@arbeit.example", "deputy"),
        ],
    );
    let (caritas, c) = partner_with(
        &app,
        office,
        "Caritas",
        "church_welfare",
        &[
            ("Dora Fink", "fink@caritas.example", "member"),
            ("Emil Hahn", "hahn@caritas.example", "deputy"),
        ],
    );
    let (_, p) = partner_with(
        &app,
        office,
        "Polizei",
        "police",
        &[("Fritz Lang", "lang@polizei.example", "member")],
    );
    let names = |event: i64| -> Vec<(String, String)> {
        contacts_for_event(&mut app.conn(), event)
            .unwrap()
            .into_iter()
            .map(|i| (i.partner.name, i.contact.name))
            .collect()
    };
    let pair = |o: &str, n: &str| (o.to_owned(), n.to_owned());
    let mut conn = app.conn();
    let (who, now) = (tester(), app.now());
    // the series invites the agency (its members) and Caritas's deputy by name
    assert!(add_partner(&mut conn, List::Series(series), office, arbeit, &who, now).unwrap());
    assert!(add_contact(&mut conn, List::Series(series), office, c[1], &who, now).unwrap());
    // this date also Caritas as a whole and one agency member already invited
    assert!(add_partner(&mut conn, List::Event(id), office, caritas, &who, now).unwrap());
    assert!(add_contact(&mut conn, List::Event(id), office, a[0], &who, now).unwrap());
    assert!(
        !add_partner(&mut conn, List::Event(id), office, caritas, &who, now).unwrap(),
        "once on a list"
    );
    // the meeting outside the series only its own: the police
    assert!(add_contact(&mut conn, List::Event(alone), office, p[0], &who, now).unwrap());
    drop(conn);
    assert_eq!(
        names(id),
        vec![
            pair("Agentur für Arbeit", "Anna Zorn"),
            pair("Agentur für Arbeit", "Bernd Adler"),
            pair("Caritas", "Dora Fink"),
            pair("Caritas", "Emil Hahn"),
        ],
        "members of whole organisations, each person once, deputies only by name"
    );
    assert_eq!(
        names(other_date),
        vec![
            pair("Agentur für Arbeit", "Anna Zorn"),
            pair("Agentur für Arbeit", "Bernd Adler"),
            pair("Caritas", "Emil Hahn"),
        ]
    );
    assert_eq!(names(alone), vec![pair("Polizei", "Fritz Lang")]);

    // a new member is invited with the organisation; removed people and organisations not
    let mut conn = app.conn();
    let late = ContactInput {
        name: Some("Gerd Abel".into()),
        email: Some("abel@arbeit.example".into()),
        ..Default::default()
    }
    .check()
    .unwrap();
    contact::add(&mut conn, arbeit, &late, &who, now).unwrap();
    contact::remove(&mut conn, a[1], &who, now).unwrap();
    organisation::remove(&mut conn, caritas, &who, now).unwrap();
    drop(conn);
    assert_eq!(
        names(id),
        vec![
            pair("Agentur für Arbeit", "Bernd Adler"),
            pair("Agentur für Arbeit", "Gerd Abel"),
        ]
    );
}

async fn invitation_lists_are_kept_through_the_pages(app: TestApp) {
    let office = app.office("amt", "Landratsamt Tübingen");
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let id = app.meeting_with(|e| e.columns.series_id = Some(series));
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    let (arbeit, _) = partner_with(
        &app,
        office,
        "Agentur für Arbeit",
        "employment",
        &[
            ("Bernd Adler", "adler@arbeit.example", "member"),
            ("Carl Vogt", "vogt@arbeit.example", "deputy"),
        ],
    );
    let (_, k) = partner_with(
        &app,
        office,
        "Kreistagsfraktion Grüne",
        "council_group",
        &[("Hanna Wolf", "wolf@fraktion.example", "deputy")],
    );
    let (status, page, _) = s.get(&format!("/admin/events/{id}")).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains(&format!("href=\"/admin/events/{id}/invitees\"")));

    let series_page = format!("/admin/series/{series}/invitees");
    let (status, page, _) = s.get(&series_page).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Noch niemand auf der Liste."));
    let (status, _, _) = s
        .submit(
            &series_page,
            &series_page,
            &[("partner", &arbeit.to_string())],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&series_page).await;
    assert!(page.contains("Auf die Einladungsliste gesetzt."));
    assert!(page.contains("ganze Organisation (1 Mitglied)"));
    s.submit(
        &series_page,
        &series_page,
        &[("partner", &arbeit.to_string())],
    )
    .await;
    let (_, page, _) = s.get(&series_page).await;
    assert!(page.contains("Steht schon auf der Liste."));

    // the meeting's page: the series' list, its own, and who is invited in the end
    let event_page = format!("/admin/events/{id}/invitees");
    let (status, _, _) = s
        .submit(&event_page, &event_page, &[("contact", &k[0].to_string())])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, page, _) = s.get(&event_page).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Aus der Reihe „Runder Tisch Integration“"));
    assert!(page.contains("Hanna Wolf (Kreistagsfraktion Grüne, Vertretung)"));
    assert!(page.contains("2 Personen werden eingeladen"), "{page}");
    let (status, _, _) = s.submit(&event_page, &event_page, &[]).await;
    assert_eq!(status, Status::SeeOther, "nothing chosen: a message");

    let entry: i64 = invitees::table
        .filter(invitees::event_id.eq(id))
        .select(invitees::id)
        .first(&mut *app.conn())
        .unwrap();
    // an entry of another list is not this list's to remove
    let (status, _, _) = s
        .submit(&event_page, &format!("{series_page}/{entry}/remove"), &[])
        .await;
    assert_eq!(status, Status::NotFound);
    let (status, _, _) = s
        .submit(&event_page, &format!("{event_page}/{entry}/remove"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&event_page).await;
    assert!(page.contains("1 Person wird eingeladen"));
    let left: i64 = invitees::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(left, 1, "the series' entry stays");
}

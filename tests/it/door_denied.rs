//! The check-in page opened without door access shows the ways in (the PIN page for this
//! meeting, the login and back), in the door's languages; the check-in API still answers
//! JSON.

use rocket::http::Status;
use treffpunkt::domain::account;

use crate::support::TestApp;

crate::both_backends!(checkin_without_access_shows_the_ways_in);

async fn checkin_without_access_shows_the_ways_in(app: TestApp) {
    let id = app.meeting(Some(5), 0);
    let (status, page) = app.get_text(&format!("/checkin/{id}")).await;
    assert_eq!(status, Status::Forbidden);
    let pin = format!("href=\"/door?event={id}\"");
    let login = format!("/admin/login?next=%2Fcheckin%2F{id}");
    assert!(page.contains(&pin), "links the PIN page: {page}");
    assert!(
        page.contains(&format!("href=\"{login}\"")),
        "links the login: {page}"
    );
    assert!(page.contains("Einlass-PIN eingeben"), "{page}");
    for (lang, words) in [
        ("en", "Enter the check-in PIN"),
        ("ar", "إدخال الرقم السري للدخول"),
        ("uk", "Ввести PIN-код входу"),
        ("tr", "Giriş PIN kodunu girin"),
    ] {
        let page = app.get_text_in(&format!("/checkin/{id}"), lang).await;
        assert!(
            page.contains(words) && page.contains(&pin),
            "[{lang}] {page}"
        );
    }
    // the check-in API keeps its JSON answer
    let (status, body) = app.get_text(&format!("/api/v1/checkin/{id}/status")).await;
    assert_eq!(status, Status::Forbidden);
    assert!(body.contains("\"error\":\"forbidden\""), "{body}");

    // the login leads back to the check-in page
    let office = app.office_of(id);
    let password = app.account("einlass@example.org", account::ROLE_DOOR, &[office]);
    let door = app.anonymous().await;
    let (_, form, _) = door.get(&login).await;
    assert!(
        form.contains(&format!("value=\"/checkin/{id}\"")),
        "the form keeps where to go: {form}"
    );
    let next = format!("/checkin/{id}");
    let (status, _, location) = door
        .submit(
            &login,
            "/admin/login",
            &[
                ("email", "einlass@example.org"),
                ("password", &password),
                ("next", &next),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some(next.as_str()));
    let (status, _, _) = door.get(&next).await;
    assert_eq!(status, Status::Ok, "checks in after login");
}

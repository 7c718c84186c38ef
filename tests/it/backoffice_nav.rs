//! The back office's navigation: the sections in groups, only those the person's role may
//! use, and the page's own section marked for screen readers (`aria-current`).

use treffpunkt::domain::account::{ROLE_ADMIN, ROLE_DOOR, ROLE_ORGANISER};

use crate::both_backends;
use crate::support::TestApp;

both_backends!(navigation_follows_role_and_page);

/// The back-office navigation of a page.
fn nav_of(page: &str) -> &str {
    let start = page
        .find("<nav class=\"staff-nav\"")
        .expect("the page has the back-office navigation");
    &page[start..start + page[start..].find("</nav>").unwrap()]
}

async fn navigation_follows_role_and_page(app: TestApp) {
    let event = app.meeting(Some(10), 0);

    let admin = app.staff_of(event, "leitung@example.org", ROLE_ADMIN).await;
    let (_, page, _) = admin.get("/admin/users").await;
    let nav = nav_of(&page);
    for group in [
        "Veranstaltungen",
        "Veröffentlichen",
        "Verwaltung",
        "Mein Konto",
    ] {
        assert!(nav.contains(group), "group {group}: {nav}");
    }
    assert!(
        nav.contains(r#"<a href="/admin/users" aria-current="page">Zugänge</a>"#),
        "{nav}"
    );
    assert_eq!(nav.matches("aria-current").count(), 1, "{nav}");
    // a meeting's pages belong to the list of meetings
    let (_, page, _) = admin
        .get(&format!("/admin/events/{event}/registrations"))
        .await;
    let nav = nav_of(&page);
    assert!(
        nav.contains(r#"<a href="/admin" aria-current="true">Übersicht</a>"#),
        "{nav}"
    );
    assert_eq!(nav.matches("aria-current").count(), 1, "{nav}");

    // and in English
    admin.get("/language/en?next=/admin/users").await;
    let (_, page, _) = admin.get("/admin/users").await;
    let nav = nav_of(&page);
    for group in ["Meetings", "Publish", "Administration", "My account"] {
        assert!(nav.contains(group), "group {group}: {nav}");
    }
    assert!(
        nav.contains(r#"<a href="/admin/users" aria-current="page">Accounts</a>"#),
        "{nav}"
    );

    let organiser = app
        .staff_of(event, "orga@example.org", ROLE_ORGANISER)
        .await;
    let (_, page, _) = organiser.get("/admin").await;
    let nav = nav_of(&page);
    assert!(
        nav.contains(r#"<a href="/admin" aria-current="page">Übersicht</a>"#),
        "{nav}"
    );
    assert!(nav.contains("/admin/events/new") && nav.contains("/admin/feed"));
    assert!(
        !nav.contains("Verwaltung")
            && !nav.contains("/admin/users")
            && !nav.contains("/admin/audit"),
        "organisers do not see the administration: {nav}"
    );

    let door = app.staff_of(event, "tuer@example.org", ROLE_DOOR).await;
    let (_, page, _) = door.get("/admin/sessions").await;
    let nav = nav_of(&page);
    assert!(
        nav.contains(r#"<a href="/admin/sessions" aria-current="page">"#),
        "{nav}"
    );
    assert!(
        !nav.contains("/admin/events/new") && !nav.contains("/admin/users"),
        "door staff see only their own account: {nav}"
    );
    assert!(nav.contains("/admin/logout"), "and can log out: {nav}");
}

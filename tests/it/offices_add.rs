//! Issue 14: an administrator adds an office and a topic by one shared way
//! (`staff/accounts.rs::add_listed`): each is stored, listed and audited under its own name,
//! and a refused one comes back with the form kept and nothing stored.

use rocket::http::Status;
use treffpunkt::domain::account;

use crate::both_backends;
use crate::support::TestApp;

both_backends!(offices_and_topics_are_added_and_audited);

async fn offices_and_topics_are_added_and_audited(app: TestApp) {
    let pw = app.account("admin@example.org", account::ROLE_ADMIN, &[]);
    let admin = app.login("admin@example.org", &pw).await;

    let (status, _, location) = admin
        .submit(
            "/admin/offices",
            "/admin/offices",
            &[
                ("office_name", "Bürgeramt Nord"),
                ("office_email", "nord@example.org"),
                ("office_phone", "07071 123"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some("/admin/offices"));
    let (status, _, location) = admin
        .submit(
            "/admin/offices",
            "/admin/categories",
            &[("name_de", "Nachbarschaft"), ("name_en", "Neighbourhood")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some("/admin/offices"));

    let (_, page, _) = admin.get("/admin/offices").await;
    assert!(page.contains("Gespeichert."), "flash shown");
    assert!(page.contains("Bürgeramt Nord") && page.contains("nord@example.org"));
    assert!(page.contains("Nachbarschaft") && page.contains("Neighbourhood"));

    let (_, log, _) = admin.get("/admin/audit").await;
    assert!(log.contains("office.create") && log.contains("Bürgeramt Nord"));
    assert!(log.contains("category.create") && log.contains("Nachbarschaft"));

    // a refused topic: the page again with the other field kept, nothing new stored
    let (status, page, _) = admin
        .submit(
            "/admin/offices",
            "/admin/categories",
            &[("name_de", ""), ("name_en", "Sports club")],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("value=\"Sports club\""), "input kept");
    let (_, log, _) = admin.get("/admin/audit").await;
    assert_eq!(log.matches("category.create").count(), 1);
}

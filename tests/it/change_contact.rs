//! How the office reaches a person (their e-mail, phone, post, or via a manager), changed on
//! the registration's edit page by the rules of `domain::contact`; the log names the fields.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::registrations;

use crate::both_backends;
use crate::change_answers::{audit_details, edit, registration};
use crate::support::TestApp;

both_backends!(office_changes_how_the_person_is_reached);

fn contact_of(app: &TestApp, rid: i64) -> (String, Option<String>, String) {
    registrations::table
        .find(rid)
        .select((
            registrations::contact_kind,
            registrations::phone,
            registrations::email,
        ))
        .first(&mut *app.conn())
        .unwrap()
}

async fn office_changes_how_the_person_is_reached(app: TestApp) {
    let id = app.meeting(Some(20), 2);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    app.register(id, "Anna Schmid", "anna@example.org", 0).await;
    let (rid, _) = registration(&app, "anna@example.org");
    let url = format!("/admin/events/{id}/registrations/{rid}/edit");
    let (_, page, _) = s.get(&url).await;
    assert!(
        page.contains("id=\"contact-email\" name=\"contact_kind\" value=\"email\" checked"),
        "{page}"
    );

    // by phone without a number: refused at the field, what was typed kept
    let (status, page, _) = edit(
        &s,
        id,
        rid,
        &[("contact_kind", "phone"), ("organisation", "Seniorenrat")],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"phone-error\""), "{page}");
    assert!(page.contains("Bitte geben Sie eine Telefonnummer an."));
    assert!(page.contains("value=\"Seniorenrat\""));
    assert!(
        page.contains("value=\"phone\" checked"),
        "the kind chosen is kept"
    );
    assert_eq!(contact_of(&app, rid).0, "email");

    // by phone with a number, the address no longer needed: taken away
    let (status, _, _) = edit(
        &s,
        id,
        rid,
        &[
            ("contact_kind", "phone"),
            ("phone", "07071 207-0"),
            ("email", ""),
        ],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        contact_of(&app, rid),
        (
            "phone".to_owned(),
            Some("07071 207-0".to_owned()),
            String::new()
        )
    );
    let (_, list, _) = s.get(&format!("/admin/events/{id}/registrations")).await;
    assert!(list.contains("07071 207-0"), "{list}");
    // the log names the fields, never the number or the address
    let details = audit_details(&app, rid);
    assert_eq!(details.len(), 1, "{details:?}");
    for field in ["contact_kind", "phone", "email"] {
        assert!(details[0].contains(field), "{details:?}");
    }
    assert!(
        !details[0].contains("07071") && !details[0].contains("anna@"),
        "{details:?}"
    );

    // by e-mail again, the address is required again
    let (status, page, _) = edit(&s, id, rid, &[("contact_kind", "email")]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"email-error\""), "{page}");
    // without an address the row keeps a key of its own: other changes still save
    let (status, _, _) = edit(&s, id, rid, &[("name", "Anna Schmid-Weber")]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(audit_details(&app, rid).len(), 2);
}

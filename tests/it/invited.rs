//! Partners, invitations, registrations and check-ins made directly in the database, as
//! the other parts of the Runder Tisch (partners, invitations, the door) would make them:
//! the fixtures of the agenda, document and minutes tests.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{invitations, partner_contacts, partners, registrations};

use crate::support::TestApp;

/// Invites `email` (a contact of a partner organisation of the meeting's office, speaking
/// `lang`) to meeting `event`, the invitation sent or not; the invitation's token.
pub(crate) fn invite(app: &TestApp, event: i64, email: &str, lang: &str, sent: bool) -> String {
    let now = app.now();
    let mut conn = app.conn();
    let partner: i64 = diesel::insert_into(partners::table)
        .values((
            partners::office_id.eq(app.office_of(event)),
            partners::name.eq(format!("Organisation von {email} für {event}")),
            partners::kind.eq("school"),
            partners::created_at.eq(now),
        ))
        .returning(partners::id)
        .get_result(&mut *conn)
        .unwrap();
    let contact: i64 = diesel::insert_into(partner_contacts::table)
        .values((
            partner_contacts::partner_id.eq(partner),
            partner_contacts::name.eq(format!("Kontakt {email}")),
            partner_contacts::email.eq(email),
            partner_contacts::email_key.eq(email.to_lowercase()),
            partner_contacts::role.eq("member"),
            partner_contacts::language.eq(lang),
            partner_contacts::feed_token.eq(treffpunkt::domain::token::new_token()),
            partner_contacts::created_at.eq(now),
        ))
        .returning(partner_contacts::id)
        .get_result(&mut *conn)
        .unwrap();
    let token = treffpunkt::domain::token::new_token();
    diesel::insert_into(invitations::table)
        .values((
            invitations::event_id.eq(event),
            invitations::contact_id.eq(contact),
            invitations::partner_id.eq(partner),
            invitations::token.eq(&token),
            invitations::sent_at.eq(sent.then_some(now)),
            invitations::created_at.eq(now),
        ))
        .execute(&mut *conn)
        .unwrap();
    token
}

/// Registers `email` for `event` by the API; the registration's token.
pub(crate) async fn registered(app: &TestApp, event: i64, name: &str, email: &str) -> String {
    let (status, body) = app.register(event, name, email, 0).await;
    assert_eq!(status, Status::Created, "{body}");
    body["token"].as_str().unwrap().to_owned()
}

/// Changes a stored registration the way other parts of the app would: its language,
/// its source, its status, a check-in at the door (`checked_in_at`, any value).
pub(crate) fn set_registration(app: &TestApp, token: &str, column: &str, value: &str) {
    let row = registrations::table.filter(registrations::token.eq(token));
    let mut conn = app.conn();
    let changed = match column {
        "checked_in_at" => diesel::update(row)
            .set(registrations::checked_in_at.eq(Some(app.now())))
            .execute(&mut *conn),
        "language" => diesel::update(row)
            .set(registrations::language.eq(value))
            .execute(&mut *conn),
        "source" => diesel::update(row)
            .set(registrations::source.eq(value))
            .execute(&mut *conn),
        "status" => diesel::update(row)
            .set(registrations::status.eq(value))
            .execute(&mut *conn),
        other => panic!("no such change: {other}"),
    };
    assert_eq!(changed.unwrap(), 1, "one registration changed");
}

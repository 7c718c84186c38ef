//! Changing a registration: by the office on its edit page and by the person on their page,
//! with the seat rule of registering (also under many changes at once), the waiting list
//! moving up in the same transaction, the audit log, the change mail, and the pages that
//! ask before cancelling or erasing.

use diesel::prelude::*;
use futures::future::join_all;
use rocket::http::{ContentType, Status};
use treffpunkt::db::schema::{audit_log, events, outbox, registrations};
use treffpunkt::domain::account;

use crate::both_backends;
use crate::smtp::SmtpSink;
use crate::support::{StaffSession, TestApp};

both_backends!(
    office_changes_within_and_beyond_free_seats,
    fewer_companions_move_the_waiting_list_up,
    another_office_cannot_change_or_cancel,
    cancel_and_erase_ask_first,
    parallel_increases_never_overbook,
    person_cannot_change_what_is_over,
);
crate::with_smtp!(person_changes_own_registration_and_gets_a_mail);

/// (id, status, seats, name) of the registration with this address.
fn row(app: &TestApp, email: &str) -> (i64, String, i32, String) {
    registrations::table
        .filter(registrations::email_key.eq(email))
        .select((
            registrations::id,
            registrations::status,
            registrations::seats,
            registrations::name,
        ))
        .first(&mut *app.conn())
        .unwrap()
}

fn token_of(app: &TestApp, email: &str) -> String {
    registrations::table
        .filter(registrations::email_key.eq(email))
        .select(registrations::token)
        .first(&mut *app.conn())
        .unwrap()
}

fn audit_details(app: &TestApp, registration: i64) -> Vec<String> {
    audit_log::table
        .filter(audit_log::action.eq("registration.change"))
        .filter(audit_log::object_id.eq(registration))
        .order(audit_log::id.asc())
        .select(audit_log::detail)
        .load(&mut *app.conn())
        .unwrap()
}

fn mails_of(app: &TestApp, registration: i64, kind: &str) -> i64 {
    outbox::table
        .filter(outbox::registration_id.eq(registration))
        .filter(outbox::kind.eq(kind))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

async fn organiser_of(app: &TestApp, event: i64) -> StaffSession {
    app.staff_of(event, "orga@example.org", account::ROLE_ORGANISER)
        .await
}

/// The edit form's fields as the page shows them, with `changes` over them.
async fn edit(
    s: &StaffSession,
    event: i64,
    rid: i64,
    changes: &[(&str, &str)],
) -> (Status, String, Option<String>) {
    let url = format!("/admin/events/{event}/registrations/{rid}/edit");
    let (status, page, _) = s.get(&url).await;
    assert_eq!(status, Status::Ok, "{page}");
    let mut fields: Vec<(String, String)> = crate::support::form_values(&page)
        .into_iter()
        .filter(|(k, _)| k != "csrf" && k != "waitlist")
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .collect();
    fields.extend(changes.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    s.submit(&url, &url, &refs).await
}

async fn office_changes_within_and_beyond_free_seats(app: TestApp) {
    let id = app.meeting(Some(4), 3);
    app.register(id, "Anna Schmid", "anna@example.org", 0).await;
    app.register(id, "Ben Yilmaz", "ben@example.org", 1).await;
    let s = organiser_of(&app, id).await;
    let (anna, ..) = row(&app, "anna@example.org");
    let list = format!("/admin/events/{id}/registrations");

    // the list links to the edit page and asks before cancelling or erasing
    let (_, page, _) = s.get(&list).await;
    assert!(page.contains(&format!("{list}/{anna}/edit")), "{page}");
    assert!(page.contains(&format!("href=\"{list}/{anna}/cancel\"")));
    assert!(!page.contains(&format!("action=\"{list}/{anna}/cancel\"")));
    assert!(!page.contains(&format!("action=\"{list}/{anna}/erase\"")));

    // one more companion fits into the one free seat
    let (status, _, location) = edit(&s, id, anna, &[("companions", "1")]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some(list.as_str()));
    let (_, page, _) = s.get(&list).await;
    assert!(page.contains("Die Anmeldung wurde geändert."), "{page}");
    assert_eq!(row(&app, "anna@example.org").2, 2);
    assert_eq!(app.confirmed_seats(id), 4);

    // one more does not: refused with a sentence, the form kept, nothing changed
    let (status, page, _) = edit(
        &s,
        id,
        anna,
        &[("companions", "2"), ("organisation", "Seniorenrat")],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Für zusätzliche Begleitpersonen sind keine Plätze frei."));
    assert!(page.contains("Auf die Warteliste setzen"));
    assert!(page.contains("value=\"Seniorenrat\""), "typed value kept");
    let (_, status_now, seats, _) = row(&app, "anna@example.org");
    assert_eq!((status_now.as_str(), seats), ("confirmed", 2));
    assert_eq!(app.confirmed_seats(id), 4);

    // a second address that is taken already is refused at the field
    let (status, page, _) = edit(&s, id, anna, &[("email", "BEN@example.org")]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("schon eine andere Anmeldung"), "{page}");

    // the person agrees: the whole party waits, its two seats are free again
    let (status, _, _) = edit(&s, id, anna, &[("companions", "2"), ("waitlist", "yes")]).await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&list).await;
    assert!(page.contains("steht jetzt mit der ganzen Gruppe auf der Warteliste"));
    let (_, status_now, seats, _) = row(&app, "anna@example.org");
    assert_eq!((status_now.as_str(), seats), ("waiting", 3));
    assert_eq!(app.confirmed_seats(id), 2);

    // a waiting party that grows stays waiting (no seat question)
    let (status, _, _) = edit(&s, id, anna, &[("companions", "3")]).await;
    assert_eq!(status, Status::SeeOther);
    let (_, status_now, seats, _) = row(&app, "anna@example.org");
    assert_eq!((status_now.as_str(), seats), ("waiting", 4));

    // personal data: a new name is stored, and the log names the field, never the value
    let (status, _, _) = edit(&s, id, anna, &[("name", "Anna Schmid-Weber")]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(row(&app, "anna@example.org").3, "Anna Schmid-Weber");
    let details = audit_details(&app, anna);
    assert_eq!(details.len(), 4, "{details:?}");
    assert!(details[0].contains("seats 1 -> 2"), "{details:?}");
    assert!(
        details[1].contains("status confirmed -> waiting"),
        "{details:?}"
    );
    assert!(details[3].contains("name"), "{details:?}");
    assert!(details.iter().all(|d| !d.contains("Schmid")), "{details:?}");
    // an unchanged form changes nothing and logs nothing
    let (status, _, _) = edit(&s, id, anna, &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(audit_details(&app, anna).len(), 4);
}

async fn fewer_companions_move_the_waiting_list_up(app: TestApp) {
    let id = app.meeting(Some(3), 2);
    app.register(id, "Ben Yilmaz", "ben@example.org", 2).await;
    let (_, carl) = app.register(id, "Carl Berg", "carl@example.org", 0).await;
    assert_eq!(carl["status"], "waiting");
    let s = organiser_of(&app, id).await;
    let (ben, ..) = row(&app, "ben@example.org");
    let (carl_id, ..) = row(&app, "carl@example.org");

    let (status, _, _) = edit(&s, id, ben, &[("companions", "0")]).await;
    assert_eq!(status, Status::SeeOther);
    // Ben stays confirmed with one seat; Carl moved up at once and is told so
    let (_, ben_status, ben_seats, _) = row(&app, "ben@example.org");
    assert_eq!((ben_status.as_str(), ben_seats), ("confirmed", 1));
    assert_eq!(row(&app, "carl@example.org").1, "confirmed");
    assert_eq!(mails_of(&app, carl_id, "promoted"), 1);
    assert_eq!(mails_of(&app, ben, "registration_changed"), 1);
    assert_eq!(app.confirmed_seats(id), 2);
    let (_, page, _) = s.get(&format!("/admin/events/{id}/registrations")).await;
    assert!(
        page.contains("2 bestätigt (2 Plätze), 0 auf der Warteliste"),
        "{page}"
    );

    // without the box ticked the person is not written to
    let (status, _, _) = edit(&s, id, ben, &[("companions", "1"), ("notify", "")]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(row(&app, "ben@example.org").2, 2);
    assert_eq!(mails_of(&app, ben, "registration_changed"), 1);
}

async fn another_office_cannot_change_or_cancel(app: TestApp) {
    let id = app.meeting(Some(5), 2);
    app.register(id, "Anna Schmid", "anna@example.org", 0).await;
    let (anna, ..) = row(&app, "anna@example.org");
    let ours = organiser_of(&app, id).await;
    let other_office = app.office("nachbar", "Landratsamt Reutlingen");
    let pw = app.account(
        "fremd@example.org",
        account::ROLE_ORGANISER,
        &[other_office],
    );
    let other = app.login("fremd@example.org", &pw).await;
    let base = format!("/admin/events/{id}/registrations/{anna}");
    for page in ["edit", "cancel", "erase"] {
        let (status, _, _) = other.get(&format!("{base}/{page}")).await;
        assert_eq!(status, Status::Forbidden, "{page}");
    }
    let (status, _, _) = other
        .submit(
            "/admin",
            &format!("{base}/edit"),
            &[
                ("name", "Eingeschleust"),
                ("email", "anna@example.org"),
                ("companions", "2"),
                ("language", "de"),
            ],
        )
        .await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, _) = other.submit("/admin", &format!("{base}/cancel"), &[]).await;
    assert_eq!(status, Status::Forbidden);
    // a form without the CSRF token changes nothing either, even for the right office
    let (status, _, _) = ours
        .post_raw(
            &format!("{base}/edit"),
            b"name=Eingeschleust&email=anna%40example.org&companions=1".to_vec(),
        )
        .await;
    assert_eq!(status, Status::Forbidden);
    let (_, status_now, seats, name) = row(&app, "anna@example.org");
    assert_eq!(
        (status_now.as_str(), seats, name.as_str()),
        ("confirmed", 1, "Anna Schmid")
    );
    assert!(audit_details(&app, anna).is_empty());
}

async fn cancel_and_erase_ask_first(app: TestApp) {
    let id = app.meeting(Some(3), 2);
    app.register(id, "Ben Yilmaz", "ben@example.org", 1).await;
    app.register(id, "Carl Berg", "carl@example.org", 1).await;
    let s = organiser_of(&app, id).await;
    let (ben, ..) = row(&app, "ben@example.org");
    let (carl, ..) = row(&app, "carl@example.org");
    let list = format!("/admin/events/{id}/registrations");

    // looking at the question changes nothing
    let (status, page, _) = s.get(&format!("{list}/{ben}/cancel")).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Anmeldung stornieren?"));
    assert!(page.contains("Die Anmeldung von Ben Yilmaz für „Vorstellung des Konzepts“"));
    assert!(page.contains("Die 2 Plätze werden frei, und die Warteliste rückt nach."));
    assert!(page.contains("Ja, Anmeldung stornieren"));
    assert_eq!(row(&app, "ben@example.org").1, "confirmed");
    assert_eq!(row(&app, "carl@example.org").1, "waiting");

    // answering yes does it, and the waiting list moves up
    let url = format!("{list}/{ben}/cancel");
    let (status, _, _) = s.submit(&url, &url, &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(row(&app, "ben@example.org").1, "cancelled");
    assert_eq!(row(&app, "carl@example.org").1, "confirmed");
    // nothing left to ask about a cancelled registration
    let (status, _, _) = s.get(&url).await;
    assert_eq!(status, Status::NotFound);

    let url = format!("{list}/{carl}/erase");
    let (status, page, _) = s.get(&url).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Personenbezogene Daten löschen?"));
    assert!(page.contains("Die Daten können nicht wiederhergestellt werden."));
    assert!(page.contains("Ein gehaltener Platz wird frei"));
    assert_eq!(row(&app, "carl@example.org").3, "Carl Berg", "GET erased");
    let (status, _, _) = s.submit(&url, &url, &[]).await;
    assert_eq!(status, Status::SeeOther);
    let purged: i64 = registrations::table
        .filter(registrations::id.eq(carl))
        .filter(registrations::purged_at.is_not_null())
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(purged, 1);
    let (_, page, _) = s.get(&list).await;
    assert!(!page.contains("Carl Berg"));
    let (status, _, _) = s.get(&url).await;
    assert_eq!(status, Status::NotFound);
}

/// 30 confirmed people, 5 free seats, everyone adds a companion at the same moment:
/// exactly 5 get the seat, the rest are told no and keep their registration as it was.
async fn parallel_increases_never_overbook(app: TestApp) {
    const PEOPLE: usize = 30;
    const FREE: i32 = 5;
    let id = app.meeting(Some(PEOPLE as i32 + FREE), 3);
    let mut tokens = Vec::new();
    for i in 0..PEOPLE {
        let (status, body) = app
            .register(id, &format!("Person {i}"), &format!("p{i}@example.org"), 0)
            .await;
        assert_eq!(status, Status::Created, "{body}");
        tokens.push(token_of(&app, &format!("p{i}@example.org")));
    }
    let second = app.second_instance().await;
    let clients = [&app.client, &second];
    let answers = join_all(tokens.iter().enumerate().map(|(i, t)| {
        let client = clients[i % clients.len()];
        async move {
            let res = client
                .post(format!("/r/{t}/change"))
                .header(ContentType::Form)
                .body("companions=1&language=de")
                .dispatch()
                .await;
            res.status()
        }
    }))
    .await;
    let ok = answers.iter().filter(|s| **s == Status::SeeOther).count();
    let refused = answers
        .iter()
        .filter(|s| **s == Status::UnprocessableEntity)
        .count();
    assert_eq!(
        (ok, refused),
        (FREE as usize, PEOPLE - FREE as usize),
        "{answers:?}"
    );
    assert_eq!(app.confirmed_seats(id), i64::from(PEOPLE as i32 + FREE));
    assert_eq!(
        app.count(&format!("event_id = {id} AND seats = 2")),
        i64::from(FREE)
    );
    assert_eq!(
        app.count(&format!("event_id = {id} AND status = 'confirmed'")),
        PEOPLE as i64
    );
    let logged: i64 = audit_log::table
        .filter(audit_log::action.eq("registration.change"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(logged, i64::from(FREE));
}

async fn person_cannot_change_what_is_over(app: TestApp) {
    let id = app.meeting(Some(5), 2);
    app.register(id, "Anna Schmid", "anna@example.org", 0).await;
    app.register(id, "Ben Yilmaz", "ben@example.org", 0).await;
    let anna = token_of(&app, "anna@example.org");
    let ben = token_of(&app, "ben@example.org");
    // a language that is not offered is a sentence at the field
    let res = app
        .post_form(&format!("/r/{anna}/change"), "companions=0&language=xx")
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    assert!(
        res.into_string()
            .await
            .unwrap()
            .contains("eine der angebotenen Sprachen")
    );
    // only companions and language: a name sent along is ignored
    let res = app
        .post_form(
            &format!("/r/{anna}/change"),
            "companions=1&language=de&name=Mallory",
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(row(&app, "anna@example.org").3, "Anna Schmid");
    // a field not sent stays as it is
    let res = app
        .post_form(&format!("/r/{anna}/change"), "language=en")
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(row(&app, "anna@example.org").2, 2);

    // cancelled: no form, and a post is refused
    let res = app.post_form(&format!("/r/{ben}/cancel"), "").await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, page) = app.get_text(&format!("/r/{ben}")).await;
    assert!(!page.contains("Anmeldung ändern"));
    let res = app
        .post_form(&format!("/r/{ben}/change"), "companions=2&language=de")
        .await;
    assert_eq!(res.status(), Status::Conflict);
    assert_eq!(row(&app, "ben@example.org").2, 1);

    // the meeting has begun: no more changes by the person
    diesel::update(events::table.find(id))
        .set(events::starts_at.eq(app.now() - chrono::Duration::minutes(5)))
        .execute(&mut *app.conn())
        .unwrap();
    let (_, page) = app.get_text(&format!("/r/{anna}")).await;
    assert!(!page.contains("Anmeldung ändern"));
    let res = app
        .post_form(&format!("/r/{anna}/change"), "companions=0&language=de")
        .await;
    assert_eq!(res.status(), Status::Conflict);
    assert!(
        res.into_string()
            .await
            .unwrap()
            .contains("kann nicht mehr geändert werden")
    );
    assert_eq!(row(&app, "anna@example.org").2, 2);
    // unknown link
    let res = app
        .post_form("/r/AAAAAAAAAAAAAAAAAAAAAAAAAA/change", "companions=0")
        .await;
    assert_eq!(res.status(), Status::NotFound);
}

async fn person_changes_own_registration_and_gets_a_mail(app: TestApp, sink: SmtpSink) {
    let id = app.meeting(Some(3), 2);
    app.register(id, "Anna Schmid", "anna@example.org", 0).await;
    let token = token_of(&app, "anna@example.org");
    let _ = sink.wait_for(1, 10).await;
    let page_url = format!("/r/{token}");
    let (_, page) = app.get_text(&page_url).await;
    assert!(page.contains("Anmeldung ändern"), "{page}");

    // one more companion, mails in English from now on
    let res = app
        .post_form(&format!("{page_url}/change"), "companions=1&language=en")
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let to = res.headers().get_one("Location").unwrap().to_owned();
    assert!(to.ends_with("?changed=yes#change"), "{to}");
    // a browser keeps the fragment to itself
    let (_, page) = app.get_text(to.split('#').next().unwrap()).await;
    assert!(page.contains("Ihre Anmeldung wurde geändert."), "{page}");
    let (_, status_now, seats, _) = row(&app, "anna@example.org");
    assert_eq!((status_now.as_str(), seats), ("confirmed", 2));
    let mails = sink.wait_for(2, 10).await;
    let changed = mails
        .iter()
        .find(|m| {
            m.subject_and_text()
                .0
                .starts_with("Your registration has been changed")
        })
        .expect("the change mail, in English");
    let (_, text) = changed.subject_and_text();
    assert!(text.contains("Places reserved: 2"), "{text}");
    assert!(text.contains(&page_url), "the link to the page: {text}");
    let has_ics = changed.parsed().attachments().any(|a| {
        mail_parser::MimeHeaders::content_type(a).is_some_and(|c| c.subtype() == Some("calendar"))
    });
    assert!(has_ics, "the calendar entry, as with the confirmation");

    // the meeting fills up; one more companion is refused, the waiting list offered
    app.register(id, "Ben Yilmaz", "ben@example.org", 0).await;
    let res = app
        .post_form(&format!("{page_url}/change"), "companions=2&language=en")
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let page = res.into_string().await.unwrap();
    assert!(page.contains("keine Plätze mehr frei"), "{page}");
    assert!(page.contains("Mit allen Personen auf die Warteliste setzen"));
    assert_eq!(row(&app, "anna@example.org").2, 2);

    // she agrees: the whole party waits, and the mail says so
    let res = app
        .post_form(
            &format!("{page_url}/change"),
            "companions=2&language=en&waitlist=yes",
        )
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, status_now, seats, _) = row(&app, "anna@example.org");
    assert_eq!((status_now.as_str(), seats), ("waiting", 3));
    let mails = sink.wait_for(4, 10).await;
    let waiting = mails
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "anna@example.org"))
        .find(|m| {
            m.subject_and_text()
                .1
                .contains("You are on the waiting list with 3 places")
        })
        .expect("the change mail for the waiting list");
    // no calendar entry while she holds no seat
    let waiting_ics = waiting.parsed().attachments().any(|a| {
        mail_parser::MimeHeaders::content_type(a).is_some_and(|c| c.subtype() == Some("calendar"))
    });
    assert!(!waiting_ics, "no calendar entry on the waiting list");
    let details = audit_details(&app, row(&app, "anna@example.org").0);
    assert_eq!(details.len(), 2, "{details:?}");
    assert!(details[0].contains("language de -> en"), "{details:?}");
}

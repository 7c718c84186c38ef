//! The agenda of a meeting: the organiser edits it (times and lengths checked, the form
//! kept on a mistake), it shows on the public page and the person's own page, only the
//! meeting's own office touches it, and after invitations went out the update goes to
//! everyone who comes in their language, once per change.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{agenda_items, invitations, outbox};
use treffpunkt::domain::account;

use crate::invited::{invite, registered, set_registration};
use crate::support::{StaffSession, TestApp};

crate::both_backends!(
    the_agenda_is_edited_and_shown,
    another_office_cannot_touch_the_agenda,
    the_updated_agenda_goes_to_those_who_come
);

async fn organiser(app: &TestApp, id: i64) -> StaffSession {
    app.staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await
}

async fn add_item(s: &StaffSession, id: i64, fields: &[(&str, &str)]) -> (Status, String) {
    let page = format!("/admin/events/{id}/agenda");
    let (status, body, _) = s.submit(&page, &page, fields).await;
    (status, body)
}

fn item_id(app: &TestApp, title: &str) -> i64 {
    agenda_items::table
        .filter(agenda_items::title.eq(title))
        .select(agenda_items::id)
        .first(&mut *app.conn())
        .unwrap()
}

fn items(app: &TestApp, event: i64) -> usize {
    agenda_items::table
        .filter(agenda_items::event_id.eq(event))
        .count()
        .get_result::<i64>(&mut *app.conn())
        .unwrap() as usize
}

/// The position of each text in a page, in the order given; panics when one is missing.
fn order_of(page: &str, texts: &[&str]) -> Vec<usize> {
    texts
        .iter()
        .map(|t| page.find(t).unwrap_or_else(|| panic!("{t} on the page")))
        .collect()
}

async fn the_agenda_is_edited_and_shown(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let s = organiser(&app, id).await;

    // mistakes come back at their fields with everything typed kept, and nothing stored
    let (status, page) = add_item(
        &s,
        id,
        &[
            ("title", "Begrüßung"),
            ("presenter", "Landrat Walter"),
            ("at_time", "25:70"),
        ],
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        page.contains("Bitte geben Sie die Uhrzeit als SS:MM an"),
        "{page}"
    );
    assert!(page.contains("value=\"Begrüßung\"") && page.contains("value=\"Landrat Walter\""));
    assert!(
        page.contains("value=\"25:70\""),
        "the wrong time is kept to correct it"
    );
    let (status, page) = add_item(&s, id, &[("title", "   "), ("at_time", "18:00")]).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Bitte füllen Sie dieses Feld aus."), "{page}");
    let long = "x".repeat(201);
    let (status, _) = add_item(&s, id, &[("title", &long)]).await;
    assert_eq!(status, Status::UnprocessableEntity, "titles are limited");
    assert_eq!(items(&app, id), 0, "nothing stored on bad input");

    for (title, presenter, at) in [
        ("Begrüßung", "Landrat Walter", "18:00"),
        ("Bericht der Geschäftsstelle", "", "9:15"),
        ("Verschiedenes", "", ""),
    ] {
        let (status, page) = add_item(
            &s,
            id,
            &[("title", title), ("presenter", presenter), ("at_time", at)],
        )
        .await;
        assert_eq!(status, Status::SeeOther, "{page}");
    }
    let stored: Option<String> = agenda_items::table
        .filter(agenda_items::title.eq("Bericht der Geschäftsstelle"))
        .select(agenda_items::at_time)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(
        stored.as_deref(),
        Some("09:15"),
        "times are stored as HH:MM"
    );

    // changed, moved and removed from the page's own forms
    let report = item_id(&app, "Bericht der Geschäftsstelle");
    let edit = format!("/admin/agenda/{report}/edit");
    let (_, form, _) = s.get(&edit).await;
    assert!(
        form.contains("value=\"Bericht der Geschäftsstelle\""),
        "the edit form is filled in"
    );
    let (status, page, _) = s
        .submit(
            &edit,
            &edit,
            &[
                ("title", "Bericht der Geschäftsstelle 2026"),
                ("at_time", "1830"),
            ],
        )
        .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "a bad time when changing too"
    );
    assert!(page.contains("value=\"Bericht der Geschäftsstelle 2026\""));
    let (status, _, _) = s
        .submit(
            &edit,
            &edit,
            &[
                ("title", "Bericht der Geschäftsstelle 2026"),
                ("at_time", "18:30"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let agenda = format!("/admin/events/{id}/agenda");
    let various = item_id(&app, "Verschiedenes");
    let (status, _, _) = s
        .submit(&agenda, &format!("/admin/agenda/{various}/up"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let welcome = item_id(&app, "Begrüßung");
    let (status, _, _) = s
        .submit(&agenda, &format!("/admin/agenda/{welcome}/remove"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);

    // the public page and the person's own page show the agenda in its order
    let (_, public) = app.get_text(&format!("/events/{id}")).await;
    assert!(public.contains("Tagesordnung"), "{public}");
    assert!(!public.contains("Begrüßung"), "the removed item is gone");
    let at = order_of(
        &public,
        &["Verschiedenes", "18:30", "Bericht der Geschäftsstelle 2026"],
    );
    assert!(at.windows(2).all(|w| w[0] < w[1]), "moved up: {at:?}");
    // also when the form comes back with a mistake
    let res = app
        .post_form(&format!("/events/{id}/register"), "name=&email=olena%40")
        .await;
    assert_eq!(res.status(), Status::UnprocessableEntity);
    let again = res.into_string().await.unwrap();
    assert!(
        again.contains("Verschiedenes") && again.contains("Tagesordnung"),
        "{again}"
    );
    let token = registered(&app, id, "Olena Kovalenko", "olena@example.org").await;
    let own = app.get_text_in(&format!("/r/{token}"), "en").await;
    assert!(
        own.contains("Agenda") && own.contains("Bericht der Geschäftsstelle 2026"),
        "{own}"
    );
}

async fn another_office_cannot_touch_the_agenda(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let own = organiser(&app, id).await;
    let (status, _) = add_item(&own, id, &[("title", "Begrüßung")]).await;
    assert_eq!(status, Status::SeeOther);
    let item = item_id(&app, "Begrüßung");

    let other_office = app.office("stadt", "Stadtverwaltung Rottenburg");
    let password = app.account(
        "fremd@example.org",
        account::ROLE_ORGANISER,
        &[other_office],
    );
    let stranger = app.login("fremd@example.org", &password).await;
    let (status, _, _) = stranger.get(&format!("/admin/events/{id}/agenda")).await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, _) = stranger.get(&format!("/admin/agenda/{item}/edit")).await;
    assert_eq!(status, Status::Forbidden);
    // forms posted with the stranger's own valid token, from a page they may see
    for (action, fields) in [
        (
            format!("/admin/events/{id}/agenda"),
            vec![("title", "Fremder Punkt")],
        ),
        (
            format!("/admin/agenda/{item}/edit"),
            vec![("title", "Übernommen")],
        ),
        (format!("/admin/agenda/{item}/remove"), vec![]),
        (format!("/admin/events/{id}/agenda/send"), vec![]),
        (
            format!("/admin/events/{id}/online"),
            vec![("url", "https://evil.example.org/x")],
        ),
    ] {
        let (status, _, _) = stranger.submit("/admin", &action, &fields).await;
        assert_eq!(status, Status::Forbidden, "{action}");
    }
    let titles: Vec<String> = agenda_items::table
        .filter(agenda_items::event_id.eq(id))
        .select(agenda_items::title)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(titles, ["Begrüßung"], "nothing changed");
    let online: i64 = treffpunkt::db::schema::event_online::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(online, 0, "no online address was set");
}

fn update_mails(app: &TestApp) -> Vec<(String, String, String)> {
    outbox::table
        .filter(outbox::kind.eq("agenda_update"))
        .order(outbox::id.asc())
        .select((outbox::recipient, outbox::subject, outbox::body_text))
        .load(&mut *app.conn())
        .unwrap()
}

async fn the_updated_agenda_goes_to_those_who_come(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let s = organiser(&app, id).await;
    // before any invitation went out nobody is offered a mail
    invite(&app, id, "schule@example.org", "de", false);
    let public = registered(&app, id, "Olena Kovalenko", "olena@example.org").await;
    set_registration(&app, &public, "language", "en");
    let (status, page) = add_item(&s, id, &[("title", "Begrüßung")]).await;
    assert_eq!(status, Status::SeeOther, "{page}");
    let (_, page, _) = s.get(&format!("/admin/events/{id}/agenda?changed=1")).await;
    assert!(
        !page.contains("Aktualisierte Tagesordnung"),
        "no invitations sent yet"
    );

    // invitations out; one invitee comes, one person is on the waiting list, one cancelled
    let sent = invite(&app, id, "kammer@example.org", "de", true);
    let (_, page, _) = s.get(&format!("/admin/events/{id}/agenda")).await;
    assert!(
        !page.contains("Aktualisierte Tagesordnung"),
        "the invitation mail carried the agenda as it was"
    );
    app.clock.advance(chrono::Duration::minutes(5));
    let invited = registered(&app, id, "Jonas Weber", "jonas.weber@example.org").await;
    set_registration(&app, &invited, "source", "invitation");
    diesel::update(invitations::table.filter(invitations::token.eq(&sent)))
        .set(invitations::reply.eq("come"))
        .execute(&mut *app.conn())
        .unwrap();
    let waiting = registered(&app, id, "Mehmet Yılmaz", "mehmet@example.org").await;
    set_registration(&app, &waiting, "status", "waiting");
    let cancelled = registered(&app, id, "Carla Rossi", "carla@example.org").await;
    set_registration(&app, &cancelled, "status", "cancelled");

    let (status, _) = add_item(
        &s,
        id,
        &[("title", "Neue Angebote der VHS"), ("at_time", "19:00")],
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&format!("/admin/events/{id}/agenda?changed=1")).await;
    assert!(
        page.contains("Aktualisierte Tagesordnung an alle 2 Angemeldeten senden"),
        "{page}"
    );
    assert!(
        update_mails(&app).is_empty(),
        "nothing is sent without the button"
    );
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{id}/agenda"),
            &format!("/admin/events/{id}/agenda/send"),
            &[],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let mails = update_mails(&app);
    let to: Vec<&str> = mails.iter().map(|(to, _, _)| to.as_str()).collect();
    assert_eq!(
        to,
        ["olena@example.org", "jonas.weber@example.org"],
        "those who come, once each"
    );
    let (_, subject, body) = &mails[0];
    assert!(
        subject.starts_with("Updated agenda:"),
        "in her language: {subject}"
    );
    assert!(
        body.contains("1. Begrüßung") && body.contains("2. 19:00 Neue Angebote der VHS"),
        "{body}"
    );
    assert!(
        body.contains(&format!("/r/{public}")),
        "with her own page: {body}"
    );
    let (_, subject, _) = &mails[1];
    assert!(
        subject.starts_with("Aktualisierte Tagesordnung:"),
        "{subject}"
    );

    // sent: not offered again, and a second press (or a second organiser) mails nobody
    let agenda = format!("/admin/events/{id}/agenda");
    let (_, page, _) = s.get(&agenda).await;
    assert!(
        !page.contains("Aktualisierte Tagesordnung an"),
        "nothing new to send"
    );
    let (status, _, _) = s.submit("/admin", &format!("{agenda}/send"), &[]).await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&agenda).await;
    assert!(
        page.contains("nicht geändert; es wurde nichts erneut versandt"),
        "{page}"
    );
    assert_eq!(update_mails(&app).len(), 2, "no second round");
    // the next change is offered again
    let vhs = item_id(&app, "Neue Angebote der VHS");
    let (status, _, _) = s
        .submit(&agenda, &format!("/admin/agenda/{vhs}/up"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get(&agenda).await;
    assert!(page.contains("Aktualisierte Tagesordnung an alle 2 Angemeldeten senden"));
}

//! The agenda of a meeting: the organiser edits it (times and lengths checked, the form
//! kept on a mistake), it shows on the public page and the person's own page, only the
//! meeting's own office touches it, and after invitations went out the update goes to
//! everyone who comes in their language. Also the online address of a hybrid meeting,
//! which only those with a seat ever see.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{
    agenda_items, invitations, outbox, partner_contacts, partners, registrations,
};
use treffpunkt::domain::account;

use crate::smtp::SmtpSink;
use crate::support::{StaffSession, TestApp};

crate::both_backends!(
    the_agenda_is_edited_and_shown,
    another_office_cannot_touch_the_agenda,
    the_updated_agenda_goes_to_those_who_come
);

crate::with_smtp!(the_online_address_reaches_only_those_with_a_seat);

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
}

async fn the_online_address_reaches_only_those_with_a_seat(app: TestApp, sink: SmtpSink) {
    let now = app.now();
    let url = "https://meet.example.org/runder-tisch-4711";
    let id = app.meeting_with(|e| {
        e.columns.capacity = Some(1);
        e.columns.reminder_hours = Some(24);
        e.columns.starts_at = now + chrono::Duration::days(3);
        e.columns.ends_at = now + chrono::Duration::days(3) + chrono::Duration::hours(2);
    });
    let s = organiser(&app, id).await;
    let agenda = format!("/admin/events/{id}/agenda");
    let online = format!("/admin/events/{id}/online");
    let (status, page, _) = s
        .submit(
            &agenda,
            &online,
            &[
                ("url", "http://meet.example.org/x"),
                ("minutes_before", "45"),
            ],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "https only");
    assert!(
        page.contains("mit https:// beginnt") && page.contains("value=\"45\""),
        "{page}"
    );
    let (status, _, _) = s
        .submit(&agenda, &online, &[("url", url), ("minutes_before", "30")])
        .await;
    assert_eq!(status, Status::SeeOther);

    let seat = registered(&app, id, "Olena Kovalenko", "olena@example.org").await;
    let waiting = registered(&app, id, "Mehmet Yılmaz", "mehmet@example.org").await;
    let mails = sink.wait_for(2, 10).await;
    let confirmation = mails
        .iter()
        .find(|m| m.to == ["olena@example.org"])
        .unwrap();
    let (_, text) = confirmation.subject_and_text();
    assert!(
        !text.contains(url),
        "the confirmation does not carry it yet"
    );
    assert!(
        text.contains("steht ab"),
        "it says from when it is on her page: {text}"
    );
    let waiting_mail = mails
        .iter()
        .find(|m| m.to == ["mehmet@example.org"])
        .unwrap();
    assert!(!waiting_mail.subject_and_text().1.contains("Videokonferenz"));

    // never public: not the page, not the calendars, not the API
    for path in [
        format!("/events/{id}"),
        format!("/events/{id}/calendar.ics"),
        "/calendar.ics".to_owned(),
        "/api/v1/events".to_owned(),
        format!("/api/v1/events/{id}"),
        "/embed".to_owned(),
        format!("/api/v1/registrations/{waiting}"),
    ] {
        let (status, body) = app.get_text(&path).await;
        assert_eq!(status, Status::Ok, "{path}");
        assert!(
            !body.contains("meet.example.org"),
            "{path} shows the address"
        );
    }
    // on her page only from 30 minutes before the start; never on the waiting one's
    let (_, page) = app.get_text(&format!("/r/{seat}")).await;
    assert!(
        !page.contains(url) && page.contains("erscheint hier ab"),
        "{page}"
    );
    app.clock
        .advance(chrono::Duration::days(3) - chrono::Duration::minutes(20));
    let (_, page) = app.get_text(&format!("/r/{seat}")).await;
    assert!(page.contains(url), "shown now: {page}");
    let (_, page) = app.get_text(&format!("/r/{waiting}")).await;
    assert!(
        !page.contains("meet.example.org"),
        "not to the waiting list"
    );
    let (_, public) = app.get_text(&format!("/events/{id}")).await;
    assert!(!public.contains("meet.example.org"));

    // the reminder (due a day before) carries it, to her alone
    let all = sink.wait_for(3, 10).await;
    let reminders: Vec<_> = all
        .iter()
        .filter(|m| m.subject_and_text().0.starts_with("Erinnerung"))
        .collect();
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].to, ["olena@example.org"]);
    assert!(reminders[0].subject_and_text().1.contains(url));
}

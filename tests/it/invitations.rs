//! Partner meetings by invitation: the invitation mails in the person's language, every
//! answer through the personal link (the one-click "I come" that mail scanners cannot
//! trigger, declining, a substitute with their own ticket, all dates of a series at once),
//! reminders only to those who have not answered and at most once a day, partners-only
//! meetings that the public cannot reach, and invited seats the public can never take.

use chrono::Duration;
use diesel::prelude::*;
use futures::future::join_all;
use rocket::http::{ContentType, Status};
use treffpunkt::db::schema::{invitations, invitees, partner_contacts, registrations};

use crate::smtp::{Received, SmtpSink};
use crate::support::{StaffSession, TestApp, register_on};

crate::with_smtp!(
    invitations_in_each_language_and_every_answer,
    a_series_is_answered_for_all_dates_at_once,
    reminders_go_only_to_those_who_have_not_answered
);
crate::both_backends!(
    partners_only_meetings_are_closed_to_the_public,
    public_registrations_never_take_an_invited_seat,
    links_are_personal_and_substitutes_cannot_be_cycled,
    a_substitutes_data_goes_with_the_retention
);

/// An organisation of the meeting's office with contact persons `(name, e-mail, language)`,
/// all members; returns its id and the contacts' ids.
fn partner(
    app: &TestApp,
    office: i64,
    name: &str,
    people: &[(&str, &str, &str)],
) -> (i64, Vec<i64>) {
    let id = app.partner_org(office, name);
    let contacts = people
        .iter()
        .map(|(n, email, lang)| app.partner_contact(id, n, email, lang).0)
        .collect();
    (id, contacts)
}

/// Puts a whole organisation on the list of a meeting (`Ok`) or a series (`Err`).
fn list(app: &TestApp, on: Result<i64, i64>, partner: i64) {
    let (event, series) = match on {
        Ok(e) => (Some(e), None),
        Err(s) => (None, Some(s)),
    };
    diesel::insert_into(invitees::table)
        .values((
            invitees::event_id.eq(event),
            invitees::series_id.eq(series),
            invitees::partner_id.eq(Some(partner)),
            invitees::created_at.eq(app.now()),
        ))
        .execute(&mut *app.conn())
        .unwrap();
}

/// An organiser of the meeting's office who sends its invitations, as the dashboard's
/// button does.
async fn organiser_invites(app: &TestApp, event: i64) -> StaffSession {
    let staff = app.staff_of(event, "orga@example.org", "organiser").await;
    let (status, _, _) = staff
        .submit(
            &format!("/admin/events/{event}"),
            &format!("/admin/events/{event}/invite"),
            &[],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    staff
}

/// The personal link of `contact` to `event`.
fn link_of(app: &TestApp, event: i64, contact: i64) -> String {
    let token: String = invitations::table
        .filter(invitations::event_id.eq(event))
        .filter(invitations::contact_id.eq(contact))
        .select(invitations::token)
        .first(&mut *app.conn())
        .unwrap();
    format!("/invitation/{token}")
}

/// Mails to `to`, as (subject, text).
fn mails_to(mails: &[Received], to: &str) -> Vec<(String, String)> {
    mails
        .iter()
        .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
        .map(Received::subject_and_text)
        .collect()
}

/// Answers through the personal link as the page's form does.
async fn reply(app: &TestApp, link: &str, body: &str) -> (Status, String) {
    let res = app
        .client
        .post(link.to_owned())
        .header(ContentType::Form)
        .body(body)
        .dispatch()
        .await;
    let status = res.status();
    let location = res.headers().get_one("Location").map(str::to_owned);
    let text = res.into_string().await.unwrap_or_default();
    (status, location.unwrap_or(text))
}

fn seat_of(app: &TestApp, event: i64, email: &str) -> Option<(String, String, String)> {
    registrations::table
        .filter(registrations::event_id.eq(event))
        .filter(registrations::email.eq(email))
        .filter(registrations::status.ne("cancelled"))
        .select((
            registrations::status,
            registrations::source,
            registrations::token,
        ))
        .first(&mut *app.conn())
        .optional()
        .unwrap()
}

async fn invitations_in_each_language_and_every_answer(app: TestApp, sink: SmtpSink) {
    let event = app.meeting_with(|e| {
        e.columns.title = "Runder Tisch Integration".into();
        e.columns.visibility = "partners".into();
    });
    let office = app.office_of(event);
    let (ihk, people) = partner(
        &app,
        office,
        "IHK Reutlingen",
        &[
            ("Dana Weber", "dana@ihk.example", "de"),
            ("Eli Brown", "eli@ihk.example", "en"),
        ],
    );
    list(&app, Ok(event), ihk);
    let staff = app.staff_of(event, "orga@example.org", "organiser").await;
    let dashboard = format!("/admin/events/{event}");
    let (status, _, _) = staff
        .submit(&dashboard, &format!("/admin/events/{event}/invite"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = staff.get(&dashboard).await;
    assert!(
        page.contains("2 Personen wurden eingeladen"),
        "the flash counts: {page}"
    );

    // each in their language, with the personal link and the one-click "I come"
    let mails = sink.wait_for(2, 10).await;
    let dana = mails_to(&mails, "dana@ihk.example");
    let eli = mails_to(&mails, "eli@ihk.example");
    assert_eq!((dana.len(), eli.len()), (1, 1));
    assert!(
        dana[0].0.starts_with("Einladung: Runder Tisch Integration"),
        "{:?}",
        dana[0]
    );
    assert!(
        dana[0].1.contains("IHK Reutlingen ist herzlich eingeladen"),
        "{}",
        dana[0].1
    );
    assert!(
        eli[0].0.starts_with("Invitation: Runder Tisch Integration"),
        "{:?}",
        eli[0]
    );
    let dana_link = link_of(&app, event, people[0]);
    let eli_link = link_of(&app, event, people[1]);
    assert!(
        dana[0].1.contains(&format!("{dana_link}?reply=come")),
        "{}",
        dana[0].1
    );
    assert!(eli[0].1.contains(&eli_link));
    // and with her own calendar of the meetings she is invited to (this one is in no
    // public feed)
    let feed = dana[0]
        .1
        .split_whitespace()
        .find(|w| w.contains("/partner-feed/"))
        .and_then(|w| w.split_once("/partner-feed/"))
        .map(|(_, rest)| format!("/partner-feed/{rest}"))
        .expect("the feed's address in the mail");
    let (status, ics) = app.get_text(&feed).await;
    assert_eq!(status, Status::Ok);
    assert!(ics.contains("Runder Tisch Integration"), "{ics}");

    // inviting again reaches nobody twice
    staff
        .submit(&dashboard, &format!("/admin/events/{event}/invite"), &[])
        .await;
    let (_, page, _) = staff.get(&dashboard).await;
    assert!(page.contains("Niemand war einzuladen"), "{page}");

    // opening the mail's "I come" link stores nothing: it asks with one button
    let (status, page) = app.get_text(&format!("{dana_link}?reply=come")).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("id=\"invite-confirm\""), "{page}");
    assert_eq!(seat_of(&app, event, "dana@ihk.example"), None);
    let (status, to) = reply(&app, &dana_link, "reply=come").await;
    assert_eq!(status, Status::SeeOther, "{to}");
    let (state, source, dana_token) = seat_of(&app, event, "dana@ihk.example").expect("a seat");
    assert_eq!(
        (state.as_str(), source.as_str()),
        ("confirmed", "invitation")
    );
    let (_, page) = app.get_text(&to).await;
    assert!(
        page.contains("Sie haben zugesagt") && page.contains(&format!("/r/{dana_token}")),
        "{page}"
    );
    // her confirmation carries the ticket and the calendar entry as everybody's does
    let mails = sink.wait_for(3, 10).await;
    let confirmation = mails
        .iter()
        .find(|m| {
            m.to.iter().any(|t| t == "dana@ihk.example")
                && m.subject_and_text().0.contains("bestätigt")
        })
        .expect("a confirmation mail");
    assert!(String::from_utf8_lossy(&confirmation.data).contains("text/calendar"));

    // Eli sends a substitute: the substitute has a seat and a ticket of their own
    let (status, _) = reply(
        &app,
        &eli_link,
        "reply=substitute&substitute_name=Fatma+Yilmaz&substitute_email=fatma%40ihk.example",
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(seat_of(&app, event, "eli@ihk.example"), None);
    let (_, _, fatma_token) =
        seat_of(&app, event, "fatma@ihk.example").expect("the substitute's seat");
    let (status, ticket) = app.get_text(&format!("/r/{fatma_token}/ticket")).await;
    assert_eq!(status, Status::Ok, "{ticket}");
    let mails = sink.wait_for(4, 10).await;
    assert_eq!(
        mails_to(&mails, "fatma@ihk.example").len(),
        1,
        "the substitute's own confirmation"
    );
    // his page names the substitute but never shows her ticket
    let (_, page) = app.get_text(&eli_link).await;
    assert!(
        page.contains("Fatma Yilmaz") && !page.contains(&fatma_token),
        "{page}"
    );

    // a substitute with a broken address: the form again with the values kept, nothing changed
    let (status, page) = reply(
        &app,
        &eli_link,
        "reply=substitute&substitute_name=Gabi&substitute_email=gabi-at-example",
    )
    .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        page.contains("value=\"gabi-at-example\"") && page.contains("substitute-email-error"),
        "{page}"
    );
    assert!(seat_of(&app, event, "fatma@ihk.example").is_some());
    // no answer chosen
    let (status, page) = reply(&app, &eli_link, "substitute_name=").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("reply-error"));

    // Dana changes her mind: her seat goes
    reply(&app, &dana_link, "reply=decline").await;
    assert_eq!(seat_of(&app, event, "dana@ihk.example"), None);
    let n: i64 = invitations::table
        .filter(invitations::reply.eq("decline"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(n, 1);

    // once the meeting has begun, answers are closed
    app.clock.advance(Duration::days(8));
    let (status, page) = reply(&app, &dana_link, "reply=come").await;
    assert_eq!(status, Status::Conflict, "{page}");
    assert_eq!(seat_of(&app, event, "dana@ihk.example"), None);
}

async fn a_series_is_answered_for_all_dates_at_once(app: TestApp, sink: SmtpSink) {
    let first = app.meeting_with(|e| e.columns.title = "Runder Tisch".into());
    let office = app.office_of(first);
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let start = app.now() + Duration::days(7);
    let dates: Vec<i64> = (0..3)
        .map(|i| {
            app.meeting_with(|e| {
                e.columns.office_id = office;
                e.columns.series_id = Some(series);
                e.columns.starts_at = start + Duration::weeks(4 * i);
                e.columns.ends_at = start + Duration::weeks(4 * i) + Duration::hours(2);
            })
        })
        .collect();
    let (caritas, people) = partner(
        &app,
        office,
        "Caritas",
        &[("Hanna Roth", "hanna@caritas.example", "de")],
    );
    list(&app, Err(series), caritas);
    let staff = app.staff_of(first, "orga@example.org", "organiser").await;
    let page = format!("/admin/series/{series}");
    let (status, _, _) = staff
        .submit(&page, &format!("/admin/series/{series}/invite"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    // one mail with all three dates, each with its own link
    let mails = sink.wait_for(1, 10).await;
    let hanna = mails_to(&mails, "hanna@caritas.example");
    assert_eq!(hanna.len(), 1);
    for d in &dates {
        assert!(
            hanna[0].1.contains(&link_of(&app, *d, people[0])),
            "{}",
            hanna[0].1
        );
    }
    // she answers the first date for all of them
    let link = link_of(&app, dates[0], people[0]);
    let (_, page) = app.get_text(&link).await;
    assert!(page.contains("id=\"all-dates\""), "{page}");
    let (status, _) = reply(&app, &link, "reply=come&all_dates=1").await;
    assert_eq!(status, Status::SeeOther);
    for d in &dates {
        assert!(
            seat_of(&app, *d, "hanna@caritas.example").is_some(),
            "a seat on date {d}"
        );
    }
    // and declines the last one alone
    reply(&app, &link_of(&app, dates[2], people[0]), "reply=decline").await;
    assert!(seat_of(&app, dates[1], "hanna@caritas.example").is_some());
    assert!(seat_of(&app, dates[2], "hanna@caritas.example").is_none());
    let (_, overview, _) = staff.get(&format!("/admin/series/{series}")).await;
    assert!(overview.contains("3 eingeladen: 2 kommen"), "{overview}");
    // cancelling the seat on her own registration page declines that date
    let (_, _, token) = seat_of(&app, dates[1], "hanna@caritas.example").unwrap();
    let res = app
        .client
        .post(format!("/r/{token}/cancel"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let (_, overview, _) = staff.get(&format!("/admin/series/{series}")).await;
    assert!(overview.contains("3 eingeladen: 1 kommen"), "{overview}");
    let (_, page) = app.get_text(&link_of(&app, dates[1], people[0])).await;
    assert!(page.contains("Sie haben abgesagt."), "{page}");
}

async fn reminders_go_only_to_those_who_have_not_answered(app: TestApp, sink: SmtpSink) {
    let event = app.meeting_with(|e| e.columns.title = "Runder Tisch".into());
    let office = app.office_of(event);
    let (vhs, people) = partner(
        &app,
        office,
        "Volkshochschule",
        &[
            ("Ina Kurz", "ina@vhs.example", "de"),
            ("Jonas Lang", "jonas@vhs.example", "de"),
        ],
    );
    list(&app, Ok(event), vhs);
    let staff = app.staff_of(event, "orga@example.org", "organiser").await;
    let dashboard = format!("/admin/events/{event}");
    staff
        .submit(&dashboard, &format!("/admin/events/{event}/invite"), &[])
        .await;
    sink.wait_for(2, 10).await;
    reply(&app, &link_of(&app, event, people[0]), "reply=decline").await;
    let replies = format!("/admin/events/{event}/replies");
    let (_, matrix, _) = staff.get(&replies).await;
    assert!(
        matrix.contains(&format!("action=\"/admin/events/{event}/remind\"")),
        "the matrix offers the reminder"
    );
    let (status, _, _) = staff
        .submit(&dashboard, &format!("/admin/events/{event}/remind"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let mails = sink.wait_for(3, 10).await;
    let reminders: Vec<_> = mails
        .iter()
        .map(Received::subject_and_text)
        .filter(|(s, _)| s.starts_with("Erinnerung"))
        .collect();
    assert_eq!(reminders.len(), 1, "only Jonas: {reminders:?}");
    assert!(
        mails_to(&mails, "jonas@vhs.example")
            .iter()
            .any(|(s, _)| s.starts_with("Erinnerung"))
    );
    // a second reminder the same day is refused and sends nothing
    let (_, page, _) = staff.get(&dashboard).await;
    assert!(
        !page.contains(&format!("/admin/events/{event}/remind")),
        "no button today"
    );
    let (_, matrix, _) = staff.get(&replies).await;
    assert!(
        !matrix.contains(&format!("/admin/events/{event}/remind"))
            && matrix.contains("Heute wurde schon erinnert"),
        "{matrix}"
    );
    let (status, _, _) = staff
        .submit(&dashboard, &format!("/admin/events/{event}/remind"), &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = staff.get(&dashboard).await;
    assert!(page.contains("Heute wurde schon erinnert"), "{page}");
    rocket::tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(sink.messages().len(), 3);
    // the next day it is possible again
    diesel::update(invitations::table)
        .set(invitations::reminded_at.eq(app.now() - Duration::hours(25)))
        .execute(&mut *app.conn())
        .unwrap();
    staff
        .submit(&dashboard, &format!("/admin/events/{event}/remind"), &[])
        .await;
    assert_eq!(sink.wait_for(4, 10).await.len(), 4);
}

async fn partners_only_meetings_are_closed_to_the_public(app: TestApp) {
    let event = app.meeting_with(|e| {
        e.columns.title = "Runder Tisch nur Partner".into();
        e.columns.visibility = "partners".into();
    });
    let office = app.office_of(event);
    let (p, people) = partner(
        &app,
        office,
        "Jobcenter",
        &[("Kai Berg", "kai@jc.example", "de")],
    );
    list(&app, Ok(event), p);
    let (_, index) = app.get_text("/").await;
    assert!(!index.contains("Runder Tisch nur Partner"));
    let (_, feed) = app.get_text("/calendar.ics").await;
    assert!(!feed.contains("Runder Tisch nur Partner"));
    let (status, _) = app.get_text(&format!("/events/{event}")).await;
    assert_eq!(status, Status::NotFound);
    let (status, _) = register_on(&app.client, event, "Lena", "lena@example.org", 0).await;
    assert_eq!(status, Status::NotFound);
    // the invitee reaches it through the invitation
    organiser_invites(&app, event).await;
    let link = link_of(&app, event, people[0]);
    let (status, page) = app.get_text(&link).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Runder Tisch nur Partner"));
    let (status, _) = reply(&app, &link, "reply=come").await;
    assert_eq!(status, Status::SeeOther);
    let (_, _, token) = seat_of(&app, event, "kai@jc.example").unwrap();
    let (status, _) = app.get_text(&format!("/r/{token}/ticket")).await;
    assert_eq!(status, Status::Ok);
    // the papers for participants open from the invitation, never without it
    use treffpunkt::domain::{audit::Actor, document};
    let doc = document::store(
        &mut app.conn(),
        event,
        &document::DocumentInput {
            title: "Präsentation Jobcenter".into(),
            visibility: "participants".into(),
            attach_to: String::new(),
        },
        Some(&document::Upload {
            name: "praesentation.pdf".into(),
            bytes: b"%PDF-1.4\n%%EOF\n".to_vec(),
            too_large: false,
        }),
        &Actor::system(),
        app.now(),
    )
    .unwrap();
    let (_, page) = app.get_text(&link).await;
    let href = format!("/documents/{doc}?i=");
    let start = page
        .find(&href)
        .unwrap_or_else(|| panic!("a link to the document: {page}"));
    let href: String = page[start..].split('"').next().unwrap().to_owned();
    let res = app.get(&href).await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.into_bytes().await.unwrap(), b"%PDF-1.4\n%%EOF\n");
    let (status, _) = app.get_text(&format!("/documents/{doc}")).await;
    assert_eq!(status, Status::NotFound);
}

/// Three public seats, twelve people registering at once while five invitees accept: the
/// public gets exactly its three, every invitee a seat.
async fn public_registrations_never_take_an_invited_seat(app: TestApp) {
    let event = app.meeting_with(|e| {
        e.columns.capacity = Some(3);
        e.columns.max_companions = 0;
        e.columns.waitlist_enabled = false;
    });
    let office = app.office_of(event);
    let people: Vec<(String, String, &str)> = (0..5)
        .map(|i| {
            (
                format!("Partner {i}"),
                format!("p{i}@partner.example"),
                "de",
            )
        })
        .collect();
    let refs: Vec<(&str, &str, &str)> = people
        .iter()
        .map(|(n, e, l)| (n.as_str(), e.as_str(), *l))
        .collect();
    let (p, contacts) = partner(&app, office, "Kreisjugendring", &refs);
    list(&app, Ok(event), p);
    organiser_invites(&app, event).await;
    let links: Vec<String> = contacts.iter().map(|c| link_of(&app, event, *c)).collect();
    let public = join_all((0..12).map(|i| {
        let client = &app.client;
        async move {
            register_on(
                client,
                event,
                &format!("Gast {i}"),
                &format!("gast{i}@example.org"),
                0,
            )
            .await
            .0
        }
    }));
    let invited = join_all(links.iter().map(|l| reply(&app, l, "reply=come")));
    let (public, invited) = futures::join!(public, invited);
    assert_eq!(
        public.iter().filter(|s| **s == Status::Created).count(),
        3,
        "{public:?}"
    );
    assert!(
        invited.iter().all(|(s, _)| *s == Status::SeeOther),
        "{invited:?}"
    );
    assert_eq!(app.confirmed_seats(event), 3, "the public's seats");
    assert_eq!(
        app.count(&format!(
            "event_id = {event} AND status = 'confirmed' AND source = 'invitation'"
        )),
        5
    );
    // the public page counts only the public's seats: full, not over
    let (_, page) = app.get_text(&format!("/events/{event}")).await;
    assert!(
        !page.contains("name=\"consent\""),
        "no form on a full meeting"
    );
}

async fn links_are_personal_and_substitutes_cannot_be_cycled(app: TestApp) {
    let event = app.meeting(Some(20), 0);
    let other = app.meeting(Some(20), 0);
    let office = app.office_of(event);
    let (p, contacts) = partner(
        &app,
        office,
        "Polizeirevier",
        &[("Mia Stern", "mia@polizei.example", "de")],
    );
    list(&app, Ok(event), p);
    list(&app, Ok(other), p);
    organiser_invites(&app, event).await;
    // guessed and shortened links find nothing
    for bad in [
        "/invitation/AAAAAAAAAAAAAAAAAAAAAAAA",
        "/invitation/x",
        "/invitation/%27%20OR%201=1",
    ] {
        let (status, _) = app.get_text(bad).await;
        assert_eq!(status, Status::NotFound, "{bad}");
        let (status, _) = reply(&app, bad, "reply=come").await;
        assert_eq!(status, Status::NotFound, "{bad}");
    }
    // the link answers only its own date: the other meeting has no invitation yet
    let link = link_of(&app, event, contacts[0]);
    reply(&app, &link, "reply=come").await;
    assert!(seat_of(&app, other, "mia@polizei.example").is_none());
    // a substitute can be changed a few times a day, not in a loop that mails anybody
    let mut statuses = Vec::new();
    for i in 0..5 {
        let (s, _) = reply(&app, &link, &format!("reply=substitute&substitute_name=Vertretung+{i}&substitute_email=v{i}%40example.org")).await;
        statuses.push(s);
    }
    assert_eq!(&statuses[..3], &[Status::SeeOther; 3], "{statuses:?}");
    assert_eq!(statuses[3], Status::Conflict, "{statuses:?}");
    assert_eq!(
        app.count(&format!("event_id = {event} AND source = 'invitation'")),
        4,
        "Mia and three substitutes, no more"
    );
    // a removed contact's link ends with them
    diesel::update(partner_contacts::table.find(contacts[0]))
        .set(partner_contacts::removed_at.eq(Some(app.now())))
        .execute(&mut *app.conn())
        .unwrap();
    let (status, _) = app.get_text(&link).await;
    assert_eq!(status, Status::NotFound);
}

async fn a_substitutes_data_goes_with_the_retention(app: TestApp) {
    let event = app.meeting(Some(20), 0);
    let office = app.office_of(event);
    let (p, contacts) = partner(
        &app,
        office,
        "Diakonie",
        &[("Paul Engel", "paul@diakonie.example", "de")],
    );
    list(&app, Ok(event), p);
    organiser_invites(&app, event).await;
    let link = link_of(&app, event, contacts[0]);
    reply(
        &app,
        &link,
        "reply=substitute&substitute_name=Rita+Sommer&substitute_email=rita%40diakonie.example",
    )
    .await;
    app.clock.advance(Duration::days(400));
    let now = app.now();
    let report = treffpunkt::domain::privacy::purge(&mut app.conn(), now, 180, false).unwrap();
    assert_eq!(report.len(), 1, "the meeting is past its retention");
    let (reply_kept, name, email): (Option<String>, Option<String>, Option<String>) =
        invitations::table
            .select((
                invitations::reply,
                invitations::substitute_name,
                invitations::substitute_email,
            ))
            .first(&mut *app.conn())
            .unwrap();
    assert_eq!(
        reply_kept.as_deref(),
        Some("substitute"),
        "who came for whom stays for the figures"
    );
    assert_eq!(
        (name, email),
        (None, None),
        "the substitute's name and address are gone"
    );
}

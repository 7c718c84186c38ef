//! The online address of a hybrid meeting: https only, shown to those with a seat on
//! their own page from the set time and in their reminder, and never public: not on the
//! meeting page, in a calendar, the embed or the JSON API.

use rocket::http::Status;
use treffpunkt::domain::account;

use crate::invited::registered;
use crate::smtp::SmtpSink;
use crate::support::TestApp;

crate::with_smtp!(the_online_address_reaches_only_those_with_a_seat);

async fn the_online_address_reaches_only_those_with_a_seat(app: TestApp, sink: SmtpSink) {
    let now = app.now();
    let url = "https://meet.example.org/runder-tisch-4711";
    let id = app.meeting_with(|e| {
        e.columns.capacity = Some(1);
        e.columns.reminder_hours = Some(24);
        e.columns.starts_at = now + chrono::Duration::days(3);
        e.columns.ends_at = now + chrono::Duration::days(3) + chrono::Duration::hours(2);
    });
    let s = app
        .staff_of(id, "orga@example.org", account::ROLE_ORGANISER)
        .await;
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

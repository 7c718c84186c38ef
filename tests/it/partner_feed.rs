//! A partner contact's own calendar feed: every meeting they are invited to (partners-only
//! ones, which no public feed has, too), the same UIDs as everywhere, changes and
//! cancellations as in the public feeds, their own answer and link, nobody else's data; a
//! removed person or an unknown token gets 404. Judged by the outside checker.

use chrono::Duration;
use diesel::prelude::*;
use rocket::http::{Header, Status};
use treffpunkt::db::schema::{events, invitations, partner_contacts, partners};
use treffpunkt::domain::account;

use crate::both_backends;
use crate::feeds::judge;
use crate::replies::round;
use crate::support::TestApp;

both_backends!(
    my_invitations_with_changes_and_nothing_of_others,
    removed_or_unknown_is_not_found
);

const HOST: &str = "treffpunkt.example.org";

fn feed_token(app: &TestApp, name: &str) -> String {
    partner_contacts::table
        .filter(partner_contacts::name.eq(name))
        .select(partner_contacts::feed_token)
        .first(&mut *app.conn())
        .unwrap()
}

fn invitation_token(app: &TestApp, event: i64, name: &str) -> String {
    invitations::table
        .inner_join(partner_contacts::table)
        .filter(invitations::event_id.eq(event))
        .filter(partner_contacts::name.eq(name))
        .select(invitations::token)
        .first(&mut *app.conn())
        .unwrap()
}

/// The feed's entries, unfolded: one string of content lines per VEVENT, by UID's id.
fn entries(text: &str) -> Vec<(i64, String)> {
    let unfolded = text.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT")
        .skip(1)
        .map(|e| {
            let e = e.split("END:VEVENT").next().unwrap().to_owned();
            let id = e
                .split("\r\nUID:event-")
                .nth(1)
                .and_then(|rest| rest.split('@').next())
                .and_then(|id| id.parse().ok())
                .expect("a UID");
            (id, e)
        })
        .collect()
}

fn entry(text: &str, id: i64) -> String {
    entries(text)
        .into_iter()
        .find(|(i, _)| *i == id)
        .unwrap_or_else(|| panic!("meeting {id} in the feed"))
        .1
}

fn line(entry: &str, name: &str) -> String {
    entry
        .split("\r\n")
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("{name} in {entry}"))
        .to_owned()
}

async fn my_invitations_with_changes_and_nothing_of_others(app: TestApp) {
    let r = round(&app);
    let anna = partner_contacts::table
        .filter(partner_contacts::name.eq("Anna Berger"))
        .select(partner_contacts::id)
        .first::<i64>(&mut *app.conn())
        .unwrap();
    // a special meeting Anna has not answered for yet, and one she is not invited to
    let special = app.meeting_with(|e| {
        e.columns.office_id = r.office;
        e.columns.title = "Runder Tisch Integration: Sondersitzung".into();
        e.columns.visibility = "partners".into();
        e.columns.starts_at += Duration::weeks(2);
        e.columns.ends_at += Duration::weeks(2);
    });
    app.partner_invitation(special, anna);
    let not_mine = app.meeting_with(|e| {
        e.columns.office_id = r.office;
        e.columns.title = "Fachtag Ehrenamt".into();
    });

    let path = format!("/partner-feed/{}.ics", feed_token(&app, "Anna Berger"));
    let res = app.get(&path).await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(
        res.content_type().map(|c| c.to_string()).as_deref(),
        Some("text/calendar; charset=utf-8")
    );
    let etag = res.headers().get_one("ETag").unwrap().to_owned();
    let text = res.into_string().await.unwrap();
    let ids: Vec<i64> = entries(&text).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [r.first, special, r.second],
        "her dates, soonest first"
    );
    assert!(!ids.contains(&not_mine));
    assert!(
        text.replace("\r\n ", "")
            .contains("X-WR-CALNAME:Treffpunkt: meine Einladungen")
    );
    // partners-only: in her feed, in no public one
    let (_, public) = app.get_text("/calendar.ics").await;
    assert!(!public.contains(&format!("UID:event-{}@", r.first)));

    // each entry: the same UID as everywhere, her own link and answer
    let first = entry(&text, r.first);
    assert_eq!(line(&first, "UID"), format!("event-{}@{HOST}", r.first));
    assert_eq!(
        line(&first, "URL"),
        format!(
            "https://{HOST}/invitation/{}",
            invitation_token(&app, r.first, "Anna Berger")
        )
    );
    assert!(first.contains("Ihre Antwort: Sie kommen."));
    assert!(entry(&text, r.second).contains("Ihre Antwort: Sie können nicht kommen."));
    assert!(entry(&text, special).contains("Sie haben noch nicht geantwortet."));
    // nobody else's name, address or answer
    let unfolded = text.replace("\r\n ", "");
    for other in [
        "Bernd", "Clara", "Dora", "Yılmaz", "Emil", "bernd@", "clara@", "dora@",
    ] {
        assert!(!unfolded.contains(other), "{other} is not in Anna's feed");
    }
    judge(&app, &text);

    // unchanged: 304
    let res = app
        .client
        .get(path.clone())
        .header(Header::new("If-None-Match", etag.clone()))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::NotModified);

    // the second date moves (its sequence goes up), the special meeting is cancelled
    let later = app.now() + Duration::minutes(5);
    let (starts, ends, sequence): (chrono::NaiveDateTime, chrono::NaiveDateTime, i32) =
        events::table
            .find(r.second)
            .select((events::starts_at, events::ends_at, events::sequence))
            .first(&mut *app.conn())
            .unwrap();
    diesel::update(events::table.find(r.second))
        .set((
            events::starts_at.eq(starts + Duration::hours(1)),
            events::ends_at.eq(ends + Duration::hours(1)),
            events::sequence.eq(sequence + 1),
            events::updated_at.eq(later),
        ))
        .execute(&mut *app.conn())
        .unwrap();
    let password = app.account("orga@example.org", account::ROLE_ORGANISER, &[r.office]);
    let s = app.login("orga@example.org", &password).await;
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{special}"),
            &format!("/admin/events/{special}/cancel"),
            &[("reason", "Der Saal ist belegt.")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let res = app
        .client
        .get(path.clone())
        .header(Header::new("If-None-Match", etag))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok, "changed: the whole feed again");
    let after = res.into_string().await.unwrap();
    let moved = entry(&after, r.second);
    assert_eq!(line(&moved, "UID"), format!("event-{}@{HOST}", r.second));
    assert_eq!(
        line(&moved, "SEQUENCE").parse::<i32>().unwrap(),
        line(&entry(&text, r.second), "SEQUENCE")
            .parse::<i32>()
            .unwrap()
            + 1
    );
    assert_ne!(
        line(&moved, "DTSTART;TZID=Europe/Berlin"),
        line(&entry(&text, r.second), "DTSTART;TZID=Europe/Berlin")
    );
    let cancelled = entry(&after, special);
    assert_eq!(line(&cancelled, "STATUS"), "CANCELLED");
    assert!(line(&cancelled, "SUMMARY").starts_with("ABGESAGT:"));
    assert!(
        line(&cancelled, "SEQUENCE").parse::<i32>().unwrap()
            > line(&entry(&text, special), "SEQUENCE")
                .parse::<i32>()
                .unwrap()
    );
    judge(&app, &after);

    // in the person's own language
    let jobcenter: i64 = partners::table
        .filter(partners::name.eq("Jobcenter Tübingen"))
        .select(partners::id)
        .first(&mut *app.conn())
        .unwrap();
    let (farah, token) =
        app.partner_contact(jobcenter, "Farah Haddad", "farah@jc.example.org", "en");
    app.partner_invitation(r.first, farah);
    let (status, text) = app.get_text(&format!("/partner-feed/{token}.ics")).await;
    assert_eq!(status, Status::Ok);
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("X-WR-CALNAME:Treffpunkt: my invitations"));
    assert!(unfolded.contains("You have not answered yet."));
    assert!(!unfolded.contains("Anna"), "{text}");
    judge(&app, &text);
}

async fn removed_or_unknown_is_not_found(app: TestApp) {
    round(&app);
    let anna = feed_token(&app, "Anna Berger");
    let (status, _) = app.get_text(&format!("/partner-feed/{anna}.ics")).await;
    assert_eq!(status, Status::Ok);
    let unknown = treffpunkt::domain::token::new_token();
    for path in [
        format!("/partner-feed/{unknown}.ics"),
        format!("/partner-feed/{anna}"),
        format!("/partner-feed/{anna}.ics.ics"),
        "/partner-feed/x.ics".to_owned(),
        "/partner-feed/%27%20OR%201=1.ics".to_owned(),
    ] {
        let (status, _) = app.get_text(&path).await;
        assert_eq!(status, Status::NotFound, "{path}");
    }
    // a removed person's feed ends with them
    diesel::update(partner_contacts::table.filter(partner_contacts::name.eq("Anna Berger")))
        .set(partner_contacts::removed_at.eq(Some(app.now())))
        .execute(&mut *app.conn())
        .unwrap();
    let (status, body) = app.get_text(&format!("/partner-feed/{anna}.ics")).await;
    assert_eq!(status, Status::NotFound);
    assert!(!body.contains("BEGIN:VCALENDAR"));
    // and a removed organisation's people's too
    let dora = feed_token(&app, "Dora Yılmaz");
    let (status, _) = app.get_text(&format!("/partner-feed/{dora}.ics")).await;
    assert_eq!(status, Status::Ok);
    diesel::update(partners::table.filter(partners::name.eq("Jobcenter Tübingen")))
        .set(partners::removed_at.eq(Some(app.now())))
        .execute(&mut *app.conn())
        .unwrap();
    let (status, _) = app.get_text(&format!("/partner-feed/{dora}.ics")).await;
    assert_eq!(status, Status::NotFound);
}

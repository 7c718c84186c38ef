//! Which organisations were represented: marked by a real check-in of anybody who came
//! through an invitation (ticket scan, check-in by name, a scan synced later), taken back
//! with the check-in, ticked by hand on the dashboard (audited), kept through the
//! retention's anonymisation, and counted over a year of a series. Another office sees and
//! changes none of it.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rocket::http::Status;
use serde_json::json;
use treffpunkt::db::schema::{
    audit_log, invitations, partner_attendance, partner_contacts, partners,
};
use treffpunkt::domain::account;

use crate::both_backends;
use crate::replies::{Round, round, row};
use crate::support::{StaffSession, TestApp};

both_backends!(
    a_check_in_marks_the_organisation,
    ticked_by_hand_and_refused_when_not_invited,
    the_record_survives_the_anonymisation,
    the_year_view_counts_each_organisations_dates
);

async fn organiser(app: &TestApp, office: i64) -> StaffSession {
    let password = app.account(
        "geschaeftsstelle@example.org",
        account::ROLE_ORGANISER,
        &[office],
    );
    app.login("geschaeftsstelle@example.org", &password).await
}

fn partner(app: &TestApp, name: &str) -> i64 {
    partners::table
        .filter(partners::name.eq(name))
        .select(partners::id)
        .first(&mut *app.conn())
        .unwrap()
}

/// The seat of whoever comes for `name`'s invitation to `event`.
fn seat(app: &TestApp, event: i64, name: &str) -> i64 {
    invitations::table
        .inner_join(partner_contacts::table)
        .filter(invitations::event_id.eq(event))
        .filter(partner_contacts::name.eq(name))
        .select(invitations::registration_id)
        .first::<Option<i64>>(&mut *app.conn())
        .unwrap()
        .expect("somebody comes")
}

/// The organisations marked present at `event`, with how.
fn marked(app: &TestApp, event: i64) -> Vec<(i64, String)> {
    partner_attendance::table
        .filter(partner_attendance::event_id.eq(event))
        .order(partner_attendance::partner_id)
        .select((partner_attendance::partner_id, partner_attendance::source))
        .load(&mut *app.conn())
        .unwrap()
}

fn ticket(app: &TestApp, registration: i64, event: i64) -> String {
    app.client
        .rocket()
        .state::<treffpunkt::domain::ticket::Keys>()
        .unwrap()
        .issue(registration, event)
}

async fn dashboard_line(s: &StaffSession, event: i64) -> String {
    let (status, html, _) = s.get(&format!("/admin/events/{event}")).await;
    assert_eq!(status, Status::Ok);
    let at = html
        .find("eingeladenen Organisationen haben teilgenommen")
        .expect("the figure is on the dashboard");
    let start = html[..at].rfind("<p>").unwrap() + 3;
    html[start..at].trim().to_owned()
}

async fn a_check_in_marks_the_organisation(app: TestApp) {
    let Round { first, office, .. } = round(&app);
    let s = organiser(&app, office).await;
    let school = partner(&app, "Berufliche Schule Tübingen");
    assert_eq!(dashboard_line(&s, first).await, "0 von 2");
    assert!(marked(&app, first).is_empty());

    // Anna's ticket scanned at the door
    let anna = seat(&app, first, "Anna Berger");
    let url = format!("/api/v1/checkin/{first}/redeem");
    let (status, v) = s
        .door_post(
            &url,
            &json!({ "token": ticket(&app, anna, first), "nonce": "n1", "device": "Tür" }),
        )
        .await;
    assert_eq!(
        (status, v["result"].as_str()),
        (Status::Ok, Some("welcome"))
    );
    assert_eq!(marked(&app, first), [(school, "checkin".to_owned())]);
    assert_eq!(dashboard_line(&s, first).await, "1 von 2");
    let (_, html, _) = s.get(&format!("/admin/events/{first}")).await;
    assert!(html.contains("(beim Einlass erfasst)"));

    // Clara, Bernd's substitute for the same school, checked in by name: still one mark
    let clara = seat(&app, first, "Bernd Keller");
    let (status, v) = s
        .door_post(
            &format!("/api/v1/checkin/{first}/manual"),
            &json!({ "registration_id": clara, "nonce": "n2", "device": "Tür" }),
        )
        .await;
    assert_eq!(
        (status, v["result"].as_str()),
        (Status::Ok, Some("welcome"))
    );
    assert_eq!(marked(&app, first), [(school, "checkin".to_owned())]);

    // a mistaken tap taken back: the school stays while Clara is in, goes with her
    let undo = format!("/api/v1/checkin/{first}/undo");
    let (status, _) = s.door_post(&undo, &json!({ "nonce": "n1" })).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(marked(&app, first).len(), 1, "Clara is still in");
    let (status, _) = s.door_post(&undo, &json!({ "nonce": "n2" })).await;
    assert_eq!(status, Status::Ok);
    assert!(marked(&app, first).is_empty());
    assert_eq!(dashboard_line(&s, first).await, "0 von 2");

    // a scan made offline and synced later counts the same
    let earlier = (app.now() - Duration::minutes(20)).and_utc().to_rfc3339();
    let (status, v) = s
        .door_post(
            &url,
            &json!({ "token": ticket(&app, anna, first), "nonce": "n3", "device": "Handy", "at": earlier }),
        )
        .await;
    assert_eq!(
        (status, v["result"].as_str()),
        (Status::Ok, Some("welcome"))
    );
    assert_eq!(marked(&app, first), [(school, "checkin".to_owned())]);
    assert_eq!(dashboard_line(&s, first).await, "1 von 2");
}

async fn ticked_by_hand_and_refused_when_not_invited(app: TestApp) {
    let Round {
        first,
        office,
        series,
        ..
    } = round(&app);
    let s = organiser(&app, office).await;
    let jobcenter = partner(&app, "Jobcenter Tübingen");
    let dashboard = format!("/admin/events/{first}");
    let action = format!("/admin/events/{first}/attendance");
    let id = jobcenter.to_string();
    let (status, _, location) = s
        .submit(&dashboard, &action, &[("partner", &id), ("present", "on")])
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        location.as_deref(),
        Some(format!("{dashboard}#attendance").as_str())
    );
    assert_eq!(marked(&app, first), [(jobcenter, "staff".to_owned())]);
    let (_, html, _) = s.get(&dashboard).await;
    assert!(html.contains("Die Organisation ist als vertreten eingetragen."));
    assert!(html.contains("1 von 2 eingeladenen Organisationen haben teilgenommen"));
    assert!(html.contains("(von Hand eingetragen)"));
    let audited = |action: &str| -> i64 {
        audit_log::table
            .filter(audit_log::action.eq(action))
            .count()
            .get_result(&mut *app.conn())
            .unwrap()
    };
    assert_eq!(audited("attendance.mark"), 1);

    // without the form's token nothing happens
    let (status, _, _) = s
        .post_raw(&action, format!("partner={id}").into_bytes())
        .await;
    assert_ne!(status, Status::SeeOther);
    assert_eq!(marked(&app, first).len(), 1);

    // taken back
    let (status, _, _) = s.submit(&dashboard, &action, &[("partner", &id)]).await;
    assert_eq!(status, Status::SeeOther);
    assert!(marked(&app, first).is_empty());
    assert_eq!(audited("attendance.unmark"), 1);

    // an organisation not invited to this date, another office's, or no number: refused
    // with a message, nothing stored
    let odd = partner(&app, "=HYPERLINK(\"x\") Verein").to_string();
    let theirs = app.office("amt-b", "Landratsamt B");
    let foreign = app.partner_org(theirs, "Volkshochschule B").to_string();
    for bad in [odd.as_str(), foreign.as_str(), "abc", "", "-1"] {
        let (status, _, _) = s
            .submit(&dashboard, &action, &[("partner", bad), ("present", "on")])
            .await;
        assert_eq!(status, Status::SeeOther, "{bad}");
        let (_, html, _) = s.get(&dashboard).await;
        assert!(
            html.contains("Diese Organisation ist zu diesem Termin nicht eingeladen."),
            "{bad}"
        );
        assert!(marked(&app, first).is_empty(), "{bad}");
    }
    assert_eq!(audited("attendance.mark"), 1);

    // another office: neither sees nor changes anything
    let password = app.account("fremd@example.org", account::ROLE_ORGANISER, &[theirs]);
    let stranger = app.login("fremd@example.org", &password).await;
    let (status, _, _) = stranger
        .submit("/admin", &action, &[("partner", &id), ("present", "on")])
        .await;
    assert_eq!(status, Status::NotFound);
    assert!(marked(&app, first).is_empty());
    let (status, body, _) = stranger
        .get(&format!("/admin/series/{series}/attendance"))
        .await;
    assert_eq!(status, Status::NotFound);
    assert!(!body.contains("Berufliche Schule"));
}

async fn the_record_survives_the_anonymisation(app: TestApp) {
    let Round { first, office, .. } = round(&app);
    let s = organiser(&app, office).await;
    let anna = seat(&app, first, "Anna Berger");
    let (_, v) = s
        .door_post(
            &format!("/api/v1/checkin/{first}/redeem"),
            &json!({ "token": ticket(&app, anna, first), "nonce": "n1", "device": "Tür" }),
        )
        .await;
    assert_eq!(v["result"], "welcome");
    let id = partner(&app, "Jobcenter Tübingen").to_string();
    s.submit(
        &format!("/admin/events/{first}"),
        &format!("/admin/events/{first}/attendance"),
        &[("partner", &id), ("present", "on")],
    )
    .await;
    assert_eq!(dashboard_line(&s, first).await, "2 von 2");
    let before = marked(&app, first);

    // long after the meeting, its retention is over
    let later = app.now() + Duration::days(120);
    let report = treffpunkt::domain::privacy::purge(&mut app.conn(), later, 30, false).unwrap();
    assert!(report.iter().any(|m| m.event_id == first), "anonymised");
    assert_eq!(
        app.count(&format!("event_id = {first} AND name <> ''")),
        0,
        "nobody's name is left"
    );
    assert_eq!(marked(&app, first), before);
    assert_eq!(dashboard_line(&s, first).await, "2 von 2");
    // the reply stays, the substitute's name and address go with her registration
    let (_, html, _) = s.get(&format!("/admin/events/{first}/replies")).await;
    assert_eq!(row(&html, "Bernd Keller"), ["Vertretung (Daten gelöscht)"]);
    assert_eq!(row(&html, "Anna Berger"), ["kommt"]);
    let substitutes: Vec<(Option<String>, Option<String>)> = invitations::table
        .filter(invitations::event_id.eq(first))
        .select((invitations::substitute_name, invitations::substitute_email))
        .load(&mut *app.conn())
        .unwrap();
    assert!(substitutes.iter().all(|(n, e)| n.is_none() && e.is_none()));
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

async fn the_year_view_counts_each_organisations_dates(app: TestApp) {
    let office = app.office("runder-tisch", "Landratsamt Tübingen, Integration");
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let date = |start: &str, cancelled: bool| {
        app.meeting_with(|e| {
            e.columns.office_id = office;
            e.columns.series_id = Some(series);
            e.columns.title = "Runder Tisch Integration".into();
            e.columns.starts_at = at(start);
            e.columns.ends_at = at(start) + Duration::hours(2);
            if cancelled {
                e.status = "cancelled";
            }
        })
    };
    let earlier_year = date("2024-11-12 17:00", false);
    let march = date("2025-03-11 17:00", false);
    let june = date("2025-06-10 16:00", false);
    let september = date("2025-09-09 16:00", true);
    let december = date("2025-12-09 17:00", false);
    let school = app.partner_org(office, "Berufliche Schule Tübingen");
    let jobcenter = app.partner_org(office, "Jobcenter Tübingen");
    let (anna, _) = app.partner_contact(school, "Anna Berger", "anna@schule.example.org", "de");
    let (dora, _) = app.partner_contact(jobcenter, "Dora Yılmaz", "dora@jc.example.org", "de");
    for d in [earlier_year, march, june, september, december] {
        app.partner_invitation(d, anna);
    }
    for d in [march, june] {
        app.partner_invitation(d, dora);
    }
    let s = organiser(&app, office).await;
    for (event, org) in [
        (earlier_year, school),
        (march, school),
        (december, school),
        (june, jobcenter),
    ] {
        let (status, _, _) = s
            .submit(
                &format!("/admin/events/{event}"),
                &format!("/admin/events/{event}/attendance"),
                &[("partner", &org.to_string()), ("present", "on")],
            )
            .await;
        assert_eq!(status, Status::SeeOther);
    }

    let (status, html, _) = s
        .get(&format!("/admin/series/{series}/attendance?year=2025"))
        .await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<caption"));
    // March, June, September (cancelled: not counted), December
    assert_eq!(
        row(&html, "Berufliche Schule Tübingen"),
        [
            "✓vertreten",
            "–nicht vertreten",
            "–nicht vertreten",
            "✓vertreten",
            "2 von 3 Terminen"
        ]
    );
    assert_eq!(
        row(&html, "Jobcenter Tübingen"),
        [
            "–nicht vertreten",
            "✓vertreten",
            "nicht eingeladen",
            "nicht eingeladen",
            "1 von 3 Terminen"
        ]
    );
    assert!(html.contains("?year=2024"), "the other year is a link away");

    let (_, html, _) = s
        .get(&format!("/admin/series/{series}/attendance?year=2024"))
        .await;
    assert_eq!(
        row(&html, "Berufliche Schule Tübingen"),
        ["✓vertreten", "1 von 1 Terminen"]
    );
    assert!(!html.contains("Jobcenter"), "not invited that year");

    // nonsense for a year shows the current one, never an error
    for year in ["abc", "99999", "-5"] {
        let (status, _, _) = s
            .get(&format!("/admin/series/{series}/attendance?year={year}"))
            .await;
        assert_eq!(status, Status::Ok, "{year}");
    }
}

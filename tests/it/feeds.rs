//! Calendar feeds: content checked with an independent parser (the `ical` crate), changes
//! and cancellations that calendars follow, HTTP caching, gzip, HEAD, private feeds, and
//! the outside judge `check_ics.py` when it is installed.

use std::io::Read;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use rocket::http::{Header, Status};
use treffpunkt::db::schema::events;
use treffpunkt::domain::account;

use crate::both_backends;
use crate::support::{Backend, TestApp, start};

both_backends!(
    feed_is_valid_and_complete,
    changes_and_cancellations_propagate,
    conditional_requests_gzip_and_head,
    scoped_and_private_feeds
);

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

const AWKWARD: &str = "Vorstellung; Konzept, \"Integration\" \\ Teil 2 – Größe & Grüße 🎉 mit einem sehr langen Titel, der weit über fünfundsiebzig Oktette hinausreicht";

/// Reverses RFC 5545 TEXT escaping, independently of the writer.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

struct Parsed {
    calendar: ical::parser::ical::component::IcalCalendar,
}

impl Parsed {
    fn new(text: &str) -> Parsed {
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
        let calendar = parser.next().expect("one calendar").expect("parses");
        assert!(parser.next().is_none());
        Parsed { calendar }
    }

    fn cal(&self, name: &str) -> Option<String> {
        self.calendar
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
    }

    fn event(&self, uid_id: i64) -> Vec<ical::property::Property> {
        self.calendar
            .events
            .iter()
            .find(|e| {
                e.properties.iter().any(|p| {
                    p.name == "UID"
                        && p.value
                            .as_deref()
                            .is_some_and(|v| v.starts_with(&format!("event-{uid_id}@")))
                })
            })
            .map(|e| e.properties.clone())
            .unwrap_or_default()
    }
}

fn prop(props: &[ical::property::Property], name: &str) -> Option<String> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
}

fn param(props: &[ical::property::Property], name: &str, param: &str) -> Option<String> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.params.as_ref())
        .and_then(|ps| ps.iter().find(|(k, _)| k == param))
        .and_then(|(_, v)| v.first().cloned())
}

fn assert_octets(text: &str) {
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break"
        );
    }
    // folding never splits a UTF-8 character: each physical line is valid UTF-8 on its own
    for raw in text.as_bytes().split(|b| *b == b'\n') {
        assert!(std::str::from_utf8(raw).is_ok());
    }
}

fn seed(app: &TestApp) -> (i64, i64, i64) {
    let cat = treffpunkt::domain::event::insert_category(
        &mut app.conn(),
        "integration",
        "Integration, Teilhabe",
        "Integration",
    )
    .unwrap();
    let office = app.office("amt", "Landratsamt Tübingen");
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let main = app.meeting_with(|e| {
        e.columns.title = AWKWARD.into();
        e.columns.description =
            "Zeile eins\nZeile zwei; mit Komma, Semikolon und Backslash \\".into();
        e.columns.category_id = Some(cat);
        e.columns.latitude = Some(48.5132);
        e.columns.longitude = Some(9.0706);
        e.columns.starts_at = at("2030-03-30 17:00"); // 18:00 in Berlin, winter time
        e.columns.ends_at = at("2030-03-30 19:00");
        e.created_at = at("2026-11-01 08:00");
        e.updated_at = at("2026-11-02 09:15");
    });
    let round = app.meeting_with(|e| {
        e.columns.title = "Runder Tisch Integration".into();
        e.columns.series_id = Some(series);
        e.columns.starts_at = at("2030-04-02 15:00"); // 17:00 in Berlin, summer time
        e.columns.ends_at = at("2030-04-02 17:00");
        e.created_at = at("2026-11-01 08:00");
        e.updated_at = at("2026-11-03 10:00");
    });
    let unlisted = app.meeting_with(|e| {
        e.columns.title = "Nur mit Link".into();
        e.columns.visibility = "unlisted".into();
        e.columns.starts_at = at("2030-05-01 16:00");
        e.columns.ends_at = at("2030-05-01 18:00");
        e.created_at = at("2026-11-01 08:00");
        e.updated_at = at("2026-11-01 08:00");
    });
    app.meeting_with(|e| {
        e.columns.title = "Entwurf".into();
        e.status = "draft";
    });
    (main, round, unlisted)
}

async fn feed_is_valid_and_complete(app: TestApp) {
    let (main, round, unlisted) = seed(&app);
    let res = app.get("/calendar.ics").await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(
        res.headers().get_one("Content-Type"),
        Some("text/calendar; charset=utf-8")
    );
    let text = res.into_string().await.unwrap();
    assert_octets(&text);
    let p = Parsed::new(&text);
    assert_eq!(p.cal("VERSION").as_deref(), Some("2.0"));
    assert!(p.cal("PRODID").unwrap().contains("Treffpunkt"));
    assert_eq!(p.cal("CALSCALE").as_deref(), Some("GREGORIAN"));
    assert!(p.cal("NAME").is_some() && p.cal("X-WR-CALNAME").is_some());
    assert_eq!(p.cal("REFRESH-INTERVAL").as_deref(), Some("PT60M"));
    assert_eq!(p.cal("X-PUBLISHED-TTL").as_deref(), Some("PT60M"));
    assert_eq!(p.calendar.timezones.len(), 1, "one VTIMEZONE");
    let tz = &p.calendar.timezones[0];
    assert_eq!(
        tz.properties
            .iter()
            .find(|x| x.name == "TZID")
            .and_then(|x| x.value.clone())
            .as_deref(),
        Some("Europe/Berlin")
    );
    assert_eq!(
        p.calendar.events.len(),
        2,
        "drafts and unlisted meetings stay out of the public feed"
    );
    assert!(p.event(unlisted).is_empty());

    let e = p.event(main);
    assert_eq!(
        prop(&e, "UID"),
        Some(format!("event-{main}@treffpunkt.example.org"))
    );
    assert_eq!(
        prop(&e, "DTSTAMP").as_deref(),
        Some("20261102T091500Z"),
        "DTSTAMP from the data, not the clock"
    );
    assert_eq!(
        prop(&e, "LAST-MODIFIED").as_deref(),
        Some("20261102T091500Z")
    );
    assert_eq!(prop(&e, "SEQUENCE").as_deref(), Some("0"));
    assert_eq!(prop(&e, "DTSTART").as_deref(), Some("20300330T180000"));
    assert_eq!(
        param(&e, "DTSTART", "TZID").as_deref(),
        Some("Europe/Berlin")
    );
    assert_eq!(prop(&e, "DTEND").as_deref(), Some("20300330T200000"));
    assert_eq!(
        unescape(&prop(&e, "SUMMARY").unwrap()),
        AWKWARD,
        "escaping and folding survive"
    );
    let description = unescape(&prop(&e, "DESCRIPTION").unwrap());
    assert!(description.contains("Zeile eins\nZeile zwei; mit Komma, Semikolon und Backslash \\"));
    assert!(
        description.contains(&format!("https://treffpunkt.example.org/events/{main}/")),
        "the link is in the text too"
    );
    assert!(
        prop(&e, "URL")
            .unwrap()
            .starts_with(&format!("https://treffpunkt.example.org/events/{main}/"))
    );
    assert_eq!(
        unescape(&prop(&e, "LOCATION").unwrap()),
        "Großer Sitzungssaal, Landratsamt Tübingen, Wilhelm-Keil-Straße 50, 72072 Tübingen"
    );
    assert_eq!(
        prop(&e, "CATEGORIES").as_deref(),
        Some("Integration\\, Teilhabe"),
        "a comma inside a category is escaped"
    );
    assert_eq!(prop(&e, "STATUS").as_deref(), Some("CONFIRMED"));
    assert_eq!(prop(&e, "GEO").as_deref(), Some("48.513200;9.070600"));

    let r = p.event(round);
    assert_eq!(
        prop(&r, "DTSTART").as_deref(),
        Some("20300402T170000"),
        "summer time converted right"
    );

    // the outside judge, when installed
    judge(&app, &text);
}

/// Runs ../shared/tools/check_ics.py (or $TREFFPUNKT_CHECK_ICS) when python can run it.
pub(crate) fn judge(app: &TestApp, text: &str) {
    let script = std::env::var("TREFFPUNKT_CHECK_ICS").unwrap_or_else(|_| {
        format!(
            "{}/../shared/tools/check_ics.py",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    if !std::path::Path::new(&script).exists() {
        crate::support::skip(&format!("check_ics.py not found at {script}"));
        return;
    }
    let file = app.data_dir().join("feed.ics");
    std::fs::write(&file, text).unwrap();
    let python = std::env::var("TREFFPUNKT_CHECK_ICS_PYTHON").unwrap_or_else(|_| "python3".into());
    let probe = std::process::Command::new(&python)
        .args(["-c", "import icalendar, ical, recurring_ical_events"])
        .output();
    let venv = std::path::Path::new(&script).with_file_name("venv");
    if !venv.exists() && !probe.is_ok_and(|o| o.status.success()) {
        crate::support::skip("check_ics.py needs its Python libraries (run its install.sh)");
        return;
    }
    let out = std::process::Command::new(&python)
        .arg(&script)
        .arg(&file)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "check_ics.py found problems:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn changes_and_cancellations_propagate(app: TestApp) {
    let (main, _, _) = seed(&app);
    let before = Parsed::new(&app.get_text("/calendar.ics").await.1);
    let e0 = before.event(main);

    let office: i64 = events::table
        .find(main)
        .select(events::office_id)
        .first(&mut *app.conn())
        .unwrap();
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let s = app.login("orga@example.org", &pw).await;
    let (_, form, _) = s.get(&format!("/admin/events/{main}/edit")).await;
    assert!(form.contains("2030-03-30T18:00"));
    let fields = [
        ("title", "Vorstellung des Konzepts (neuer Termin)"),
        ("starts_at", "2030-04-06T18:00"),
        ("ends_at", "2030-04-06T20:00"),
        ("venue_name", "Landratsamt Tübingen"),
        ("venue_room", "Kleiner Sitzungssaal"),
        ("street", "Wilhelm-Keil-Straße 50"),
        ("postal_code", "72072"),
        ("town", "Tübingen"),
        ("office_id", &office.to_string()),
        ("capacity", "10"),
        ("max_companions", "2"),
        ("waitlist_enabled", "on"),
        ("visibility", "public"),
    ];
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{main}/edit"),
            &format!("/admin/events/{main}/edit"),
            &fields,
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let after = Parsed::new(&app.get_text("/calendar.ics").await.1);
    let e1 = after.event(main);
    assert_eq!(prop(&e1, "UID"), prop(&e0, "UID"), "UID never changes");
    let seq = |p: &[ical::property::Property]| prop(p, "SEQUENCE").unwrap().parse::<i32>().unwrap();
    assert!(seq(&e1) > seq(&e0), "SEQUENCE goes up");
    assert!(prop(&e1, "LAST-MODIFIED") > prop(&e0, "LAST-MODIFIED"));
    assert_eq!(prop(&e1, "DTSTAMP"), prop(&e1, "LAST-MODIFIED"));
    assert_eq!(prop(&e1, "DTSTART").as_deref(), Some("20300406T180000"));
    assert!(unescape(&prop(&e1, "LOCATION").unwrap()).starts_with("Kleiner Sitzungssaal"));

    // a change no calendar shows (the capacity) leaves SEQUENCE alone
    let mut same = fields.to_vec();
    same.retain(|(k, _)| *k != "capacity");
    same.push(("capacity", "20"));
    s.submit(
        &format!("/admin/events/{main}/edit"),
        &format!("/admin/events/{main}/edit"),
        &same,
    )
    .await;
    let e2 = Parsed::new(&app.get_text("/calendar.ics").await.1).event(main);
    assert_eq!(seq(&e2), seq(&e1));

    // a cancelled meeting stays, marked, with a higher SEQUENCE
    let (status, _, _) = s
        .submit(
            &format!("/admin/events/{main}"),
            &format!("/admin/events/{main}/cancel"),
            &[("reason", "Erkrankung der Referentin")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let cancelled = Parsed::new(&app.get_text("/calendar.ics").await.1).event(main);
    assert_eq!(prop(&cancelled, "STATUS").as_deref(), Some("CANCELLED"));
    assert!(seq(&cancelled) > seq(&e2));
    assert!(
        unescape(&prop(&cancelled, "DESCRIPTION").unwrap()).contains("Erkrankung der Referentin")
    );

    // still there after the meeting's date has passed, for 90 days after the cancellation
    app.clock.advance(chrono::Duration::days(60));
    let p = Parsed::new(&app.get_text("/calendar.ics").await.1);
    assert_eq!(prop(&p.event(main), "STATUS").as_deref(), Some("CANCELLED"));
}

async fn conditional_requests_gzip_and_head(app: TestApp) {
    let (main, _, _) = seed(&app);
    let res = app.get("/calendar.ics").await;
    let etag = res.headers().get_one("ETag").unwrap().to_owned();
    let modified = res.headers().get_one("Last-Modified").unwrap().to_owned();
    assert_eq!(
        modified,
        "Sun, 03 Nov 2026 10:00:00 GMT".replace("Sun", "Tue"),
        "Last-Modified is the newest change"
    );
    let body = res.into_string().await.unwrap();

    let res = app
        .client
        .get("/calendar.ics")
        .header(Header::new("If-None-Match", etag.clone()))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::NotModified);
    assert!(res.into_bytes().await.unwrap_or_default().is_empty());
    let res = app
        .client
        .get("/calendar.ics")
        .header(Header::new("If-Modified-Since", modified.clone()))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::NotModified);
    let res = app
        .client
        .get("/calendar.ics")
        .header(Header::new(
            "If-Modified-Since",
            "Mon, 02 Nov 2026 10:00:00 GMT",
        ))
        .dispatch()
        .await;
    assert_eq!(
        res.status(),
        Status::Ok,
        "older date: the feed changed since"
    );

    let res = app.client.head("/calendar.ics").dispatch().await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.headers().get_one("ETag"), Some(etag.as_str()));
    assert!(
        res.into_bytes().await.unwrap_or_default().is_empty(),
        "HEAD has no body"
    );

    let res = app
        .client
        .get("/calendar.ics")
        .header(Header::new("Accept-Encoding", "gzip, deflate, br"))
        .dispatch()
        .await;
    assert_eq!(res.headers().get_one("Content-Encoding"), Some("gzip"));
    assert_ne!(
        res.headers().get_one("ETag"),
        Some(etag.as_str()),
        "the gzip variant has its own ETag"
    );
    let zipped = res.into_bytes().await.unwrap();
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(zipped.as_slice())
        .read_to_string(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, body);

    // a change makes a new feed at once
    diesel::update(events::table.find(main))
        .set((
            events::title.eq("Neuer Titel"),
            events::updated_at.eq(at("2026-11-05 12:00")),
            events::sequence.eq(events::sequence + 1),
        ))
        .execute(&mut *app.conn())
        .unwrap();
    let res = app
        .client
        .get("/calendar.ics")
        .header(Header::new("If-None-Match", etag.clone()))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok, "the cache noticed the change");
    assert_ne!(res.headers().get_one("ETag"), Some(etag.as_str()));
    assert!(
        res.into_string()
            .await
            .unwrap()
            .contains("SUMMARY:Neuer Titel")
    );
}

async fn scoped_and_private_feeds(app: TestApp) {
    let (main, round, unlisted) = seed(&app);
    let only = |text: &str| Parsed::new(text).calendar.events.len();
    let (status, text) = app.get_text("/categories/integration/calendar.ics").await;
    assert_eq!(status, Status::Ok);
    assert_eq!(only(&text), 1);
    assert!(!Parsed::new(&text).event(main).is_empty());
    let (_, text) = app.get_text("/series/runder-tisch/calendar.ics").await;
    assert_eq!(only(&text), 1);
    assert!(!Parsed::new(&text).event(round).is_empty());
    let key = app.event_key(unlisted);
    let (_, text) = app
        .get_text(&format!("/events/{unlisted}/calendar.ics?k={key}"))
        .await;
    assert_eq!(
        only(&text),
        1,
        "an unlisted meeting can be added by its own link"
    );
    assert_eq!(
        app.get(&format!("/events/{unlisted}/calendar.ics"))
            .await
            .status(),
        Status::NotFound,
        "but not by its id alone"
    );
    for missing in [
        "/categories/nope/calendar.ics",
        "/series/nope/calendar.ics",
        "/events/99999/calendar.ics",
        "/feeds/AAAAAAAAAAAAAAAAAAAAAAAA/calendar.ics",
    ] {
        assert_eq!(
            app.get(missing).await.status(),
            Status::NotFound,
            "{missing}"
        );
    }

    // the meeting page offers subscribing and adding
    let (_, page) = app.get_text(&format!("/events/{round}")).await;
    assert!(page.contains("webcal://treffpunkt.example.org/series/runder-tisch/calendar.ics"));
    assert!(page.contains("https://treffpunkt.example.org/calendar.ics"));
    assert!(page.contains("calendar.google.com/calendar/render?action=TEMPLATE"));
    assert!(page.contains("outlook.live.com/calendar/0/deeplink/compose"));
    assert!(page.contains("Ein Abo trägt alle Termine in Ihren Kalender ein"));

    // private feed: own offices, unlisted too, with counts; revocable
    let office: i64 = events::table
        .find(main)
        .select(events::office_id)
        .first(&mut *app.conn())
        .unwrap();
    let register_unlisted = async |name: &str, email: &str, companions: i64| {
        let body = serde_json::json!({ "name": name, "email": email, "companions": companions, "consent": true });
        let uri = format!("/api/v1/events/{unlisted}/registrations?k={key}");
        let (status, _) = app.post_json(&uri, &body).await;
        assert_eq!(status, Status::Created);
    };
    register_unlisted("Gast", "gast@example.org", 1).await;
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[office]);
    let s = app.login("orga@example.org", &pw).await;
    let (status, _, _) = s.submit("/admin/feed", "/admin/feed", &[]).await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get("/admin/feed").await;
    let start = page.find("/feeds/").unwrap();
    let path: String = page[start..]
        .chars()
        .take_while(|c| *c != '"' && *c != '<')
        .collect();
    let (status, text) = app.get_text(&path).await;
    assert_eq!(status, Status::Ok);
    let p = Parsed::new(&text);
    assert_eq!(p.calendar.events.len(), 3);
    assert_eq!(
        prop(&p.event(unlisted), "URL").unwrap(),
        format!("https://treffpunkt.example.org/events/{unlisted}/nur-mit-link?k={key}"),
        "the organiser's feed links unlisted meetings with their key"
    );
    let desc = unescape(&prop(&p.event(unlisted), "DESCRIPTION").unwrap());
    assert!(desc.contains("Anmeldungen: 2 Plätze bestätigt"), "{desc}");
    // new registrations show at once
    register_unlisted("Zweite", "zweite@example.org", 0).await;
    let (_, text) = app.get_text(&path).await;
    assert!(
        unescape(&prop(&Parsed::new(&text).event(unlisted), "DESCRIPTION").unwrap())
            .contains("3 Plätze bestätigt")
    );
    let (status, _, _) = s.submit("/admin/feed", "/admin/feed/revoke", &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        app.get(&path).await.status(),
        Status::NotFound,
        "a revoked address stops working"
    );
}

/// A snapshot of a whole feed with fixed times and ids (CRLF checked above: insta
/// normalises line endings).
#[rocket::async_test]
async fn feed_snapshot() {
    let app = start(Backend::Sqlite).await.unwrap();
    seed(&app);
    let (_, text) = app.get_text("/calendar.ics").await;
    insta::assert_snapshot!(text);
}

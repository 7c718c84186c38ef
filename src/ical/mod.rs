//! iCalendar (RFC 5545, RFC 7986) for meetings: stable UIDs, DTSTAMP and LAST-MODIFIED from
//! the data, SEQUENCE and STATUS so that calendar apps follow changes and cancellations.
//!
//! The `icalendar` crate writes properties (escaping, folding at 75 octets on character
//! boundaries, CRLF); it cannot write a VTIMEZONE, so that block is ours (`timezone.rs`).
//! `meeting.rs` turns a meeting of the domain into such an entry, for feeds and mails alike.

mod meeting;
mod timezone;

pub use meeting::{feed_event, host_of, location, single_ics};

use chrono::{NaiveDateTime, TimeZone};
use icalendar::{Calendar, Component, EventLike, Property};

/// One meeting as a calendar shows it.
#[derive(Debug, Clone)]
pub struct FeedEvent {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// The Markdown source; written as readable plain text (`markdown::to_plain_text`).
    pub description: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub location: String,
    pub url: String,
    pub category: Option<String>,
    pub cancelled: bool,
    pub cancel_reason: Option<String>,
    pub geo: Option<(f64, f64)>,
    pub sequence: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Extra lines for private feeds (registration counts).
    pub note: Option<String>,
    /// Name and address of who holds the meeting, for mailed calendars: RFC 5546 wants an
    /// ORGANIZER in every PUBLISH. Feeds, which have no METHOD, leave it out.
    pub organizer: Option<(String, String)>,
}

/// The feed as a whole.
#[derive(Debug, Clone)]
pub struct FeedMeta {
    pub name: String,
    pub description: String,
    /// Host of the public URL: UIDs are `event-{id}@{host}`.
    pub host: String,
    pub tz: chrono_tz::Tz,
    /// Text put before the title of a cancelled meeting, for apps that ignore STATUS.
    pub cancelled_prefix: String,
    /// The feed's own address (RFC 7986 SOURCE).
    pub source: Option<String>,
    pub refresh_minutes: u32,
    /// The iTIP method (RFC 5546), for a calendar sent by mail: RFC 6047 wants the METHOD
    /// line and the `method=` of the attachment's Content-Type to agree. Feeds have none.
    pub method: Option<&'static str>,
}

/// What a mailed calendar is: our meetings are published, not scheduled with attendees
/// (no ORGANIZER, no ATTENDEE), so a cancellation is the same event again with
/// STATUS:CANCELLED and a higher SEQUENCE, still under PUBLISH (RFC 5546 §3.2.1).
pub const MAIL_METHOD: &str = "PUBLISH";

fn utc_stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes TEXT for properties the crate passes through unescaped (NAME, CATEGORIES); it
/// escapes DESCRIPTION and every `X-` property itself, so those must not go through here.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// CR and other control characters have no place in a content line.
fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

pub fn uid(id: i64, host: &str) -> String {
    format!("event-{id}@{host}")
}

fn local_time(meta: &FeedMeta, utc: NaiveDateTime) -> Property {
    if timezone::has_vtimezone(meta.tz) {
        let local = meta.tz.from_utc_datetime(&utc).naive_local();
        let mut p = Property::new("DTSTART", local.format("%Y%m%dT%H%M%S").to_string());
        p.add_parameter("TZID", meta.tz.name());
        p
    } else {
        Property::new("DTSTART", utc_stamp(utc))
    }
}

fn with_key(mut p: Property, key: &str) -> Property {
    // Property has no setter for its key: rebuild it with the same value and parameters
    let mut out = Property::new(key, p.value());
    for (k, v) in p.params().iter() {
        out.add_parameter(k, v.value());
    }
    p.done();
    out
}

fn vevent(e: &FeedEvent, meta: &FeedMeta) -> icalendar::Event {
    let mut ev = icalendar::Event::new();
    ev.uid(&uid(e.id, &meta.host));
    ev.timestamp(chrono::DateTime::from_naive_utc_and_offset(
        e.updated_at,
        chrono::Utc,
    ));
    ev.add_property("LAST-MODIFIED", utc_stamp(e.updated_at));
    ev.add_property("CREATED", utc_stamp(e.created_at));
    ev.add_property("SEQUENCE", e.sequence.max(0).to_string());
    ev.append_property(local_time(meta, e.starts_at));
    ev.append_property(with_key(local_time(meta, e.ends_at), "DTEND"));
    let title = clean(&e.title);
    ev.summary(&if e.cancelled {
        format!("{} {title}", meta.cancelled_prefix)
    } else {
        title
    });
    ev.location(&clean(&e.location));
    let mut text = String::new();
    if e.cancelled {
        text.push_str(&meta.cancelled_prefix);
        if let Some(r) = &e.cancel_reason {
            text.push(' ');
            text.push_str(r);
        }
        text.push_str("\n\n");
    }
    if !e.summary.is_empty() {
        text.push_str(&e.summary);
        text.push_str("\n\n");
    }
    let description = crate::markdown::to_plain_text(&e.description);
    if !description.is_empty() {
        text.push_str(&description);
        text.push_str("\n\n");
    }
    if let Some(note) = &e.note {
        text.push_str(note);
        text.push_str("\n\n");
    }
    // clients ignore URL, so the link also goes into the text
    text.push_str(&e.url);
    ev.description(&clean(&text));
    ev.add_property("URL", &e.url);
    if let Some(c) = &e.category {
        ev.add_property("CATEGORIES", escape(&clean(c)));
    }
    ev.add_property(
        "STATUS",
        if e.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        },
    );
    ev.add_property("TRANSP", "OPAQUE");
    if let Some((name, address)) = &e.organizer {
        let address: String = clean(address).split_whitespace().collect();
        let mut p = Property::new("ORGANIZER", format!("mailto:{address}"));
        // a parameter value may be quoted but hold no quote itself (RFC 5545 §3.1)
        let name: String = clean(name)
            .chars()
            .filter(|c| *c != '"' && !c.is_control())
            .collect();
        if !name.trim().is_empty() {
            p.add_parameter("CN", name.trim());
        }
        ev.append_property(p);
    }
    if let Some((lat, lon)) = e.geo {
        ev.add_property("GEO", format!("{lat:.6};{lon:.6}"));
    }
    ev.done()
}

/// The whole calendar as RFC 5545 text with CRLF line endings.
pub fn render(events: &[FeedEvent], meta: &FeedMeta) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//Treffpunkt//Treffpunkt 0.1//DE"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    if let Some(method) = meta.method {
        cal.append_property(Property::new("METHOD", method));
    }
    cal.append_property(Property::new("NAME", escape(&clean(&meta.name))));
    cal.append_property(Property::new("X-WR-CALNAME", clean(&meta.name)));
    cal.append_property(Property::new("DESCRIPTION", clean(&meta.description)));
    cal.append_property(Property::new("X-WR-CALDESC", clean(&meta.description)));
    if timezone::has_vtimezone(meta.tz) {
        cal.append_property(Property::new("X-WR-TIMEZONE", meta.tz.name()));
    }
    let mut refresh = Property::new("REFRESH-INTERVAL", format!("PT{}M", meta.refresh_minutes));
    refresh.add_parameter("VALUE", "DURATION");
    cal.append_property(refresh);
    cal.append_property(Property::new(
        "X-PUBLISHED-TTL",
        format!("PT{}M", meta.refresh_minutes),
    ));
    if let Some(source) = &meta.source {
        let mut p = Property::new("SOURCE", source);
        p.add_parameter("VALUE", "URI");
        cal.append_property(p);
    }
    // Written event by event rather than as one calendar value: a feed of thousands of
    // meetings never exists twice in memory (as components and as text).
    let head = cal.done().to_string();
    let mut out = String::with_capacity(head.len() + events.len() * 900);
    out.push_str(head.trim_end_matches("END:VCALENDAR\r\n"));
    // the VTIMEZONE goes before the first event, where every client looks for it
    if !events.is_empty()
        && let Some(tz) = timezone::vtimezone(meta.tz)
    {
        out.push_str(tz);
    }
    for e in events {
        // writing into a String cannot fail
        let _ = vevent(e, meta).fmt_write(&mut out);
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> FeedMeta {
        FeedMeta {
            name: "Treffpunkt, alle Termine".into(),
            description: "Öffentliche Termine".into(),
            host: "termine.example.org".into(),
            tz: chrono_tz::Europe::Berlin,
            cancelled_prefix: "ABGESAGT:".into(),
            source: None,
            refresh_minutes: 60,
            method: None,
        }
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn sample() -> FeedEvent {
        FeedEvent {
            id: 7,
            title: "Runder Tisch; Integration, \\ Teil 2 🎉".into(),
            summary: "Kurz".into(),
            description: "Zeile eins\nZeile zwei mit Umlauten äöüß und einem sehr langen Satz, der bestimmt über fünfundsiebzig Oktette hinausgeht und gefaltet werden muss.".into(),
            starts_at: at("2026-12-08 17:00"),
            ends_at: at("2026-12-08 19:00"),
            location: "Großer Sitzungssaal, Landratsamt, Wilhelm-Keil-Straße 50, 72072 Tübingen".into(),
            url: "https://termine.example.org/events/7".into(),
            category: Some("Netzwerk, Integration".into()),
            cancelled: false,
            cancel_reason: None,
            geo: Some((48.5132, 9.0706)),
            sequence: 3,
            created_at: at("2026-11-01 10:00"),
            updated_at: at("2026-11-20 09:30"),
            note: None,
            organizer: None,
        }
    }

    #[test]
    fn lines_are_crlf_and_at_most_75_octets() {
        let text = render(&[sample()], &meta());
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
    }

    #[test]
    fn times_are_local_with_tzid_and_stamps_from_the_data() {
        let text = render(&[sample()], &meta());
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("DTSTART;TZID=Europe/Berlin:20261208T180000\r\n"));
        assert!(unfolded.contains("DTEND;TZID=Europe/Berlin:20261208T200000\r\n"));
        assert!(unfolded.contains("DTSTAMP:20261120T093000Z\r\n"));
        assert!(unfolded.contains("LAST-MODIFIED:20261120T093000Z\r\n"));
        assert!(unfolded.contains("UID:event-7@termine.example.org\r\n"));
        assert!(unfolded.contains("SEQUENCE:3\r\n"));
        assert!(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"));
        assert!(unfolded.find("BEGIN:VTIMEZONE").unwrap() < unfolded.find("BEGIN:VEVENT").unwrap());
        assert!(unfolded.contains("SUMMARY:Runder Tisch\\; Integration\\, \\\\ Teil 2 🎉\r\n"));
        assert!(unfolded.contains("CATEGORIES:Netzwerk\\, Integration\r\n"));
        assert!(unfolded.contains("GEO:48.513200;9.070600\r\n"));
        assert!(unfolded.contains("STATUS:CONFIRMED\r\n"));
    }

    #[test]
    fn calendar_names_are_escaped_once_and_markdown_is_plain() {
        let mut m = meta();
        m.description = "Termine, öffentlich".into();
        let mut e = sample();
        e.description =
            "**Runden Tisch Integration**\n\n* Anfahrt: [Plan](https://example.org/plan)".into();
        let text = render(&[e], &m).replace("\r\n ", "");
        assert!(text.contains("\r\nNAME:Treffpunkt\\, alle Termine\r\n"));
        assert!(text.contains("\r\nX-WR-CALNAME:Treffpunkt\\, alle Termine\r\n"));
        assert!(text.contains("\r\nX-WR-CALDESC:Termine\\, öffentlich\r\n"));
        assert!(text.contains(
            "DESCRIPTION:Kurz\\n\\nRunden Tisch Integration\\n\\n- Anfahrt: Plan (https://example.org/plan)\\n\\n"
        ));
    }

    #[test]
    fn cancelled_stays_with_status_cancelled() {
        let mut e = sample();
        e.cancelled = true;
        e.cancel_reason = Some("Erkrankung".into());
        let text = render(&[e], &meta()).replace("\r\n ", "");
        assert!(text.contains("STATUS:CANCELLED\r\n"));
        assert!(text.contains("SUMMARY:ABGESAGT: Runder Tisch"));
        assert!(text.contains("DESCRIPTION:ABGESAGT: Erkrankung\\n\\n"));
    }
}

//! Sample meetings for a first look, drawn from real announcements of district offices.

mod papers;
mod people;
mod round_table;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Weekday};
use diesel::prelude::*;

use super::DomainError;
use super::event::{
    EventColumns, NewEvent, insert_category, insert_office, insert_series, set_category_names,
};
use crate::db::DbConn;
use crate::db::schema::{events, outbox};

/// Berlin wall-clock time to stored UTC.
fn berlin(date: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    let local = date.and_hms_opt(hour, minute, 0).expect("valid time");
    chrono_tz::Europe::Berlin
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or(local)
}

/// The first `weekday` at least `days` days after `from`.
fn next_weekday(from: NaiveDate, days: i64, weekday: Weekday) -> NaiveDate {
    let mut d = from + Duration::days(days);
    while d.weekday() != weekday {
        d += Duration::days(1);
    }
    d
}

const CONCEPT: &str = "Aktuell leben im Landkreis Tübingen rund 2.800 Menschen, die ihre Heimatländer verlassen mussten und bei uns Zuflucht gesucht haben. Die Landkreisverwaltung möchte mit der **Agentur für Arbeit** und dem **Jobcenter** eine Kooperationsvereinbarung abschließen: durch enge Vernetzung Informationsdefizite vermeiden und gemeinsam mit den Geflüchteten individuelle, realisierbare Integrationsziele vereinbaren.

## Ablauf
1. Begrüßung durch den Landrat
2. Impulsvortrag eines Ausbildungsbetriebs aus der Region
3. Vorstellung des Konzepts durch die Landkreisverwaltung
4. Austausch- und Fragerunde
5. Unterzeichnung der Kooperationsvereinbarung

Eingeladen sind alle Interessierten, Vertreterinnen und Vertreter der Städte und Gemeinden, der Kammern, ehrenamtliche Unterstützerkreise und weitere Akteure. Zur besseren Planung wird um Anmeldung gebeten.";

const ROUND_TABLE: &str = "Beim **Runden Tisch Integration** treffen sich Berufliche Schulen, Industrie- und Handelskammer, Handwerkskammer, Kirchen, Wohlfahrtsverbände, Volkshochschulen, Gemeinden, Agentur für Arbeit, Jobcenter, Polizei und die Kreisverwaltung.

Ziel ist die Vernetzung und Transparenz der Angebote aller Bündnispartnerinnen und -partner sowie der Städte und Gemeinden im Landkreis. Die Sitzung ist öffentlich; Gäste sind willkommen.";

const INFO_EVENING: &str = "Unsere Integrationsmanagerinnen und Integrationsmanager beraten Geflüchtete zu allen Fragen des alltäglichen, beruflichen und sozialen Lebens – kostenlos, freiwillig und kultursensibel. An diesem Abend stellen sie ihre Arbeit vor und zeigen, wie **Ehrenamtliche** mitwirken können, zum Beispiel im Projekt *Jobdschungel*.

Der Raum ist klein: bitte melden Sie sich an. Der Raum ist barrierefrei erreichbar.";

const EMPOWERMENT: &str = "Zum Abschluss des Projekts „Berufliches Empowerment für geflüchtete Frauen“ stellen wir die Broschüre mit dem Projektkonzept, Interviews mit den beteiligten Frauen und Handlungsempfehlungen vor.";

/// Every contact in the demo is fictitious: addresses under the reserved `example.org`
/// (RFC 2606) and numbers from the Bundesnetzagentur's range for fiction (030 23125 xxx), so a
/// demo with SMTP configured, or a fuzzer reading its API, never reaches a real office.
pub const FICTITIOUS_CONTACTS: &str =
    "all contact addresses are fictitious (example.org, phone 030 23125 xxx)";

/// Adds the sample meetings, with questions and registrations for the main one; refuses
/// when the database already has meetings.
pub fn load(conn: &mut DbConn, now: NaiveDateTime) -> Result<usize, String> {
    let existing: i64 = events::table
        .count()
        .get_result(conn)
        .map_err(|e| e.to_string())?;
    if existing > 0 {
        return Err(format!(
            "the database already holds {existing} meetings; demo data goes only into an empty one"
        ));
    }
    crate::db::lock::write_transaction(conn, |conn| insert_all(conn, now))
        .map_err(|e| e.to_string())
}

fn insert_all(conn: &mut DbConn, now: NaiveDateTime) -> Result<usize, DomainError> {
    let mails_before: i64 = outbox::table
        .select(diesel::dsl::max(outbox::id))
        .first::<Option<i64>>(conn)?
        .unwrap_or(0);
    let today = now.date();
    let tuebingen = insert_office(
        conn,
        "lra-tuebingen-integration",
        "Landratsamt Tübingen – Sachgebiet Integration",
        "integration@tuebingen.example.org",
        "030 23125 101",
    )?;
    let alb_donau = insert_office(
        conn,
        "lra-alb-donau-integration",
        "Landratsamt Alb-Donau-Kreis – Integration",
        "integration@alb-donau.example.org",
        "030 23125 102",
    )?;
    let boeblingen = insert_office(
        conn,
        "lra-boeblingen-migration",
        "Landratsamt Böblingen – Amt für Migration und Flüchtlinge",
        "migration@boeblingen.example.org",
        "030 23125 103",
    )?;

    let integration = insert_category(conn, "integration", "Integration", "Integration")?;
    let network = insert_category(conn, "netzwerk", "Netzwerktreffen", "Network meetings")?;
    let volunteering = insert_category(conn, "ehrenamt", "Ehrenamt", "Volunteering")?;
    for (id, names) in [
        (
            integration,
            [
                "الاندماج",
                "Інтеграція",
                "Entegrasyon",
                "ادغام",
                "Интеграция",
            ],
        ),
        (
            network,
            [
                "لقاءات الشبكات",
                "Зустрічі мереж",
                "Ağ toplantıları",
                "نشست\u{200c}های شبکه",
                "Сетевые встречи",
            ],
        ),
        (
            volunteering,
            [
                "العمل التطوعي",
                "Волонтерство",
                "Gönüllülük",
                "کار داوطلبانه",
                "Волонтёрство",
            ],
        ),
    ] {
        let names: Vec<(&str, String)> = ["ar", "uk", "tr", "fa", "ru"]
            .into_iter()
            .zip(names.map(str::to_owned))
            .collect();
        set_category_names(conn, id, &names)?;
    }

    let round_table = insert_series(
        conn,
        "runder-tisch-integration",
        "Runder Tisch Integration",
        alb_donau,
    )?;

    let concept_day = next_weekday(today, 14, Weekday::Tue);
    let mut meetings = vec![NewEvent {
        columns: EventColumns {
            category_id: Some(integration),
            title: "Vorstellung des Konzepts: Integrationszielvereinbarungen".into(),
            summary: "Öffentliche Vorstellung des Konzepts zur Verbesserung der Integrationserfolge im Landkreis, mit Unterzeichnung der Kooperationsvereinbarung.".into(),
            description: CONCEPT.into(),
            starts_at: berlin(concept_day, 18, 0),
            ends_at: berlin(concept_day, 20, 0),
            capacity: Some(120),
            max_companions: 2,
            waitlist_enabled: true,
            registration_closes_at: Some(berlin(concept_day - Duration::days(1), 12, 0)),
            ..in_great_hall(tuebingen)
        },
        ..Default::default()
    }];

    let first_round = next_weekday(today, 7, Weekday::Tue);
    // one date already held (with its minutes), four to come
    for i in -1..4 {
        let day = first_round + Duration::weeks(4 * i);
        meetings.push(NewEvent {
            columns: EventColumns {
                office_id: alb_donau,
                category_id: Some(network),
                series_id: Some(round_table),
                title: "Runder Tisch Integration".into(),
                summary: "Bündnispartner aus Kammern, Kirchen, Jobcenter, Polizei und Kreisverwaltung stimmen gemeinsame Strategien ab.".into(),
                description: ROUND_TABLE.into(),
                starts_at: berlin(day, 17, 0),
                ends_at: berlin(day, 19, 0),
                venue_name: "Haus des Landkreises".into(),
                venue_room: Some("Sitzungssaal".into()),
                street: "Schillerstraße 30".into(),
                postal_code: "89077".into(),
                town: "Ulm".into(),
                latitude: Some(48.3951),
                longitude: Some(9.9837),
                contact_name: Some("Geschäftsstelle Runder Tisch".into()),
                contact_phone: Some("030 23125 102".into()),
                contact_email: Some("integration@alb-donau.example.org".into()),
                capacity: Some(40),
                max_companions: 1,
                waitlist_enabled: true,
                ..Default::default()
            },
            ..Default::default()
        });
    }

    let info_day = next_weekday(today, 10, Weekday::Thu);
    meetings.push(NewEvent {
        columns: EventColumns {
            office_id: boeblingen,
            category_id: Some(volunteering),
            title: "Infoabend: Ehrenamtlich mitwirken im Integrationsmanagement".into(),
            summary: "Integrationsmanagerinnen und -manager stellen ihre Arbeit vor und zeigen, wie Ehrenamtliche mithelfen können.".into(),
            description: INFO_EVENING.into(),
            starts_at: berlin(info_day, 19, 0),
            ends_at: berlin(info_day, 20, 30),
            venue_name: "Landratsamt Böblingen".into(),
            venue_room: Some("Besprechungsraum 1.12".into()),
            street: "Parkstraße 16".into(),
            postal_code: "71034".into(),
            town: "Böblingen".into(),
            contact_name: Some("Team Integrationsmanagement".into()),
            contact_phone: Some("030 23125 103".into()),
            contact_email: Some("migration@boeblingen.example.org".into()),
            capacity: Some(15),
            max_companions: 1,
            waitlist_enabled: true,
            ..Default::default()
        },
        ..Default::default()
    });

    let brochure_day = next_weekday(today, 21, Weekday::Wed);
    meetings.push(NewEvent {
        columns: EventColumns {
            office_id: boeblingen,
            category_id: Some(integration),
            title: "Projektabschluss: Berufliches Empowerment für geflüchtete Frauen".into(),
            summary: "Vorstellung der Abschlussbroschüre mit Interviews und Handlungsempfehlungen."
                .into(),
            description: EMPOWERMENT.into(),
            starts_at: berlin(brochure_day, 16, 0),
            ends_at: berlin(brochure_day, 17, 30),
            venue_name: "Landratsamt Böblingen".into(),
            venue_room: Some("Kleiner Sitzungssaal".into()),
            street: "Parkstraße 16".into(),
            postal_code: "71034".into(),
            town: "Böblingen".into(),
            contact_name: Some("Amt für Migration und Flüchtlinge".into()),
            contact_email: Some("migration@boeblingen.example.org".into()),
            max_companions: 3,
            waitlist_enabled: false,
            ..Default::default()
        },
        status: "cancelled",
        cancel_reason: Some(
            "Der Termin wird wegen Erkrankung der Referentin ins Frühjahr verschoben.",
        ),
        ..Default::default()
    });

    let count = meetings.len();
    let mut ids = Vec::with_capacity(count);
    for mut m in meetings {
        if m.status.is_empty() {
            m.status = "published";
        }
        m.columns.visibility = "public".into();
        m.columns.reminder_hours = Some(24);
        m.created_at = now;
        m.updated_at = now;
        ids.push(
            diesel::insert_into(events::table)
                .values(&m)
                .returning(events::id)
                .get_result::<i64>(conn)?,
        );
    }
    // the concept meeting comes first
    people::register_all(conn, ids[0], now)?;
    if let Some(next) = round_table::next_date(conn, round_table, now)? {
        round_table::add(conn, alb_donau, round_table, &next, now)?;
        papers::agenda_of_next(conn, &next, now)?;
    }
    if let Some(past) = round_table::past_date(conn, round_table, now)? {
        papers::past_date(conn, &past, alb_donau, now)?;
    }
    // invitations, answers and minutes went through the real rules: their mails go nowhere
    diesel::delete(outbox::table.filter(outbox::id.gt(mails_before))).execute(conn)?;
    Ok(count)
}

/// A meeting of `office` in the Großer Sitzungssaal of the Landratsamt Tübingen, with its
/// integration office as contact: the place of the demo's main meeting, which the load
/// benchmark uses too.
pub fn in_great_hall(office: i64) -> EventColumns {
    EventColumns {
        office_id: office,
        venue_name: "Landratsamt Tübingen".into(),
        venue_room: Some("Großer Sitzungssaal".into()),
        street: "Wilhelm-Keil-Straße 50".into(),
        postal_code: "72072".into(),
        town: "Tübingen".into(),
        latitude: Some(48.5132),
        longitude: Some(9.0706),
        contact_name: Some("Frau Gründler".into()),
        contact_phone: Some("030 23125 101".into()),
        contact_email: Some("integration@tuebingen.example.org".into()),
        visibility: "public".into(),
        ..Default::default()
    }
}

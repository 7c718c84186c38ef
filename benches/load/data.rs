//! The bench's data, written straight into the database through the library's public API
//! (20,000 registrations over HTTP would take longer than the measurement), and the few
//! reads and writes the scenarios make beside HTTP. The library's schema and domain
//! functions are used here only (main.rs opens the database with `open_database`).

use chrono::{Duration as Span, NaiveDateTime};
use diesel::prelude::*;
use treffpunkt::db::schema::{door_links, events, registrations};
use treffpunkt::db::{Db, DbConn, DbError, lock::write_transaction};
use treffpunkt::domain::event::{self, EventColumns, NewEvent};
use treffpunkt::domain::{demo, ticket, token, waitlist};

/// What the scenarios need besides the meetings.
pub struct Extra {
    /// Tickets of registrations for `ids[0]`, to redeem.
    pub tickets: Vec<String>,
    pub door_token: String,
    pub race_event: i64,
}

/// `meetings` published meetings of one office, seven hours apart.
pub fn seed(conn: &mut DbConn, now: NaiveDateTime, meetings: usize) -> Result<Vec<i64>, String> {
    write_transaction(conn, |conn| {
        let office = event::insert_office(conn, "lra", "Landratsamt Tübingen", "amt@example.org", "07071 207-0")?;
        let category = event::insert_category(conn, "integration", "Integration", "Integration")?;
        let mut ids = Vec::with_capacity(meetings);
        for i in 0..meetings {
            let start = now + Span::hours(6 + i as i64 * 7);
            let title = format!("Runder Tisch Integration, Termin {}", i + 1);
            ids.push(event::insert(
                conn,
                &NewEvent {
                    columns: EventColumns {
                        category_id: Some(category),
                        title: title.clone(),
                        summary: "Bündnispartner aus Kammern, Kirchen, Jobcenter und Polizei stimmen sich ab.".into(),
                        description: "Beim **Runden Tisch Integration** treffen sich Berufliche Schulen, Kammern, Kirchen, Wohlfahrtsverbände, Jobcenter, Polizei und die Kreisverwaltung.".into(),
                        starts_at: start,
                        ends_at: start + Span::hours(2),
                        capacity: Some(120),
                        max_companions: 2,
                        waitlist_enabled: true,
                        ..demo::in_great_hall(office)
                    },
                    status: "published",
                    created_at: now,
                    updated_at: now,
                    ..Default::default()
                },
            )?);
        }
        Ok::<_, diesel::result::Error>(ids)
    })
    .map_err(|e| e.to_string())
}

/// 20,000 registrations (half on the first meeting, whose door is then opened), a door
/// link, and an empty 100-seat meeting for the capacity race.
pub fn seed_more(conn: &mut DbConn, ids: &[i64], now: NaiveDateTime) -> Result<Extra, String> {
    let keys = ticket::load_or_create(conn, now).map_err(|e| e.to_string())?;
    write_transaction(conn, |conn| {
        diesel::update(events::table.filter(events::id.eq_any(&ids[..200])))
            .set(events::capacity.eq(100_000))
            .execute(conn)?;
        let mut tickets = Vec::new();
        for i in 0..20_000usize {
            let event = if i < 10_000 { ids[0] } else { ids[1 + i % 199] };
            let email = format!("seed{i}@example.org");
            let id: i64 = diesel::insert_into(registrations::table)
                .values((
                    registrations::event_id.eq(event),
                    registrations::token.eq(token::new_token()),
                    registrations::name.eq(format!("Gast {i}")),
                    registrations::email.eq(&email),
                    registrations::email_key.eq(&email),
                    registrations::companions.eq((i % 3) as i32),
                    registrations::seats.eq((i % 3) as i32 + 1),
                    registrations::status.eq("confirmed"),
                    registrations::language.eq("de"),
                    registrations::consent_version.eq("bench"),
                    registrations::consent_at.eq(now),
                    registrations::created_at.eq(now),
                    registrations::updated_at.eq(now),
                ))
                .returning(registrations::id)
                .get_result(conn)?;
            if event == ids[0] {
                tickets.push(keys.issue(id, event));
            }
        }
        let door_token = token::new_token();
        diesel::insert_into(door_links::table)
            .values((
                door_links::event_id.eq(ids[0]),
                door_links::token.eq(&door_token),
                door_links::pin.eq("000000"),
                door_links::label.eq("bench"),
                door_links::created_at.eq(now),
                door_links::expires_at.eq(now + Span::days(400)),
            ))
            .execute(conn)?;
        let race = NewEvent {
            columns: EventColumns {
                office_id: events::table.select(events::office_id).first(conn)?,
                title: "Kapazitätstest".into(),
                starts_at: now + Span::days(3),
                ends_at: now + Span::days(3) + Span::hours(2),
                venue_name: "Saal".into(),
                street: "Straße 1".into(),
                postal_code: "72072".into(),
                town: "Tübingen".into(),
                capacity: Some(100),
                waitlist_enabled: true,
                visibility: "public".into(),
                ..Default::default()
            },
            status: "published",
            created_at: now,
            updated_at: now,
            ..Default::default()
        };
        let race_event = event::insert(conn, &race)?;
        Ok::<_, diesel::result::Error>(Extra {
            tickets,
            door_token,
            race_event,
        })
    })
    .map_err(|e| e.to_string())
}

/// Changes a meeting behind the server's back, so that its feeds are built anew.
pub async fn touch_meeting(db: &Db, id: i64, i: usize) -> Result<(), String> {
    db.run(move |conn| {
        diesel::update(events::table.find(id))
            .set(events::summary.eq(format!("Geändert {i}")))
            .execute(conn)
            .map_err(DbError::from)
    })
    .await
    .map(|_| ())
    .map_err(|e| e.to_string())
}

/// The seats confirmed for a meeting, as the domain counts them.
pub async fn confirmed_seats(db: &Db, event: i64) -> Result<i64, String> {
    db.run(move |conn| waitlist::confirmed_seats(conn, event).map_err(DbError::from))
        .await
        .map_err(|e| e.to_string())
}

/// The meetings of the waiting-list scenarios: one nobody has registered for, and two full
/// ones whose confirmed registrations (one seat each) are cancelled in turn: `short` with as
/// many waiting as there are cancels, `long` with 50,000 more.
pub struct Queues {
    pub empty: i64,
    pub long: i64,
    pub short_tokens: Vec<String>,
    pub long_tokens: Vec<String>,
}

/// People already waiting in the long meeting.
pub const LONG_WAIT: usize = 50_000;

/// Seeds [`Queues`] with `cancels` confirmed registrations in each full meeting.
pub fn seed_queues(
    conn: &mut DbConn,
    now: NaiveDateTime,
    cancels: usize,
) -> Result<Queues, String> {
    write_transaction(conn, |conn| {
        let office: i64 = events::table.select(events::office_id).first(conn)?;
        let meeting = |conn: &mut DbConn, title: &str, capacity: Option<i32>| {
            event::insert(
                conn,
                &NewEvent {
                    columns: EventColumns {
                        title: title.into(),
                        starts_at: now + Span::days(5),
                        ends_at: now + Span::days(5) + Span::hours(2),
                        capacity,
                        max_companions: 2,
                        waitlist_enabled: true,
                        ..demo::in_great_hall(office)
                    },
                    status: "published",
                    created_at: now,
                    updated_at: now,
                    ..Default::default()
                },
            )
        };
        let empty = meeting(conn, "Leer", None)?;
        let short = meeting(conn, "Kurze Warteliste", Some(cancels as i32))?;
        let long = meeting(conn, "Lange Warteliste", Some(cancels as i32))?;
        let short_tokens = people(conn, short, "short-c", cancels, "confirmed", now)?;
        people(conn, short, "short-w", cancels, "waiting", now)?;
        let long_tokens = people(conn, long, "long-c", cancels, "confirmed", now)?;
        people(conn, long, "long-w", LONG_WAIT + cancels, "waiting", now)?;
        Ok::<_, diesel::result::Error>(Queues {
            empty,
            long,
            short_tokens,
            long_tokens,
        })
    })
    .map_err(|e| e.to_string())
}

/// `n` one-seat registrations of `status` for `event`, inserted 500 to a statement;
/// returns their tokens.
fn people(
    conn: &mut DbConn,
    event: i64,
    prefix: &str,
    n: usize,
    status: &str,
    now: NaiveDateTime,
) -> QueryResult<Vec<String>> {
    let tokens: Vec<String> = (0..n).map(|_| token::new_token()).collect();
    let emails: Vec<String> = (0..n).map(|i| format!("{prefix}{i}@example.org")).collect();
    for start in (0..n).step_by(500) {
        let rows: Vec<_> = (start..n.min(start + 500))
            .map(|i| {
                (
                    registrations::event_id.eq(event),
                    registrations::token.eq(&tokens[i]),
                    registrations::name.eq("Gast"),
                    registrations::email.eq(&emails[i]),
                    registrations::email_key.eq(&emails[i]),
                    registrations::companions.eq(0),
                    registrations::seats.eq(1),
                    registrations::status.eq(status),
                    registrations::language.eq("de"),
                    registrations::consent_version.eq("bench"),
                    registrations::consent_at.eq(now),
                    registrations::created_at.eq(now),
                    registrations::updated_at.eq(now),
                )
            })
            .collect();
        // many rows to a statement: each backend's own insert (the shared one has none)
        match conn {
            DbConn::Sqlite(c) => diesel::insert_into(registrations::table)
                .values(rows)
                .execute(c),
            DbConn::Postgres(c) => diesel::insert_into(registrations::table)
                .values(rows)
                .execute(c),
        }?;
    }
    Ok(tokens)
}

/// PostgreSQL: statistics of the tables just filled, as its autovacuum gathers them on a
/// server that runs it (this machine's PostgreSQL runs without: `autovacuum = off`), and
/// as `vacuumdb --analyze-only` does after a restore. Without them the planner takes the
/// 5,000 meetings for a handful and reads all of them for one page of the list.
pub fn analyze(conn: &mut DbConn) -> Result<(), String> {
    use diesel::connection::SimpleConnection;
    match conn {
        DbConn::Sqlite(_) => Ok(()),
        DbConn::Postgres(c) => c
            .batch_execute(
                "ANALYZE events, event_counts, event_intake, event_texts, categories, \
                 registrations, outbox, door_links, offices",
            )
            .map_err(|e| e.to_string()),
    }
}

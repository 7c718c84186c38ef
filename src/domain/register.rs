//! Registering and cancelling: the two changes to a meeting's seats that the public makes.
//! (Over 400 lines: both work under the meeting's lock on its kept counts and waiting list,
//! and read best beside each other.)

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::availability::{Availability, Placement};
use super::contact::Contact;
use super::event::{self, Event};
use super::registration::{
    self, NewRegistration, Registration, STATUS_CANCELLED, STATUS_CONFIRMED, STATUS_WAITING,
};
use super::validate::{RegistrationInput, ValidRegistration, email_key};
use super::{DomainError, FieldErrors, capacity, outbox, question, register_pg, token, waitlist};
use crate::db::DbConn;
use crate::db::lock::{with_event_locked, write_transaction};
use crate::db::schema::registrations;

/// With double opt-in, how long a new registration holds its place unconfirmed.
pub const OPT_IN_HOURS: i64 = 48;

/// A registration as it stands after a change, with its place on the waiting list.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub registration: Registration,
    pub position: Option<i64>,
    /// Confirmed by the office over capacity or past a closed registration, with a reason.
    pub overridden: bool,
    /// Whether answers to the meeting's questions were stored with it (none: nothing to
    /// read back).
    pub answered: bool,
}

/// What the office adds to a registration it takes: how the person is reached, and the
/// reason for confirming a place the rules would not give (full, or registration closed).
#[derive(Debug, Clone, Copy)]
pub struct OfficeTerms<'a> {
    pub contact: &'a Contact,
    pub override_reason: Option<&'a str>,
}

/// Who registers and how: the language of their mails, and `online` or `office`.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub language: &'a str,
    pub source: &'a str,
    /// The key from the meeting's link: an unlisted meeting takes online registrations
    /// only with it (the office reaches every meeting it manages without).
    pub key: Option<&'a str>,
    /// Set for registrations the office takes (`source` `office`): they need no double
    /// opt-in, since staff confirmed them.
    pub office: Option<OfficeTerms<'a>>,
}

impl<'a> Origin<'a> {
    pub fn online(language: &'a str, key: Option<&'a str>) -> Origin<'a> {
        Origin {
            language,
            source: "online",
            key,
            office: None,
        }
    }

    /// The seat of a partner's invitee or substitute (`invitation`): from the invited pool,
    /// so never refused for the public's capacity; reached through the invitation, so a
    /// partners-only meeting takes it.
    pub fn invitation(language: &'a str) -> Origin<'a> {
        Origin {
            language,
            source: registration::SOURCE_INVITATION,
            key: None,
            office: None,
        }
    }

    fn is_invitation(&self) -> bool {
        self.source == registration::SOURCE_INVITATION
    }

    /// A registration taken by the office (phone, counter, integration manager).
    pub fn office(language: &'a str, terms: OfficeTerms<'a>) -> Origin<'a> {
        Origin {
            language,
            source: "office",
            key: None,
            office: Some(terms),
        }
    }

    fn reaches(&self, conn: &mut DbConn, e: &Event) -> diesel::QueryResult<bool> {
        // the office and invitees (through their invitation) reach every visible meeting,
        // partners-only ones too; the public only what `reachable` allows
        if self.source == "online" {
            event::reachable(conn, e, self.key)
        } else {
            Ok(e.is_visible())
        }
    }
}

/// Which rules a registration is held to besides the fields'.
#[derive(Debug, Clone, Copy)]
struct Rules {
    email_required: bool,
    answers_required: bool,
}

/// The field rules and the meeting's questions, every reason at once: a person sees all
/// that is wrong after one try.
fn checked(
    input: &RegistrationInput,
    event: &Event,
    questions: &[question::Question],
    rules: Rules,
) -> Result<(ValidRegistration, Vec<question::ValidAnswer>), DomainError> {
    let mut errors = FieldErrors::new();
    let valid = input
        .validate_with(event.max_party(), rules.email_required)
        .map_err(|e| errors.extend(e))
        .ok();
    let answers = question::check(
        questions,
        &input.answers,
        &mut errors,
        rules.answers_required,
    );
    if question::needs_health_consent(questions, &answers) && !input.health_consent {
        errors.insert("health_consent", "error-health-consent-missing");
    }
    match valid {
        Some(v) if errors.is_empty() => Ok((v, answers)),
        _ => Err(DomainError::Invalid(errors)),
    }
}

/// Registers for a meeting: confirmed while seats are free and nobody waits, else on the
/// waiting list, else refused. Nothing is stored unless every rule holds.
pub fn register(
    conn: &mut DbConn,
    event_id: i64,
    input: &RegistrationInput,
    origin: Origin<'_>,
    now: NaiveDateTime,
) -> Result<Outcome, DomainError> {
    let Origin {
        language, source, ..
    } = origin;
    // Field rules first, outside the lock: bad input never waits for the writer lock.
    let Found {
        event,
        intake,
        asks,
        version,
    } = find_for_registration(conn, event_id)?.ok_or(DomainError::NotFound)?;
    if !origin.reaches(conn, &event)? {
        return Err(DomainError::NotFound);
    }
    // a meeting that takes registrations otherwise has no form; the office still enters them
    if origin.source == "online" && !intake.is_online() {
        return Err(DomainError::Closed("closed-intake"));
    }
    let own = Contact::own_email();
    let contact = origin.office.map_or(&own, |o| o.contact);
    let questions = match asks {
        true => question::of_event(conn, &event, false)?,
        false => Vec::new(),
    };
    // the office may not know every answer when it takes a registration by phone
    let rules = Rules {
        email_required: contact.needs_own_email(),
        answers_required: origin.source == "online",
    };
    let (valid, answers) = checked(input, &event, &questions, rules)?;
    let token = token::new_token();
    // people without an own address (clients of one manager too) must not collide on ""
    let key = if valid.email.is_empty() {
        format!("{}:{token}", contact.kind)
    } else {
        email_key(&valid.email)
    };
    let seats = valid.companions + 1;
    let reason = origin
        .office
        .and_then(|o| o.override_reason)
        .map(str::trim)
        .filter(|r| !r.is_empty());

    // everything of the new row but its status, which the counts decide under the lock (and
    // on PostgreSQL's one statement its consent version, which it reads itself)
    let verify_deadline = |event: &Event| {
        (event.double_opt_in && origin.source == "online")
            .then(|| now + chrono::Duration::hours(OPT_IN_HOURS))
    };
    let new = |status, verify_deadline, consent_version| NewRegistration {
        event_id,
        token: &token,
        name: &valid.name,
        email: &valid.email,
        email_key: &key,
        organisation: valid.organisation.as_deref(),
        companions: valid.companions,
        seats,
        needs: valid.needs.as_deref(),
        status,
        language,
        consent_version,
        consent_at: now,
        created_at: now,
        updated_at: now,
        source,
        verify_deadline,
        contact_kind: contact.kind,
        phone: contact.phone.as_deref(),
        postal_address: contact.postal_address.as_deref(),
        via_name: contact.via_name.as_deref(),
        via_email: contact.via_email.as_deref(),
    };
    // A public registration on PostgreSQL: one statement, when the meeting is open and
    // nothing but the counts is left to decide (see `register_pg`).
    if let (DbConn::Postgres(pg), Some(version)) = (&mut *conn, &version)
        && origin.source == "online"
        && origin.office.is_none()
        && answers.is_empty()
        && seats <= event.max_party()
        && Availability::shut(&event, now).is_none()
    {
        let deadline = verify_deadline(&event);
        let opt_in = deadline.is_some().then_some(outbox::OPT_IN);
        let new = new("", deadline, "");
        let mail = register_pg::MailKinds {
            confirmed: opt_in.unwrap_or(outbox::CONFIRMED),
            waiting: opt_in.unwrap_or(outbox::WAITING),
            recipient: registration::mail_address(new.contact_kind, new.email, new.via_email),
        };
        let placement = Placement::of(&event, seats);
        if let Some((registration, waited)) =
            register_pg::at_once(pg, version, placement, &new, mail)?
        {
            crate::db::written();
            return Ok(Outcome {
                position: registration.is_waiting().then_some(waited + 1),
                registration,
                overridden: false,
                answered: false,
            });
        }
    }
    let consent_version = super::notice::consent_version(conn)?;
    let outcome = write_transaction(conn, |conn| {
        // Re-read under the lock: the meeting may have changed since. One statement locks
        // it, reads its counts and looks for the same address, each by key.
        let (event, occupancy, duplicate) =
            lock_for_registration(conn, event_id, &key)?.ok_or(DomainError::NotFound)?;
        if seats > event.max_party() {
            return Err(DomainError::Invalid(
                [("companions", "error-companions-too-many")]
                    .into_iter()
                    .collect(),
            ));
        }
        if duplicate {
            return Err(DomainError::Duplicate);
        }
        let availability = Availability::of(&event, occupancy, now);
        let mut overridden = false;
        let status = match availability {
            _ if origin.is_invitation() => invited_status(&event, now)?,
            Availability::Open { free } if capacity::fits_in(free, seats) => STATUS_CONFIRMED,
            // the office may confirm over capacity or outside the window, never for a
            // cancelled meeting; the reason goes to the audit log (web::staff)
            Availability::Open { .. }
            | Availability::WaitingList
            | Availability::Full
            | Availability::Closed
            | Availability::NotYetOpen
                if reason.is_some() =>
            {
                overridden = true;
                STATUS_CONFIRMED
            }
            Availability::Open { .. } | Availability::WaitingList if event.waitlist_enabled => {
                STATUS_WAITING
            }
            Availability::Open { .. } | Availability::WaitingList | Availability::Full => {
                return Err(DomainError::Full);
            }
            other => {
                return Err(DomainError::Closed(
                    other.closed_reason().unwrap_or("closed-over"),
                ));
            }
        };
        let verify_deadline = verify_deadline(&event);
        let registration: Registration = diesel::insert_into(registrations::table)
            .values(new(status, verify_deadline, &consent_version))
            .returning(registrations::all_columns)
            .get_result(conn)?;
        if !answers.is_empty() {
            question::save_answers(conn, registration.id, &answers)?;
        }
        // the newest registration is the last of the list: its place is the list's length
        let position = registration.is_waiting().then_some(occupancy.waiting + 1);
        let kind = match (verify_deadline, status) {
            (Some(_), _) => outbox::OPT_IN,
            (None, STATUS_CONFIRMED) => outbox::CONFIRMED,
            _ => outbox::WAITING,
        };
        outbox::enqueue(conn, kind, &registration, "", now)?;
        Ok(Outcome {
            registration,
            position,
            overridden,
            answered: !answers.is_empty(),
        })
    })?;
    Ok(outcome)
}

/// A meeting as registering reads it before the lock, in one statement: how it takes
/// registrations, whether it may ask questions (its own, or it belongs to a series, whose
/// questions it asks too), and on PostgreSQL the version of its row (see `register_pg`).
struct Found {
    event: Event,
    intake: event::Intake,
    asks: bool,
    version: Option<String>,
}

fn find_for_registration(conn: &mut DbConn, event_id: i64) -> QueryResult<Option<Found>> {
    use crate::db::schema::{event_intake, events, questions};
    use diesel::dsl::exists;
    type Intake = Option<(String, Option<String>)>;
    macro_rules! query {
        ($($version:expr)?) => {
            events::table
                .left_join(event_intake::table)
                .filter(events::id.eq(event_id))
                .select((
                    Event::as_select(),
                    (event_intake::mode, event_intake::url).nullable(),
                    exists(
                        questions::table
                            .filter(questions::event_id.eq(event_id))
                            .filter(questions::removed_at.is_null()),
                    ),
                    $($version)?
                ))
        };
    }
    let row = match conn {
        DbConn::Sqlite(c) => query!()
            .first::<(Event, Intake, bool)>(c)
            .optional()?
            .map(|(event, intake, asks)| ((event, intake, asks), None)),
        DbConn::Postgres(c) => query!(register_pg::EventVersion)
            .first::<(Event, Intake, bool, String)>(c)
            .optional()?
            .map(|(event, intake, asks, version)| ((event, intake, asks), Some(version))),
    };
    Ok(row.map(|((event, intake, own_questions), version)| {
        let intake = intake.map_or_else(event::Intake::default, |(mode, url)| event::Intake {
            mode,
            url,
        });
        Found {
            asks: own_questions || event.series_id.is_some(),
            event,
            intake,
            version,
        }
    }))
}

/// Inside a write transaction: meeting `event_id` locked (PostgreSQL `FOR UPDATE` on its
/// row and its counts; SQLite's transaction holds the only write lock already), its counts,
/// and whether address `key` holds an active registration for it; `None` if there is no
/// such meeting. One round trip, each part a key lookup whatever the meeting's size.
fn lock_for_registration(
    conn: &mut DbConn,
    event_id: i64,
    key: &str,
) -> QueryResult<Option<(Event, event::Occupancy, bool)>> {
    use crate::db::schema::{event_counts, events};
    let key = email_key(key);
    // the same statement for each backend, typed for it (PostgreSQL adds `FOR UPDATE`)
    macro_rules! query {
        () => {
            events::table
                .inner_join(event_counts::table)
                .filter(events::id.eq(event_id))
                .select((
                    Event::as_select(),
                    event_counts::confirmed_seats,
                    event_counts::waiting,
                    diesel::dsl::exists(
                        registrations::table
                            .filter(registrations::event_id.eq(event_id))
                            .filter(registrations::email_key.eq(&key))
                            .filter(registrations::status.ne(STATUS_CANCELLED)),
                    ),
                ))
        };
    }
    let row: Option<(Event, i64, i64, bool)> = match conn {
        DbConn::Sqlite(c) => query!().first(c).optional()?,
        DbConn::Postgres(c) => query!().for_update().first(c).optional()?,
    };
    Ok(row.map(|(event, confirmed_seats, waiting, registered)| {
        (
            event,
            event::Occupancy {
                confirmed_seats,
                waiting,
            },
            registered,
        )
    }))
}

/// An invited seat is always there until the meeting is cancelled or begins.
fn invited_status(event: &Event, now: NaiveDateTime) -> Result<&'static str, DomainError> {
    if event.is_cancelled() {
        Err(DomainError::Closed("closed-cancelled"))
    } else if now >= event.starts_at {
        Err(DomainError::Closed("closed-over"))
    } else {
        Ok(STATUS_CONFIRMED)
    }
}

/// Cancels a registration by its token and promotes from the waiting list in the same
/// transaction. Cancelling twice is harmless and answers the same.
pub fn cancel(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> Result<Outcome, DomainError> {
    let found = registration::find_by_token(conn, token)?.ok_or(DomainError::NotFound)?;
    let unchanged = |registration| Outcome {
        registration,
        position: None,
        overridden: false,
        answered: false,
    };
    write_transaction(conn, |conn| {
        let event = lock_event(conn, found.event_id)?.ok_or(DomainError::NotFound)?;
        // one statement changes it and reads it back; none when it was cancelled already
        let cancelled: Option<Registration> = diesel::update(
            registrations::table
                .find(found.id)
                .filter(registrations::status.ne(STATUS_CANCELLED)),
        )
        .set((
            registrations::status.eq(STATUS_CANCELLED),
            registrations::cancelled_at.eq(now),
            registrations::updated_at.eq(now),
        ))
        .returning(registrations::all_columns)
        .get_result(conn)
        .optional()?;
        let Some(r) = cancelled else {
            let r = registrations::table
                .find(found.id)
                .select(Registration::as_select())
                .first(conn)?;
            return Ok(unchanged(r));
        };
        outbox::enqueue(conn, outbox::CANCELLED, &r, "self", now)?;
        // only an invitee's or substitute's seat belongs to an invitation
        if r.source == registration::SOURCE_INVITATION {
            super::invitation::seat_given_up(conn, r.id, now)?;
        }
        // A waiting person leaving can unblock the head of the list too.
        waitlist::promote(conn, &event, now)?;
        Ok::<_, DomainError>(unchanged(r))
    })
}

/// Inside a write transaction: meeting `event_id`, locked as `lock::lock_also` locks it,
/// read in the same statement.
fn lock_event(conn: &mut DbConn, event_id: i64) -> QueryResult<Option<Event>> {
    use crate::db::schema::events;
    macro_rules! query {
        () => {
            events::table.find(event_id).select(Event::as_select())
        };
    }
    match conn {
        DbConn::Sqlite(c) => query!().first(c).optional(),
        DbConn::Postgres(c) => query!().for_update().first(c).optional(),
    }
}

/// Confirms a registration by the link from the mail (double opt-in); then sends the usual
/// confirmation. Confirming twice is harmless; too late gives `Closed`.
pub fn verify(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> Result<Registration, DomainError> {
    let found = registration::find_by_token(conn, token)?.ok_or(DomainError::NotFound)?;
    with_event_locked(conn, found.event_id, |conn| {
        let mut r = registrations::table
            .find(found.id)
            .select(Registration::as_select())
            .first(conn)?;
        if !r.awaits_verification() {
            return if r.is_cancelled() {
                Err(DomainError::Closed("verify-too-late"))
            } else {
                Ok(r)
            };
        }
        if r.verify_deadline.is_some_and(|d| d < now) {
            return Err(DomainError::Closed("verify-too-late"));
        }
        diesel::update(registrations::table.find(r.id))
            .set((
                registrations::verified_at.eq(now),
                registrations::updated_at.eq(now),
            ))
            .execute(conn)?;
        r.verified_at = Some(now);
        let kind = if r.is_confirmed() {
            outbox::CONFIRMED
        } else {
            outbox::WAITING
        };
        outbox::enqueue(conn, kind, &r, "", now)?;
        Ok(r)
    })?
    .ok_or(DomainError::NotFound)
}

//! Changing a registration after the fact, by the office (any field) or by the person through
//! their link (companions, answers, language). Seats follow the one rule of registering
//! (`capacity::fits_in` under the meeting's lock); seats given back move the waiting list up
//! in the same transaction.
//!
//! The fields are listed once, in [`Fields`] and [`Edit`]: a new column of a registration is
//! one line in each (and one in `apply`), and it is then checked, stored and audited like the
//! others.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::audit::{self, Actor};
use super::contact::{self, ContactInput};
use super::event;
use super::question::{self, AnswerInput};
use super::registration::{Registration, STATUS_CONFIRMED, STATUS_WAITING};
use super::validate::{RegistrationInput, email_key};
use super::{DomainError, FieldErrors, capacity, outbox, waitlist};
use crate::db::DbConn;
use crate::db::lock::with_event_locked;
use crate::db::schema::{outbox as outbox_table, registrations};

/// The refusal at `companions` when the added seats are not free but the waiting list is
/// open: the page then offers to put the whole party on it, as an explicit second step.
pub const SEATS_NOT_FREE: &str = "change-seats-not-free";
/// The refusal at `companions` when the added seats are not free and there is no waiting list.
pub const SEATS_FULL: &str = "change-seats-full";

/// At most this many change mails per registration and hour: a person pressing "change"
/// again and again gets the latest state, not a mail each time.
const MAILS_PER_HOUR: i64 = 3;

/// What is typed into a change form, as text. `None` means "not on this form": the stored
/// value stays. The person's form carries only `companions`, `answers` and `language`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Fields {
    pub name: Option<String>,
    pub email: Option<String>,
    pub organisation: Option<String>,
    pub companions: Option<String>,
    pub needs: Option<String>,
    pub language: Option<String>,
    /// Every answer to the meeting's questions (`None`: the form has no questions; an answer
    /// missing from `Some` is taken away).
    pub answers: Option<AnswerInput>,
    /// The consent of its own for health-related answers (Art. 9 GDPR).
    pub health_consent: bool,
    /// How the office reaches the person (`None`: not on this form; the office's only).
    pub contact: Option<ContactInput>,
}

/// How a change is made: who, whether the party may go onto the waiting list when the added
/// seats are not free, and whether the person is told by mail.
#[derive(Debug, Clone)]
pub struct How {
    pub actor: Actor,
    /// The person agreed: if the larger party does not fit, it waits as a whole.
    pub join_waitlist: bool,
    pub notify: bool,
    /// The person's own change: only while the meeting is to come and not cancelled.
    pub by_person: bool,
}

/// The columns a change writes; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = registrations)]
struct Edit {
    name: Option<String>,
    email: Option<String>,
    email_key: Option<String>,
    organisation: Option<Option<String>>,
    companions: Option<i32>,
    seats: Option<i32>,
    needs: Option<Option<String>>,
    language: Option<String>,
    contact_kind: Option<String>,
    phone: Option<Option<String>>,
    postal_address: Option<Option<String>>,
    via_name: Option<Option<String>>,
    via_email: Option<Option<String>>,
    status: Option<String>,
    updated_at: Option<NaiveDateTime>,
}

/// The registration after a change, and what changed (empty: nothing).
#[derive(Debug, Clone)]
pub struct Changed {
    pub registration: Registration,
    pub what: Vec<&'static str>,
}

/// The stored value when the form does not carry the field.
fn or_stored(typed: &Option<String>, stored: Option<&str>) -> Option<String> {
    typed.clone().or_else(|| stored.map(str::to_owned))
}

/// Checks the typed fields with the rules of registering (the address the same way as a new
/// one; required only when it is the way to reach the person, as in `domain::contact`). A party larger than the meeting allows is refused only when it grows: a party the
/// office let in before the limit was lowered may stay or shrink.
fn checked(
    r: &Registration,
    typed: &Fields,
    max_party: i32,
) -> Result<(Edit, Vec<&'static str>), DomainError> {
    // the rest (answers to a meeting's questions, once they exist) has its own rules
    #[allow(clippy::needless_update)]
    let input = RegistrationInput {
        name: or_stored(&typed.name, Some(&r.name)),
        email: or_stored(&typed.email, Some(&r.email)),
        organisation: or_stored(&typed.organisation, r.organisation.as_deref()),
        companions: or_stored(&typed.companions, Some(&r.companions.to_string())),
        needs: or_stored(&typed.needs, r.needs.as_deref()),
        consent: true,
        ..RegistrationInput::default()
    };
    let mut errors = FieldErrors::new();
    let contact = match typed.contact.as_ref().map(ContactInput::validate) {
        Some(Ok(c)) => Some(c),
        Some(Err(more)) => {
            errors.extend(more);
            None
        }
        None => None,
    };
    let needs_email = match (&typed.contact, &contact) {
        (_, Some(c)) => c.needs_own_email(),
        (Some(t), None) => t.contact_kind.as_deref().unwrap_or(contact::EMAIL) == contact::EMAIL,
        (None, None) => r.contact_kind == contact::EMAIL,
    };
    let language = match &typed.language {
        Some(l) => match crate::i18n::SUPPORTED.iter().find(|s| **s == l.trim()) {
            Some(s) => (*s).to_owned(),
            None => {
                errors.insert("language", "change-language-invalid");
                r.language.clone()
            }
        },
        None => r.language.clone(),
    };
    let valid = match input.validate_with(max_party.max(r.seats), needs_email) {
        Ok(v) if errors.is_empty() => v,
        Ok(_) => return Err(DomainError::Invalid(errors)),
        Err(mut more) => {
            more.extend(errors);
            return Err(DomainError::Invalid(more));
        }
    };
    if valid.companions > r.companions && valid.companions + 1 > max_party {
        return Err(DomainError::Invalid(
            [("companions", "error-companions-too-many")]
                .into_iter()
                .collect(),
        ));
    }
    let mut edit = Edit::default();
    let mut what = Vec::new();
    // personal data: the audit log names the field, never the value
    if valid.name != r.name {
        edit.name = Some(valid.name);
        what.push("name");
    }
    let kind = contact.as_ref().map_or(r.contact_kind.as_str(), |c| c.kind);
    if let Some(c) = &contact {
        if c.kind != r.contact_kind {
            edit.contact_kind = Some(c.kind.to_owned());
            what.push("contact_kind");
        }
        let mut differs = |field: &'static str, new: &Option<String>, old: &Option<String>| {
            let changed = new != old;
            if changed {
                what.push(field);
            }
            changed.then(|| new.clone())
        };
        edit.phone = differs("phone", &c.phone, &r.phone);
        edit.postal_address = differs("postal_address", &c.postal_address, &r.postal_address);
        edit.via_name = differs("via_name", &c.via_name, &r.via_name);
        edit.via_email = differs("via_email", &c.via_email, &r.via_email);
    }
    // without an address the key only keeps the row apart, as when registering
    let key_changes = valid.email != r.email || (valid.email.is_empty() && kind != r.contact_kind);
    if key_changes {
        edit.email_key = Some(match valid.email.is_empty() {
            true => format!("{kind}:{}", r.token),
            false => email_key(&valid.email),
        });
    }
    if valid.email != r.email {
        edit.email = Some(valid.email);
        what.push("email");
    }
    if valid.organisation != r.organisation {
        edit.organisation = Some(valid.organisation);
        what.push("organisation");
    }
    if valid.needs != r.needs {
        edit.needs = Some(valid.needs);
        what.push("needs");
    }
    if language != r.language {
        edit.language = Some(language);
        what.push("language");
    }
    if valid.companions != r.companions {
        edit.companions = Some(valid.companions);
        edit.seats = Some(valid.companions + 1);
        what.push("companions");
    }
    Ok((edit, what))
}

/// Changes registration `id` of meeting `event_id`. Nothing is stored unless every rule
/// holds; an unchanged form changes nothing and sends nothing.
///
/// Seats: a confirmed party that grows keeps its seats and takes the added ones only if they
/// are free (`capacity::fits_in`); else the change is refused ([`SEATS_NOT_FREE`] or
/// [`SEATS_FULL`] at `companions`), or, with `join_waitlist`, the whole party waits. Waiting,
/// it keeps its place in the order of registration, like everybody on the list. A party that
/// shrinks gives seats back and the waiting list moves up at once; a waiting party that grows
/// stays waiting, a confirmed one that shrinks stays confirmed.
pub fn change(
    conn: &mut DbConn,
    event_id: i64,
    id: i64,
    typed: &Fields,
    how: &How,
    now: NaiveDateTime,
) -> Result<Changed, DomainError> {
    with_event_locked(conn, event_id, |conn| {
        let r = super::roster::load(conn, event_id, id)?;
        let e = event::find(conn, event_id)?.ok_or(DomainError::NotFound)?;
        if r.purged_at.is_some() {
            return Err(DomainError::Closed("change-erased"));
        }
        if r.is_cancelled() {
            return Err(DomainError::Closed("change-cancelled"));
        }
        if how.by_person && (e.is_cancelled() || e.starts_at <= now) {
            return Err(DomainError::Closed("change-past"));
        }
        let questions = question::of_event(conn, &e, false)?;
        let stored = question::answers_of(conn, &[r.id])?
            .remove(&r.id)
            .unwrap_or_default();
        // every reason at once: the fields' and the answers'
        let answers = question::changed_answers(
            &questions,
            &stored,
            typed.answers.as_ref(),
            typed.health_consent,
            how.by_person,
        );
        let (mut edit, mut what, answers) = match (checked(&r, typed, e.max_party()), answers) {
            (Ok((edit, what)), Ok(answers)) => (edit, what, answers),
            (Err(DomainError::Invalid(mut fields)), Err(more)) => {
                fields.extend(more);
                return Err(DomainError::Invalid(fields));
            }
            (Err(e), _) => return Err(e),
            (Ok(_), Err(more)) => return Err(DomainError::Invalid(more)),
        };
        if answers.is_some() {
            what.push("answers");
        }
        if what.is_empty() {
            return Ok(Changed {
                registration: r,
                what,
            });
        }
        if let Some(key) = edit.email.as_ref().and(edit.email_key.as_ref())
            && super::registration::find_active_by_email(conn, event_id, key)?
                .is_some_and(|other| other.id != r.id)
        {
            return Err(DomainError::Duplicate);
        }
        let new_seats = edit.seats.unwrap_or(r.seats);
        if r.status == STATUS_CONFIRMED && new_seats > r.seats {
            let added = new_seats - r.seats;
            if !capacity::fits_in(capacity::free_now(conn, &e)?, added) {
                if !e.waitlist_enabled {
                    return Err(invalid_companions(SEATS_FULL));
                }
                if !how.join_waitlist {
                    return Err(invalid_companions(SEATS_NOT_FREE));
                }
                edit.status = Some(STATUS_WAITING.to_owned());
            }
        }
        edit.updated_at = Some(now);
        diesel::update(registrations::table.find(r.id))
            .set(&edit)
            .execute(conn)?;
        if let Some(a) = &answers {
            question::save_answers(conn, r.id, &a.save)?;
        }
        // seats given back (a smaller party, or a party that now waits) move the list up;
        // the list's own rule decides who, strictly in order
        waitlist::promote(conn, &e, now)?;
        let changed = registrations::table
            .find(r.id)
            .select(Registration::as_select())
            .first(conn)?;
        let mut detail = format!("event {event_id}: {}", what.join(", "));
        if changed.seats != r.seats {
            detail.push_str(&format!("; seats {} -> {}", r.seats, changed.seats));
        }
        if changed.status != r.status {
            detail.push_str(&format!("; status {} -> {}", r.status, changed.status));
        }
        if let Some(l) = &edit.language {
            detail.push_str(&format!("; language {} -> {l}", r.language));
        }
        if let Some(a) = &answers {
            detail.push_str(&format!("; answers: {}", a.labels.join(", ")));
        }
        audit::record(
            conn,
            &how.actor,
            "registration.change",
            ("registration", Some(r.id)),
            &detail,
            now,
        )?;
        if how.notify && mails_lately(conn, r.id, now)? < MAILS_PER_HOUR {
            outbox::enqueue(conn, outbox::REGISTRATION_CHANGED, &changed, "", now)?;
        }
        Ok(Changed {
            registration: changed,
            what,
        })
    })?
    .ok_or(DomainError::NotFound)
}

fn invalid_companions(key: &'static str) -> DomainError {
    DomainError::Invalid([("companions", key)].into_iter().collect())
}

/// Change mails of a registration queued in the last hour.
fn mails_lately(conn: &mut DbConn, registration_id: i64, now: NaiveDateTime) -> QueryResult<i64> {
    outbox_table::table
        .filter(outbox_table::registration_id.eq(registration_id))
        .filter(outbox_table::kind.eq(outbox::REGISTRATION_CHANGED))
        .filter(outbox_table::created_at.gt(now - Duration::hours(1)))
        .count()
        .get_result(conn)
}

/// The person's own change by the token of their link.
pub fn change_own(
    conn: &mut DbConn,
    token: &str,
    typed: &Fields,
    join_waitlist: bool,
    now: NaiveDateTime,
) -> Result<Changed, DomainError> {
    let r = super::registration::find_by_token(conn, token)?.ok_or(DomainError::NotFound)?;
    // only what the person's form offers, whatever else is sent
    let own = Fields {
        companions: typed.companions.clone(),
        language: typed.language.clone(),
        answers: typed.answers.clone(),
        health_consent: typed.health_consent,
        ..Fields::default()
    };
    let how = How {
        actor: Actor::person_concerned(),
        join_waitlist,
        notify: true,
        by_person: true,
    };
    change(conn, r.event_id, r.id, &own, &how, now)
}

//! Answering an invitation through its personal link: "I come", "I cannot come", or "I send
//! a substitute". Whoever comes holds a registration of source `invitation` (a seat from the
//! invited pool, a ticket, check-in and calendar entry like everybody's); a changed answer
//! gives that seat up or passes it to the new holder. Answers can change until the meeting
//! starts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Invitation, REPLY_COME, REPLY_DECLINE, REPLY_SUBSTITUTE, open_for_replies};
use crate::db::DbConn;
use crate::db::lock::with_event_locked;
use crate::db::schema::{invitations, registrations};
use crate::domain::partner::{Partner, PartnerContact};
use crate::domain::register::{self, Origin};
use crate::domain::registration::{Registration, STATUS_CANCELLED};
use crate::domain::throttle::{self, Allowance};
use crate::domain::validate::{RegistrationInput, email_key};
use crate::domain::{DomainError, FieldErrors, event};

/// What the invited person answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Come,
    Decline,
    Substitute { name: String, email: String },
}

impl Answer {
    pub fn word(&self) -> &'static str {
        match self {
            Answer::Come => REPLY_COME,
            Answer::Decline => REPLY_DECLINE,
            Answer::Substitute { .. } => REPLY_SUBSTITUTE,
        }
    }
}

/// Each new substitute gets a confirmation and the one before a cancellation: a few changes
/// a day are plenty, more would let a link send mail to anybody's address in a loop.
const SUBSTITUTE_CHANGES: Allowance = Allowance {
    burst: 3,
    period_secs: 24 * 3600,
};

/// Answers one invitation. The registration of whoever comes is returned (none after a
/// decline). Field errors of a substitute come back at `substitute_name` and
/// `substitute_email`.
pub fn answer(
    conn: &mut DbConn,
    invitation: &Invitation,
    who: (&PartnerContact, &Partner),
    answer: &Answer,
    now: NaiveDateTime,
) -> Result<Option<Registration>, DomainError> {
    let event = event::find(conn, invitation.event_id)?.ok_or(DomainError::NotFound)?;
    if !open_for_replies(&event, now) {
        return Err(DomainError::Closed(if event.is_cancelled() {
            "closed-cancelled"
        } else {
            "closed-over"
        }));
    }
    let (contact, partner) = who;
    let holder: Option<(String, String)> = match answer {
        Answer::Come => Some((contact.name.clone(), contact.email.clone())),
        Answer::Decline => None,
        Answer::Substitute { name, email } => Some((name.trim().into(), email.trim().into())),
    };
    let held = with_event_locked(conn, event.id, |conn| {
        // re-read under the lock: two answers at once must not both make a seat
        let current: Invitation = invitations::table
            .find(invitation.id)
            .select(Invitation::as_select())
            .first(conn)?;
        let seat = match current.registration_id {
            Some(rid) => registrations::table
                .find(rid)
                .filter(registrations::status.ne(STATUS_CANCELLED))
                .select(Registration::as_select())
                .first(conn)
                .optional()?,
            None => None,
        };
        let same_holder = match (&seat, &holder) {
            (Some(r), Some((_, email))) => r.email_key == email_key(email),
            _ => false,
        };
        let registration = if same_holder {
            seat
        } else {
            if matches!(answer, Answer::Substitute { .. })
                && throttle::take(
                    conn,
                    &format!("substitute:{}", current.id),
                    SUBSTITUTE_CHANGES,
                    now,
                )?
                .is_err()
            {
                return Err(DomainError::Closed("invite-substitute-limit"));
            }
            if let Some(r) = &seat {
                register::cancel(conn, &r.token, now)?;
            }
            match &holder {
                Some((name, email)) => Some(seat_for(
                    conn,
                    event.id,
                    (name, email),
                    &partner.name,
                    &contact.language,
                    now,
                )?),
                None => None,
            }
        };
        let (sub_name, sub_email) = match answer {
            Answer::Substitute { name, email } => (Some(name.trim()), Some(email.trim())),
            _ => (None, None),
        };
        diesel::update(invitations::table.find(current.id))
            .set((
                invitations::reply.eq(answer.word()),
                invitations::replied_at.eq(now),
                invitations::substitute_name.eq(sub_name),
                invitations::substitute_email.eq(sub_email),
                invitations::registration_id.eq(registration.as_ref().map(|r| r.id)),
            ))
            .execute(conn)?;
        Ok::<_, DomainError>(registration)
    })?;
    held.ok_or(DomainError::NotFound)
}

/// A seat from the invited pool for `name` at `email`, with its confirmation mail and
/// ticket. A substitute's field errors are named as the form names them.
fn seat_for(
    conn: &mut DbConn,
    event_id: i64,
    (name, email): (&str, &str),
    organisation: &str,
    language: &str,
    now: NaiveDateTime,
) -> Result<Registration, DomainError> {
    let input = RegistrationInput {
        name: Some(name.to_owned()),
        email: Some(email.to_owned()),
        organisation: Some(organisation.to_owned()),
        companions: Some("0".into()),
        needs: None,
        consent: true,
        answers: Default::default(),
        health_consent: false,
    };
    let lang = crate::i18n::supported(language);
    match register::register(conn, event_id, &input, Origin::invitation(lang), now) {
        Ok(outcome) => Ok(outcome.registration),
        Err(DomainError::Invalid(errors)) => {
            let mut named = FieldErrors::new();
            for (field, key) in errors {
                let at = match field {
                    "name" => "substitute_name",
                    "email" => "substitute_email",
                    other => other,
                };
                named.insert(at, key);
            }
            Err(DomainError::Invalid(named))
        }
        Err(other) => Err(other),
    }
}

//! Attendance certificates (Teilnahmebescheinigungen) for people who were checked in, and
//! their genuineness check. A certificate is made when it is first printed or downloaded and
//! keeps its code from then on, so every copy of it carries the same one.
//!
//! The code is 60 random bits in Crockford's base32 (`7KQM-2X9D-HW4A`): with the check page
//! rate-limited per address, guessing one is hopeless, and it names one certificate only.
//! What the check page may tell a stranger is stored beside it: the person's initials (not
//! the name), so the retention anonymisation leaves a certificate checkable; an erasure at
//! the person's request removes the initials too, and the check then says the certificate
//! can no longer be checked.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};
use rand::RngCore;

use super::registration::Registration;
use crate::db::DbConn;
use crate::db::schema::{certificates, events, offices, registrations};

/// Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LEN: usize = 12;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = certificates)]
pub struct Certificate {
    pub registration_id: i64,
    pub event_id: i64,
    pub code: String,
    pub initials: Option<String>,
    pub issued_at: NaiveDateTime,
    pub withdrawn_at: Option<NaiveDateTime>,
}

impl Certificate {
    /// The code as printed: three groups of four.
    pub fn display_code(&self) -> String {
        display(&self.code)
    }
}

/// A fresh code from the OS generator (5 bits a character, 60 in all).
pub fn new_code() -> String {
    let mut bytes = [0u8; CODE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect()
}

/// `7KQM2X9DHW4A` → `7KQM-2X9D-HW4A`.
pub fn display(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as somebody typed it: any case, with dashes or spaces, O for 0 and I or L for 1;
/// `None` when it cannot be a code at all (so junk never reaches the database).
pub fn normalise(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\u{2010}'..='\u{2015}'))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// "Amira Haddad" → "A. H."; "Jonas Müller-Lüdenscheidt" → "J. M.-L.".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|part| part.chars().find(|c| c.is_alphabetic()))
                .map(|c| format!("{}.", c.to_uppercase()))
                .collect::<Vec<_>>()
                .join("-")
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a registration earns a certificate: the person was checked in, and their data is
/// still there to print on it.
pub fn earned(r: &Registration) -> bool {
    r.checked_in_at.is_some() && r.purged_at.is_none() && !r.name.trim().is_empty()
}

fn of_registration(conn: &mut DbConn, id: i64) -> QueryResult<Option<Certificate>> {
    certificates::table
        .find(id)
        .select(Certificate::as_select())
        .first(conn)
        .optional()
}

/// The certificate of `r`, made now if it has none yet; `None` when it earns none. Two
/// requests at once agree on one code: the loser of the insert reads the winner's.
pub fn issue(
    conn: &mut DbConn,
    r: &Registration,
    now: NaiveDateTime,
) -> QueryResult<Option<Certificate>> {
    if !earned(r) {
        return Ok(None);
    }
    for _ in 0..4 {
        if let Some(c) = of_registration(conn, r.id)? {
            return Ok(Some(c));
        }
        let inserted = diesel::insert_into(certificates::table)
            .values((
                certificates::registration_id.eq(r.id),
                certificates::event_id.eq(r.event_id),
                certificates::code.eq(new_code()),
                certificates::initials.eq(initials(&r.name)),
                certificates::issued_at.eq(now),
            ))
            .execute(conn);
        match inserted {
            // the same registration at once, or (once in 2^60) the same code: look again
            Ok(_) | Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {}
            Err(e) => return Err(e),
        }
    }
    of_registration(conn, r.id)
}

/// Every certificate a meeting's checked-in people earn, made where missing, by name.
pub fn issue_all(
    conn: &mut DbConn,
    event_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Vec<(Registration, Certificate)>> {
    let mut people: Vec<Registration> = registrations::table
        .filter(registrations::event_id.eq(event_id))
        .filter(registrations::checked_in_at.is_not_null())
        .filter(registrations::purged_at.is_null())
        .select(Registration::as_select())
        .load(conn)?;
    people.sort_by_key(|r| r.name.to_lowercase());
    let mut out = Vec::with_capacity(people.len());
    for r in people {
        if let Some(c) = issue(conn, &r, now)? {
            out.push((r, c));
        }
    }
    Ok(out)
}

/// What the public check page may say about a code.
#[derive(Debug, Clone)]
pub enum Check {
    Genuine {
        initials: String,
        meeting: String,
        starts_at: NaiveDateTime,
        ends_at: NaiveDateTime,
        office: String,
    },
    /// Issued, but its person had their data erased: nothing can be confirmed any more.
    Withdrawn,
}

/// The check of a code as typed; `None` for a code that was never issued.
pub fn check(conn: &mut DbConn, typed: &str) -> QueryResult<Option<Check>> {
    let Some(code) = normalise(typed) else {
        return Ok(None);
    };
    let found: Option<(Option<String>, String, NaiveDateTime, NaiveDateTime, String)> =
        certificates::table
            .inner_join(events::table.inner_join(offices::table))
            .filter(certificates::code.eq(code))
            .select((
                certificates::initials,
                events::title,
                events::starts_at,
                events::ends_at,
                offices::name,
            ))
            .first(conn)
            .optional()?;
    Ok(found.map(
        |(initials, meeting, starts_at, ends_at, office)| match initials {
            Some(initials) => Check::Genuine {
                initials,
                meeting,
                starts_at,
                ends_at,
                office,
            },
            None => Check::Withdrawn,
        },
    ))
}

/// Removes what the certificates of `ids` would tell (the person asked for erasure); their
/// codes stay, so that a check says "no longer checkable" rather than "never issued".
pub fn forget(conn: &mut DbConn, ids: &[i64], now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(certificates::table.filter(certificates::registration_id.eq_any(ids)))
        .set((
            certificates::initials.eq(None::<String>),
            certificates::withdrawn_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_twelve_unambiguous_characters_and_differ() {
        let (a, b) = (new_code(), new_code());
        assert_ne!(a, b);
        assert_eq!(normalise(&a).as_deref(), Some(a.as_str()));
        assert_eq!(display(&a).len(), 14);
        assert!(!a.contains(['I', 'L', 'O', 'U']));
    }

    #[test]
    fn typed_codes_are_forgiven_their_case_and_dashes() {
        assert_eq!(normalise("7kqm-2x9d-hw4a").as_deref(), Some("7KQM2X9DHW4A"));
        assert_eq!(normalise("OOOO IIII LLLL").as_deref(), Some("000011111111"));
        assert_eq!(normalise("7KQM-2X9D-HW4"), None);
        assert_eq!(normalise("7KQM-2X9D-HW4U"), None);
        assert_eq!(normalise("'; DROP TABLE certificates; --"), None);
    }

    #[test]
    fn initials_keep_only_first_letters() {
        assert_eq!(initials("Amira Haddad"), "A. H.");
        assert_eq!(initials("Jonas Müller-Lüdenscheidt"), "J. M.-L.");
        assert_eq!(initials("  öykü  yılmaz "), "Ö. Y.");
        assert_eq!(initials("أحمد علي"), "أ. ع.");
    }
}

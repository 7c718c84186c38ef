//! Tickets: a compact token signed with Ed25519 that names a registration and its meeting
//! and nothing personal, so a door device can check it offline with the public key.
//!
//! Token: `T1.` + base64url(version 1 ‖ registration id u32 ‖ event id u32 ‖ signature 64)
//! = 3 + 98 = 101 characters (73 bytes in unpadded Base64): QR version 6 at error correction M
//! (up to 106 bytes). `static/checkin.js` checks the same 73 bytes offline.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

use crate::db::DbConn;
use crate::db::schema::signing_keys;

const PREFIX: &str = "T1.";
const PAYLOAD: usize = 9;

/// The site's ticket key pair.
#[derive(Clone)]
pub struct Keys {
    signing: SigningKey,
}

impl Keys {
    pub fn public_base64(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.signing.verifying_key().as_bytes())
    }

    pub fn verifying(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    /// The ticket of a registration (confirmed ones only are let in; the token itself does
    /// not change, so a promoted person's ticket simply starts to work).
    pub fn issue(&self, registration_id: i64, event_id: i64) -> String {
        let mut payload = [0u8; PAYLOAD];
        payload[0] = 1;
        payload[1..5].copy_from_slice(&(registration_id as u32).to_be_bytes());
        payload[5..9].copy_from_slice(&(event_id as u32).to_be_bytes());
        let sig = self.signing.sign(&payload);
        let mut all = payload.to_vec();
        all.extend_from_slice(&sig.to_bytes());
        format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(all))
    }
}

/// What a valid ticket names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket {
    pub registration_id: i64,
    pub event_id: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketError {
    /// Not a ticket of ours at all.
    Malformed,
    /// Looks like one, but the signature does not match: forged or altered.
    BadSignature,
}

/// Checks a token against a public key; no database needed.
pub fn verify(key: &VerifyingKey, token: &str) -> Result<Ticket, TicketError> {
    let body = token
        .trim()
        .strip_prefix(PREFIX)
        .ok_or(TicketError::Malformed)?;
    if body.len() > 200 {
        return Err(TicketError::Malformed);
    }
    let raw = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| TicketError::Malformed)?;
    if raw.len() != PAYLOAD + 64 || raw[0] != 1 {
        return Err(TicketError::Malformed);
    }
    let (payload, sig) = raw.split_at(PAYLOAD);
    let sig = Signature::from_slice(sig).map_err(|_| TicketError::Malformed)?;
    key.verify(payload, &sig)
        .map_err(|_| TicketError::BadSignature)?;
    let id = |b: &[u8]| i64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    Ok(Ticket {
        registration_id: id(&payload[1..5]),
        event_id: id(&payload[5..9]),
    })
}

/// The key pair from the database, made and stored on first use.
pub fn load_or_create(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Keys> {
    let existing: Option<String> = signing_keys::table
        .order(signing_keys::id.asc())
        .select(signing_keys::secret)
        .first(conn)
        .optional()?;
    if let Some(secret) = existing
        .and_then(|s| URL_SAFE_NO_PAD.decode(s).ok())
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
    {
        return Ok(Keys {
            signing: SigningKey::from_bytes(&secret),
        });
    }
    let signing = SigningKey::generate(&mut rand::rngs::OsRng);
    crate::db::lock::write_transaction(conn, |conn| {
        // two instances starting at once: the first key written wins for both
        let again: Option<String> = signing_keys::table
            .order(signing_keys::id.asc())
            .select(signing_keys::secret)
            .first(conn)
            .optional()?;
        if let Some(secret) = again
            .and_then(|s| URL_SAFE_NO_PAD.decode(s).ok())
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
        {
            return Ok(Keys {
                signing: SigningKey::from_bytes(&secret),
            });
        }
        diesel::insert_into(signing_keys::table)
            .values((
                signing_keys::secret.eq(URL_SAFE_NO_PAD.encode(signing.to_bytes())),
                signing_keys::public.eq(URL_SAFE_NO_PAD.encode(signing.verifying_key().as_bytes())),
                signing_keys::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok(Keys { signing })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys {
            signing: SigningKey::generate(&mut rand::rngs::OsRng),
        }
    }

    #[test]
    fn round_trip_and_qr_version() {
        let k = keys();
        let t = k.issue(123_456, 42);
        assert_eq!(
            verify(&k.verifying(), &t),
            Ok(Ticket {
                registration_id: 123_456,
                event_id: 42
            })
        );
        assert!(
            crate::qr::version(&t).unwrap() <= 6,
            "scans easily: version {:?}",
            crate::qr::version(&t)
        );
    }

    #[test]
    fn forged_altered_and_foreign_tickets_fail() {
        let k = keys();
        let t = k.issue(7, 3);
        // another site's key
        assert_eq!(
            verify(&keys().verifying(), &t),
            Err(TicketError::BadSignature)
        );
        // one character of the payload changed
        let mut altered: Vec<char> = t.chars().collect();
        altered[5] = if altered[5] == 'A' { 'B' } else { 'A' };
        let altered: String = altered.into_iter().collect();
        assert_eq!(
            verify(&k.verifying(), &altered),
            Err(TicketError::BadSignature)
        );
        for junk in ["", "T1.", "hello", "T1.!!!!", &t[..50]] {
            assert_eq!(
                verify(&k.verifying(), junk),
                Err(TicketError::Malformed),
                "{junk}"
            );
        }
    }

    mod props {
        use proptest::prelude::*;

        use super::super::*;

        // a fixed key keeps the cases fast and any failure reproducible
        fn keys() -> Keys {
            Keys {
                signing: SigningKey::from_bytes(&[7u8; 32]),
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn issued_tickets_verify_to_what_they_name(reg in any::<u32>(), event in any::<u32>()) {
                let k = keys();
                let t = k.issue(i64::from(reg), i64::from(event));
                prop_assert_eq!(
                    verify(&k.verifying(), &t),
                    Ok(Ticket { registration_id: i64::from(reg), event_id: i64::from(event) })
                );
            }

            #[test]
            fn any_text_is_refused_without_panic(s in "\\PC{0,300}") {
                prop_assert!(verify(&keys().verifying(), &s).is_err());
            }

            #[test]
            fn any_ticket_shaped_text_is_refused(body in "[A-Za-z0-9_-]{0,220}") {
                let token = format!("T1.{body}");
                prop_assert!(verify(&keys().verifying(), &token).is_err());
            }

            #[test]
            fn a_changed_character_never_verifies(
                reg in any::<u32>(),
                event in any::<u32>(),
                at in any::<prop::sample::Index>(),
                c in any::<char>(),
            ) {
                let k = keys();
                let t = k.issue(i64::from(reg), i64::from(event));
                let mut chars: Vec<char> = t.chars().collect();
                let i = at.index(chars.len());
                chars[i] = c;
                let changed: String = chars.into_iter().collect();
                prop_assume!(changed != t);
                prop_assert!(verify(&k.verifying(), &changed).is_err(), "{changed}");
            }

            #[test]
            fn a_flipped_bit_never_verifies(
                reg in any::<u32>(),
                event in any::<u32>(),
                byte in 0usize..PAYLOAD + 64,
                bit in 0u8..8,
            ) {
                let k = keys();
                let t = k.issue(i64::from(reg), i64::from(event));
                let mut raw = URL_SAFE_NO_PAD.decode(&t[PREFIX.len()..]).unwrap();
                raw[byte] ^= 1 << bit;
                let changed = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(raw));
                prop_assert!(verify(&k.verifying(), &changed).is_err());
            }

            #[test]
            fn cut_or_lengthened_tickets_never_verify(
                reg in any::<u32>(),
                keep in 0usize..100,
                extra in "[A-Za-z0-9_-]{1,8}",
            ) {
                let k = keys();
                let t = k.issue(i64::from(reg), 1);
                prop_assert!(verify(&k.verifying(), &t[..keep]).is_err());
                let longer = format!("{t}{extra}");
                prop_assert!(verify(&k.verifying(), &longer).is_err());
            }

            #[test]
            fn another_sites_key_never_verifies(reg in any::<u32>(), seed in any::<[u8; 32]>()) {
                prop_assume!(seed != [7u8; 32]);
                let t = keys().issue(i64::from(reg), 1);
                let other = SigningKey::from_bytes(&seed).verifying_key();
                prop_assert_eq!(verify(&other, &t), Err(TicketError::BadSignature));
            }
        }
    }
}

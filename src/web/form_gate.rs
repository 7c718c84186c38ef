//! The gate of the public forms: a honeypot field and a minimum time to fill a form in
//! (a signed stamp of when it was shown), then the rate limits of `abuse.rs`; and the
//! answers a form gets when it is turned away.

use std::net::IpAddr;

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::{Redirect, Responder};
use rocket_dyn_templates::Template;
use sha2::{Digest, Sha256};

use super::abuse::{Action, PublicLimiter, TooMany, client_ip};
use super::shared_limits::SharedLimits;
use crate::db::Db;
use crate::{Clock, Settings, i18n};

/// The answer to a posted public form.
#[derive(Responder)]
pub enum FormAnswer {
    Done(Redirect),
    Again((Status, Template)),
    Limited(TooMany<Template>),
    Page(Template),
}

/// Why a public form is turned away before it is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Sent by a program: honeypot filled, too fast, or without a valid stamp.
    Bot,
    /// One too many: try again in this many seconds.
    TooMany(u64),
}

impl Refusal {
    /// The sentence for the person, in their language.
    pub fn message(self, lang: &str) -> String {
        match self {
            Refusal::Bot => i18n::text(lang, "error-too-fast"),
            Refusal::TooMany(wait) => i18n::text_with(
                lang,
                "error-too-many",
                &[("minutes", wait.div_ceil(60).into())],
            ),
        }
    }

    /// The form shown again with the message: 422, or 429 with `Retry-After`.
    pub fn answer(self, page: Template) -> FormAnswer {
        match self {
            Refusal::Bot => FormAnswer::Again((Status::UnprocessableEntity, page)),
            Refusal::TooMany(wait) => FormAnswer::Limited(TooMany(page, wait)),
        }
    }
}

/// The key that signs form stamps (the app's secret key).
pub struct FormSecret(pub Vec<u8>);

/// What a public form handler needs to tell people from machines.
pub struct Gate<'r> {
    pub limiter: &'r PublicLimiter,
    pub shared: &'r SharedLimits,
    pub db: &'r Db,
    pub clock: &'r Clock,
    pub secret: &'r FormSecret,
    pub settings: &'r Settings,
    pub ip: Option<IpAddr>,
}

impl Gate<'_> {
    pub fn stamp(&self, now: chrono::NaiveDateTime) -> String {
        form_stamp(&self.secret.0, now)
    }

    pub fn screen(
        &self,
        honeypot: Option<&str>,
        stamp: Option<&str>,
        now: chrono::NaiveDateTime,
    ) -> Result<(), Bot> {
        screen(self.settings, &self.secret.0, honeypot, stamp, now)
    }

    /// Counts an attempt: registrations per address in the shared counters first, then the
    /// limits of this instance.
    pub async fn check(&self, action: Action) -> Result<(), u64> {
        if let (Action::Register { .. }, Some(ip)) = (action, self.ip) {
            let per_hour = self.settings.register_per_ip_per_hour;
            self.shared
                .register(self.db, ip, per_hour, self.clock.now())
                .await?;
        }
        self.limiter.check(action, self.ip)
    }

    /// Lets a posted public form through, or says why not: machines are told apart first,
    /// then the attempt counts against the rate limits.
    pub async fn admit(
        &self,
        honeypot: Option<&str>,
        stamp: Option<&str>,
        now: chrono::NaiveDateTime,
        action: Action,
    ) -> Result<(), Refusal> {
        self.screen(honeypot, stamp, now)
            .map_err(|_| Refusal::Bot)?;
        self.check(action).await.map_err(Refusal::TooMany)
    }

    /// [`Gate::admit`] for a form that asks for a mail to an address ("send my link
    /// again", "my data").
    pub async fn admit_request(
        &self,
        honeypot: Option<&str>,
        stamp: Option<&str>,
    ) -> Result<(), Refusal> {
        self.admit(honeypot, stamp, self.clock.now(), Action::Request)
            .await
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Gate<'r> {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let rocket = req.rocket();
        match (
            rocket.state::<PublicLimiter>(),
            rocket.state::<SharedLimits>(),
            rocket.state::<Db>(),
            rocket.state::<Clock>(),
            rocket.state::<FormSecret>(),
            rocket.state::<Settings>(),
        ) {
            (Some(limiter), Some(shared), Some(db), Some(clock), Some(secret), Some(settings)) => {
                Outcome::Success(Gate {
                    limiter,
                    shared,
                    db,
                    clock,
                    secret,
                    settings,
                    ip: client_ip(req, &settings.trusted_proxies),
                })
            }
            _ => Outcome::Error((Status::InternalServerError, ())),
        }
    }
}

/// When a form was shown, signed so that it cannot be back-dated: `<unix seconds>.<mac>`.
pub fn form_stamp(secret: &[u8], now: chrono::NaiveDateTime) -> String {
    let at = now.and_utc().timestamp();
    format!("{at}.{}", stamp_mac(secret, at))
}

fn stamp_mac(secret: &[u8], at: i64) -> String {
    let mut h = Sha256::new();
    h.update(b"treffpunkt form stamp\0");
    h.update(secret);
    h.update(at.to_be_bytes());
    h.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why a form is refused as sent by a machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bot {
    /// The field people never see was filled in.
    Honeypot,
    /// Sent sooner after the form was shown than a person can fill it in, or without a
    /// valid stamp.
    TooFast,
}

/// Checks the honeypot and the fill time of a public form.
pub fn screen(
    settings: &Settings,
    secret: &[u8],
    honeypot: Option<&str>,
    stamp: Option<&str>,
    now: chrono::NaiveDateTime,
) -> Result<(), Bot> {
    if honeypot.is_some_and(|h| !h.trim().is_empty()) {
        return Err(Bot::Honeypot);
    }
    if settings.min_fill_seconds == 0 {
        return Ok(());
    }
    let shown = stamp
        .and_then(|s| s.split_once('.'))
        .and_then(|(at, mac)| {
            let at: i64 = at.parse().ok()?;
            (stamp_mac(secret, at) == mac).then_some(at)
        })
        .ok_or(Bot::TooFast)?;
    let elapsed = now.and_utc().timestamp() - shown;
    // a form older than a day is stale; a person would have reloaded it
    if elapsed < i64::from(settings.min_fill_seconds) || elapsed > 86_400 {
        return Err(Bot::TooFast);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(min: u32) -> Settings {
        Settings {
            min_fill_seconds: min,
            ..Settings::default()
        }
    }

    #[test]
    fn a_person_taking_their_time_passes() {
        let t0 = chrono::DateTime::from_timestamp(1_800_000_000, 0)
            .unwrap()
            .naive_utc();
        let stamp = form_stamp(b"k", t0);
        let later = t0 + chrono::Duration::seconds(5);
        assert_eq!(
            screen(&settings(3), b"k", None, Some(&stamp), later),
            Ok(())
        );
        assert_eq!(
            screen(&settings(3), b"k", Some(""), Some(&stamp), later),
            Ok(())
        );
    }

    #[test]
    fn machines_are_told_apart() {
        let t0 = chrono::DateTime::from_timestamp(1_800_000_000, 0)
            .unwrap()
            .naive_utc();
        let stamp = form_stamp(b"k", t0);
        let s = settings(3);
        let soon = t0 + chrono::Duration::seconds(1);
        let later = t0 + chrono::Duration::seconds(10);
        assert_eq!(
            screen(&s, b"k", None, Some(&stamp), soon),
            Err(Bot::TooFast)
        );
        assert_eq!(
            screen(&s, b"k", Some("http://spam"), Some(&stamp), later),
            Err(Bot::Honeypot)
        );
        assert_eq!(screen(&s, b"k", None, None, later), Err(Bot::TooFast));
        // back-dated by hand, or signed with another key
        let forged = format!("{}.{}", t0.and_utc().timestamp() - 60, &stamp[11..]);
        assert_eq!(
            screen(&s, b"k", None, Some(&forged), later),
            Err(Bot::TooFast)
        );
        assert_eq!(
            screen(&s, b"other", None, Some(&stamp), later),
            Err(Bot::TooFast)
        );
        assert_eq!(screen(&settings(0), b"k", None, None, soon), Ok(()));
    }
}

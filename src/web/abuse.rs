//! Rate limits on public requests without third parties: the client's address (behind
//! trusted proxies), limits per address and per meeting, and the 429 answer. Registrations
//! per address are counted in the database (`shared_limits`), shared by all instances; the
//! others here are kept in memory, per instance. Telling people from machines on the public
//! forms (honeypot, signed fill-time stamp) is in `form_gate.rs`.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use governor::clock::Reference;
use governor::{Quota, RateLimiter, state::keyed::DashMapStateStore};
use rocket::http::{Header, Status};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::{self, Responder};

use crate::{Clock, Settings};

/// The client's address: the peer, or, when the peer is a configured trusted proxy, the
/// last address in `X-Forwarded-For` that is not itself a trusted proxy.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub Option<IpAddr>);

pub fn client_ip(req: &Request<'_>, trusted: &[IpAddr]) -> Option<IpAddr> {
    let peer = req.remote().map(|r| r.ip())?;
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    // Each proxy appends the address it saw; only the hops after the last untrusted one are
    // ours, so earlier entries (which the client could have written itself) are ignored.
    let forwarded: Vec<IpAddr> = req
        .headers()
        .get("X-Forwarded-For")
        .flat_map(|h| h.split(','))
        .map(|s| s.trim().parse::<IpAddr>().ok())
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
    Some(
        forwarded
            .into_iter()
            .rev()
            .find(|ip| !trusted.contains(ip))
            .unwrap_or(peer),
    )
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for ClientIp {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let trusted = req
            .rocket()
            .state::<Settings>()
            .map(|s| s.trusted_proxies.as_slice())
            .unwrap_or_default();
        Outcome::Success(ClientIp(client_ip(req, trusted)))
    }
}

/// The app's clock for the rate limiters, so that tests move time instead of sleeping.
#[derive(Clone)]
pub struct LimiterClock {
    clock: Clock,
    start: Instant,
}

impl LimiterClock {
    pub fn new(clock: Clock) -> Self {
        LimiterClock {
            clock,
            start: Instant::now(),
        }
    }
}

impl governor::clock::Clock for LimiterClock {
    type Instant = Duration;

    fn now(&self) -> Duration {
        self.start.elapsed() + Duration::from_secs(self.clock.offset_secs().max(0) as u64)
    }
}

type Keyed<K> = RateLimiter<
    K,
    DashMapStateStore<K>,
    LimiterClock,
    governor::middleware::NoOpMiddleware<Duration>,
>;

/// What a public form does, for its own limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Register {
        event_id: i64,
    },
    /// Resending a management link, asking for one's data.
    Request,
}

/// The public forms' rate limits kept in memory (`None`: that limit is off).
pub struct PublicLimiter {
    clock: LimiterClock,
    register_per_meeting: Option<Keyed<i64>>,
    requests_per_ip: Option<Keyed<IpAddr>>,
    checks: AtomicU64,
}

fn keyed<K: std::hash::Hash + Eq + Clone>(
    n: u32,
    per: Duration,
    clock: &LimiterClock,
) -> Option<Keyed<K>> {
    let n = NonZeroU32::new(n)?;
    // `n` at once, then refilled evenly over the period
    let quota = Quota::with_period(per / n.get())?.allow_burst(n);
    Some(RateLimiter::dashmap_with_clock(quota, clock.clone()))
}

impl PublicLimiter {
    pub fn new(settings: &Settings, clock: Clock) -> Self {
        let clock = LimiterClock::new(clock);
        let hour = Duration::from_secs(3600);
        PublicLimiter {
            register_per_meeting: keyed(
                settings.register_per_meeting_per_minute,
                Duration::from_secs(60),
                &clock,
            ),
            requests_per_ip: keyed(settings.requests_per_ip_per_hour, hour, &clock),
            clock,
            checks: AtomicU64::new(0),
        }
    }

    /// Counts an attempt; `Err(seconds)` when it is one too many, with how long to wait.
    pub fn check(&self, action: Action, ip: Option<IpAddr>) -> Result<(), u64> {
        if self.checks.fetch_add(1, Ordering::Relaxed) % 4096 == 4095 {
            // forget addresses whose allowance is full again, so the maps stay small
            if let Some(l) = &self.requests_per_ip {
                l.retain_recent();
            }
            if let Some(l) = &self.register_per_meeting {
                l.retain_recent();
            }
        }
        let now = governor::clock::Clock::now(&self.clock);
        let wait = |not_until: governor::NotUntil<Duration>| {
            let earliest = not_until.earliest_possible();
            Duration::from(earliest.duration_since(now))
                .as_secs()
                .max(1)
        };
        match action {
            Action::Register { event_id } => {
                if let Some(l) = &self.register_per_meeting {
                    l.check_key(&event_id).map_err(wait)?;
                }
            }
            Action::Request => {
                if let (Some(l), Some(ip)) = (&self.requests_per_ip, ip) {
                    l.check_key(&ip).map_err(wait)?;
                }
            }
        }
        Ok(())
    }
}

/// A response with `429 Too Many Requests` and `Retry-After`.
pub struct TooMany<R>(pub R, pub u64);

impl<'r, R: Responder<'r, 'static>> Responder<'r, 'static> for TooMany<R> {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let mut res = (Status::TooManyRequests, self.0).respond_to(req)?;
        res.set_header(Header::new("Retry-After", self.1.to_string()));
        Ok(res)
    }
}

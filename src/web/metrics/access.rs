//! Who may read `/metrics`: a client address in `metrics_allow`, or the bearer token
//! `metrics_token`. Everybody else gets the 404 of a path that does not exist.
//!
//! The address is the peer's, or, from a trusted proxy, the last one it forwarded that is
//! not itself a trusted proxy (as `abuse::client_ip`), but stricter: a request that carries
//! a forwarding header and did not come from a trusted proxy is refused. Otherwise a proxy
//! on the same host that nobody listed in `trusted_proxies` would make every visitor look
//! like loopback, which is allowed by default. A forwarded list that does not parse is
//! refused too, instead of falling back to the proxy's own address.

use std::net::IpAddr;

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};
use sha2::{Digest, Sha256};

use crate::Settings;

/// The request may read the metrics.
pub struct MetricsAccess;

const FORWARDING: [&str; 3] = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

fn client(req: &Request<'_>, trusted: &[IpAddr]) -> Option<IpAddr> {
    let peer = req.remote()?.ip();
    let forwarded = FORWARDING.iter().any(|h| req.headers().contains(*h));
    if !trusted.contains(&peer) {
        return (!forwarded).then_some(peer);
    }
    if !forwarded {
        // the proxy's host itself (a scraper beside it), not a request passed on
        return Some(peer);
    }
    let hops: Vec<IpAddr> = req
        .headers()
        .get("X-Forwarded-For")
        .flat_map(|h| h.split(','))
        .map(|s| s.trim().parse::<IpAddr>().ok())
        .collect::<Option<Vec<_>>>()?;
    hops.iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .or(hops.first())
        .copied()
}

/// Equal tokens, compared without an early exit (the digests have one length whatever
/// was sent, so the time says nothing about how much of a guess was right).
fn same_token(given: &str, expected: &str) -> bool {
    let (a, b) = (Sha256::digest(given), Sha256::digest(expected));
    a.iter().zip(b.iter()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for MetricsAccess {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let refused = Outcome::Forward(Status::NotFound);
        let Some(settings) = req.rocket().state::<Settings>() else {
            return refused;
        };
        if let Some(auth) = req.headers().get_one("Authorization") {
            // a token that is sent must be the right one, from whatever address
            let given = auth.strip_prefix("Bearer ").unwrap_or_default().trim();
            return match &settings.metrics_token {
                Some(expected) if same_token(given, expected) => Outcome::Success(MetricsAccess),
                _ => refused,
            };
        }
        match client(req, &settings.trusted_proxies) {
            Some(ip) if settings.metrics_allow.iter().any(|r| r.contains(ip)) => {
                Outcome::Success(MetricsAccess)
            }
            _ => refused,
        }
    }
}

//! The rate limits that every instance on one database shares (`domain::throttle`): wrong
//! door PINs, logins, and registrations per client address. Counters are found by keyed
//! hashes of the address or account, so the database holds neither.

use std::net::{IpAddr, Ipv6Addr};
use std::sync::atomic::{AtomicI64, Ordering};

use base64::Engine;
use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use crate::db::{Db, DbError};
use crate::domain::throttle::{self, Allowance};

/// Run-out counters are deleted at most this often (per instance).
const SWEEP_EVERY_SECS: i64 = 300;

/// Managed state: the key of the hashes, and when this instance last swept.
pub struct SharedLimits {
    secret: Vec<u8>,
    last_sweep: AtomicI64,
}

impl SharedLimits {
    pub fn new(secret: &[u8]) -> Self {
        SharedLimits {
            secret: secret.to_vec(),
            last_sweep: AtomicI64::new(i64::MIN),
        }
    }

    /// A counter key for `value` (an address, an e-mail) that does not reveal it: the same
    /// on every instance with the same secret key, useless without it.
    pub fn key(&self, purpose: &str, value: &str) -> String {
        let mut h = Sha256::new();
        h.update(b"treffpunkt rate key\0");
        h.update(&self.secret);
        h.update([0]);
        h.update(purpose.as_bytes());
        h.update([0]);
        h.update(value.as_bytes());
        let digest = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&h.finalize()[..18]);
        format!("{purpose}:{digest}")
    }

    /// The key of a client address; IPv6 by its /64 network, which one subscriber gets whole
    /// (counting single addresses would give each of them billions).
    pub fn address_key(&self, purpose: &str, ip: IpAddr) -> String {
        self.key(purpose, &network(ip).to_string())
    }

    /// Counts an attempt against a shared allowance; `Err(seconds)` when it is one too many.
    /// When the database cannot count, the attempt is let through: the work it guards needs
    /// the database too and answers the outage itself.
    pub async fn take(
        &self,
        db: &Db,
        key: String,
        allowance: Allowance,
        now: NaiveDateTime,
    ) -> Result<(), u64> {
        self.sweep_if_due(db, now).await;
        // joins the group commit on SQLite: no commit of its own on the registration path
        let counted = db
            .run_batched(i64::MIN, move |conn| {
                throttle::take(conn, &key, allowance, now).map_err(DbError::from)
            })
            .await;
        match counted {
            Ok(decision) => decision,
            Err(e) => {
                log::warn!("rate limit not counted: {e}");
                Ok(())
            }
        }
    }

    /// Counts a registration (form or API) from `ip` against `per_hour` (0: no limit).
    pub async fn register(
        &self,
        db: &Db,
        ip: IpAddr,
        per_hour: u32,
        now: NaiveDateTime,
    ) -> Result<(), u64> {
        if per_hour == 0 {
            return Ok(());
        }
        let allowance = Allowance {
            burst: per_hour,
            period_secs: 3600,
        };
        self.take(db, self.address_key("register-ip", ip), allowance, now)
            .await
    }

    /// Deletes run-out counters now and then (found by their index, so it costs little).
    pub async fn sweep_if_due(&self, db: &Db, now: NaiveDateTime) {
        let t = now.and_utc().timestamp();
        let last = self.last_sweep.load(Ordering::Relaxed);
        if t.saturating_sub(last) < SWEEP_EVERY_SECS
            || self
                .last_sweep
                .compare_exchange(last, t, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return;
        }
        let swept = db
            .run(move |conn| throttle::sweep(conn, now).map_err(DbError::from))
            .await;
        if let Err(e) = swept {
            log::warn!("old rate counters not deleted: {e}");
        }
    }
}

/// The address a limit counts: IPv4 as it is, IPv6 by its /64 network.
fn network(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_subscriber_is_one_address() {
        let limits = SharedLimits::new(b"k");
        let key = |ip: &str| limits.address_key("t", ip.parse().unwrap());
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:192.0.2.1"), key("192.0.2.1"));
        assert_ne!(key("192.0.2.1"), key("192.0.2.2"));
        assert!(!key("192.0.2.1").contains("192.0.2.1"));
        // another secret, other keys: useless without it
        assert_ne!(
            SharedLimits::new(b"other").address_key("t", "192.0.2.1".parse().unwrap()),
            key("192.0.2.1")
        );
    }
}

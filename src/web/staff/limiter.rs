//! Login attempts per account and per client address, so that passwords cannot be guessed.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota};

pub struct LoginLimiter {
    per_account: DefaultKeyedRateLimiter<String>,
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        let n = |v| NonZeroU32::new(v).expect("non-zero");
        LoginLimiter {
            // 5 tries at once, then one more a minute
            per_account: DefaultKeyedRateLimiter::keyed(
                Quota::with_period(Duration::from_secs(60))
                    .expect("period")
                    .allow_burst(n(5)),
            ),
            // a whole office behind one address: 20 at once, then one every 10 s
            per_ip: DefaultKeyedRateLimiter::keyed(
                Quota::with_period(Duration::from_secs(10))
                    .expect("period")
                    .allow_burst(n(20)),
            ),
        }
    }
}

impl LoginLimiter {
    /// Counts an attempt; `Err(seconds)` when it is one too many, with how long to wait.
    pub fn attempt(&self, account: &str, ip: Option<IpAddr>) -> Result<(), u64> {
        let clock = governor::clock::DefaultClock::default();
        let wait = |not_until: governor::NotUntil<_>| {
            use governor::clock::Clock;
            not_until.wait_time_from(clock.now()).as_secs().max(1)
        };
        if let Some(ip) = ip {
            self.per_ip.check_key(&ip).map_err(wait)?;
        }
        self.per_account
            .check_key(&account.trim().to_lowercase())
            .map_err(wait)?;
        Ok(())
    }
}

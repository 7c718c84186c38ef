//! Login attempts per account and per client address, so that passwords cannot be guessed.
//! Counted in the database (`web::shared_limits`), so several instances share the limits.

use std::net::IpAddr;

use crate::Clock;
use crate::db::Db;
use crate::domain::throttle::Allowance;
use crate::web::shared_limits::SharedLimits;

/// 5 tries at once, then one more a minute.
pub const PER_ACCOUNT: Allowance = Allowance {
    burst: 5,
    period_secs: 5 * 60,
};

/// A whole office behind one address: 20 at once, then one every 10 s.
pub const PER_ADDRESS: Allowance = Allowance {
    burst: 20,
    period_secs: 200,
};

/// Managed state: the shared counters (with their own sweeping) on this database.
pub struct LoginLimiter {
    shared: SharedLimits,
    db: Db,
    clock: Clock,
}

impl LoginLimiter {
    pub fn new(secret: &[u8], db: Db, clock: Clock) -> Self {
        LoginLimiter {
            shared: SharedLimits::new(secret),
            db,
            clock,
        }
    }

    /// Counts an attempt; `Err(seconds)` when it is one too many, with how long to wait.
    pub async fn attempt(&self, account: &str, ip: Option<IpAddr>) -> Result<(), u64> {
        let now = self.clock.now();
        if let Some(ip) = ip {
            let key = self.shared.address_key("login-ip", ip);
            self.shared.take(&self.db, key, PER_ADDRESS, now).await?;
        }
        let key = self
            .shared
            .key("login-account", &account.trim().to_lowercase());
        self.shared.take(&self.db, key, PER_ACCOUNT, now).await
    }
}

//! An address or a network written as in the settings: `127.0.0.1`, `::1`, `10.0.0.0/8`,
//! `fd00::/8`. Used for who may read `/metrics`; a setting that does not parse stops the
//! start with its text instead of letting everybody in, or nobody.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddrRange {
    network: IpAddr,
    prefix: u8,
}

impl AddrRange {
    /// Whether `ip` lies in this range. An IPv4 address seen as IPv6 (`::ffff:a.b.c.d`, as a
    /// dual-stack listener reports it) counts as the IPv4 address.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        match (self.network, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                masked(u32::from(net).into(), self.prefix, 32)
                    == masked(u32::from(ip).into(), self.prefix, 32)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                masked(u128::from(net), self.prefix, 128)
                    == masked(u128::from(ip), self.prefix, 128)
            }
            _ => false,
        }
    }
}

/// The first `prefix` bits of a `bits`-wide address.
fn masked(addr: u128, prefix: u8, bits: u8) -> u128 {
    if prefix == 0 {
        return 0;
    }
    let keep = u32::from(bits - prefix.min(bits));
    (addr >> keep) << keep
}

impl FromStr for AddrRange {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?} is not an address or a network such as 10.0.0.0/8");
        let (addr, prefix) = match s.trim().split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s.trim(), None),
        };
        let network: IpAddr = addr.parse().map_err(|_| bad())?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(bad)?,
            None => max,
        };
        Ok(AddrRange { network, prefix })
    }
}

impl fmt::Display for AddrRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

impl serde::Serialize for AddrRange {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for AddrRange {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::AddrRange;

    fn r(s: &str) -> AddrRange {
        s.parse().unwrap()
    }

    #[test]
    fn ranges_hold_their_addresses_only() {
        assert!(r("127.0.0.1").contains("127.0.0.1".parse().unwrap()));
        assert!(!r("127.0.0.1").contains("127.0.0.2".parse().unwrap()));
        assert!(r("10.0.0.0/8").contains("10.200.3.4".parse().unwrap()));
        assert!(!r("10.0.0.0/8").contains("11.0.0.1".parse().unwrap()));
        assert!(r("0.0.0.0/0").contains("203.0.113.9".parse().unwrap()));
        assert!(!r("0.0.0.0/0").contains("2001:db8::1".parse().unwrap()));
        assert!(r("fd00::/8").contains("fd12::1".parse().unwrap()));
        assert!(r("::1").contains("::1".parse().unwrap()));
        assert!(r("127.0.0.1").contains("::ffff:127.0.0.1".parse().unwrap()));
        for bad in ["localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", ""] {
            assert!(bad.parse::<AddrRange>().is_err(), "{bad}");
        }
    }
}

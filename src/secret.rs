//! Rocket's secret key (it encrypts the session cookies): from the configuration, else from
//! `<data_dir>/secret_key`, else newly made and kept there so restarts keep sessions; and
//! [`same`], the comparison for tokens a client sends back (CSRF and door tokens).

use std::io::Write;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;
use rocket::figment::Figment;

use crate::Settings;

fn load_or_create(path: &Path) -> std::io::Result<String> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        let existing = existing.trim().to_owned();
        if STANDARD
            .decode(&existing)
            .is_ok_and(|k| k.len() == 32 || k.len() == 64)
        {
            return Ok(existing);
        }
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    let encoded = STANDARD.encode(key);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(encoded.as_bytes())?;
    // the logger is not up yet this early: say it on stderr
    eprintln!(
        "Warning: no secret_key configured: made one and keep it in {} (set ROCKET_SECRET_KEY to choose your own)",
        path.display()
    );
    Ok(encoded)
}

/// The figment with a `secret_key`, or unchanged when it has one or the key cannot be kept.
pub fn ensure(figment: Figment) -> Figment {
    // Rocket's own defaults carry an all-zero key, which it refuses in release builds
    let configured = figment
        .extract_inner::<rocket::config::SecretKey>("secret_key")
        .is_ok_and(|k| !k.is_zero());
    if configured {
        return figment;
    }
    let Ok(settings) = Settings::from_figment(&figment) else {
        return figment;
    };
    match load_or_create(&Path::new(&settings.data_dir).join("secret_key")) {
        Ok(key) => figment.merge(("secret_key", key)),
        Err(e) => {
            log::error!("cannot keep a secret key in {}: {e}", settings.data_dir);
            figment
        }
    }
}

/// Whether a token a client sent equals the expected one, in a time that does not depend on
/// where they first differ (so the answer's timing does not give the token away).
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_only_for_equal_tokens() {
        assert!(super::same("abc", "abc"));
        assert!(!super::same("abc", "abd"));
        assert!(!super::same("abc", "abcd"));
        assert!(!super::same("", "a"));
    }
}

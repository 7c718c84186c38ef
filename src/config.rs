//! The app's own settings, under `[default.treffpunkt]` in `Rocket.toml` or as
//! `TREFFPUNKT_*` environment variables:
//! - `TREFFPUNKT_DATABASE_URL`: `sqlite://data/treffpunkt.sqlite` (default) or `postgres://…`
//! - `TREFFPUNKT_PUBLIC_URL`: base for links in mails and feeds (default: Rocket's address and port)
//! - `TREFFPUNKT_TIMEZONE`: time zone meetings are shown in (default `Europe/Berlin`)
//! - `TREFFPUNKT_DEFAULT_LANGUAGE`: `de` (default) or `en`
//! - `TREFFPUNKT_DATA_DIR`: where files such as the mail outbox go (default `data`)
//! - `TREFFPUNKT_SMTP_URL`: SMTP server (default none: mails become .eml files in data/outbox)
//! - `TREFFPUNKT_MAIL_FROM`: sender address (default `Treffpunkt <noreply@HOST>`)
//! - `TREFFPUNKT_MAIL_POLL_MS`: pause between two turns of each background job, such as mail
//!   delivery (default 2000)
//! - `TREFFPUNKT_RETENTION_DAYS`: days after a meeting until its personal data is anonymised
//!   (default 30; a meeting may set its own)
//! - `TREFFPUNKT_TRUSTED_PROXIES`: addresses of reverse proxies whose `X-Forwarded-For` is
//!   believed, e.g. `["127.0.0.1"]` (default none: the peer address is the client)
//! - `TREFFPUNKT_EMBED_ORIGINS`: sites that may frame `/embed`, e.g. `["https://www.kreis-tuebingen.de"]`
//! - `TREFFPUNKT_REGISTER_PER_IP_PER_HOUR` (default 20), `TREFFPUNKT_REGISTER_PER_MEETING_PER_MINUTE`
//!   (default 60), `TREFFPUNKT_REQUESTS_PER_IP_PER_HOUR` (resending links and data requests,
//!   default 10), `TREFFPUNKT_MIN_FILL_SECONDS` (default 3): abuse limits of the public forms;
//!   0 turns one off
//! - `TREFFPUNKT_DOOR_PINS_PER_MINUTE`: wrong door PINs per minute from all addresses together,
//!   counted by all instances on one database (default 10; 0 turns the ceiling off)
//! - `TREFFPUNKT_REQUEST_MAIL_MINUTES`: at most one "send my link again" mail per address and
//!   meeting, and one data link per address, within this many minutes (default 15)
//! - `TREFFPUNKT_PAGE_CACHE_MS`: how long the meeting list and meeting pages are served from
//!   memory unless something was written (default 1000; 0 turns it off)

use rocket::figment::providers::{Env, Format, Serialized, Toml};
use rocket::figment::{Figment, Profile};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub database_url: String,
    pub public_url: String,
    pub timezone: String,
    pub default_language: String,
    pub data_dir: String,
    /// `smtp://host:25`, `smtp://user:pass@host:587?tls=required` (STARTTLS) or
    /// `smtps://user:pass@host:465` (implicit TLS); none: .eml files under data/outbox.
    pub smtp_url: Option<String>,
    /// Sender, e.g. `Landratsamt Tübingen <termine@kreis-tuebingen.de>`.
    pub mail_from: Option<String>,
    /// How often the mail worker looks for due mails, in milliseconds.
    pub mail_poll_ms: u64,
    pub retention_days: u32,
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub embed_origins: Vec<String>,
    pub register_per_ip_per_hour: u32,
    pub register_per_meeting_per_minute: u32,
    pub requests_per_ip_per_hour: u32,
    /// Wrong door PINs per minute from all addresses together (0: no ceiling).
    pub door_pins_per_minute: u32,
    pub min_fill_seconds: u32,
    /// How long a rendered meeting list or meeting page may be served again (0: off).
    pub page_cache_ms: u64,
    /// Window within which an address gets at most one requested mail of a kind.
    pub request_mail_minutes: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://data/treffpunkt.sqlite".into(),
            // empty: derived from Rocket's address and port
            public_url: String::new(),
            timezone: "Europe/Berlin".into(),
            default_language: "de".into(),
            data_dir: "data".into(),
            smtp_url: None,
            mail_from: None,
            mail_poll_ms: 2000,
            retention_days: 30,
            trusted_proxies: Vec::new(),
            embed_origins: Vec::new(),
            register_per_ip_per_hour: 20,
            register_per_meeting_per_minute: 60,
            requests_per_ip_per_hour: 10,
            door_pins_per_minute: 10,
            min_fill_seconds: 3,
            page_cache_ms: 1000,
            request_mail_minutes: 15,
        }
    }
}

impl Settings {
    /// Reads the `treffpunkt` table of a figment, defaults filled in.
    pub fn from_figment(figment: &Figment) -> Result<Settings, String> {
        let mut settings: Settings = figment
            .focus("treffpunkt")
            .extract()
            .map_err(|e| format!("configuration: {e}"))?;
        if settings.public_url.trim().is_empty() {
            let address: String = figment
                .extract_inner("address")
                .unwrap_or_else(|_| "127.0.0.1".into());
            let port: u16 = figment.extract_inner("port").unwrap_or(8000);
            let host = if address == "0.0.0.0" || address == "::" {
                "127.0.0.1".to_owned()
            } else {
                address
            };
            settings.public_url = format!("http://{host}:{port}");
        }
        settings
            .timezone
            .parse::<chrono_tz::Tz>()
            .map_err(|_| format!("configuration: unknown time zone {:?}", settings.timezone))?;
        if !crate::i18n::SUPPORTED.contains(&settings.default_language.as_str()) {
            return Err(format!(
                "configuration: unsupported default_language {:?}",
                settings.default_language
            ));
        }
        for origin in &settings.embed_origins {
            let valid = (origin.starts_with("https://") || origin.starts_with("http://"))
                && !origin.contains([' ', ';', ',', '\'', '"']);
            if !valid {
                return Err(format!(
                    "configuration: embed origin {origin:?} is not an http(s) origin"
                ));
            }
        }
        Ok(settings)
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::Europe::Berlin)
    }
}

/// Rocket's own sources (Rocket.toml, ROCKET_*) over our defaults, plus our keys from
/// `TREFFPUNKT_*`. The defaults keep request bodies small; a deployment may raise them.
pub fn figment() -> Figment {
    let defaults = serde_json::json!({
        "limits": { "form": "32 KiB", "json": "32 KiB", "data-form": "64 KiB" },
        // database work runs on blocking threads; more than this only costs memory
        "max_blocking": 16,
        // Rocket would believe X-Real-IP from anyone; the client address is ours to work out
        // from `trusted_proxies` (see web::client_ip)
        "ip_header": false,
        // Rocket logs every request's address at "normal", and addresses hold tokens
        "log_level": "critical",
        "treffpunkt": Settings::default(),
        "template_dir": crate::asset_dir("templates"),
    });
    Figment::from(rocket::Config::default())
        .merge(Serialized::defaults(defaults))
        .merge(Toml::file(Env::var_or("ROCKET_CONFIG", "Rocket.toml")).nested())
        .merge(Env::prefixed("ROCKET_").ignore(&["PROFILE"]).global())
        .merge(
            Env::prefixed("TREFFPUNKT_")
                .map(|k| format!("treffpunkt.{}", k.as_str()).into())
                .global(),
        )
        .select(Profile::from_env_or(
            "ROCKET_PROFILE",
            rocket::Config::DEFAULT_PROFILE,
        ))
}

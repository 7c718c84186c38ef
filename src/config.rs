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
//! - `TREFFPUNKT_DOCUMENT_MAX_BYTES`: the largest document an organiser may upload to a
//!   meeting (default 10 MiB); Rocket's `file` and `data-form` limits are raised to fit it
//! - `TREFFPUNKT_METRICS_ALLOW`: addresses and networks that may read `/metrics`, e.g.
//!   `["127.0.0.1", "10.1.0.0/16"]` (default loopback only; the client address is worked out
//!   as for the rate limits, behind `trusted_proxies`)
//! - `TREFFPUNKT_METRICS_TOKEN`: a bearer token that opens `/metrics` from anywhere (default
//!   none; at least 24 characters)
//! - `TREFFPUNKT_LOG_FORMAT`: `text` (default) or `json` (one JSON object per line)
//! - `TREFFPUNKT_ACCESSIBILITY_CONTACT`: where reported barriers are mailed (default: the
//!   first office's address, else the first administrator's)
//! - `TREFFPUNKT_SIGN_VIDEO_MAX_BYTES`: the largest sign-language video the administrator
//!   may upload (default 200 MiB; read to disk as it arrives, never into memory)

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
    /// The largest document that may be attached to a meeting, in bytes.
    pub document_max_bytes: u64,
    /// Who may read `/metrics` by address.
    pub metrics_allow: Vec<crate::addr_range::AddrRange>,
    /// A bearer token that opens `/metrics` from any address (none: by address only).
    pub metrics_token: Option<String>,
    /// `text` or `json`; read by the log before this is parsed, checked here.
    pub log_format: String,
    /// Where reported barriers are mailed (none: an office's or administrator's address).
    pub accessibility_contact: Option<String>,
    /// The largest sign-language video accepted, in bytes.
    pub sign_video_max_bytes: u64,
}

/// A token shorter than this could be guessed by trying; the start refuses it.
pub const METRICS_TOKEN_MIN_CHARS: usize = 24;

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
            document_max_bytes: 10 * 1024 * 1024,
            metrics_allow: ["127.0.0.0/8", "::1"]
                .iter()
                .filter_map(|r| r.parse().ok())
                .collect(),
            metrics_token: None,
            log_format: "text".into(),
            accessibility_contact: None,
            sign_video_max_bytes: 200 * 1024 * 1024,
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
        if settings
            .metrics_token
            .as_deref()
            .is_some_and(|t| t.trim().is_empty())
        {
            settings.metrics_token = None;
        }
        if let Some(token) = &settings.metrics_token
            && token.chars().count() < METRICS_TOKEN_MIN_CHARS
        {
            return Err(format!(
                "configuration: metrics_token must have at least {METRICS_TOKEN_MIN_CHARS} characters"
            ));
        }
        if !["text", "json"].contains(&settings.log_format.as_str()) {
            return Err(format!(
                "configuration: log_format {:?} is neither \"text\" nor \"json\"",
                settings.log_format
            ));
        }
        Ok(settings)
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::Europe::Berlin)
    }
}

/// Rocket's limits for multipart forms raised so that a document of the allowed size gets
/// through to the upload form, which then says itself what is too large; a larger limit
/// configured on purpose stays. Twice the size: a file a little too large is answered with
/// the form again, not with a bare 413.
pub fn with_upload_limits(figment: Figment) -> Figment {
    use rocket::data::ByteUnit;
    let max: u64 = figment
        .extract_inner("treffpunkt.document_max_bytes")
        .unwrap_or(Settings::default().document_max_bytes);
    let needed = max.saturating_mul(2).saturating_add(1024 * 1024);
    let mut f = figment;
    for limit in ["data-form", "file"] {
        let path = format!("limits.{limit}");
        let now = f
            .extract_inner::<ByteUnit>(&path)
            .map(|b| b.as_u64())
            .unwrap_or(0);
        if now < needed {
            f = f.merge((path, needed));
        }
    }
    f
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

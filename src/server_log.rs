//! The server's log: what Rocket's own logger prints, less the lines it writes for each
//! request it refuses or cannot route. Those hold the address ("No matching routes for
//! PATCH /r/<token>", "… GET /api/v1/checkin/x/search?q=<name>") or are only noise ("Request
//! guard `Door` failed", "Responding with registered catcher": two lines for each refused
//! door call, megabytes under a fuzzer). Rocket's logger cannot be told to skip them, so this
//! one takes its place: installed before Rocket's, it takes the level from Rocket's
//! `log_level` and prints the same lines (without colours).
//!
//! With `log_format = "json"` each line is one JSON object instead (`time`, `level`,
//! `target`, `message`), for the journal or ELK: the same lines, so the same rule holds that
//! they name no person.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use rocket::config::LogLevel;
use rocket::figment::Figment;

struct ServerLog;

/// One JSON object per line instead of text (set by [`install`]).
static JSON: AtomicBool = AtomicBool::new(false);

/// Rocket prints its launch lines whatever the level (they say where it listens).
fn is_launch(target: &str) -> bool {
    target.contains("rocket::launch")
}

/// A line written for one request's routing, guards or catcher: Rocket's dispatch
/// (`rocket::server`), its reading of bodies and headers, and the guard lines that its route
/// macros write into our own modules. Rocket marks all of these as indented (`…::_`).
fn is_per_request(record: &log::Record<'_>) -> bool {
    let target = record.target();
    let indented = target.ends_with("::_");
    let ours = target.starts_with(concat!(env!("CARGO_CRATE_NAME"), "::"));
    let rocket_request = ["rocket::server", "rocket::data", "rocket::request"]
        .iter()
        .any(|t| target.starts_with(t));
    if indented && (ours || rocket_request) {
        // a panicking handler is a bug worth its line (it names the route, not the address)
        return !(record.level() == log::Level::Error && !ours && is_panic(record));
    }
    // the unindented "No matching routes for GET /…" comes with an error level
    rocket_request
        && (record.args().to_string().starts_with("No matching routes") || is_request_line(record))
}

/// The line Rocket writes as a request comes in ("GET /r/<token>?…:", at "normal"): it
/// holds the whole address. Requests are counted by route pattern in `/metrics` instead.
fn is_request_line(record: &log::Record<'_>) -> bool {
    let text = without_colours(&record.args().to_string());
    let mut words = text.splitn(2, ' ');
    let method = words.next().unwrap_or_default();
    record.target().starts_with("rocket::server")
        && method.parse::<rocket::http::Method>().is_ok()
        && words.next().is_some_and(|rest| rest.starts_with('/'))
}

/// `text` without terminal colour sequences (`ESC [ … m`), which Rocket adds on a terminal.
fn without_colours(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|c| *c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}

fn is_panic(record: &log::Record<'_>) -> bool {
    let text = record.args().to_string();
    text.contains("panicked") || text.contains("catcher failed")
}

impl log::Log for ServerLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::max_level() || is_launch(metadata.target())
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) || is_per_request(record) {
            return;
        }
        // as Rocket: other crates' chatter only when debugging
        let from = |p: &str| record.module_path().is_some_and(|m| m.starts_with(p));
        if log::max_level() < log::LevelFilter::Trace
            && (from("hyper") || from("rustls") || from("r2d2"))
        {
            return;
        }
        let indented = record.target().ends_with('_');
        if JSON.load(Ordering::Relaxed) {
            let mut line = serde_json::json!({
                "time": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                "level": record.level().as_str().to_ascii_lowercase(),
                "target": record.target().trim_end_matches("::_"),
                "message": without_colours(&record.args().to_string()),
            })
            .to_string();
            line.push('\n');
            let _ = std::io::stdout().write_all(line.as_bytes());
            return;
        }
        let launch = is_launch(record.target());
        let prefix = match record.level() {
            _ if indented || launch => "",
            log::Level::Error => "Error: ",
            log::Level::Warn => "Warning: ",
            _ => "",
        };
        let line = format!(
            "{}{prefix}{}\n",
            if indented { "   >> " } else { "" },
            record.args()
        );
        // a closed stdout must not take the server down (Rocket's logger avoids print! too)
        let _ = std::io::stdout().write_all(line.as_bytes());
    }

    fn flush(&self) {
        let _ = std::io::stdout().flush();
    }
}

/// Takes the place of Rocket's logger (the first call in a process; every call sets the
/// level, which Rocket then leaves alone since its own logger is not the one installed).
pub fn install(figment: &Figment) {
    let level = figment
        .extract_inner::<LogLevel>("log_level")
        .unwrap_or(LogLevel::Critical);
    let format: String = figment
        .extract_inner("treffpunkt.log_format")
        .unwrap_or_default();
    JSON.store(format == "json", Ordering::Relaxed);
    let _ = log::set_boxed_logger(Box::new(ServerLog));
    log::set_max_level(level.into());
}

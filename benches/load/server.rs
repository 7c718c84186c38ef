//! The server under test: the real `treffpunkt serve` binary that cargo built for this
//! bench, on the bench's database and a free loopback port.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::http::{Conn, get};

/// The server process, killed when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// The server's peak resident memory (VmHWM) so far.
    pub fn peak_rss_mb(&self) -> f64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .map(str::to_owned)
            })
            .and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map_or(f64::NAN, |kb| kb / 1024.0)
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(8099)
}

/// Starts `treffpunkt serve`; returns it and how long until the first answered request.
pub async fn start(url: &str, data_dir: &std::path::Path) -> Result<(Server, Duration), String> {
    start_with(url, data_dir, &[]).await
}

/// [`start`] with more settings in its environment.
pub async fn start_with(
    url: &str,
    data_dir: &std::path::Path,
    env: &[(&str, &str)],
) -> Result<(Server, Duration), String> {
    let port = free_port();
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .arg("serve")
        .env("TREFFPUNKT_DATABASE_URL", url)
        .env("TREFFPUNKT_DATA_DIR", data_dir)
        // all load comes from one address, faster than a person types: the abuse limits
        // would measure themselves
        .env("TREFFPUNKT_REGISTER_PER_IP_PER_HOUR", "0")
        .env("TREFFPUNKT_REGISTER_PER_MEETING_PER_MINUTE", "0")
        .env("TREFFPUNKT_MIN_FILL_SECONDS", "0")
        .env("ROCKET_PORT", port.to_string())
        .env("ROCKET_ADDRESS", "127.0.0.1")
        .env("ROCKET_LOG_LEVEL", "off")
        .env("ROCKET_CLI_COLORS", "false")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let server = Server { child, port };
    for _ in 0..2000 {
        if let Ok(mut c) = Conn::open(port).await
            && c.send(&get("/healthz", &[])).await.is_ok_and(|s| s == 200)
        {
            return Ok((server, started.elapsed()));
        }
        rocket::tokio::time::sleep(Duration::from_millis(2)).await;
    }
    Err("the server did not answer within 4 s".into())
}

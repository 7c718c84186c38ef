//! Load with concurrent clients, and the table of figures.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crate::http::Conn;

/// `--only`: the scenarios whose name contains it run, the others are skipped.
pub static ONLY: OnceLock<Option<String>> = OnceLock::new();

/// `--instances 2`: the ports of all servers; load meant for the first is spread over all
/// of them, one client connection to each in turn (the bench is its own load balancer).
pub static INSTANCES: OnceLock<Vec<u16>> = OnceLock::new();

/// The port client `k` of a load on `port` talks to.
pub fn port_for(port: u16, k: usize) -> u16 {
    match INSTANCES.get() {
        Some(ports) if ports.first() == Some(&port) => ports[k % ports.len()],
        _ => port,
    }
}

/// Results of one scenario.
pub struct Row {
    pub name: String,
    pub requests: usize,
    pub errors: usize,
    pub seconds: f64,
    pub latencies: Vec<Duration>,
    /// For a mix: each kind of request with its mean latency and count, in first-seen order.
    pub kinds: Vec<(&'static str, Duration, usize)>,
}

impl Row {
    pub fn empty(name: &str) -> Row {
        Row {
            name: name.into(),
            requests: 0,
            errors: 0,
            seconds: 0.0,
            latencies: Vec::new(),
            kinds: Vec::new(),
        }
    }

    fn percentile(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let i = ((self.latencies.len() as f64 - 1.0) * p).round() as usize;
        self.latencies[i].as_secs_f64() * 1000.0
    }
}

/// Runs `concurrency` clients for `seconds`, each sending what `next(i)` gives and
/// counting answers other than `ok` as errors.
pub async fn load<F>(
    name: &str,
    port: u16,
    concurrency: usize,
    seconds: f64,
    ok: u16,
    next: F,
) -> Row
where
    F: Fn(usize) -> Vec<u8> + Send + Sync + 'static,
{
    let ok = move |_: usize, s: u16| s == ok;
    load_mixed(name, port, concurrency, seconds, ok, |_| "", next).await
}

/// [`load`] for a mix of requests: `ok(i, status)` says whether request `i` was answered
/// as it should be, `kind(i)` what kind of request it is (each kind's mean latency is
/// printed under the table: where a mix spends its time).
pub async fn load_mixed<F, K, W>(
    name: &str,
    port: u16,
    concurrency: usize,
    seconds: f64,
    ok: K,
    kind: W,
    next: F,
) -> Row
where
    F: Fn(usize) -> Vec<u8> + Send + Sync + 'static,
    K: Fn(usize, u16) -> bool + Send + Sync + 'static,
    W: Fn(usize) -> &'static str + Send + Sync + 'static,
{
    if let Some(Some(only)) = ONLY.get()
        && !name.contains(only.as_str())
    {
        return Row::empty(name);
    }
    let next = Arc::new(next);
    let ok = Arc::new(ok);
    let kind = Arc::new(kind);
    let counter = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for k in 0..concurrency {
        let (next, ok, kind, counter) = (next.clone(), ok.clone(), kind.clone(), counter.clone());
        let port = port_for(port, k);
        tasks.push(rocket::tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut errors = 0;
            let mut conn = Conn::open(port).await.ok();
            while Instant::now() < deadline {
                let i = counter.fetch_add(1, Ordering::Relaxed);
                let request = next(i);
                let t = Instant::now();
                let result = match conn.as_mut() {
                    Some(c) => c.send(&request).await,
                    None => Err(std::io::ErrorKind::NotConnected.into()),
                };
                lat.push((kind(i), t.elapsed()));
                match result {
                    Ok(s) if ok(i, s) => {}
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        conn = Conn::open(port).await.ok();
                    }
                }
            }
            (lat, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut kinds: Vec<(&'static str, Duration, usize)> = Vec::new();
    let mut errors = 0;
    for t in tasks {
        if let Ok((l, e)) = t.await {
            for (k, d) in l {
                match kinds.iter_mut().find(|(name, ..)| *name == k) {
                    Some((_, sum, n)) => (*sum, *n) = (*sum + d, *n + 1),
                    None => kinds.push((k, d, 1)),
                }
                latencies.push(d);
            }
            errors += e;
        }
    }
    latencies.sort_unstable();
    for (_, sum, n) in &mut kinds {
        *sum /= (*n).max(1) as u32;
    }
    Row {
        name: name.to_owned(),
        requests: latencies.len(),
        errors,
        seconds: started.elapsed().as_secs_f64(),
        latencies,
        kinds: if kinds.len() > 1 { kinds } else { Vec::new() },
    }
}

pub fn print(rows: &[Row], rss: f64, startup: Duration, title: &str) {
    println!("\n{title}");
    println!(
        "{:<40} {:>10} {:>9} {:>9} {:>9} {:>8}",
        "scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"
    );
    for r in rows {
        println!(
            "{:<40} {:>10.0} {:>9.2} {:>9.2} {:>9.2} {:>8}",
            r.name,
            r.requests as f64 / r.seconds,
            r.percentile(0.50),
            r.percentile(0.95),
            r.percentile(0.99),
            r.errors
        );
    }
    for r in rows.iter().filter(|r| !r.kinds.is_empty()) {
        let kinds: Vec<String> = r
            .kinds
            .iter()
            .map(|(k, mean, n)| format!("{k} {:.2} ms ({n})", mean.as_secs_f64() * 1000.0))
            .collect();
        println!("{}: mean latency of {}", r.name, kinds.join(", "));
    }
    println!(
        "server peak RSS: {rss:.1} MB; start-up to first answered request: {:.0} ms",
        startup.as_secs_f64() * 1000.0
    );
}

/// The targets that are ratios within one run (the machine's noise cancels): each pair
/// that ran, as `a / b`.
pub fn ratios(rows: &[Row]) {
    use crate::scenarios::{
        CANCEL_LONG, CANCEL_SHORT, MIXED, REGISTER_EMPTY, REGISTER_LONG, VIEWS,
    };
    let rate = |name: &str| {
        rows.iter()
            .find(|r| r.name == name && r.requests > 0)
            .map(|r| r.requests as f64 / r.seconds)
    };
    for (what, a, b) in [
        ("mixed / views alone", MIXED, VIEWS),
        (
            "register: 50,000 waiting / empty",
            REGISTER_LONG,
            REGISTER_EMPTY,
        ),
        (
            "cancel: head of 50,000 / short list",
            CANCEL_LONG,
            CANCEL_SHORT,
        ),
    ] {
        if let (Some(a), Some(b)) = (rate(a), rate(b)) {
            println!("{what}: {:.2}", a / b);
        }
    }
}

//! The background jobs: mail delivery, reminders, giving up unconfirmed places, telling
//! organisers of needs to book, and the retention purge. Each runs as its own task on its own interval: a job that fails logs
//! why and tries again at its next turn, and never stops the others. [`Health`] remembers
//! when each last completed, so `/healthz` can name a job that has not for too long.
//!
//! The mail parts (renderer and transport) are made at start-up (`lib.rs`): a bad SMTP URL
//! or a broken mail template stops the start with a clear message instead of silently
//! leaving every job unstarted.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use chrono::{Duration, NaiveDateTime};

use crate::db::{Db, DbConn};
use crate::mail::render::Renderer;
use crate::mail::worker::{Transport, deliver_due};
use crate::{Clock, Settings, domain};

/// What a job does in one run.
type Work = Arc<dyn Fn(&mut DbConn, NaiveDateTime) -> Result<(), String> + Send + Sync>;

/// One background job.
struct Job {
    name: &'static str,
    /// At least this much time (on the app's clock) between two runs.
    gap: Duration,
    /// `/healthz` reports the job when it has not completed for this long.
    late_after: Duration,
    work: Work,
}

/// The mail parts every delivery needs, checked at start-up.
#[derive(Clone)]
pub struct Mailer {
    pub renderer: Arc<Renderer>,
    pub transport: Arc<Transport>,
}

impl Mailer {
    /// The renderer and the transport of `settings`, or why they cannot be made.
    pub fn new(settings: &Settings, keys: Option<domain::ticket::Keys>) -> Result<Mailer, String> {
        let renderer = Renderer::new(keys)?;
        let transport = Transport::from_settings(settings).map_err(|e| {
            format!("configuration: TREFFPUNKT_SMTP_URL (smtp_url) cannot be used: {e}")
        })?;
        Ok(Mailer {
            renderer: Arc::new(renderer),
            transport: Arc::new(transport),
        })
    }
}

#[derive(Debug, Clone)]
struct JobState {
    since: NaiveDateTime,
    last_ok: Option<NaiveDateTime>,
    last_error: Option<String>,
    late_after: Duration,
    /// How many runs failed, and the first failure's reason (kept after a later success,
    /// so a test harness can see a job that failed and then recovered).
    failures: u64,
    first_error: Option<String>,
}

/// When each job last completed (managed state, read by `/healthz`).
#[derive(Clone, Default)]
pub struct Health {
    jobs: Arc<Mutex<BTreeMap<&'static str, JobState>>>,
}

/// A job that has not completed for too long.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Late {
    pub job: &'static str,
    pub last_completed: Option<NaiveDateTime>,
    pub last_error: Option<String>,
}

impl Health {
    fn register(&self, name: &'static str, late_after: Duration, now: NaiveDateTime) {
        if let Ok(mut jobs) = self.jobs.lock() {
            jobs.insert(
                name,
                JobState {
                    since: now,
                    last_ok: None,
                    last_error: None,
                    late_after,
                    failures: 0,
                    first_error: None,
                },
            );
        }
    }

    fn record(&self, name: &'static str, outcome: Result<(), String>, now: NaiveDateTime) {
        if let Ok(mut jobs) = self.jobs.lock()
            && let Some(state) = jobs.get_mut(name)
        {
            match outcome {
                Ok(()) => {
                    state.last_ok = Some(now);
                    state.last_error = None;
                }
                Err(e) => {
                    state.failures += 1;
                    state.first_error.get_or_insert_with(|| e.clone());
                    state.last_error = Some(e);
                }
            }
        }
    }

    /// Every job that has failed at least once since start: its name, how often it
    /// failed, and why it failed first.
    pub fn failures(&self) -> Vec<(&'static str, u64, String)> {
        let Ok(jobs) = self.jobs.lock() else {
            return Vec::new();
        };
        jobs.iter()
            .filter(|(_, s)| s.failures > 0)
            .map(|(name, s)| (*name, s.failures, s.first_error.clone().unwrap_or_default()))
            .collect()
    }

    /// Every job with when it last completed (`None`: not yet since start) and how many of
    /// its runs have failed, for `/metrics`.
    pub fn completions(&self) -> Vec<(&'static str, Option<NaiveDateTime>, u64)> {
        let Ok(jobs) = self.jobs.lock() else {
            return Vec::new();
        };
        jobs.iter()
            .map(|(name, s)| (*name, s.last_ok, s.failures))
            .collect()
    }

    /// The jobs that have not completed within their limit at `now`.
    pub fn late(&self, now: NaiveDateTime) -> Vec<Late> {
        let Ok(jobs) = self.jobs.lock() else {
            return Vec::new();
        };
        jobs.iter()
            .filter(|(_, s)| now - s.last_ok.unwrap_or(s.since) > s.late_after)
            .map(|(name, s)| Late {
                job: name,
                last_completed: s.last_ok,
                last_error: s.last_error.clone(),
            })
            .collect()
    }
}

/// The four jobs of the app.
fn jobs(settings: &Settings, mailer: &Mailer) -> Vec<Job> {
    let minutes = Duration::minutes;
    let delivery = {
        let (settings, mailer) = (settings.clone(), mailer.clone());
        move |conn: &mut DbConn, now| {
            deliver_due(conn, &settings, &mailer.renderer, &mailer.transport, now)
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
    };
    let purge = {
        let days = settings.retention_days;
        move |conn: &mut DbConn, now| {
            let gone = domain::privacy::purge(conn, now, days, false).map_err(|e| e.to_string())?;
            if !gone.is_empty() {
                log::info!("{}", domain::privacy::describe(&gone, false));
            }
            domain::partner::import_store::forget_stale(conn, now).map_err(|e| e.to_string())?;
            // marks of requested mails are needed for minutes, not days
            domain::request_mail::forget_before(conn, now - Duration::days(1))
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
    };
    let base = settings.public_url.trim_end_matches('/').to_owned();
    let (b1, b2, b3) = (base.clone(), base.clone(), base);
    vec![
        Job {
            name: "mail-delivery",
            gap: Duration::zero(),
            late_after: minutes(10),
            work: Arc::new(delivery),
        },
        Job {
            name: "reminders",
            gap: Duration::zero(),
            late_after: minutes(10),
            work: Arc::new(|conn, now| domain::due::remind(conn, now).map_err(|e| e.to_string())),
        },
        Job {
            name: "opt-in-expiry",
            gap: Duration::zero(),
            late_after: minutes(10),
            work: Arc::new(|conn, now| {
                domain::due::expire_unverified(conn, now).map_err(|e| e.to_string())
            }),
        },
        Job {
            // a registration that brings a need to book: its organisers hear of it at once
            name: "need-alerts",
            gap: Duration::zero(),
            late_after: minutes(10),
            work: Arc::new(move |conn, now| {
                domain::needs::alerts::alert_new(conn, &b1, now).map_err(|e| e.to_string())
            }),
        },
        Job {
            name: "need-digests",
            gap: minutes(10),
            late_after: minutes(60),
            work: Arc::new(move |conn, now| {
                domain::needs::alerts::send_digests(conn, &b2, now).map_err(|e| e.to_string())
            }),
        },
        Job {
            name: "need-reminders",
            gap: minutes(10),
            late_after: minutes(60),
            work: Arc::new(move |conn, now| {
                domain::needs::alerts::remind_open(conn, &b3, now).map_err(|e| e.to_string())
            }),
        },
        Job {
            // personal data past its retention period: checked every few minutes
            name: "retention-purge",
            gap: minutes(5),
            late_after: minutes(30),
            work: Arc::new(purge),
        },
    ]
}

/// Starts every job on its own task; each stops when the server shuts down, after
/// finishing a run it has begun. `poll` is the pause between two turns of a job.
pub fn start(
    db: Db,
    settings: &Settings,
    clock: Clock,
    mailer: &Mailer,
    health: Health,
    poll: std::time::Duration,
    shutdown: rocket::Shutdown,
) {
    for job in jobs(settings, mailer) {
        health.register(job.name, job.late_after, clock.now());
        let (db, clock, health, shutdown) =
            (db.clone(), clock.clone(), health.clone(), shutdown.clone());
        rocket::tokio::spawn(async move {
            let mut last_run: Option<NaiveDateTime> = None;
            loop {
                let now = clock.now();
                if last_run.is_none_or(|t| now - t >= job.gap) {
                    last_run = Some(now);
                    let work = job.work.clone();
                    let outcome = db
                        .run(move |conn| Ok::<_, crate::db::DbError>(work(conn, now)))
                        .await
                        .unwrap_or_else(|e| Err(e.to_string()));
                    if let Err(e) = &outcome {
                        log::warn!("background job {}: {e}", job.name);
                    }
                    health.record(job.name, outcome, now);
                }
                rocket::tokio::select! {
                    _ = shutdown.clone() => {
                        log::info!("background job {} stopped", job.name);
                        break;
                    }
                    _ = rocket::tokio::time::sleep(poll) => {}
                }
            }
        });
    }
}

//! Treffpunkt: announcements and registration for public meetings.
//!
//! [`rocket`] builds the whole web application from a configuration; `main.rs` is only the
//! command line around it.

pub mod addr_range;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod i18n;
pub(crate) mod ical;
pub(crate) mod mail;
pub(crate) mod malloc;
pub(crate) mod markdown;
pub mod pdf;
pub mod qr;
pub mod scheduler;
pub(crate) mod secret;
pub(crate) mod server_log;
pub mod web;

use rocket::fairing::AdHoc;
use rocket::figment::Figment;
use rocket::{Build, Rocket};
use rocket_dyn_templates::Template;

pub use clock::Clock;
pub use config::Settings;

/// Opens the database named in `settings` and brings its schema up to date.
pub fn open_database(settings: &Settings) -> Result<db::Db, String> {
    let db = db::Db::connect(&settings.database_url)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    db::migrate::run(&mut conn)?;
    Ok(db)
}

/// The database and the ticket keys (made on the first start).
fn open_all(settings: &Settings) -> Result<(db::Db, domain::ticket::Keys), String> {
    let db = open_database(settings)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    let keys = domain::ticket::load_or_create(&mut conn, Clock::default().now())
        .map_err(|e| format!("ticket keys: {e}"))?;
    Ok((db, keys))
}

/// The application with the system clock.
pub fn rocket(figment: Figment) -> Rocket<Build> {
    rocket_with_clock(figment, Clock::default())
}

/// The application with a clock the caller controls (tests move it).
pub fn rocket_with_clock(figment: Figment, clock: Clock) -> Rocket<Build> {
    server_log::install(&figment);
    let requests = std::sync::Arc::new(web::metrics::RequestMetrics::default());
    rocket::custom(config::with_upload_limits(secret::ensure(figment)))
        .manage(clock)
        .manage(requests.clone())
        .attach(web::metrics::CountRequests(requests))
        .attach(AdHoc::try_on_ignite("Database", |rocket| async move {
            let settings = match Settings::from_figment(rocket.figment()) {
                Ok(s) => s,
                Err(e) => {
                    log::error!("{e}");
                    return Err(rocket);
                }
            };
            let opened = {
                let settings = settings.clone();
                rocket::tokio::task::spawn_blocking(move || open_all(&settings)).await
            };
            match opened {
                Ok(Ok((db, keys))) => {
                    // a bad SMTP URL or mail template stops the start here, with the reason
                    let mailer = match scheduler::Mailer::new(&settings, Some(keys.clone())) {
                        Ok(m) => m,
                        Err(e) => {
                            log::error!("{e}");
                            return Err(rocket);
                        }
                    };
                    let clock = rocket.state::<Clock>().cloned().unwrap_or_default();
                    let secret: String = rocket
                        .figment()
                        .extract_inner("secret_key")
                        .unwrap_or_default();
                    let login_limiter = web::staff::limiter::LoginLimiter::new(
                        secret.as_bytes(),
                        db.clone(),
                        clock.clone(),
                    );
                    Ok(rocket
                        .manage(db)
                        .manage(keys)
                        .manage(mailer)
                        .manage(web::abuse::PublicLimiter::new(&settings, clock))
                        .manage(web::shared_limits::SharedLimits::new(secret.as_bytes()))
                        .manage(login_limiter)
                        .manage(web::form_gate::FormSecret(secret.into_bytes()))
                        .manage(settings))
                }
                Ok(Err(e)) => {
                    log::error!("{e}");
                    Err(rocket)
                }
                Err(e) => {
                    log::error!("database set-up panicked: {e}");
                    Err(rocket)
                }
            }
        }))
        .attach(AdHoc::on_liftoff("Background jobs", |rocket| {
            Box::pin(async move {
                let (Some(db), Some(settings), Some(clock), Some(mailer), Some(health)) = (
                    rocket.state::<db::Db>(),
                    rocket.state::<Settings>(),
                    rocket.state::<Clock>(),
                    rocket.state::<scheduler::Mailer>(),
                    rocket.state::<scheduler::Health>(),
                ) else {
                    return;
                };
                let poll = std::time::Duration::from_millis(settings.mail_poll_ms.max(10));
                scheduler::start(
                    db.clone(),
                    settings,
                    clock.clone(),
                    mailer,
                    health.clone(),
                    poll,
                    rocket.shutdown(),
                );
                announce_first_setup(db.clone(), settings.clone(), clock.now()).await;
            })
        }))
        // Rocket's shield would send X-Frame-Options everywhere; ours leaves /embed frameable
        .attach(rocket::shield::Shield::default().disable::<rocket::shield::Frame>())
        .attach(web::headers::SecurityHeaders)
        .attach(Template::custom(|engines| {
            engines.tera.register_function("t", i18n::TeraTranslate);
            engines.tera.set_escape_fn(i18n::escape_html);
        }))
        .manage(web::feeds::FeedCache::default())
        .manage(web::page_cache::PageCache::default())
        .manage(web::list_cards::ListCards::default())
        .manage(web::after::Deferred::default())
        .manage(scheduler::Health::default())
        .mount("/", noting(web::routes()))
        .mount("/", noting(web::staff::routes()))
        .mount("/api/v1", noting(web::staff::api::routes()))
        .mount("/api/v1", noting(web::staff::report_api::routes()))
        .mount("/api/v1", noting(web::door::api_routes()))
        .mount("/", noting(web::door::routes()))
        .mount("/api/v1", noting(web::api::routes()))
        .mount("/static", rocket::fs::FileServer::from(asset_dir("static")))
        .mount("/", web::fallback::routes())
        .register("/", web::errors::catchers())
        .register("/admin", web::staff::catchers())
        .register("/checkin", web::door::catchers())
        .register("/api/v1", web::api::catchers())
}

/// Routes that note when they pass a request on, so that the last routes
/// (`web::fallback`) answer with the status Rocket would have given.
fn noting(routes: Vec<rocket::Route>) -> Vec<rocket::Route> {
    web::fallback::noting_forwards(routes)
}

/// With no account at all, logs a one-time link that creates the first administrator.
async fn announce_first_setup(db: db::Db, settings: Settings, now: chrono::NaiveDateTime) {
    let result = db
        .run(move |conn| {
            if domain::account::count(conn)? > 0 {
                return Ok(None);
            }
            domain::account::new_setup_link(conn, None, None, domain::account::ROLE_ADMIN, now)
                .map(|token| {
                    Some(format!(
                        "{}/admin/setup/{token}",
                        settings.public_url.trim_end_matches('/')
                    ))
                })
                .map_err(db::DbError::from)
        })
        .await;
    match result {
        Ok(Some(link)) => log::warn!("No administrator yet. Create one within 24 hours: {link}"),
        Ok(None) => {}
        Err(e) => log::error!("cannot prepare the first set-up link: {e}"),
    }
}

/// A folder of assets (`templates`, `static`): an installed package's first
/// (`/usr/bin/treffpunkt` finds `/usr/share/treffpunkt/NAME`, wherever the tree was unpacked),
/// then the checkout's when run from one, else relative to the working directory, so
/// `cargo run` works from anywhere and a deployment can ship folders.
pub fn asset_dir(name: &str) -> std::path::PathBuf {
    let installed = std::env::current_exe().ok().and_then(|exe| {
        let prefix = exe.parent()?.parent()?;
        Some(prefix.join("share").join("treffpunkt").join(name))
    });
    let beside_crate = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    match installed {
        Some(dir) if dir.is_dir() => dir,
        _ if beside_crate.is_dir() => beside_crate,
        _ => name.into(),
    }
}

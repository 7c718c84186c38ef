//! The command line: `serve` (the default), `migrate`, `demo`.

use std::process::ExitCode;

use treffpunkt::{Clock, Settings, config, domain, open_database};

const USAGE: &str =
    "usage: treffpunkt [serve | migrate | demo | admin create --email ADDRESS | purge [--dry-run] | bench]
  serve         run the web server (default)
  migrate       bring the database schema up to date and exit
  demo          fill an empty database with sample meetings
  admin create  print a one-time link (valid 24 hours) that creates an administrator
  purge         anonymise registrations past their retention period now (it also runs by
                itself every few minutes); --dry-run only lists them
  bench         measure speed and memory on a temporary database [--seconds N] [--postgres URL]
                [--only NAME-PART]";

fn main() -> ExitCode {
    limit_malloc_arenas();
    survive_file_size_limits();
    run()
}

#[rocket::main]
async fn run() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    match command.as_str() {
        "serve" => serve().await,
        "bench" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            match treffpunkt::bench::parse_args(&args) {
                Ok(options) => match treffpunkt::bench::run(options).await {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln!("bench: {e}");
                        ExitCode::FAILURE
                    }
                },
                Err(e) => {
                    eprintln!("{e}\n{USAGE}");
                    ExitCode::from(2)
                }
            }
        }
        "migrate" | "demo" | "admin" | "purge" => {
            let args: Vec<String> = std::env::args().skip(2).collect();
            let result = rocket::tokio::task::spawn_blocking(move || offline(&command, &args))
                .await
                .unwrap_or_else(|e| Err(e.to_string()));
            match result {
                Ok(message) => {
                    println!("{message}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("unknown command {other:?}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// glibc gives every thread that allocates its own arena; with Rocket's blocking threads
/// that multiplies the resident memory for nothing. Two arenas are plenty here (mimalloc
/// was measured instead: no faster here, and three times the peak memory).
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator tuning; called before other threads start.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// A file-size limit (`ulimit -f`, a quota) would kill the process with SIGXFSZ in the
/// middle of a write; ignored, the write fails with an error the request answers with 503.
fn survive_file_size_limits() {
    #[cfg(unix)]
    // SAFETY: setting a signal to be ignored, before other threads start
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

async fn serve() -> ExitCode {
    match treffpunkt::rocket(config::figment()).launch().await {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn offline(command: &str, args: &[String]) -> Result<String, String> {
    let settings = Settings::from_figment(&config::figment())?;
    let db = open_database(&settings)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    match command {
        "demo" => domain::demo::load(&mut conn, Clock::default().now()).map(|n| {
            format!(
                "demo: {n} meetings added to {}; {}",
                settings.database_url,
                domain::demo::FICTITIOUS_CONTACTS
            )
        }),
        "admin" => {
            let email = match args {
                [sub, flag, email] if sub == "create" && flag == "--email" => email,
                _ => return Err(format!("expected: admin create --email ADDRESS\n{USAGE}")),
            };
            if !domain::validate::is_deliverable_email(email) {
                return Err(format!("not a valid e-mail address: {email}"));
            }
            if domain::account::find_by_email(&mut conn, email)
                .map_err(|e| e.to_string())?
                .is_some()
            {
                return Err(format!("an account for {email} exists already"));
            }
            let now = Clock::default().now();
            let token = domain::account::new_setup_link(
                &mut conn,
                None,
                Some(email),
                domain::account::ROLE_ADMIN,
                now,
            )
            .map_err(|e| e.to_string())?;
            Ok(format!(
                "open this link within 24 hours to create the administrator {email}:\n{}/admin/setup/{token}",
                settings.public_url.trim_end_matches('/')
            ))
        }
        "purge" => {
            let dry_run = match args {
                [] => false,
                [flag] if flag == "--dry-run" => true,
                _ => return Err(format!("expected: purge [--dry-run]\n{USAGE}")),
            };
            let now = Clock::default().now();
            let report = domain::privacy::purge(&mut conn, now, settings.retention_days, dry_run)
                .map_err(|e| e.to_string())?;
            Ok(domain::privacy::describe(&report, dry_run))
        }
        _ => Ok(format!("database up to date: {}", settings.database_url)),
    }
}

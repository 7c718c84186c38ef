//! The command line: `serve` (the default), `migrate`, `demo`, `admin create`, `purge`,
//! `backup`, `restore`.
//! The load generator is not part of this binary: `cargo bench --bench load` (benches/load/).

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use treffpunkt::{Clock, Settings, config, db, domain, open_database};

/// Announcements and registration for public meetings. Without a command it serves.
#[derive(Parser)]
#[command(name = "treffpunkt", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default)
    Serve,
    /// Bring the database schema up to date and exit
    Migrate {
        /// Only list the migrations that would be applied
        #[arg(long)]
        dry_run: bool,
    },
    /// Fill an empty database with sample meetings (their contacts are fictitious)
    Demo,
    /// Administrator accounts
    Admin {
        #[command(subcommand)]
        action: Admin,
    },
    /// Anonymise registrations past their retention period now (it also runs by itself
    /// every few minutes)
    Purge {
        /// Only list what would be anonymised
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a consistent copy of the SQLite database to FILE, also while the server runs
    Backup {
        /// The new backup file (an existing file is never overwritten)
        #[arg(value_name = "FILE")]
        file: std::path::PathBuf,
    },
    /// Put the SQLite database back from a backup FILE (the server must be stopped)
    Restore {
        /// A file written by `treffpunkt backup`
        #[arg(value_name = "FILE")]
        file: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum Admin {
    /// Print a one-time link (valid 24 hours) that creates an administrator
    Create {
        /// The new administrator's e-mail address
        #[arg(long, value_name = "ADDRESS")]
        email: String,
    },
}

fn main() -> ExitCode {
    // before any thread starts: --help, --version and wrong arguments end here (exit 0 or 2)
    let cli = Cli::parse();
    tune_malloc();
    survive_file_size_limits();
    rocket::execute(run(cli.command.unwrap_or(Command::Serve)))
}

async fn run(command: Command) -> ExitCode {
    if let Command::Serve = command {
        return serve().await;
    }
    let result = rocket::tokio::task::spawn_blocking(move || offline(command))
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

/// glibc gives every thread that allocates its own arena; with Rocket's blocking threads
/// that multiplies the resident memory for nothing. Two arenas are plenty here (one was
/// measured: the peak rose by 9 MB and the writes got slower; mimalloc was measured too: no
/// faster here, and three times the peak memory).
///
/// glibc also raises its mmap threshold to the size of every mmapped block freed: after
/// the first calendar feed (megabytes of text and its gzip form) every later one was
/// carved out of the heap, and the holes it left between smaller blocks stayed resident
/// (13 MB of the peak in the bench). A fixed threshold keeps large buffers in mappings of
/// their own, given back when freed.
fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator tuning; called before other threads start.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
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

fn offline(command: Command) -> Result<String, String> {
    let settings = Settings::from_figment(&config::figment())?;
    // these leave the schema as it is
    match &command {
        Command::Backup { file } => return db::backup::backup(&settings.database_url, file),
        Command::Restore { file } => return db::backup::restore(&settings.database_url, file),
        Command::Migrate { dry_run: true } => return pending(&settings),
        _ => {}
    }
    let db = open_database(&settings)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    match command {
        Command::Demo => domain::demo::load(&mut conn, Clock::default().now()).map(|n| {
            format!(
                "demo: {n} meetings added to {}; {}",
                settings.database_url,
                domain::demo::FICTITIOUS_CONTACTS
            )
        }),
        Command::Admin {
            action: Admin::Create { email },
        } => {
            if !domain::validate::is_deliverable_email(&email) {
                return Err(format!("not a valid e-mail address: {email}"));
            }
            if domain::account::find_by_email(&mut conn, &email)
                .map_err(|e| e.to_string())?
                .is_some()
            {
                return Err(format!("an account for {email} exists already"));
            }
            let now = Clock::default().now();
            let token = domain::account::new_setup_link(
                &mut conn,
                None,
                Some(&email),
                domain::account::ROLE_ADMIN,
                now,
            )
            .map_err(|e| e.to_string())?;
            Ok(format!(
                "open this link within 24 hours to create the administrator {email}:\n{}/admin/setup/{token}",
                settings.public_url.trim_end_matches('/')
            ))
        }
        Command::Purge { dry_run } => {
            let now = Clock::default().now();
            let report = domain::privacy::purge(&mut conn, now, settings.retention_days, dry_run)
                .map_err(|e| e.to_string())?;
            Ok(domain::privacy::describe(&report, dry_run))
        }
        // opening the database above brought the schema up to date
        Command::Migrate { .. } | Command::Serve => {
            Ok(format!("database up to date: {}", settings.database_url))
        }
        Command::Backup { .. } | Command::Restore { .. } => unreachable!("handled above"),
    }
}

/// `migrate --dry-run`: the names of the migrations a start would apply.
fn pending(settings: &Settings) -> Result<String, String> {
    let db = db::Db::connect(&settings.database_url)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    let names = db::migrate::pending(&mut conn)?;
    if names.is_empty() {
        return Ok(format!(
            "no pending migrations: {} is up to date",
            settings.database_url
        ));
    }
    Ok(format!(
        "{} pending migrations for {} (not applied; `treffpunkt migrate` applies them):\n{}",
        names.len(),
        settings.database_url,
        names.join("\n")
    ))
}

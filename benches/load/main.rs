//! The load generator, its own target so the server binary does not carry it:
//! `cargo bench --bench load [-- --seconds N --postgres URL --only NAME-PART]`.
//! It fills a temporary database, starts the real `treffpunkt serve` on it (the binary
//! cargo built beside this bench), drives it over loopback HTTP with concurrent keep-alive
//! clients and prints a table. Figures, not assertions: compare them on the same machine.

mod data;
mod http;
mod measure;
mod scenarios;
mod server;

use std::process::ExitCode;

use clap::Parser;
use treffpunkt::{Clock, Settings};

/// Measure the server's speed and memory on a temporary database.
#[derive(Parser)]
#[command(name = "load", bin_name = "cargo bench --bench load --")]
struct Options {
    /// Seconds per scenario
    #[arg(long, value_name = "N", default_value_t = 5)]
    seconds: u64,
    /// A PostgreSQL database to use (a fresh schema, dropped afterwards) instead of SQLite
    #[arg(long = "postgres", value_name = "URL")]
    database_url: Option<String>,
    /// Servers on the same database (PostgreSQL); the bench spreads its clients over them
    #[arg(long, value_name = "N", default_value_t = 1)]
    instances: usize,
    /// Only the scenarios whose name contains this (for profiling one of them)
    #[arg(long, value_name = "NAME-PART")]
    only: Option<String>,
    /// Given by `cargo bench`; without it (`cargo test --benches`) nothing is measured
    #[arg(long, hide = true)]
    bench: bool,
}

fn main() -> ExitCode {
    let options = Options::parse();
    if !options.bench {
        println!("load: measures only when run by `cargo bench --bench load`");
        return ExitCode::SUCCESS;
    }
    match rocket::execute(run(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: Options) -> Result<(), String> {
    let _ = measure::ONLY.set(options.only.clone());
    let dir = std::env::temp_dir().join(format!("treffpunkt-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    // PostgreSQL: a schema of its own, dropped afterwards, so the database given stays clean
    let schema = format!("treffpunkt_bench_{}", std::process::id());
    let url = match &options.database_url {
        Some(base) => {
            use diesel::Connection;
            use diesel::connection::SimpleConnection;
            let mut admin = diesel::PgConnection::establish(base).map_err(|e| e.to_string())?;
            admin
                .batch_execute(&format!("CREATE SCHEMA {schema}"))
                .map_err(|e| e.to_string())?;
            let sep = if base.contains('?') { '&' } else { '?' };
            format!("{base}{sep}options=-csearch_path%3D{schema}")
        }
        None => format!("sqlite://{}", dir.join("bench.sqlite").display()),
    };
    let result = measure_all(&options, &url, &dir).await;
    let _ = std::fs::remove_dir_all(&dir);
    if let Some(base) = &options.database_url {
        use diesel::Connection;
        use diesel::connection::SimpleConnection;
        if let Ok(mut admin) = diesel::PgConnection::establish(base) {
            let _ = admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"));
        }
    }
    result
}

/// Fills the database at `url`, measures and prints.
async fn measure_all(options: &Options, url: &str, dir: &std::path::Path) -> Result<(), String> {
    let settings = Settings {
        database_url: url.to_owned(),
        data_dir: dir.display().to_string(),
        ..Settings::default()
    };
    let now = Clock::default().now();
    // enough confirmed places for every cancel at the rate registrations reach
    let cancels = (4_000 * options.seconds as usize).max(2_000);
    let (ids, extra, queues) = rocket::tokio::task::spawn_blocking(move || {
        let db = treffpunkt::open_database(&settings)?;
        let mut conn = db.get().map_err(|e| e.to_string())?;
        let ids = data::seed(&mut conn, now, 5_000)?;
        let extra = data::seed_more(&mut conn, &ids, now)?;
        let queues = data::seed_queues(&mut conn, now, cancels)?;
        data::analyze(&mut conn)?;
        Ok::<_, String>((ids, extra, queues))
    })
    .await
    .map_err(|e| e.to_string())??;
    let (server, startup) = server::start(url, dir).await?;
    // the same server without the micro-cache, for the pages rendered at every request
    let (uncached, _) = server::start_with(url, dir, &[("TREFFPUNKT_PAGE_CACHE_MS", "0")]).await?;
    let port = server.port;
    // more instances of the same server: the bench's clients go to each in turn
    let mut more = Vec::new();
    for _ in 1..options.instances.max(1) {
        more.push(server::start(url, dir).await?.0);
    }
    let _ = measure::INSTANCES.set(
        std::iter::once(port)
            .chain(more.iter().map(|s| s.port))
            .collect(),
    );
    let db = treffpunkt::db::Db::connect(url)?;
    let race_event = extra.race_event;
    let mut rows = scenarios::all(
        (port, uncached.port),
        options.seconds as f64,
        &db,
        &ids,
        (extra, queues),
    )
    .await?;
    let race = scenarios::capacity_race(port, race_event, &db).await?;

    if options.only.is_some() {
        rows.retain(|r| r.requests > 0);
    }
    let rss = more
        .iter()
        .map(server::Server::peak_rss_mb)
        .fold(server.peak_rss_mb().max(uncached.peak_rss_mb()), f64::max);
    drop(server);
    drop(uncached);
    drop(more);
    // start-up on the existing database, without the first-run work
    let (again, startup_existing) = server::start(url, dir).await?;
    drop(again);
    let backend = if url.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite (WAL, synchronous=FULL)"
    };
    measure::print(
        &rows,
        rss,
        startup_existing,
        &format!(
            "Treffpunkt bench on {backend}, {} s per scenario, {} instance(s)",
            options.seconds,
            options.instances.max(1)
        ),
    );
    println!(
        "first start on the new database (migrations, keys): {:.0} ms",
        startup.as_secs_f64() * 1000.0
    );
    println!("{race}");
    measure::ratios(&rows);
    Ok(())
}

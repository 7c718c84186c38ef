//! The command line: `serve` (the default), `migrate`, `demo`.

use std::process::ExitCode;

use treffpunkt::{Clock, Settings, config, domain, open_database};

const USAGE: &str = "usage: treffpunkt [serve | migrate | demo]
  serve    run the web server (default)
  migrate  bring the database schema up to date and exit
  demo     fill an empty database with sample meetings";

#[rocket::main]
async fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    match command.as_str() {
        "serve" => serve().await,
        "migrate" | "demo" => {
            let result = rocket::tokio::task::spawn_blocking(move || offline(&command))
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

async fn serve() -> ExitCode {
    match treffpunkt::rocket(config::figment()).launch().await {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn offline(command: &str) -> Result<String, String> {
    let settings = Settings::from_figment(&config::figment())?;
    let db = open_database(&settings)?;
    let mut conn = db.get().map_err(|e| e.to_string())?;
    match command {
        "demo" => domain::demo::load(&mut conn, Clock::default().now())
            .map(|n| format!("demo: {n} meetings added to {}", settings.database_url)),
        _ => Ok(format!("database up to date: {}", settings.database_url)),
    }
}

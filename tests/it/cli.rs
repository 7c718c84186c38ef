//! The command line of the real binary: help for every command, the version, errors that
//! name the wrong argument, and the commands that work without a server.

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

use crate::support::{Backend, start};

fn treffpunkt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .args(args)
        // a wrong database must not matter to --help and argument errors
        .env(
            "TREFFPUNKT_DATABASE_URL",
            "postgres://nobody@127.0.0.1:1/none",
        )
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn every_command_has_help() {
    let top = treffpunkt(&["--help"]);
    assert_eq!(top.status.code(), Some(0), "{top:?}");
    for command in [
        "serve", "migrate", "demo", "admin", "purge", "backup", "restore",
    ] {
        assert!(
            stdout(&top).contains(command),
            "{command}: {}",
            stdout(&top)
        );
    }
    assert!(!stdout(&top).contains("bench"), "{}", stdout(&top));

    let admin = treffpunkt(&["admin", "--help"]);
    assert_eq!(admin.status.code(), Some(0), "{admin:?}");
    assert!(stdout(&admin).contains("create"), "{}", stdout(&admin));

    let create = treffpunkt(&["admin", "create", "--help"]);
    assert_eq!(create.status.code(), Some(0), "{create:?}");
    assert!(
        stdout(&create).contains("--email <ADDRESS>"),
        "{}",
        stdout(&create)
    );

    let purge = treffpunkt(&["purge", "--help"]);
    assert_eq!(purge.status.code(), Some(0), "{purge:?}");
    assert!(stdout(&purge).contains("--dry-run"), "{}", stdout(&purge));

    let migrate = treffpunkt(&["migrate", "--help"]);
    assert!(
        stdout(&migrate).contains("--dry-run"),
        "{}",
        stdout(&migrate)
    );
    for command in ["backup", "restore"] {
        let out = treffpunkt(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command}: {out:?}");
        assert!(stdout(&out).contains("<FILE>"), "{}", stdout(&out));
    }

    for command in ["serve", "migrate", "demo"] {
        let out = treffpunkt(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command}: {out:?}");
        assert!(
            stdout(&out).contains("Usage: treffpunkt"),
            "{}",
            stdout(&out)
        );
    }
}

#[test]
fn version_is_the_crate_version() {
    let out = treffpunkt(&["--version"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        stdout(&out).trim(),
        format!("treffpunkt {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_wrong_argument_is_named_and_exits_2() {
    for (args, named) in [
        (&["purge", "--dry"][..], "--dry"),
        (&["admin", "create", "--emial", "a@example.org"], "--emial"),
        (&["admin", "create"], "--email"),
        (&["admin"], "create"),
        (&["frobnicate"], "frobnicate"),
        // the load generator is its own target now (cargo bench --bench load)
        (&["bench"], "bench"),
        (&["serve", "--seconds", "2"], "--seconds"),
        (&["backup"], "<FILE>"),
        (&["restore"], "<FILE>"),
    ] {
        let out = treffpunkt(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(stderr(&out).contains(named), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{args:?}: {}", stdout(&out));
    }
}

#[rocket::async_test]
async fn admin_create_prints_a_link_that_opens_the_set_up_form() {
    let Some(app) = start(Backend::Sqlite).await else {
        return;
    };
    let url = format!("sqlite://{}", app.data_dir().join("test.sqlite").display());
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
            .args(args)
            .env("TREFFPUNKT_DATABASE_URL", &url)
            .env("TREFFPUNKT_DATA_DIR", app.data_dir())
            .output()
            .expect("runs")
    };
    let out = run(&["admin", "create", "--email", "chefin@example.org"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let said = stdout(&out);
    assert!(said.contains("chefin@example.org"), "{said}");
    let path = said
        .split_whitespace()
        .find_map(|w| w.find("/admin/setup/").map(|i| w[i..].to_owned()))
        .unwrap_or_else(|| panic!("no link in {said}"));
    let (status, page) = app.get_text(&path).await;
    assert_eq!(status.code, 200, "{page}");
    assert!(page.contains("chefin@example.org"), "{page}");

    let bad = run(&["admin", "create", "--email", "kein-at-zeichen"]);
    assert_eq!(bad.status.code(), Some(1), "{bad:?}");
    assert!(
        stderr(&bad).contains("not a valid e-mail address: kein-at-zeichen"),
        "{}",
        stderr(&bad)
    );
}

/// What a request to the server on `port` answers, if it answers.
fn health(port: u16) -> Option<String> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

#[test]
fn without_a_command_it_serves() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .env(
            "TREFFPUNKT_DATABASE_URL",
            format!("sqlite://{}", dir.path().join("t.sqlite").display()),
        )
        .env("TREFFPUNKT_DATA_DIR", dir.path())
        .env("ROCKET_PORT", port.to_string())
        .env("ROCKET_ADDRESS", "127.0.0.1")
        .env("ROCKET_LOG_LEVEL", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    // waiting for start-up (migrations, keys), not timing it
    let mut answer = None;
    for _ in 0..600 {
        answer = health(port);
        if answer.is_some() || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    let answer = answer.expect("the server answered");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

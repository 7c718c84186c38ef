//! The Debian package (`cargo deb`, metadata in Cargo.toml, files in packaging/): made from
//! the binary these tests run (no second build), unpacked, its unit accepted by systemd,
//! the package by lintian, and the unpacked binary serving with the unpacked configuration
//! from a temporary state folder, as the unit would start it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::served::{Server, free_port, get, http, said};

/// Whether `program args` runs and succeeds.
pub(crate) fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn run(command: &mut Command) -> Output {
    let out = command.output().expect("the command runs");
    assert!(out.status.success(), "{command:?} failed:\n{}", said(&out));
    out
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// The package of the binary under test, in `dir`: cargo-deb is pointed at a target folder
/// of its own whose `release/treffpunkt` is that binary.
fn build_package(dir: &Path) -> PathBuf {
    let target = dir.join("target");
    std::fs::create_dir_all(target.join("release")).unwrap();
    let binary = target.join("release/treffpunkt");
    if std::fs::hard_link(env!("CARGO_BIN_EXE_treffpunkt"), &binary).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_treffpunkt"), &binary).unwrap();
    }
    let deb = dir.join("treffpunkt.deb");
    run(Command::new(cargo())
        .args(["deb", "--no-build", "--fast", "--output"])
        .arg(&deb)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CARGO_TARGET_DIR", &target));
    deb
}

/// `Key=value` lines of a unit, every value of a key in order.
fn unit_settings(unit: &str) -> BTreeMap<String, Vec<String>> {
    let mut settings: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in unit.lines().map(str::trim) {
        if line.starts_with('#') || line.starts_with('[') {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            settings
                .entry(k.trim().to_owned())
                .or_default()
                .push(v.trim().to_owned());
        }
    }
    settings
}

fn one<'a>(settings: &'a BTreeMap<String, Vec<String>>, key: &str) -> &'a str {
    match settings.get(key).map(Vec::as_slice) {
        Some([value]) => value,
        other => panic!("the unit sets {key} once, not {other:?}"),
    }
}

/// A time span as systemd writes it (`90s`, `2min`, `90`): seconds.
fn seconds(span: &str) -> u64 {
    let digits: String = span.chars().take_while(char::is_ascii_digit).collect();
    let n: u64 = digits.parse().expect("a number of seconds or minutes");
    match &span[digits.len()..] {
        "" | "s" => n,
        "min" | "m" => n * 60,
        unit => panic!("unexpected time unit {unit:?}"),
    }
}

/// The unit as `systemd-analyze verify` can judge it outside an installed system: the same
/// file with ExecStart pointing at the unpacked binary (verify insists that it exists).
fn verify_unit(unit: &str, root: &Path, dir: &Path) {
    let mapped = unit.replace(
        "ExecStart=/usr/bin/treffpunkt",
        &format!("ExecStart={}/usr/bin/treffpunkt", root.display()),
    );
    let folder = dir.join("verify");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("treffpunkt.service");
    std::fs::write(&path, mapped).unwrap();
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .unwrap();
    // an unknown key or a value it cannot parse is only a warning with exit code 0
    assert!(
        out.status.success() && said(&out).trim().is_empty(),
        "systemd-analyze verify: {}",
        said(&out)
    );
    // how much the sandbox leaves open, on systemd's scale from 0 (nothing) to 10
    let out = Command::new("systemd-analyze")
        .args(["security", "--offline=yes", "--no-pager"])
        .arg(&path)
        .output()
        .unwrap();
    let text = said(&out);
    let exposure: f64 = text
        .lines()
        .find_map(|l| {
            l.split("Overall exposure level for treffpunkt.service:")
                .nth(1)
        })
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("an exposure level: {text}"));
    eprintln!("systemd-analyze security: exposure {exposure} of 10");
    assert!(exposure <= 2.0, "the sandbox leaves {exposure} of 10 open");
}

/// lintian's verdict: no error (warnings such as a missing manual page are allowed).
fn lint(deb: &Path) {
    let out = Command::new("lintian")
        .args(["--tag-display-limit", "0"])
        .arg(deb)
        .output()
        .unwrap();
    let text = said(&out);
    eprintln!("lintian:\n{text}");
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("E:")).collect();
    assert!(errors.is_empty(), "lintian reports errors: {errors:#?}");
    // lintian fails on errors only; anything else is lintian itself failing
    assert!(out.status.success(), "lintian failed: {text}");
}

#[rocket::async_test]
async fn package_installs_verifies_and_serves() {
    let missing: Vec<&str> = [
        ("cargo-deb", runs(&cargo(), &["deb", "--version"])),
        ("dpkg-deb", runs("dpkg-deb", &["--version"])),
        ("systemd-analyze", runs("systemd-analyze", &["--version"])),
        ("lintian", runs("lintian", &["--version"])),
    ]
    .into_iter()
    .filter_map(|(name, there)| (!there).then_some(name))
    .collect();
    if !missing.is_empty() {
        crate::support::skip(&format!(
            "the package test needs {} (.ci/run installs them)",
            missing.join(", ")
        ));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let deb = build_package(dir.path());

    // what dpkg would put on the disk, and what it would run
    let root = dir.path().join("root");
    let control = dir.path().join("control");
    run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&root));
    run(Command::new("dpkg-deb").arg("-e").arg(&deb).arg(&control));
    let binary = root.join("usr/bin/treffpunkt");
    let config = root.join("etc/treffpunkt/Rocket.toml");
    let unit_path = root.join("usr/lib/systemd/system/treffpunkt.service");
    for path in [
        &binary,
        &config,
        &unit_path,
        &root.join("usr/share/treffpunkt/templates/base.html.tera"),
        &root.join("usr/share/treffpunkt/static/style.css"),
        &root.join("usr/share/doc/treffpunkt/copyright"),
        &root.join("usr/share/doc/treffpunkt/examples/nginx.conf"),
        &root.join("usr/share/doc/treffpunkt/examples/Caddyfile"),
    ] {
        assert!(path.is_file(), "the package holds {}", path.display());
    }
    let conffiles = std::fs::read_to_string(control.join("conffiles")).unwrap();
    assert!(
        conffiles
            .lines()
            .any(|l| l == "/etc/treffpunkt/Rocket.toml"),
        "Rocket.toml is a conffile: {conffiles}"
    );
    let postinst = std::fs::read_to_string(control.join("postinst")).unwrap();
    assert!(postinst.contains("adduser --system"), "{postinst}");
    assert!(
        postinst.contains("deb-systemd-helper enable treffpunkt.service"),
        "{postinst}"
    );
    let fields = std::fs::read_to_string(control.join("control")).unwrap();
    let depends = fields
        .lines()
        .find(|l| l.starts_with("Depends:"))
        .unwrap_or_default();
    // the libraries the binary links, found by dpkg-shlibdeps, and the postinst's adduser
    for package in ["adduser", "libc6", "libpq5", "libssl3"] {
        assert!(depends.contains(package), "depends on {package}: {fields}");
    }

    // the unit: sandboxed, its state directory the only place it writes, a graceful stop
    let unit = std::fs::read_to_string(&unit_path).unwrap();
    let settings = unit_settings(&unit);
    for (key, value) in [
        ("ExecStart", "/usr/bin/treffpunkt serve"),
        ("User", "treffpunkt"),
        ("Environment", "ROCKET_CONFIG=/etc/treffpunkt/Rocket.toml"),
        ("StateDirectory", "treffpunkt"),
        ("ReadWritePaths", "/var/lib/treffpunkt"),
        ("NoNewPrivileges", "yes"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("Restart", "on-failure"),
        ("KillSignal", "SIGTERM"),
    ] {
        assert_eq!(one(&settings, key), value, "{key}");
    }
    let stop_within = Duration::from_secs(seconds(one(&settings, "TimeoutStopSec")));
    assert!(stop_within >= Duration::from_secs(30), "{stop_within:?}");
    verify_unit(&unit, &root, dir.path());
    lint(&deb);

    // The unpacked binary with the unpacked configuration, started as the unit starts it:
    // a clean environment with the unit's variables (paths into the unpacked tree), the
    // state folder as working directory; only the state folder and the port are the test's.
    let state = dir.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let event = crate::served::meeting_file(&state.join("treffpunkt.sqlite"), "Paketprobe", 50);
    // marks in the unpacked assets show that the server reads the package's, not the checkout's
    let css = root.join("usr/share/treffpunkt/static/style.css");
    let mut styles = std::fs::read_to_string(&css).unwrap();
    styles.push_str("\n/* from the package */\n");
    std::fs::write(&css, styles).unwrap();
    let base = root.join("usr/share/treffpunkt/templates/base.html.tera");
    let page = std::fs::read_to_string(&base).unwrap();
    assert!(page.contains("</body>"));
    std::fs::write(
        &base,
        page.replace("</body>", "<!-- from the package --></body>"),
    )
    .unwrap();

    let port = free_port();
    let log = dir.path().join("journal.log");
    let log_file = std::fs::File::create(&log).unwrap();
    let mut command = Command::new(&binary);
    command
        .arg("serve")
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .current_dir(&state);
    for assignment in &settings["Environment"] {
        let (name, value) = assignment.split_once('=').unwrap();
        let value = match value.strip_prefix('/') {
            Some(path) if value.starts_with("/etc/") => root.join(path).display().to_string(),
            _ => value.to_owned(),
        };
        command.env(name, value);
    }
    let rocket_config = command
        .get_envs()
        .find_map(|(k, v)| (k == "ROCKET_CONFIG").then_some(v))
        .flatten();
    assert_eq!(rocket_config, Some(config.as_os_str()));
    // the unit's ExecStart runs `serve`; stdout is the journal
    #[allow(clippy::zombie_processes)] // killed and reaped by Server's Drop
    let child = command
        .env(
            "TREFFPUNKT_DATABASE_URL",
            format!("sqlite://{}", state.join("treffpunkt.sqlite").display()),
        )
        .env("TREFFPUNKT_DATA_DIR", &state)
        .env("ROCKET_PORT", port.to_string())
        .stdout(Stdio::from(log_file.try_clone().unwrap()))
        .stderr(Stdio::from(log_file))
        .spawn()
        .expect("the packaged binary starts");
    let mut server = Server(child);
    let journal = || std::fs::read_to_string(&log).unwrap_or_default();
    let started = Instant::now();
    while get(port, "/healthz", None).await.status != 200 {
        if let Some(status) = server.0.try_wait().unwrap() {
            panic!("the server ended ({status:?}):\n{}", journal());
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not come up:\n{}",
            journal()
        );
        rocket::tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let list = get(port, "/", None).await;
    assert_eq!(list.status, 200, "{}", list.head);
    assert!(list.body.contains("Paketprobe"), "{}", list.body);
    assert!(list.body.contains("<!-- from the package -->"));
    let served_css = get(port, "/static/style.css", None).await;
    assert!(served_css.body.contains("/* from the package */"));

    let answer = http(
        port,
        "POST",
        &format!("/api/v1/events/{event}/registrations"),
        &[("Content-Type", "application/json")],
        r#"{"name":"Paula Paket","email":"paula@example.org","companions":0,"consent":true}"#,
    )
    .await;
    assert_eq!(answer.status, 201, "{}{}", answer.head, answer.body);
    let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(body["status"], "confirmed", "{body}");
    let token = body["token"].as_str().unwrap();
    let confirmation = get(port, &format!("/r/{token}"), None).await;
    assert_eq!(confirmation.status, 200, "{}", confirmation.head);
    assert!(confirmation.body.contains("Paketprobe"));

    // without SMTP the confirmation mail becomes a file in the state folder
    let outbox = state.join("outbox");
    let started = Instant::now();
    while !std::fs::read_dir(&outbox).is_ok_and(|mut d| d.next().is_some()) {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no mail in {}:\n{}",
            outbox.display(),
            journal()
        );
        rocket::tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // the secret key made on the first start stays in the state folder, for the service only
    let key = std::fs::metadata(state.join("secret_key")).expect("a secret key");
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&key.permissions()) & 0o777,
        0o600
    );
    // the journal shows how to make the first administrator
    assert!(journal().contains("No administrator yet"), "{}", journal());

    // `systemctl stop`: SIGTERM, and the process ends by itself within TimeoutStopSec
    // SAFETY: a signal to our own child process
    unsafe {
        libc::kill(server.0.id() as i32, libc::SIGTERM);
    }
    let stopping = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            stopping.elapsed() < stop_within,
            "still running after SIGTERM"
        );
        rocket::tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}:\n{}", journal());
}

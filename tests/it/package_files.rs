//! The package's own files as the system would use them: the configuration's commented
//! defaults, and the maintainer scripts that dpkg runs.

use std::path::Path;
use std::process::Command;

use crate::served::said;

/// Every setting of `[default.treffpunkt]` is in the packaged Rocket.toml, and every
/// commented line shows the real default, so that removing a `#` changes nothing unasked.
#[test]
fn packaged_configuration_shows_every_setting_with_its_default() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/Rocket.toml"),
    )
    .unwrap();
    let section = text
        .split("[default.treffpunkt]")
        .nth(1)
        .expect("a [default.treffpunkt] table");
    let defaults = serde_json::to_value(treffpunkt::Settings::default()).unwrap();
    let defaults = defaults.as_object().unwrap();
    let mut seen = Vec::new();
    for line in section.lines() {
        let (commented, line) = match line.strip_prefix("# ") {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let Some((key, value)) = line.split_once(" = ") else {
            continue;
        };
        let Some(default) = defaults.get(key) else {
            assert!(commented, "{key} is no setting of Treffpunkt");
            continue;
        };
        seen.push(key.to_owned());
        // one-line TOML strings, integers and arrays of strings read as JSON
        let value: serde_json::Value =
            serde_json::from_str(value).unwrap_or_else(|e| panic!("{key} = {value}: {e}"));
        // an example where the default is "none"; the active lines are the package's choice
        let has_default = !(default.is_null()
            || default.as_str() == Some("")
            || default.as_array().is_some_and(Vec::is_empty));
        if commented && has_default {
            // read as the server reads it ("::1" is the network "::1/128")
            let read: treffpunkt::Settings =
                serde_json::from_value(serde_json::json!({ key: value })).unwrap();
            let read = serde_json::to_value(read).unwrap();
            assert_eq!(read[key], *default, "the commented default of {key}");
        }
    }
    for key in defaults.keys() {
        assert!(
            seen.contains(key),
            "packaging/Rocket.toml does not mention the setting {key}"
        );
    }
}

/// The maintainer scripts as dpkg runs them, with the system's tools replaced by stubs that
/// note their calls: the first `configure` makes the user and closes Rocket.toml to others,
/// an upgrade's `configure` changes neither, `purge` lifts the override and deletes no data.
#[test]
fn maintainer_scripts_make_the_user_once_and_keep_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    let state = dir.path().join("state");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&state).unwrap();
    let s = state.display();
    let stubs = [
        ("getent", format!("[ -f {s}/user ]")),
        ("adduser", format!("touch {s}/user")),
        (
            "dpkg-statoverride",
            format!(
                "case \"$1\" in --list) [ -f {s}/override ];; --update) touch {s}/override;; \
                 --remove) /bin/rm {s}/override;; esac"
            ),
        ),
        ("install", String::new()),
        ("rmdir", String::new()),
        ("rm", String::new()),
    ];
    for (name, body) in stubs {
        let path = bin.join(name);
        let log = state.join("calls");
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\necho \"{name} $*\" >> {}\n{body}\n",
                log.display()
            ),
        )
        .unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        std::fs::set_permissions(&path, permissions).unwrap();
    }
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/debian");
    let calls = |script: &str, args: &[&str]| -> Vec<String> {
        let _ = std::fs::remove_file(state.join("calls"));
        let out = Command::new("sh")
            .arg(scripts.join(script))
            .args(args)
            .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
            .output()
            .unwrap();
        assert!(out.status.success(), "{script} {args:?}: {}", said(&out));
        std::fs::read_to_string(state.join("calls"))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.starts_with("getent") && !l.contains("--list"))
            .map(str::to_owned)
            .collect()
    };
    // a first installation
    assert_eq!(
        calls("postinst", &["configure"]),
        [
            "adduser --system --group --quiet --no-create-home --home /var/lib/treffpunkt \
             --gecos Treffpunkt treffpunkt",
            "dpkg-statoverride --update --add root treffpunkt 0640 /etc/treffpunkt/Rocket.toml",
            "install -d -o treffpunkt -g treffpunkt -m 0750 /var/lib/treffpunkt",
        ]
    );
    // an upgrade: the user and the administrator's override stay as they are
    assert_eq!(
        calls("postinst", &["configure", "0.1.0-1"]),
        ["install -d -o treffpunkt -g treffpunkt -m 0750 /var/lib/treffpunkt"]
    );
    // removal keeps everything; purge lifts the override, and deletes nothing of the data
    assert_eq!(calls("postrm", &["remove"]), Vec::<String>::new());
    let purged = calls("postrm", &["purge"]);
    assert!(
        purged.contains(&"dpkg-statoverride --remove /etc/treffpunkt/Rocket.toml".to_owned()),
        "{purged:?}"
    );
    assert!(!purged.iter().any(|c| c.starts_with("rm ")), "{purged:?}");
}

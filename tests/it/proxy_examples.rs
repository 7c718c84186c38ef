//! The example configurations for nginx and Caddy in front of Treffpunkt (packaging/, also
//! installed by the package and shown in the README), checked by the servers themselves.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::package::runs;
use crate::served::said;

/// A program named by the environment variable `var` (as .ci/run unpacks it), else on PATH.
fn program(var: &str, name: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(var) {
        return Some(path.into());
    }
    runs(name, &["-v"]).then(|| name.into())
}

/// The nginx example as nginx reads it: its server blocks inside a minimal main
/// configuration, with a certificate made here in place of the real one.
#[test]
fn nginx_example_passes_nginx_t() {
    let Some(nginx) = program("TREFFPUNKT_NGINX", "nginx") else {
        crate::support::skip("nginx is not installed (.ci/run unpacks Debian's)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cert = d.join("cert.pem");
    let key = d.join("key.pem");
    let made = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=termine.landkreis.example", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output();
    if !made.is_ok_and(|o| o.status.success()) {
        crate::support::skip("openssl cannot make a test certificate");
        return;
    }
    let example =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/nginx.conf"))
            .unwrap();
    let live = "/etc/letsencrypt/live/termine.landkreis.example";
    assert!(example.contains(live));
    let site = example
        .replace(
            &format!("{live}/fullchain.pem"),
            &cert.display().to_string(),
        )
        .replace(&format!("{live}/privkey.pem"), &key.display().to_string());
    std::fs::write(d.join("site.conf"), site).unwrap();
    let p = d.display();
    std::fs::write(
        d.join("nginx.conf"),
        format!(
            "error_log stderr;\npid {p}/nginx.pid;\nevents {{}}\nhttp {{\n    access_log off;\n    \
             client_body_temp_path {p}/body;\n    proxy_temp_path {p}/proxy;\n    \
             fastcgi_temp_path {p}/fastcgi;\n    uwsgi_temp_path {p}/uwsgi;\n    \
             scgi_temp_path {p}/scgi;\n    include {p}/site.conf;\n}}\n"
        ),
    )
    .unwrap();
    let out = Command::new(&nginx)
        .arg("-t")
        .arg("-p")
        .arg(d)
        .arg("-c")
        .arg(d.join("nginx.conf"))
        .output()
        .unwrap();
    assert!(out.status.success(), "nginx -t: {}", said(&out));
    assert!(said(&out).contains("test is successful"), "{}", said(&out));
}

/// The Caddy example as `caddy validate` reads it (no certificate is fetched).
#[test]
fn caddy_example_passes_caddy_validate() {
    let Some(caddy) = program("TREFFPUNKT_CADDY", "caddy") else {
        crate::support::skip("caddy is not installed (.ci/run unpacks Debian's)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(&caddy)
        .args(["validate", "--adapter", "caddyfile", "--config"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/Caddyfile"))
        // Caddy keeps its state under HOME and the XDG folders: the test's own
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "caddy validate: {}", said(&out));
    assert!(said(&out).contains("Valid configuration"), "{}", said(&out));
}

/// The README shows the example configurations as they are in packaging/ (and so as the
/// package installs them and the tests above check them).
#[test]
fn readme_shows_the_proxy_examples_as_they_are() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for (file, fence) in [
        ("nginx.conf", "```nginx\n"),
        ("Caddyfile", "```caddyfile\n"),
    ] {
        let example = std::fs::read_to_string(root.join("packaging").join(file)).unwrap();
        assert!(
            readme.contains(&format!("{fence}{example}```")),
            "README.md shows packaging/{file} as it is"
        );
    }
}

//! The layers stay without loops: `web → domain → db`, with `mail`, `ical`, `qr` and `i18n`
//! beside the domain. In one crate the compiler allows any import, so this test reads the
//! sources: `src/domain` and `src/db` name nothing of `web` or `mail`; `src/mail`,
//! `src/ical`, `src/qr.rs` and `src/i18n.rs` nothing of `web`.
//!
//! A path counts however it is written: `crate::web::x`, `use crate::{db, web}`, or
//! `super::super::web` climbing to the crate root. Comments and string contents do not
//! count, so a doc comment may still mention `crate::web`.

use std::path::{Path, PathBuf};

/// Which source files may not name which top-level modules.
const RULES: &[(&str, &[&str])] = &[
    ("domain", &["web", "mail"]),
    ("db", &["web", "mail"]),
    ("mail", &["web"]),
    ("ical", &["web"]),
    ("qr.rs", &["web"]),
    ("pdf", &["web"]),
    ("i18n.rs", &["web"]),
    ("addr_range.rs", &["web", "domain", "db", "mail"]),
];

#[test]
fn lower_layers_import_nothing_from_web_or_mail() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    let mut found = Vec::new();
    for (place, forbidden) in RULES {
        for file in rust_files(&src.join(place)) {
            let text = std::fs::read_to_string(&file).expect("read source");
            let depth = module_depth(&src, &file);
            for (line, name) in forbidden_paths(&text, depth, forbidden) {
                found.push(format!(
                    "{}:{line} names crate::{name}",
                    file.strip_prefix(&src).unwrap_or(&file).display()
                ));
            }
            checked += 1;
        }
    }
    // a wrong path would check nothing and pass
    assert!(checked > 30, "only {checked} files checked under {src:?}");
    assert!(
        found.is_empty(),
        "layer rule broken (web → domain → db; mail, ical, qr, i18n beside the domain):\n{}",
        found.join("\n")
    );
}

/// The checker itself finds each way of writing such a path, and only those.
#[test]
fn layer_check_sees_every_spelling() {
    let web = &["web", "mail"][..];
    let hits = |code: &str, depth: usize| -> Vec<String> {
        forbidden_paths(code, depth, web)
            .into_iter()
            .map(|(_, n)| n)
            .collect()
    };
    assert_eq!(hits("use crate::web::view::event_path;", 2), ["web"]);
    assert_eq!(
        hits("fn f() { crate :: mail :: queue::enqueue(); }", 2),
        ["mail"]
    );
    assert_eq!(hits("use crate::{db::DbConn, web};", 2), ["web"]);
    assert_eq!(
        hits(
            "use crate::{\n    Settings,\n    mail::{render, worker},\n};",
            2
        ),
        ["mail"]
    );
    assert_eq!(hits("use super::super::web::page_cache;", 2), ["web"]);
    assert_eq!(hits("use super::web;", 1), ["web"]);
    assert_eq!(hits("use super::super::{db, mail};", 2), ["mail"]);
    // not the crate's web or mail
    assert!(hits("use super::web;", 2).is_empty(), "a sibling module");
    assert!(hits("use crate::domain::{web, mail};", 2).is_empty());
    assert!(hits("use crate::website;", 2).is_empty());
    assert!(hits("// see crate::web::view\n/* crate::mail */", 2).is_empty());
    assert!(hits(r#"let s = "crate::web"; let c = '"';"#, 2).is_empty());
    assert!(hits(r##"let s = r#"crate::web"#;"##, 2).is_empty());
    assert!(hits("fn f<'a>(x: &'a str) {}", 2).is_empty());
    assert!(hits(r"let q = '\''; let s = '\u{1}'; // crate::web", 2).is_empty());
    assert_eq!(hits(r"let q = '\''; use crate::web;", 2), ["web"]);
}

fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_owned()];
    }
    let mut out = Vec::new();
    let entries = std::fs::read_dir(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    for entry in entries {
        let p = entry.expect("directory entry").path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

/// How many `super::` lead from the file's module to the crate root: `domain/mod.rs` 1,
/// `domain/outbox.rs` 2.
fn module_depth(src: &Path, file: &Path) -> usize {
    let rel = file.strip_prefix(src).expect("file under src");
    let parts = rel.components().count();
    if rel.file_name().is_some_and(|n| n == "mod.rs") {
        parts - 1
    } else {
        parts
    }
}

/// The forbidden top-level modules the code names, with their lines.
fn forbidden_paths(code: &str, depth: usize, forbidden: &[&str]) -> Vec<(usize, String)> {
    let tokens = tokens(&code_only(code));
    let word = |i: usize| tokens.get(i).map(|(_, t)| t.as_str());
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // where a path starts at the crate root: `crate::` or enough `super::`
        let root = if word(i) == Some("crate") && word(i + 1) == Some("::") {
            Some(i + 2)
        } else if word(i) == Some("super") && (i == 0 || word(i - 1) != Some("::")) {
            let mut j = i;
            let mut climbs = 0;
            while word(j) == Some("super") && word(j + 1) == Some("::") {
                climbs += 1;
                j += 2;
            }
            (climbs >= depth && climbs > 0).then_some(j)
        } else {
            None
        };
        if let Some(r) = root {
            for at in first_segments(&tokens, r) {
                if let Some((line, name)) = tokens.get(at)
                    && forbidden.contains(&name.as_str())
                {
                    found.push((*line, name.clone()));
                }
            }
        }
        i += 1;
    }
    found
}

/// The first segment of a path at `at`, or of each item of a `{…}` group there.
fn first_segments(tokens: &[(usize, String)], at: usize) -> Vec<usize> {
    if tokens.get(at).map(|(_, t)| t.as_str()) != Some("{") {
        return vec![at];
    }
    let mut out = vec![at + 1];
    let mut nesting = 0;
    for (k, (_, t)) in tokens.iter().enumerate().skip(at + 1) {
        match t.as_str() {
            "{" => nesting += 1,
            "}" if nesting == 0 => break,
            "}" => nesting -= 1,
            "," if nesting == 0 => out.push(k + 1),
            _ => {}
        }
    }
    out
}

/// Identifiers, `::` and single punctuation, each with its line.
fn tokens(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((line, chars[start..i].iter().collect()));
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push((line, "::".into()));
            i += 2;
        } else {
            out.push((line, c.to_string()));
            i += 1;
        }
    }
    out
}

/// The code with comments and the contents of string and character literals blanked
/// (newlines kept, so lines still count).
fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let ident = |k: usize| c[k].is_alphanumeric() || c[k] == '_';
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut open = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    open += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    open -= 1;
                    i += 2;
                    if open == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if c[i] == 'r'
            && (i == 0 || !ident(i - 1) || (c[i - 1] == 'b' && (i < 2 || !ident(i - 2))))
            && matches!(next, Some('"') | Some('#'))
            && {
                let mut k = i + 1;
                while c.get(k) == Some(&'#') {
                    k += 1;
                }
                c.get(k) == Some(&'"')
            }
        {
            // raw string: r"…", r#"…"#
            let mut k = i + 1;
            let mut hashes = 0;
            while c[k] == '#' {
                hashes += 1;
                k += 1;
            }
            out.push(' ');
            i = k + 1;
            while i < c.len() {
                if c[i] == '"' && (0..hashes).all(|h| c.get(i + 1 + h) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    blank(&mut out, c[i]);
                    i += 1;
                }
                if i < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            i += 1;
        } else if c[i] == '\'' && next == Some('\\') {
            // an escaped character literal: '\n', '\'', '\u{1}'
            i += 3;
            while i < c.len() && c[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else if c[i] == '\'' && c.get(i + 2) == Some(&'\'') {
            // a character literal such as '"'; otherwise a lifetime, kept as code
            i += 3;
            out.push(' ');
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

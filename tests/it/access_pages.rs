//! The accessibility statement edited in versions, the Leichte Sprache page checked against
//! its rules, and the sign-language page with a video uploaded through the back office.
//! (Over 400 lines: the Leichte Sprache rules are checked one by one, each with its reason.)

use diesel::prelude::*;
use rocket::http::{Header, Status};
use treffpunkt::db::schema::audit_log;
use treffpunkt::domain::account;
use treffpunkt::i18n::SUPPORTED;

use crate::support::{Backend, TestApp, lang_header, start_with_settings};

async fn admin(app: &TestApp) -> crate::support::StaffSession {
    let password = app.account("leitung@example.org", account::ROLE_ADMIN, &[]);
    app.login("leitung@example.org", &password).await
}

async fn statement_is_edited_in_versions(app: TestApp) {
    let admin = admin(&app).await;
    let (status, editor, _) = admin.get("/admin/accessibility").await;
    assert_eq!(status, Status::Ok);
    assert!(
        editor.contains("[Bitte ergänzen:") && editor.contains("Schlichtungsverfahren"),
        "the built-in statement is the first draft"
    );
    let (status, page, _) = admin
        .submit(
            "/admin/accessibility",
            "/admin/accessibility",
            &[("body_de", "  "), ("body_en", "Only English")],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"body_de-error\"") && page.contains("Only English"));
    let own = "## Stand der Vereinbarkeit\n\nDas Landratsamt Musterkreis prüft jährlich.";
    let (status, _, location) = admin
        .submit(
            "/admin/accessibility",
            "/admin/accessibility",
            &[
                ("body_de", own),
                ("body_en", "## Compliance status\n\nChecked every year."),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some("/admin/accessibility"));
    let de = app.get_text_in("/barrierefreiheit", "de").await;
    assert!(
        de.contains("Das Landratsamt Musterkreis prüft jährlich.") && de.contains("Fassung v1")
    );
    assert!(!de.contains("[Bitte ergänzen:"));
    let tr = app.get_text_in("/barrierefreiheit", "tr").await;
    assert!(tr.contains("Checked every year.") && tr.contains("lang=\"en\""));
    assert!(
        tr.contains("Erişilebilirlik beyanı"),
        "the page around it in Turkish"
    );
    // a second version replaces the first; both are kept
    admin
        .submit(
            "/admin/accessibility",
            "/admin/accessibility",
            &[("body_de", "Fassung zwei."), ("body_en", "")],
        )
        .await;
    let en = app.get_text_in("/barrierefreiheit", "en").await;
    assert!(
        en.contains("Fassung zwei.") && en.contains("Version v2"),
        "German when no English"
    );
    let logged: i64 = audit_log::table
        .filter(audit_log::action.eq("access.statement"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(logged, 2);
    // the privacy notice is edited the same way and stays separate
    let (status, privacy, _) = admin.get("/admin/privacy").await;
    assert_eq!(status, Status::Ok);
    assert!(!privacy.contains("Fassung zwei."));
    let orga = app
        .staff_of(
            app.meeting(Some(5), 0),
            "orga@example.org",
            account::ROLE_ORGANISER,
        )
        .await;
    assert_eq!(orga.get("/admin/accessibility").await.0, Status::Forbidden);
}

crate::both_backends!(statement_is_edited_in_versions);

/// The text of the Leichte Sprache page, one line per paragraph or list item.
fn easy_lines(html: &str) -> Vec<String> {
    let start = html.find("class=\"easy-read\"").expect("the page");
    let body = &html[start..html[start..].find("</main>").unwrap() + start];
    let mut text = String::new();
    let mut in_tag = false;
    for c in body
        .replace("<br>", "\n")
        .replace("</p>", "\n")
        .replace("</li>", "\n")
        .replace("</h2>", "\n")
        .replace("</h3>", "\n")
        .chars()
    {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// The rules of Anlage 2 Teil 2 BITV 2.0 that a program can check, line by line: short
/// sentences (at most 12 words), one statement a line, no abbreviations, negation only
/// where the meaning needs it, long words (over 15 letters) joined by a hyphen, the reader addressed
/// as "Sie", and the four explanations as headings.
#[rocket::async_test]
async fn leichte_sprache_keeps_its_rules() {
    let app = crate::support::start(Backend::Sqlite).await.unwrap();
    for lang in SUPPORTED {
        let page = app.get_text_in("/leichte-sprache", lang).await;
        assert!(
            page.contains("<div class=\"easy-read\" lang=\"de\""),
            "{lang}: German text"
        );
        assert!(
            page.contains(&format!("<html lang=\"{lang}\"")),
            "{lang}: page chrome"
        );
    }
    let page = app.get_text_in("/leichte-sprache", "de").await;
    for id in ["inhalt", "bedienung", "erklaerung", "weitere"] {
        assert!(
            page.contains(&format!("<h2 id=\"{id}\">")),
            "explanation {id}"
        );
    }
    let lines = easy_lines(&page);
    assert!(lines.len() > 80, "{} lines", lines.len());
    let abbreviations = [
        "z. B.", "z.B.", "bzw.", "usw.", "d. h.", "ca.", "Nr.", "ggf.", "evtl.", "u. a.",
    ];
    // negations the meaning needs, each explained by the line before or after
    let needed_negation = ["Gehörlos heißt: Ein Mensch hört sehr wenig oder gar nichts."];
    let mut faults = Vec::new();
    for line in &lines {
        let words = line.split_whitespace().count();
        if words > 12 {
            faults.push(format!("too long ({words} words): {line}"));
        }
        let sentences = line
            .split_inclusive(['.', '?', '!'])
            .filter(|s| s.trim().len() > 1)
            .count();
        if sentences > 1 && !line.contains(':') {
            faults.push(format!("more than one statement: {line}"));
        }
        if let Some(a) = abbreviations.iter().find(|a| line.contains(**a)) {
            faults.push(format!("abbreviation {a}: {line}"));
        }
        let negates = line
            .split(|c: char| !c.is_alphabetic())
            .any(|w| ["nicht", "kein", "keine", "keinen", "nichts", "nie"].contains(&w));
        if negates && !needed_negation.contains(&line.as_str()) {
            faults.push(format!("negation: {line}"));
        }
        for word in line.split(|c: char| !c.is_alphabetic() && c != '-') {
            if word.chars().count() > 15 && !word.contains('-') {
                faults.push(format!("long word without hyphen {word:?}: {line}"));
            }
        }
        if line
            .split_whitespace()
            .any(|w| ["du", "Du", "dich", "dein"].contains(&w))
        {
            faults.push(format!("reader addressed as du: {line}"));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
    let addressed = lines
        .iter()
        .filter(|l| l.contains("Sie") || l.contains("Ihr"))
        .count();
    assert!(
        addressed > 20,
        "the reader is addressed directly ({addressed} lines)"
    );
    for explained in [
        "Anmelden",
        "Formular",
        "E-Mail",
        "Warte-Liste",
        "Link",
        "Barriere-Freiheit",
        "Gehörlos",
        "Schlichtungs-Stelle",
    ] {
        assert!(
            lines
                .iter()
                .any(|l| (l.starts_with(explained) && l.contains("heißt"))
                    || l.contains(&format!("Ein {explained} ist"))
                    || l.contains(&format!("Eine {explained} ist"))),
            "the difficult word {explained} is explained"
        );
    }
}

/// An MP4 file of 3 KB whose movie header says 83.5 seconds (no picture: the test needs the
/// container, not a film).
pub fn tiny_mp4() -> Vec<u8> {
    include_bytes!("../fixtures/dgs-83s.mp4").to_vec()
}

/// Text fields, files, and what the form answers.
type BadUpload<'a> = (
    &'a [(&'a str, &'a str)],
    &'a [(&'a str, &'a str, &'a [u8])],
    &'a str,
);

async fn sign_language_videos(backend: Backend) {
    let Some(app) = start_with_settings(
        backend,
        &[
            ("sign_video_max_bytes", 8192.into()),
            ("accessibility_contact", "barrierefrei@kreis.example".into()),
        ],
    )
    .await
    else {
        return;
    };
    // nothing yet: whom to ask, in every language
    for lang in SUPPORTED {
        let page = app.get_text_in("/gebaerdensprache", lang).await;
        let missing = treffpunkt::i18n::text(lang, "access-sign-missing");
        assert_eq!(page.matches(&missing).count(), 4, "{lang}");
        assert!(
            page.contains("mailto:barrierefrei@kreis.example"),
            "{}",
            &page[page.find("<main").unwrap()..]
        );
    }
    let admin = admin(&app).await;
    let form = "/admin/accessibility/videos";
    let video = tiny_mp4();
    let (status, _, location) = admin
        .submit_multipart(
            form,
            form,
            &[("slot", "inhalt"), ("url", ""), ("duration", "")],
            &[("file", "inhalt.mp4", &video)],
        )
        .await;
    assert_eq!(status, Status::SeeOther, "uploaded");
    assert_eq!(location.as_deref(), Some(form));
    let page = app.get_text_in("/gebaerdensprache", "de").await;
    assert!(page.contains("<video controls"), "the browser's player");
    assert!(page.contains("src=\"/gebaerdensprache/inhalt/video\""));
    assert!(page.contains("href=\"/gebaerdensprache/inhalt/video?download=1\" download"));
    assert!(page.contains("Länge 1:24"), "the length read from the file");
    assert!(page.contains("3 KB"), "the size");
    assert_eq!(page.matches("Dieses Video gibt es noch nicht.").count(), 3);

    // served whole, and in the parts a player asks for
    let res = app
        .client
        .get("/gebaerdensprache/inhalt/video")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(res.headers().get_one("Accept-Ranges"), Some("bytes"));
    assert_eq!(
        res.content_type().map(|c| c.to_string()).as_deref(),
        Some("video/mp4")
    );
    assert_eq!(res.into_bytes().await.unwrap(), video);
    let res = app
        .client
        .get("/gebaerdensprache/inhalt/video")
        .header(Header::new("Range", "bytes=100-199"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::PartialContent);
    assert_eq!(
        res.headers().get_one("Content-Range").map(str::to_owned),
        Some(format!("bytes 100-199/{}", video.len()))
    );
    assert_eq!(res.into_bytes().await.unwrap(), &video[100..200]);
    let res = app
        .client
        .get("/gebaerdensprache/inhalt/video")
        .header(Header::new("Range", "bytes=99999-"))
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::RangeNotSatisfiable);
    let res = app
        .client
        .get("/gebaerdensprache/inhalt/video?download=1")
        .dispatch()
        .await;
    assert!(
        res.headers()
            .get_one("Content-Disposition")
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(
        app.get("/gebaerdensprache/navigation/video").await.status(),
        Status::NotFound
    );
    assert_eq!(
        app.get("/gebaerdensprache/..%2Fsecret/video")
            .await
            .status(),
        Status::NotFound
    );

    // not a video, too large, a plain http address, nothing at all: the form again
    let bad: [BadUpload; 4] = [
        (
            &[("slot", "navigation")],
            &[("file", "x.mp4", b"%PDF-1.7 not a video")],
            "kein MP4- oder WebM-Video",
        ),
        (
            &[("slot", "navigation")],
            &[("file", "big.mp4", &[0u8; 10_000])],
            "zu groß",
        ),
        (
            &[
                ("slot", "navigation"),
                ("url", "http://video.example/x.mp4"),
            ],
            &[],
            "https://",
        ),
        (
            &[("slot", "navigation"), ("duration", "zwei Minuten")],
            &[("file", "", b"")],
            "Minuten:Sekunden",
        ),
    ];
    for (fields, files, message) in bad {
        let (status, page, _) = admin.submit_multipart(form, form, fields, files).await;
        assert_eq!(status, Status::UnprocessableEntity, "{message}");
        assert!(page.contains(message), "{message}");
    }
    // the office's own video server, with the length given
    let (status, _, _) = admin
        .submit_multipart(
            form,
            form,
            &[
                ("slot", "navigation"),
                ("url", "https://video.kreis.example/dgs/navigation.webm"),
                ("duration", "2:05"),
            ],
            &[("file", "", b"")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let page = app.get_text_in("/gebaerdensprache", "en").await;
    assert!(page.contains("src=\"https://video.kreis.example/dgs/navigation.webm\""));
    assert!(page.contains("Length 2:05"));
    // removed: the page says whom to ask again, and the file is gone
    let (status, _, _) = admin
        .submit(form, "/admin/accessibility/videos/inhalt/remove", &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        app.get("/gebaerdensprache/inhalt/video").await.status(),
        Status::NotFound
    );
    assert!(!app.data_dir().join("sign-videos/inhalt.mp4").exists());
    let left: Vec<_> = std::fs::read_dir(app.data_dir().join("sign-videos"))
        .unwrap()
        .collect();
    assert!(left.is_empty(), "no upload left behind: {left:?}");
    let orga = app
        .staff_of(
            app.meeting(Some(5), 0),
            "orga@example.org",
            account::ROLE_ORGANISER,
        )
        .await;
    assert_eq!(orga.get(form).await.0, Status::Forbidden);
}

crate::each_backend!(sign_language_videos);

#[rocket::async_test]
async fn start_page_links_leichte_sprache_and_sign_language() {
    let app = crate::support::start(Backend::Sqlite).await.unwrap();
    for lang in SUPPORTED {
        let res = app
            .client
            .get("/")
            .header(lang_header(lang))
            .dispatch()
            .await;
        let home = res.into_string().await.unwrap();
        let nav = &home[home.find("class=\"easy-access\"").expect("near the top")..];
        assert!(
            nav.find("Leichte Sprache").unwrap()
                < nav.find("class=\"events\"").unwrap_or(usize::MAX)
        );
        assert!(
            nav.contains("<span lang=\"de\" dir=\"ltr\">Gebärdensprache</span>"),
            "{lang}"
        );
    }
}

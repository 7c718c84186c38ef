//! The accessibility statement with its form (empty, with errors, sent), the Leichte Sprache
//! page and the sign-language page (a video served, one from the office's server, two still
//! missing) pass axe in every language at a phone's and a desktop's size.

use fantoccini::Locator;
use treffpunkt::domain::access::sign_video::{self, Source};
use treffpunkt::domain::audit::Actor;
use treffpunkt::i18n::SUPPORTED;

use crate::a11y::{assert_accessible, audit_at_both_sizes, open, submit_form, switch_language};
use crate::access_pages::tiny_mp4;
use crate::browser::{Driver, serve};
use crate::layout::{resize, screenshot_dir, screenshots};
use crate::support::{Backend, start};

#[rocket::async_test]
async fn accessibility_pages_pass_axe_in_every_language() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let dir = app.data_dir().join("sign-videos");
    std::fs::create_dir_all(&dir).unwrap();
    let video = tiny_mp4();
    std::fs::write(dir.join("inhalt.mp4"), &video).unwrap();
    let file = Source {
        file_name: Some("inhalt.mp4".into()),
        content_type: Some("video/mp4".into()),
        size_bytes: Some(video.len() as i64),
        duration_ms: Some(83_500),
        url: None,
    };
    let server = Source {
        url: Some("https://video.kreis.example/dgs/navigation.webm".into()),
        duration_ms: Some(125_000),
        ..Source::default()
    };
    for (slot, source) in [("inhalt", &file), ("navigation", &server)] {
        sign_video::set(&mut app.conn(), slot, source, &Actor::system(), app.now()).unwrap();
    }
    let served = serve(&app).await;
    let base = &served.base;
    let b = driver.browser("de").await;
    let dir = screenshot_dir("accessibility");
    let mut violations = Vec::new();
    for lang in SUPPORTED {
        switch_language(&b, base, lang, "/barrierefreiheit").await;
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] statement")).await);
        pictures(&b, &dir, &format!("statement-{lang}")).await;
        submit_form(&b).await;
        assert!(
            b.find(Locator::Id("what-error")).await.is_ok(),
            "[{lang}] an empty report is answered at its field"
        );
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] report with errors")).await);
        b.find(Locator::Id("what"))
            .await
            .unwrap()
            .send_keys("Der Kontrast der Links ist zu schwach.")
            .await
            .unwrap();
        submit_form(&b).await;
        let url = b.current_url().await.unwrap();
        assert!(url.as_str().contains("sent=1"), "[{lang}] sent: {url}");
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] report sent")).await);
        open(&b, &format!("{base}/leichte-sprache")).await;
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] Leichte Sprache")).await);
        pictures(&b, &dir, &format!("leichte-sprache-{lang}")).await;
        open(&b, &format!("{base}/gebaerdensprache")).await;
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] sign language")).await);
        pictures(&b, &dir, &format!("sign-language-{lang}")).await;
        open(&b, &format!("{base}/")).await;
        pictures(&b, &dir, &format!("start-{lang}")).await;
    }
    b.close().await.unwrap();
    assert_accessible(&violations);
}

/// The page at a phone's size and a desktop's, for a person to look at; ends at the desktop.
async fn pictures(b: &fantoccini::Client, dir: &std::path::Path, name: &str) {
    for size in [(390, 844), (1280, 800)] {
        resize(b, size.0, size.1).await;
        screenshots(b, dir, name, size).await;
    }
}

//! Issue 19: the language switch with seven languages stays usable on a phone. In a real
//! browser at 390×844 and 1280×800: the page does not scroll sideways, every language's
//! link lies inside the window, is big enough to hit and is what a tap there reaches, a tap
//! switches the page, and axe finds nothing; a screenshot of each to look at.

use fantoccini::{Client, Locator};
use serde_json::json;

use crate::a11y::{assert_accessible, audit, open};
use crate::browser::{Driver, serve};
use crate::layout::{layout_faults, resize, screenshot_dir};
use crate::support::{Backend, start};

/// Where the screenshots go: `$TREFFPUNKT_SCREENSHOT_OUT`, else the project's folder.
fn out_dir() -> std::path::PathBuf {
    match std::env::var_os("TREFFPUNKT_SCREENSHOT_OUT") {
        Some(dir) => {
            let dir = std::path::PathBuf::from(dir);
            std::fs::create_dir_all(&dir).expect("screenshot folder");
            dir
        }
        None => screenshot_dir("languages"),
    }
}

/// Each language link as the browser lays it out: code, box, and whether a tap on its
/// middle reaches it.
const LINKS: &str = r#"
const w = window.innerWidth;
return {
  scroll: document.documentElement.scrollWidth,
  inner: w,
  links: [...document.querySelectorAll('nav.langs a')].map(a => {
    const r = a.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      lang: a.getAttribute('lang'), left: r.left, right: r.right, top: r.top,
      width: r.width, height: r.height,
      visible: getComputedStyle(a).visibility === 'visible' && r.width > 0 && r.height > 0,
      reached: hit !== null && (hit === a || a.contains(hit)),
    };
  }),
};
"#;

async fn check_switch(b: &Client, what: &str) -> Vec<String> {
    let m = b.execute(LINKS, vec![]).await.expect("measured");
    let mut faults = Vec::new();
    let inner = m["inner"].as_f64().unwrap();
    if m["scroll"].as_f64().unwrap() > inner {
        faults.push(format!("{what}: the page scrolls sideways: {m}"));
    }
    let links = m["links"].as_array().expect("links");
    if links.len() != treffpunkt::i18n::SUPPORTED.len() {
        faults.push(format!("{what}: {} language links", links.len()));
    }
    for l in links {
        let lang = l["lang"].as_str().unwrap_or("?");
        if l["visible"] != json!(true) || l["reached"] != json!(true) {
            faults.push(format!("{what}: {lang} is hidden or covered: {l}"));
        }
        if l["left"].as_f64().unwrap() < 0.0 || l["right"].as_f64().unwrap() > inner + 0.5 {
            faults.push(format!("{what}: {lang} lies outside the window: {l}"));
        }
        if l["height"].as_f64().unwrap() < 24.0 || l["width"].as_f64().unwrap() < 24.0 {
            faults.push(format!("{what}: {lang} is smaller than 24 pixels: {l}"));
        }
    }
    faults
}

#[rocket::async_test]
async fn seven_languages_fit_a_phone() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    app.meeting(Some(10), 1);
    let served = serve(&app).await;
    let base = &served.base;
    let b = driver.browser("fa").await;
    let dir = out_dir();
    let mut faults = Vec::new();
    for (w, h) in [(390, 844), (1280, 800)] {
        resize(&b, w, h).await;
        // the page in a right-to-left and a left-to-right language with long names
        for lang in ["fa", "ru", "de"] {
            open(&b, &format!("{base}/language/{lang}?next=/")).await;
            let what = format!("[{lang}] list at {w}×{h}");
            faults.extend(check_switch(&b, &what).await);
            faults.extend(layout_faults(&b, &what, false).await);
            faults.extend(audit(&b, &what).await);
            let png = b.screenshot().await.expect("screenshot");
            std::fs::write(dir.join(format!("language-switch-{lang}-{w}x{h}.png")), png)
                .expect("screenshot saved");
        }
    }
    // on the phone, a tap on each language's name switches the page to it
    resize(&b, 390, 844).await;
    open(&b, &format!("{base}/language/de?next=/")).await;
    for lang in treffpunkt::i18n::SUPPORTED.iter().rev() {
        b.find(Locator::Css(&format!("nav.langs a[lang=\"{lang}\"]")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap_or_else(|e| panic!("{lang} can be tapped: {e}"));
        let mut now = json!(null);
        for _ in 0..50 {
            now = b
                .execute(
                    "return document.readyState === 'complete' ? document.documentElement.lang : null;",
                    vec![],
                )
                .await
                .unwrap_or(json!(null));
            if now == json!(lang) {
                break;
            }
            rocket::tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(now, json!(lang), "a tap on {lang} switches to it");
    }
    b.close().await.unwrap();
    assert_accessible(&faults);
}

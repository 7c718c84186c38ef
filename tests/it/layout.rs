//! What a person sees of a page in a real browser: faults of layout a test can find (a page
//! wider than its window, a table wider than its box, a button's text cut off), the window
//! at an exact size, and screenshots to look at.

use fantoccini::Client;
use serde_json::json;

/// What the layout must never do, as found on the page now: one line per fault.
const LAYOUT_FAULTS: &str = r#"
const strict = arguments[0];
const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
  + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
const scroller = e => {
  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll') return p;
  }
  return null;
};
const faults = [];
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth) {
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(0, 6).map(describe).join(', ');
  faults.push(`page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window: ${wide}`);
}
for (const t of document.querySelectorAll('main table')) {
  const box = t.parentElement;
  const width = Math.ceil(t.getBoundingClientRect().width);
  const s = scroller(t);
  if (width <= box.clientWidth + 1 && (!s || s.scrollWidth <= s.clientWidth)) continue;
  if (!s) {
    faults.push(`table ${describe(t)} is ${width}px wide in a ${box.clientWidth}px box that does not scroll`);
  } else if (s.getAttribute('role') !== 'region' || s.getAttribute('tabindex') !== '0'
             || !(s.getAttribute('aria-label') || s.getAttribute('aria-labelledby'))) {
    faults.push(`table ${describe(t)} scrolls in ${describe(s)}, which is no labelled region a keyboard can reach`);
  } else if (strict) {
    faults.push(`table ${describe(t)} needs ${s.scrollWidth}px but has ${s.clientWidth}px: on a desktop it must fit`);
  }
}
// a control's text must lie inside it, and the control inside every box that clips
const inside = (r, o) => r.left >= o.left - 1 && r.right <= o.right + 1;
for (const b of document.querySelectorAll('button, .button, summary')) {
  if (b.getClientRects().length === 0) continue;
  const box = b.getBoundingClientRect();
  // the text on show (not the words kept for screen readers in a 1-pixel box)
  const shown = [];
  const walk = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    let hidden = false;
    for (let e = t.parentElement; e && e !== b; e = e.parentElement) {
      if (e.getBoundingClientRect().width <= 1) hidden = true;
    }
    if (hidden) continue;
    const range = document.createRange();
    range.selectNodeContents(t);
    shown.push(...[...range.getClientRects()].filter(r => r.width > 1));
  }
  if (b.scrollWidth > b.clientWidth + 1 || shown.some(r => !inside(r, box))) {
    faults.push(`text of ${describe(b)} "${b.textContent.trim()}" is cut off: needs ${b.scrollWidth}px, has ${b.clientWidth}px`);
    continue;
  }
  for (let p = b.parentElement; p && p !== document.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if ((o === 'hidden' || o === 'clip') && !inside(box, p.getBoundingClientRect())) {
      faults.push(`${describe(b)} "${b.textContent.trim()}" is cut off by ${describe(p)}`);
      break;
    }
  }
}
return faults;
"#;

pub async fn layout_faults(b: &Client, what: &str, strict: bool) -> Vec<String> {
    let found = b
        .execute(LAYOUT_FAULTS, vec![json!(strict)])
        .await
        .expect("layout check runs");
    found
        .as_array()
        .expect("a list")
        .iter()
        .map(|f| format!("{what}: {}", f.as_str().unwrap_or("?")))
        .collect()
}

/// Where the screenshots of `set` go: `$TREFFPUNKT_SCREENSHOTS/<set>`, else
/// `screenshots/<set>` in Cargo's target directory.
pub fn screenshot_dir(set: &str) -> std::path::PathBuf {
    let dir = std::env::var_os("TREFFPUNKT_SCREENSHOTS").map_or_else(
        || {
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
                .parent()
                .expect("target dir")
                .join("screenshots")
        },
        std::path::PathBuf::from,
    );
    let dir = dir.join(set);
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// Two pictures: the window as a person first sees it (`<name>-<w>x<h>.png`), and the whole
/// page at this width (`<name>-<w>-full.png`), for which the window grows to the page's
/// height and then returns to the size under test.
pub async fn screenshots(b: &Client, dir: &std::path::Path, name: &str, (w, h): (u32, u32)) {
    let png = b.screenshot().await.expect("screenshot");
    std::fs::write(dir.join(format!("{name}-{w}x{h}.png")), png).expect("screenshot saved");
    let height = b
        .execute("return document.documentElement.scrollHeight;", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap_or(u64::from(h));
    let tall = u32::try_from(height).unwrap_or(h).clamp(h, 6000);
    resize(b, w, tall).await;
    let png = b.screenshot().await.expect("screenshot");
    std::fs::write(dir.join(format!("{name}-{w}-full.png")), png).expect("screenshot saved");
    resize(b, w, h).await;
}

/// Makes the page's viewport (not the window around it) `w`×`h`.
pub async fn resize(b: &Client, w: u32, h: u32) {
    b.set_window_size(w, h).await.unwrap();
    let inner = b
        .execute("return [window.innerWidth, window.innerHeight];", vec![])
        .await
        .unwrap();
    let px = |i: usize| u32::try_from(inner[i].as_u64().unwrap_or(0)).unwrap_or(0);
    let (extra_w, extra_h) = (w.saturating_sub(px(0)), h.saturating_sub(px(1)));
    if extra_w > 0 || extra_h > 0 {
        b.set_window_size(w + extra_w, h + extra_h).await.unwrap();
    }
}

//! Meeting descriptions: Markdown in, sanitised HTML out.

use pulldown_cmark::{Options, Parser, html};

/// [`to_safe_html`] remembered by the text's hash: sanitising is the dearest part of
/// showing a meeting, and descriptions rarely change.
pub fn to_safe_html_cached(markdown: &str) -> std::sync::Arc<str> {
    use std::collections::HashMap;
    use std::hash::{Hash, Hasher};
    use std::sync::{Arc, Mutex, OnceLock};
    static CACHE: OnceLock<Mutex<HashMap<u64, Arc<str>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    markdown.hash(&mut h);
    let key = h.finish();
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let html: Arc<str> = to_safe_html(markdown).into();
    if let Ok(mut c) = cache.lock() {
        // bounded: a few thousand meetings at most are shown at any time
        if c.len() >= 4096 {
            c.clear();
        }
        c.insert(key, html.clone());
    }
    html
}

/// Renders Markdown and strips anything unsafe (scripts, event handlers, `javascript:`
/// links) with ammonia's allow-list.
pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    ammonia::clean(&unsafe_html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_formatting_and_drops_scripts() {
        let html = to_safe_html(
            "**Wichtig**: [Anfahrt](https://example.org)\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        );
        assert!(html.contains("<strong>Wichtig</strong>"));
        assert!(html.contains("href=\"https://example.org\""));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onerror"));
    }
}

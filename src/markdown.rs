//! Meeting descriptions: Markdown in, sanitised HTML out.

use pulldown_cmark::{Options, Parser, html};

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

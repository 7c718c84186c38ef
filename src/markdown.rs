//! Meeting descriptions: Markdown in, sanitised HTML out for pages, readable plain text
//! out for calendar entries and mails.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

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

/// Markdown as a person would type it in plain text: no `**` or `[…](…)` left, list items
/// as "- " (or "1. "), links as "text (address)", paragraphs apart by an empty line.
/// Calendar DESCRIPTIONs and the .ics in mails use it.
pub fn to_plain_text(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut out = String::with_capacity(markdown.len());
    // the next number of each open list (None: a bullet list)
    let mut lists: Vec<Option<u64>> = Vec::new();
    // where each open link's text began, and its address
    let mut links: Vec<(usize, String)> = Vec::new();
    let new_line = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    let new_block = |out: &mut String| {
        if out.is_empty() {
            return;
        }
        while !out.ends_with("\n\n") {
            out.push('\n');
        }
    };
    for event in parser {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => {
                new_line(&mut out);
                let depth = lists.len().saturating_sub(1);
                out.push_str(&"  ".repeat(depth));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Item) => new_line(&mut out),
            Event::Start(Tag::List(first)) => {
                if lists.is_empty() {
                    new_block(&mut out);
                } else {
                    new_line(&mut out);
                }
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    new_block(&mut out);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push((out.len(), dest_url.into())),
            Event::End(TagEnd::Link) => {
                if let Some((from, url)) = links.pop() {
                    let text = out[from..].trim();
                    let bare = url.strip_prefix("mailto:").unwrap_or(&url);
                    if !url.is_empty() && text != url && text != bare {
                        out.push_str(&format!(" ({url})"));
                    }
                }
            }
            // a paragraph inside a list item stays on the item's line
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_))
                if lists.is_empty() =>
            {
                new_block(&mut out)
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock)
            | Event::Rule => {
                if lists.is_empty() {
                    new_block(&mut out);
                } else {
                    new_line(&mut out);
                }
            }
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                let trimmed = out.trim_end_matches(" | ").len();
                out.truncate(trimmed);
                out.push('\n');
            }
            Event::End(TagEnd::Table) => new_block(&mut out),
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
            // raw HTML has no place in plain text; everything else adds no text
            _ => {}
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_reads_like_typed_text() {
        let text = to_plain_text(
            "Der **Runde Tisch Integration** lädt ein.\n\n## Programm\n\n* Begrüßung\n* Vortrag von *Frau Gründler*\n\n1. eins\n2. zwei\n\nMehr unter [Landkreis](https://example.org/a) oder <https://example.org/b>, Mail an [amt@example.org](mailto:amt@example.org).",
        );
        assert_eq!(
            text,
            "Der Runde Tisch Integration lädt ein.\n\nProgramm\n\n- Begrüßung\n- Vortrag von Frau Gründler\n\n1. eins\n2. zwei\n\nMehr unter Landkreis (https://example.org/a) oder https://example.org/b, Mail an amt@example.org."
        );
    }

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

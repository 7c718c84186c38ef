//! The one translation layer: Fluent files under `locales/`, German first.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime, TimeZone, Timelike};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use rocket_dyn_templates::tera;

fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "de",
        // Isolation marks around placeables would end up inside HTML attributes and mail
        // headers, so only right-to-left languages get them: there a German title or name
        // inside an Arabic sentence would otherwise have its punctuation moved around.
        customise: |bundle| {
            let rtl = bundle.locales.first().is_some_and(|l| is_rtl(l.language.as_str()));
            bundle.set_use_isolating(rtl)
        },
    };
}

/// Languages the whole public side and the mails are translated into; the first is the
/// default. The back office (`staff.ftl`) exists in German and English only; its messages
/// fall back to German in the other languages.
pub const SUPPORTED: &[&str] = &["de", "en", "ar", "uk", "tr", "fa", "ru"];

/// Native names for the language switch.
/// `lang` when it is one of ours, else the default (German): for languages stored as text.
pub fn supported(lang: &str) -> &'static str {
    SUPPORTED
        .iter()
        .find(|s| **s == lang.trim())
        .copied()
        .unwrap_or(SUPPORTED[0])
}

pub fn native_name(lang: &str) -> &'static str {
    match lang {
        "en" => "English",
        "ar" => "العربية",
        "uk" => "Українська",
        "tr" => "Türkçe",
        // Persian as Iran and Afghanistan (Dari) write it: both readers find their name.
        "fa" => "فارسی/دری",
        "ru" => "Русский",
        _ => "Deutsch",
    }
}

/// Languages written right to left.
pub fn is_rtl(lang: &str) -> bool {
    matches!(lang, "ar" | "fa" | "he" | "ur" | "ps" | "ckb")
}

/// The value of the `dir` attribute for a language.
pub fn direction(lang: &str) -> &'static str {
    if is_rtl(lang) { "rtl" } else { "ltr" }
}

fn langid(lang: &str) -> LanguageIdentifier {
    lang.parse()
        .unwrap_or_else(|_| fluent_templates::langid!("de"))
}

pub type Args = HashMap<Cow<'static, str>, FluentValue<'static>>;

/// The message `key` in `lang`, falling back to German; `None` when no file has it.
pub fn try_text(lang: &str, key: &str, args: Option<&Args>) -> Option<String> {
    LOCALES.try_lookup_complete(&langid(lang), key, args)
}

/// The message `key` in `lang`. A missing key shows as itself, so a page never breaks;
/// the i18n tests make sure none is missing.
pub fn text(lang: &str, key: &str) -> String {
    try_text(lang, key, None).unwrap_or_else(|| key.to_owned())
}

pub fn text_with(lang: &str, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args: Args = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
        .collect();
    try_text(lang, key, Some(&args)).unwrap_or_else(|| key.to_owned())
}

/// Whether `lang` itself (without falling back) has `key`: for the completeness tests.
pub fn has_own(lang: &str, key: &str) -> bool {
    // A message that needs arguments fails to format without them, but it exists; the
    // crate does not export its error type, so tell the cases apart by the variant's name.
    match LOCALES.lookup_single_language::<&str>(&langid(lang), key, None) {
        Ok(_) => true,
        Err(e) => format!("{e:?}").starts_with("FluentError"),
    }
}

/// Picks the best supported language from an `Accept-Language` header.
pub fn negotiate(accept_language: &str) -> Option<&'static str> {
    let mut best: Option<(&'static str, f32)> = None;
    for part in accept_language.split(',') {
        let mut pieces = part.trim().split(';');
        let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = pieces
            .find_map(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
            })
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(lang) = SUPPORTED.iter().find(|l| **l == primary)
            && q > 0.0
            && best.is_none_or(|(_, bq)| q > bq)
        {
            best = Some((lang, q));
        }
    }
    best.map(|(l, _)| l)
}

/// Date and time of a meeting, in words of the visitor's language and the site's zone.
pub struct Formatter {
    pub lang: &'static str,
    pub tz: chrono_tz::Tz,
}

/// A date or time span without the isolation marks of its parts. They are all in the page's
/// own script, so the marks protect nothing, and a text made only of isolated parts would,
/// placed into another message, be isolated as left to right: an Arabic date would read
/// backwards.
fn without_isolation(text: String) -> String {
    if text.contains(['\u{2068}', '\u{2069}']) {
        text.replace(['\u{2068}', '\u{2069}'], "")
    } else {
        text
    }
}

impl Formatter {
    pub fn date(&self, utc: NaiveDateTime) -> String {
        let local = self.tz.from_utc_datetime(&utc);
        without_isolation(text_with(
            self.lang,
            "date-long",
            &[
                (
                    "weekday",
                    text(
                        self.lang,
                        &format!("weekday-{}", local.weekday().number_from_monday()),
                    )
                    .into(),
                ),
                ("day", local.day().to_string().into()),
                (
                    "month",
                    text(self.lang, &format!("month-{}", local.month())).into(),
                ),
                ("year", local.year().to_string().into()),
            ],
        ))
    }

    pub fn time(&self, utc: NaiveDateTime) -> String {
        let local = self.tz.from_utc_datetime(&utc);
        format!("{:02}:{:02}", local.hour(), local.minute())
    }

    /// "Dienstag, 1. Dezember 2026, 18:00–20:00 Uhr"; a meeting over several days names both dates.
    pub fn span(&self, start: NaiveDateTime, end: NaiveDateTime) -> String {
        let same_day = self.tz.from_utc_datetime(&start).date_naive()
            == self.tz.from_utc_datetime(&end).date_naive();
        without_isolation(if same_day {
            text_with(
                self.lang,
                "datetime-span",
                &[
                    ("date", self.date(start).into()),
                    ("start", self.time(start).into()),
                    ("end", self.time(end).into()),
                ],
            )
        } else {
            text_with(
                self.lang,
                "datetime-span-days",
                &[
                    ("startdate", self.date(start).into()),
                    ("start", self.time(start).into()),
                    ("enddate", self.date(end).into()),
                    ("end", self.time(end).into()),
                ],
            )
        })
    }

    /// ISO 8601 with offset, for `<time datetime>` and the API.
    pub fn iso(&self, utc: NaiveDateTime) -> String {
        self.tz.from_utc_datetime(&utc).to_rfc3339()
    }
}

/// HTML escaping for templates: the five characters that matter in text and quoted
/// attributes. Tera's default also escapes `/`, which makes links unreadable in the source.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// `t(key="…", lang=lang, name=value…)` in templates.
pub struct TeraTranslate;

impl tera::Function for TeraTranslate {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(tera::Value::as_str)
            .ok_or_else(|| tera::Error::msg("t(): `key` is required"))?;
        let lang = args
            .get("lang")
            .and_then(tera::Value::as_str)
            .unwrap_or("de");
        let mut fluent_args = Args::new();
        for (name, value) in args {
            if name == "key" || name == "lang" {
                continue;
            }
            let v = match value {
                tera::Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or(0.0)),
                tera::Value::String(s) => FluentValue::from(s.clone()),
                other => FluentValue::from(other.to_string()),
            };
            fluent_args.insert(Cow::Owned(name.clone()), v);
        }
        try_text(lang, key, Some(&fluent_args))
            .map(tera::Value::String)
            .ok_or_else(|| tera::Error::msg(format!("missing translation: {key}")))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn the_higher_quality_wins() {
        assert_eq!(negotiate("fr, en;q=0.8, de;q=0.9"), Some("de"));
        assert_eq!(negotiate("de;q=0, en-GB;q=0.1"), Some("en"));
        assert_eq!(negotiate("fr, tr"), Some("tr"));
        assert_eq!(negotiate("fr, it"), None);
    }

    fn part() -> impl Strategy<Value = String> {
        (
            prop_oneof![
                Just("de".to_owned()),
                Just("EN-us".to_owned()),
                "[a-zA-Z*-]{0,10}"
            ],
            prop::option::of(prop_oneof![
                (0.0f32..=1.0).prop_map(|q| format!("q={q:.3}")),
                "q=\\PC{0,6}",
                "\\PC{0,8}",
            ]),
        )
            .prop_map(|(tag, q)| match q {
                Some(q) => format!("{tag};{q}"),
                None => tag,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_header_gives_a_supported_language_or_none(h in "\\PC{0,80}") {
            if let Some(l) = negotiate(&h) {
                prop_assert!(SUPPORTED.contains(&l));
                prop_assert!(h.to_ascii_lowercase().contains(l));
            }
        }

        #[test]
        fn a_listed_supported_language_is_found(parts in prop::collection::vec(part(), 0..6), lang in prop::sample::select(SUPPORTED)) {
            // a supported language with full quality, anywhere in the list, is never lost
            let mut parts = parts;
            parts.push(lang.to_owned());
            let h = parts.join(", ");
            prop_assert!(negotiate(&h).is_some(), "{}", h);
        }

        #[test]
        fn a_refused_language_is_never_chosen(lang in prop::sample::select(SUPPORTED), rest in "[a-z]{2}(-[A-Z]{2})?") {
            prop_assume!(!rest.starts_with(lang));
            let h = format!("{lang};q=0, {rest}");
            prop_assert_ne!(negotiate(&h), Some(lang));
        }
    }
}

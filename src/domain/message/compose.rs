//! How a message reads for one person: the version in their language if there is one,
//! else the original; the placeholders `{name}`, `{meeting}` and `{link}` filled in; the
//! Markdown as sanitised HTML and as readable plain text, with a closing line of ours in
//! the language of the version.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Recipient;
use crate::domain::FieldErrors;
use crate::domain::document::DocumentInfo;
use crate::domain::links::{Pass, document_link};
use crate::i18n;

pub const MAX_SUBJECT: usize = 200;
pub const MAX_BODY: usize = 20_000;

/// A subject and a text in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, rocket::FromForm)]
pub struct Version {
    #[field(default = String::new())]
    pub subject: String,
    #[field(default = String::new())]
    pub body: String,
}

/// What the organiser typed, as the form sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, rocket::FromForm)]
pub struct DraftInput {
    pub subject: String,
    pub body: String,
    /// The language the original is written in.
    pub language: String,
    /// Further versions by language code; empty ones count as none.
    pub versions: BTreeMap<String, Version>,
}

/// A message whose every rule held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub original: Version,
    pub language: &'static str,
    /// Only languages of ours other than the original's, each with subject and text.
    pub versions: BTreeMap<&'static str, Version>,
    /// Documents of the meeting linked below the text, `(id, title)`: each person's link
    /// carries their own secret, so it opens for them and for nobody else.
    pub documents: Vec<(i64, String)>,
}

fn check_version(
    v: &Version,
    (subject_field, body_field): (&'static str, &'static str),
    errors: &mut FieldErrors,
) -> Version {
    let subject = v.subject.trim();
    let body = v.body.trim();
    if subject.is_empty() {
        errors.insert(subject_field, "message-error-subject");
    } else if subject.chars().count() > MAX_SUBJECT || subject.contains(['\r', '\n']) {
        errors.insert(subject_field, "message-error-subject-long");
    }
    if body.is_empty() {
        errors.insert(body_field, "message-error-body");
    } else if body.chars().count() > MAX_BODY {
        errors.insert(body_field, "message-error-body-long");
    }
    Version {
        subject: subject.to_owned(),
        body: body.to_owned(),
    }
}

impl DraftInput {
    pub fn check(&self) -> Result<Draft, FieldErrors> {
        let mut errors = FieldErrors::new();
        let original = check_version(
            &Version {
                subject: self.subject.clone(),
                body: self.body.clone(),
            },
            ("subject", "body"),
            &mut errors,
        );
        let language = i18n::supported(&self.language);
        let mut versions = BTreeMap::new();
        for lang in i18n::SUPPORTED.iter().copied().filter(|l| *l != language) {
            let Some(v) = self.versions.get(lang) else {
                continue;
            };
            if v.subject.trim().is_empty() && v.body.trim().is_empty() {
                continue;
            }
            // a half-filled version would silently send the original: say so instead
            let fields = version_fields(lang);
            versions.insert(lang, check_version(v, fields, &mut errors));
        }
        if errors.is_empty() {
            Ok(Draft {
                original,
                language,
                versions,
                documents: Vec::new(),
            })
        } else {
            Err(errors)
        }
    }
}

impl Draft {
    /// Links the documents `chosen` (ids as the form sends them) of those the meeting's
    /// participants may read, `offered`; anything else is refused at `documents`.
    pub fn with_documents(
        mut self,
        chosen: &[String],
        offered: &[DocumentInfo],
    ) -> Result<Draft, FieldErrors> {
        let mut linked = Vec::with_capacity(chosen.len());
        for c in chosen {
            match offered.iter().find(|d| c.trim().parse::<i64>() == Ok(d.id)) {
                Some(d) if !linked.iter().any(|(id, _)| *id == d.id) => {
                    linked.push((d.id, d.title.clone()))
                }
                Some(_) => {}
                None => {
                    return Err([("documents", "message-error-document")]
                        .into_iter()
                        .collect());
                }
            }
        }
        self.documents = linked;
        Ok(self)
    }
}

/// The form's field names of a version, as `FieldErrors` keys.
fn version_fields(lang: &str) -> (&'static str, &'static str) {
    match lang {
        "de" => ("versions-de-subject", "versions-de-body"),
        "en" => ("versions-en-subject", "versions-en-body"),
        "ar" => ("versions-ar-subject", "versions-ar-body"),
        "uk" => ("versions-uk-subject", "versions-uk-body"),
        "fa" => ("versions-fa-subject", "versions-fa-body"),
        "ru" => ("versions-ru-subject", "versions-ru-body"),
        _ => ("versions-tr-subject", "versions-tr-body"),
    }
}

impl Draft {
    /// The version a person of `lang` gets, with its language.
    pub fn version_for(&self, lang: &str) -> (&Version, &'static str) {
        match self.versions.get_key_value(lang) {
            Some((l, v)) => (v, l),
            None => (&self.original, self.language),
        }
    }

    /// The further versions as stored with the message.
    pub fn versions_json(&self) -> String {
        serde_json::to_string(&self.versions).unwrap_or_else(|_| "{}".into())
    }
}

/// One person's mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub lang: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Backslashes before ASCII punctuation: a name or title read as text, never as Markdown.
fn markdown_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn fill(template: &str, name: &str, meeting: &str, link: &str) -> String {
    template
        .replace("{name}", name)
        .replace("{meeting}", meeting)
        .replace("{link}", link)
}

/// What a message says about its meeting besides the organiser's text.
#[derive(Debug, Clone, Copy)]
pub struct About<'a> {
    pub meeting: &'a str,
    /// The address for questions: the meeting's contact, else its office's.
    pub contact: Option<&'a str>,
    /// Makes the personal link absolute.
    pub base_url: &'a str,
}

/// Our closing lines, in the language of the version: why the mail came, the person's own
/// link, how to stop such mail (registrations), whom to ask.
fn closing(lang: &str, to: &Recipient, about: &About<'_>, link: &str) -> Vec<String> {
    let arg = |k: &'static str, v: &str| [(k, v.to_owned().into())];
    let mut lines = vec![i18n::text_with(
        lang,
        "message-mail-footer",
        &arg("meeting", about.meeting),
    )];
    if to.registration_id.is_some() {
        lines.push(i18n::text_with(
            lang,
            "message-mail-registration",
            &arg("link", link),
        ));
        lines.push(i18n::text(lang, "message-mail-stop"));
    } else {
        lines.push(i18n::text_with(
            lang,
            "message-mail-invitation",
            &arg("link", link),
        ));
    }
    if let Some(c) = about.contact.filter(|c| !c.trim().is_empty()) {
        lines.push(i18n::text_with(
            lang,
            "message-mail-contact",
            &arg("contact", c),
        ));
    }
    lines
}

/// The mail `draft` makes for `to`.
pub fn letter(draft: &Draft, to: &Recipient, about: &About<'_>) -> Letter {
    let meeting = about.meeting;
    let (v, lang) = draft.version_for(&to.language);
    let link = format!("{}{}", about.base_url.trim_end_matches('/'), to.link);
    let subject = fill(&v.subject, &to.name, meeting, &link);
    // `<…>` makes the address a link on its own and is also a valid `[text](<…>)` target
    let mut markdown = fill(
        &v.body,
        &markdown_literal(&to.name),
        &markdown_literal(meeting),
        &format!("<{link}>"),
    );
    if !draft.documents.is_empty() {
        let pass = match to.registration_id {
            Some(_) => Pass::Registration(&to.token),
            None => Pass::Invitation(&to.token),
        };
        markdown.push_str(&format!(
            "\n\n**{}**\n",
            i18n::text(lang, "message-mail-documents")
        ));
        for (id, title) in &draft.documents {
            let href = format!(
                "{}{}",
                about.base_url.trim_end_matches('/'),
                document_link(*id, pass)
            );
            markdown.push_str(&format!("\n- [{}](<{href}>)", markdown_literal(title)));
        }
    }
    let footer = closing(lang, to, about, &link);
    let text = format!(
        "{}\n\n-- \n{}\n",
        crate::markdown::to_plain_text(&markdown),
        footer.join("\n")
    );
    let esc = i18n::escape_html;
    let footer_html: Vec<String> = footer.iter().map(|l| linked(&esc(l), &link)).collect();
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; max-width: 40em\">\n\
         {body}\n<hr>\n<p style=\"color: #555; font-size: 90%\">{footer}</p>\n</body></html>\n",
        dir = i18n::direction(lang),
        title = esc(&subject),
        body = crate::markdown::to_safe_html(&markdown),
        footer = footer_html.join("<br>\n"),
    );
    Letter {
        lang,
        subject,
        text,
        html,
    }
}

/// The person's link in an escaped line of ours, made clickable.
fn linked(escaped: &str, link: &str) -> String {
    let shown = i18n::escape_html(link);
    escaped.replace(&shown, &format!("<a href=\"{shown}\">{shown}</a>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        DraftInput {
            subject: "Raum für {meeting}".into(),
            body: "Hallo {name},\n\n**neuer Raum**. [Ihre Anmeldung]({link})".into(),
            language: "de".into(),
            versions: [(
                "en".to_owned(),
                Version {
                    subject: "Room for {meeting}".into(),
                    body: "Hello {name}, see {link}".into(),
                },
            )]
            .into(),
        }
        .check()
        .unwrap()
    }

    fn about(base_url: &str) -> About<'_> {
        About {
            meeting: "Runder Tisch",
            contact: Some("amt@example.org"),
            base_url,
        }
    }

    fn to(lang: &str, name: &str) -> Recipient {
        Recipient {
            registration_id: Some(1),
            name: name.into(),
            email: "a@example.org".into(),
            language: lang.into(),
            link: "/r/abc".into(),
            token: "abc".into(),
        }
    }

    #[test]
    fn language_version_or_original_with_placeholders() {
        let d = draft();
        let en = letter(&d, &to("en", "Ben"), &about("https://x.example/"));
        assert_eq!(en.subject, "Room for Runder Tisch");
        assert!(
            en.text
                .starts_with("Hello Ben, see https://x.example/r/abc")
        );
        assert!(en.html.contains("href=\"https://x.example/r/abc\""));
        let tr = letter(&d, &to("tr", "Ayşe"), &about("https://x.example"));
        assert_eq!(tr.lang, "de");
        assert!(tr.html.contains("<strong>neuer Raum</strong>"));
        assert!(tr.text.contains("Ihre Anmeldung (https://x.example/r/abc)"));
    }

    #[test]
    fn a_name_is_text_not_markup() {
        let d = draft();
        let l = letter(&d, &to("de", "<b>*Eve*</b>"), &about("https://x"));
        assert!(l.html.contains("&lt;b&gt;*Eve*&lt;/b&gt;"), "{}", l.html);
        assert!(l.text.contains("Hallo <b>*Eve*</b>,"), "{}", l.text);
    }

    #[test]
    fn half_a_version_is_refused() {
        let mut input = DraftInput {
            subject: "S".into(),
            body: "B".into(),
            language: "de".into(),
            ..Default::default()
        };
        input.versions.insert(
            "ar".into(),
            Version {
                subject: "عنوان".into(),
                body: " ".into(),
            },
        );
        let errors = input.check().unwrap_err();
        assert_eq!(errors.get("versions-ar-body"), Some(&"message-error-body"));
    }
}

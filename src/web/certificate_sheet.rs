//! One attendance certificate's words and check code, for the printable page and the PDF
//! alike: the text in the person's registration language and, unless that is German, in
//! German beside it (offices and funders read German; the person reads their own).

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::domain::certificate::Certificate;
use crate::domain::event::EventDetail;
use crate::domain::registration::Registration;
use crate::i18n::{self, Formatter};

/// The text of the certificate in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub lang: &'static str,
    pub dir: &'static str,
    pub title: String,
    pub body: String,
    /// (label, value): meeting, date and time, duration, place, organiser.
    pub facts: Vec<(String, String)>,
    pub signature: String,
    /// "Echtheit prüfen:" and "Prüfcode: 7KQM-2X9D-HW4A".
    pub check: String,
    pub code_line: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    pub parts: Vec<Part>,
    pub name: String,
    /// `7KQM-2X9D-HW4A`
    pub code: String,
    /// The public check page of this certificate.
    pub check_url: String,
    pub qr_label: String,
    /// The QR code as inline SVG for the printable page.
    pub qr: Option<String>,
}

/// The languages of a person's certificate: theirs first, then German.
pub fn languages(r: &Registration) -> Vec<&'static str> {
    let own = i18n::supported(&r.language);
    if own == "de" {
        vec!["de"]
    } else {
        vec![own, "de"]
    }
}

/// "2 Stunden", "1 Stunde 30 Minuten", "45 Minuten".
pub fn duration(lang: &str, start: NaiveDateTime, end: NaiveDateTime) -> String {
    let minutes = (end - start).num_minutes().max(0);
    let (h, m) = (minutes / 60, minutes % 60);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(i18n::text_with(
            lang,
            "certificate-hours",
            &[("count", h.into())],
        ));
    }
    if m > 0 || h == 0 {
        parts.push(i18n::text_with(
            lang,
            "certificate-minutes",
            &[("count", m.into())],
        ));
    }
    parts.join(" ")
}

fn part(
    lang: &'static str,
    tz: chrono_tz::Tz,
    r: &Registration,
    d: &EventDetail,
    code: &str,
) -> Part {
    let e = &d.event;
    let fmt = Formatter { lang, tz };
    let t = |key: &str| i18n::text(lang, key);
    let place = crate::domain::event::place_line(&e.venue_name, e.venue_room.as_deref(), &e.town);
    Part {
        lang,
        dir: i18n::direction(lang),
        title: t("certificate-title"),
        body: i18n::text_with(lang, "certificate-body", &[("name", r.name.clone().into())]),
        facts: vec![
            (t("certificate-meeting"), e.title.clone()),
            (t("certificate-when"), fmt.span(e.starts_at, e.ends_at)),
            (
                t("certificate-duration"),
                duration(lang, e.starts_at, e.ends_at),
            ),
            (t("certificate-place"), place),
            (t("certificate-office"), d.office.name.clone()),
        ],
        signature: t("certificate-signature"),
        check: t("certificate-check"),
        code_line: i18n::text_with(
            lang,
            "certificate-code",
            &[("code", code.to_owned().into())],
        ),
    }
}

/// The sheet of `r`'s certificate `c`; `public_url` is the site's base for the check link.
pub fn sheet(
    r: &Registration,
    c: &Certificate,
    d: &EventDetail,
    tz: chrono_tz::Tz,
    public_url: &str,
) -> Sheet {
    let langs = languages(r);
    let code = c.display_code();
    let parts: Vec<Part> = langs.iter().map(|l| part(l, tz, r, d, &code)).collect();
    let check_url = format!("{}/certificate/{code}", public_url.trim_end_matches('/'));
    // the label of the picture, in the person's language
    let qr_label = i18n::text(langs[0], "certificate-qr-label");
    Sheet {
        qr: crate::qr::svg(&check_url, &qr_label),
        qr_label,
        name: r.name.clone(),
        code,
        check_url,
        parts,
    }
}

/// Adds one certificate to a PDF, starting on a fresh page unless it is the first.
pub fn push_pdf(doc: &mut crate::pdf::Document, sheet: &Sheet, first: bool) {
    use crate::pdf::Block;
    if !first {
        doc.page_break();
    }
    for (i, p) in sheet.parts.iter().enumerate() {
        if i > 0 {
            doc.push(Block::Gap(14.0));
        }
        doc.push(if i == 0 {
            Block::Title(p.title.clone())
        } else {
            Block::Heading(p.title.clone())
        });
        doc.push(Block::Text(p.body.clone()));
        for (label, value) in &p.facts {
            doc.push(Block::Text(format!("{label}: {value}")));
        }
    }
    doc.push(Block::Gap(30.0));
    let signature = sheet
        .parts
        .iter()
        .map(|p| p.signature.clone())
        .collect::<Vec<_>>();
    doc.push(Block::Signature(signature[0].clone()));
    for more in &signature[1..] {
        doc.push(Block::Small(more.clone()));
    }
    doc.push(Block::Gap(18.0));
    let mut caption: Vec<String> = Vec::new();
    for p in &sheet.parts {
        caption.push(p.check.clone());
        caption.push(p.code_line.clone());
    }
    caption.push(sheet.check_url.clone());
    doc.push(Block::Qr {
        payload: sheet.check_url.clone(),
        size: 90.0,
        caption,
    });
}

/// The PDF of some certificates, one page each (`lang` is the document's main language).
pub fn pdf(sheets: &[Sheet], title: &str, lang: &str) -> Result<Vec<u8>, crate::pdf::PdfError> {
    let mut doc = crate::pdf::Document::new(title, lang);
    for (i, s) in sheets.iter().enumerate() {
        push_pdf(&mut doc, s, i == 0);
    }
    doc.render()
}

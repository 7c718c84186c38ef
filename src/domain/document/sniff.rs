//! What a file is, read from its first bytes and (for office files) its zip directory, never
//! from its name or the type the browser claimed: a program renamed to `.pdf` stays a
//! program and is refused.

/// The types a meeting's documents may have, with the extensions their names may carry
/// (the first is given to a name that carries none of them).
const KINDS: &[(&str, &[&str])] = &[
    ("application/pdf", &["pdf"]),
    ("image/png", &["png"]),
    ("image/jpeg", &["jpg", "jpeg"]),
    ("image/gif", &["gif"]),
    ("image/webp", &["webp"]),
    (DOCX, &["docx", "docm", "dotx"]),
    (XLSX, &["xlsx", "xlsm", "xltx"]),
    (PPTX, &["pptx", "pptm", "potx"]),
    ("application/msword", &["doc", "dot"]),
    ("application/vnd.ms-excel", &["xls", "xlt"]),
    ("application/vnd.ms-powerpoint", &["ppt", "pot", "pps"]),
];

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX: &str = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
const ODF_PREFIX: &str = "application/vnd.oasis.opendocument.";
const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The content type of an accepted file, or `None` for anything else. `name` only tells
/// apart the legacy Office formats, which share one container (as do installers, which
/// stay refused).
pub fn content_type(bytes: &[u8], name: &str) -> Option<String> {
    let simple: &[(&[u8], &str)] = &[
        (b"%PDF-", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xFF\xD8\xFF", "image/jpeg"),
        (b"GIF87a", "image/gif"),
        (b"GIF89a", "image/gif"),
    ];
    if let Some((_, ct)) = simple.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some((*ct).to_owned());
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("image/webp".into());
    }
    if bytes.starts_with(OLE2) {
        let ext = extension(name)?;
        return [
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
        ]
        .into_iter()
        .find(|ct| extensions_of(ct).contains(&ext.as_str()))
        .map(str::to_owned);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return office_zip(bytes);
    }
    None
}

/// The extensions a name of this type may end in.
pub fn extensions_of(content_type: &str) -> &'static [&'static str] {
    if let Some(kind) = content_type.strip_prefix(ODF_PREFIX) {
        return match kind {
            "text" => &["odt"],
            "spreadsheet" => &["ods"],
            "presentation" => &["odp"],
            "graphics" => &["odg"],
            _ => &["odf"],
        };
    }
    KINDS
        .iter()
        .find(|(ct, _)| *ct == content_type)
        .map_or(&[], |(_, exts)| exts)
}

fn extension(name: &str) -> Option<String> {
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// A name that says what the file is: the extension of its real type is added when the
/// name carries another one (a PNG called `agenda.pdf` becomes `agenda.pdf.png`).
pub fn fitting_name(name: &str, content_type: &str) -> String {
    let exts = extensions_of(content_type);
    match extension(name) {
        Some(ext) if exts.contains(&ext.as_str()) => name.to_owned(),
        _ => match exts.first() {
            Some(first) => format!("{name}.{first}"),
            None => name.to_owned(),
        },
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// The entry names of a zip file, from its central directory.
fn zip_names(b: &[u8]) -> Option<Vec<&[u8]>> {
    // the end record is in the last 22 + 65535 bytes (its comment is at most that long)
    let from = b.len().saturating_sub(22 + 65_535);
    let end = (from..b.len().saturating_sub(21))
        .rev()
        .find(|&i| b[i..].starts_with(b"PK\x05\x06"))?;
    let count = u16_at(b, end + 10)?;
    let mut at = u32_at(b, end + 16)?;
    let mut names = Vec::with_capacity(count.min(4096));
    for _ in 0..count.min(4096) {
        if !b.get(at..)?.starts_with(b"PK\x01\x02") {
            return None;
        }
        let (name_len, extra, comment) = (
            u16_at(b, at + 28)?,
            u16_at(b, at + 30)?,
            u16_at(b, at + 32)?,
        );
        names.push(b.get(at + 46..at + 46 + name_len)?);
        at += 46 + name_len + extra + comment;
    }
    Some(names)
}

/// OOXML (entries under `word/`, `xl/` or `ppt/`) or ODF (a `mimetype` entry, stored
/// first, naming an OpenDocument type); any other zip is refused.
fn office_zip(b: &[u8]) -> Option<String> {
    let names = zip_names(b)?;
    let under = |dir: &[u8]| names.iter().any(|n| n.starts_with(dir));
    if names.iter().any(|n| *n == b"mimetype") {
        // the ODF rule: the first local entry is `mimetype`, uncompressed
        let name_len = u16_at(b, 26)?;
        let extra = u16_at(b, 28)?;
        if b.get(30..30 + name_len)? != b"mimetype" || u16_at(b, 8)? != 0 {
            return None;
        }
        let size = u32_at(b, 18)?;
        let start = 30 + name_len + extra;
        let value = std::str::from_utf8(b.get(start..start + size)?).ok()?;
        let ok = value.starts_with(ODF_PREFIX)
            && value.len() < 100
            && value
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || b".-+/".contains(&c));
        return ok.then(|| value.to_owned());
    }
    if under(b"word/") {
        Some(DOCX.into())
    } else if under(b"xl/") {
        Some(XLSX.into())
    } else if under(b"ppt/") {
        Some(PPTX.into())
    } else {
        None
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A zip of stored entries, as small as a test needs (no checksums: nothing reads them).
    pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let (mut out, mut central) = (Vec::new(), Vec::new());
        for (name, data) in entries {
            let offset = out.len() as u32;
            out.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(data.len() as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            central.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(data.len() as u32).to_le_bytes());
            central.extend_from_slice(&(name.len() as u16).to_le_bytes());
            central.extend_from_slice(&[0; 12]);
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let cd_offset = out.len() as u32;
        let n = entries.len() as u16;
        out.extend_from_slice(&central);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn the_content_decides_not_the_name() {
        assert_eq!(
            content_type(b"%PDF-1.7\n...", "x.png").as_deref(),
            Some("application/pdf")
        );
        assert_eq!(
            content_type(b"\x89PNG\r\n\x1a\n....", "a.pdf").as_deref(),
            Some("image/png")
        );
        assert_eq!(
            content_type(b"RIFF\0\0\0\0WEBPVP8 ", "a").as_deref(),
            Some("image/webp")
        );
        for refused in [&b"MZ\x90\0\x03"[..], b"<html><script>", b"#!/bin/sh\n", b""] {
            assert_eq!(content_type(refused, "agenda.pdf"), None);
        }
    }

    #[test]
    fn office_containers_are_told_apart() {
        let docx = stored_zip(&[
            ("[Content_Types].xml", b"<x/>"),
            ("word/document.xml", b"<w/>"),
        ]);
        assert_eq!(content_type(&docx, "a.docx").as_deref(), Some(DOCX));
        let odt = stored_zip(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<o/>"),
        ]);
        assert_eq!(
            content_type(&odt, "a.odt").as_deref(),
            Some("application/vnd.oasis.opendocument.text")
        );
        let plain = stored_zip(&[("evil.exe", b"MZ")]);
        assert_eq!(content_type(&plain, "a.docx"), None);
        let fake_odf = stored_zip(&[("mimetype", b"text/html")]);
        assert_eq!(content_type(&fake_odf, "a.odt"), None);
        let mut ole = OLE2.to_vec();
        ole.extend_from_slice(&[0; 64]);
        assert_eq!(
            content_type(&ole, "Protokoll.DOC").as_deref(),
            Some("application/msword")
        );
        assert_eq!(content_type(&ole, "setup.msi"), None);
    }

    #[test]
    fn names_say_what_the_file_is() {
        assert_eq!(fitting_name("agenda.pdf", "image/png"), "agenda.pdf.png");
        assert_eq!(fitting_name("Foto.JPG", "image/jpeg"), "Foto.JPG");
    }
}

//! Reading the office's sheet: UTF-8 with or without byte order mark or Windows-1252,
//! semicolons, commas or tabs (sniffed from the header line), quoted fields, German or
//! English column names, and the sheet's own words for kinds, roles and languages.

use super::super::organisation::kind_code;
use super::super::{ROLE_DEPUTY, ROLE_MEMBER};

/// The largest file taken, in bytes.
pub const MAX_BYTES: usize = 1024 * 1024;

/// One data row of the file as written, trimmed; `line` is where it starts in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub organisation: String,
    pub kind: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub role: String,
    pub language: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Organisation,
    Kind,
    Name,
    Email,
    Phone,
    Role,
    Language,
}

/// The column a header cell names, in German or English, ignoring case, spaces and dashes.
fn column(header: &str) -> Option<Column> {
    let h: String = header
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .collect();
    Some(match h.as_str() {
        "organisation" | "organization" | "organisationsname" | "einrichtung" | "partner" => {
            Column::Organisation
        }
        "art" | "kind" | "typ" | "type" => Column::Kind,
        "name" | "kontaktperson" | "ansprechperson" | "contact" => Column::Name,
        "email" | "emailadresse" | "mail" => Column::Email,
        "telefon" | "phone" | "tel" | "telefonnummer" => Column::Phone,
        "rolle" | "role" => Column::Role,
        "sprache" | "language" => Column::Language,
        _ => return None,
    })
}

fn word(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A kind of organisation as written in the sheet: the code, or a German or English word.
pub fn parse_kind(s: &str) -> Option<&'static str> {
    if let Some(k) = kind_code(s.trim()) {
        return Some(k);
    }
    Some(match word(s).as_str() {
        "schule" | "berufsschule" | "berufsbildendeschule" | "school" => "school",
        "kammer" | "ihk" | "hwk" | "handwerkskammer" | "chamber" => "chamber",
        "kirche" | "kirchewohlfahrt" | "wohlfahrt" | "wohlfahrtsverband" | "kircheundwohlfahrt"
        | "church" | "welfare" | "churchwelfare" => "church_welfare",
        "erwachsenenbildung" | "vhs" | "volkshochschule" | "adulteducation" => "adult_education",
        "kommune" | "gemeinde" | "stadt" | "samtgemeinde" | "municipality" | "town" => {
            "municipality"
        }
        "arbeitsagentur"
        | "agenturfürarbeit"
        | "jobcenter"
        | "arbeitsagenturjobcenter"
        | "employment"
        | "employmentagency" => "employment",
        "polizei" | "police" => "police",
        "behörde" | "amt" | "bamf" | "authority" => "authority",
        "fraktion" | "kreistagsfraktion" | "councilgroup" => "council_group",
        "sonstige" | "sonstiges" | "andere" | "other" => "other",
        _ => return None,
    })
}

/// A role as written in the sheet (empty: a member).
pub(super) fn parse_role(s: &str) -> Option<&'static str> {
    Some(match word(s).as_str() {
        "" | "member" | "mitglied" => ROLE_MEMBER,
        "deputy" | "vertretung" | "vertreter" | "vertreterin" | "stellvertretung"
        | "stellvertreter" | "stellvertreterin" => ROLE_DEPUTY,
        _ => return None,
    })
}

/// A language as written in the sheet: its code or its name in German or English (empty:
/// German).
pub(super) fn parse_language(s: &str) -> Option<&'static str> {
    Some(match word(s).as_str() {
        "" | "de" | "deutsch" | "german" => "de",
        "en" | "englisch" | "english" => "en",
        "ar" | "arabisch" | "arabic" => "ar",
        "uk" | "ukrainisch" | "ukrainian" => "uk",
        "tr" | "türkisch" | "turkish" => "tr",
        "fa" | "persisch" | "persian" | "farsi" | "dari" => "fa",
        "ru" | "russisch" | "russian" => "ru",
        _ => return None,
    })
}

/// The text of an uploaded file: UTF-8 (with or without byte order mark), else the
/// Windows-1252 that German Excel writes for "CSV (Trennzeichen-getrennt)".
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|b| windows_1252(*b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// The separator the header line uses most: `;`, `,` or a tab.
fn separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|s| header.bytes().filter(|b| b == s).count())
        .unwrap_or(b';')
}

/// The data rows of a file, or why the file as a whole cannot be read (a message key).
pub fn parse(text: &str) -> Result<Vec<Row>, &'static str> {
    if text.len() > MAX_BYTES {
        return Err("partner-import-too-large");
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // the reader counts a CRLF file's lines one short, and old Excel for Mac ends lines
    // with CR alone: with LF only, the line numbers are the ones the organiser sees
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.as_str();
    if text.trim().is_empty() {
        return Err("partner-import-empty");
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            Some(Ok(r)) if r.iter().all(str::is_empty) => continue,
            Some(Ok(r)) => break r,
            _ => return Err("partner-import-header"),
        }
    };
    let columns: Vec<Option<Column>> = header.iter().map(column).collect();
    let has = |c: Column| columns.contains(&Some(c));
    if !(has(Column::Organisation) && has(Column::Name) && has(Column::Email)) {
        return Err("partner-import-header");
    }
    let mut rows = Vec::new();
    for record in records {
        // the reader only fails on text it cannot split, which a &str never is
        let Ok(record) = record else {
            return Err("partner-import-header");
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let mut row = Row {
            line: record.position().map_or(0, |p| p.line()),
            ..Row::default()
        };
        for (cell, col) in record.iter().zip(&columns) {
            let slot = match col {
                Some(Column::Organisation) => &mut row.organisation,
                Some(Column::Kind) => &mut row.kind,
                Some(Column::Name) => &mut row.name,
                Some(Column::Email) => &mut row.email,
                Some(Column::Phone) => &mut row.phone,
                Some(Column::Role) => &mut row.role,
                Some(Column::Language) => &mut row.language,
                None => continue,
            };
            if slot.is_empty() {
                *slot = cell.to_owned();
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_excel_with_bom_semicolons_crlf_and_quotes_is_read() {
        let text = "\u{FEFF}Organisation;Art;Name;E-Mail;Telefon;Rolle;Sprache\r\n\
                    \"BBS Musterstadt; Standort Nord\";Schule;Anna Weber;anna@bbs.example;05141 123;Mitglied;Deutsch\r\n\
                    ;;;;;;\r\n\
                    IHK;Kammer;\"Jan \"\"JJ\"\" Otto\";jan@ihk.example;;Vertretung;en\r\n";
        let rows = parse(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].organisation, "BBS Musterstadt; Standort Nord");
        assert_eq!(rows[0].phone, "05141 123");
        assert_eq!(rows[1].line, 4, "the empty row still counts as a line");
        assert_eq!(rows[1].name, "Jan \"JJ\" Otto");
        assert_eq!(parse_kind(&rows[1].kind), Some("chamber"));
        assert_eq!(parse_role(&rows[1].role), Some("deputy"));
    }

    #[test]
    fn english_headers_with_commas_and_only_the_needed_columns() {
        let rows = parse("organization,NAME,Email\nJob Center,Eva,eva@jc.example\n").unwrap();
        assert_eq!(rows[0].organisation, "Job Center");
        assert_eq!((rows[0].kind.as_str(), rows[0].role.as_str()), ("", ""));
        assert_eq!(parse("Name;Telefon\nx;y"), Err("partner-import-header"));
        assert_eq!(parse("\u{FEFF}  \r\n"), Err("partner-import-empty"));
    }

    #[test]
    fn windows_1252_files_keep_their_umlauts() {
        let bytes =
            b"Organisation;Name;E-Mail\r\nSt\xe4dtische Schule;J\xfcrgen M\xfcller;j@s.example\r\n";
        let rows = parse(&decode(bytes)).unwrap();
        assert_eq!(rows[0].organisation, "Städtische Schule");
        assert_eq!(rows[0].name, "Jürgen Müller");
        assert_eq!(decode(b"\xEF\xBB\xBFa;b"), "a;b");
    }
}

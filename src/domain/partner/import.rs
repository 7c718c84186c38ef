//! Importing the office's partner list: its Excel sheet saved as CSV, one row per contact
//! person. German Excel writes semicolons, a byte order mark and often Windows-1252; the
//! header may be German or English. The preview is a pure function of the file and the
//! office's current data, and confirming computes it again in the write transaction and
//! stores it only when it is still what the organiser saw (its fingerprint), so that the
//! confirmation applies exactly the preview.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::contact::{self, ContactInput, ValidContact};
use super::organisation::{self, ValidPartner, kind_code, name_key};
use super::{Partner, PartnerContact, ROLE_DEPUTY, ROLE_MEMBER};
use crate::db::DbConn;
use crate::db::lock::write_transaction;
use crate::db::schema::{partner_contacts, partners};
use crate::domain::DomainError;
use crate::domain::audit::{self, Actor};

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
fn parse_role(s: &str) -> Option<&'static str> {
    Some(match word(s).as_str() {
        "" | "member" | "mitglied" => ROLE_MEMBER,
        "deputy" | "vertretung" | "vertreter" | "vertreterin" | "stellvertretung"
        | "stellvertreter" | "stellvertreterin" => ROLE_DEPUTY,
        _ => return None,
    })
}

/// A language as written in the sheet: its code or its name in German or English (empty:
/// German).
fn parse_language(s: &str) -> Option<&'static str> {
    Some(match word(s).as_str() {
        "" | "de" | "deutsch" | "german" => "de",
        "en" | "englisch" | "english" => "en",
        "ar" | "arabisch" | "arabic" => "ar",
        "uk" | "ukrainisch" | "ukrainian" => "uk",
        "tr" | "türkisch" | "turkish" => "tr",
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

/// The office's live organisations and their live contacts: what the file is compared to.
#[derive(Debug, Clone, Default)]
pub struct Current {
    pub partners: Vec<Partner>,
    pub contacts: Vec<PartnerContact>,
}

pub fn current(conn: &mut DbConn, office_id: i64) -> QueryResult<Current> {
    let partners: Vec<Partner> = partners::table
        .filter(partners::office_id.eq(office_id))
        .filter(partners::removed_at.is_null())
        .order(partners::id.asc())
        .select(Partner::as_select())
        .load(conn)?;
    let ids: Vec<i64> = partners.iter().map(|p| p.id).collect();
    let contacts = partner_contacts::table
        .filter(partner_contacts::partner_id.eq_any(&ids))
        .filter(partner_contacts::removed_at.is_null())
        .order(partner_contacts::id.asc())
        .select(PartnerContact::as_select())
        .load(conn)?;
    Ok(Current { partners, contacts })
}

/// A row that is left out, and why (message keys); `other_line` is the row it clashes with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BadRow {
    pub line: u64,
    pub reasons: Vec<&'static str>,
    pub other_line: Option<u64>,
    pub organisation: String,
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindChange {
    pub id: i64,
    pub name: String,
    pub old_kind: String,
    pub new_kind: &'static str,
}

/// A contact of the file: new, or the same as one stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Planned {
    pub line: u64,
    pub organisation: String,
    pub contact: ValidContact,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactChange {
    pub line: u64,
    pub id: i64,
    pub organisation: String,
    pub old: ValidContact,
    pub new: ValidContact,
    pub fields: Vec<&'static str>,
}

/// What confirming the import would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Preview {
    pub new_partners: Vec<ValidPartner>,
    pub changed_partners: Vec<KindChange>,
    pub new_contacts: Vec<Planned>,
    pub changed_contacts: Vec<ContactChange>,
    pub unchanged: Vec<Planned>,
    pub bad: Vec<BadRow>,
}

impl Preview {
    /// Identifies what would be stored: the confirmation carries it back.
    pub fn fingerprint(&self) -> String {
        let plan = serde_json::to_string(self).unwrap_or_default();
        Sha256::digest(plan.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Whether confirming would store anything at all.
    pub fn changes_anything(&self) -> bool {
        !(self.new_partners.is_empty()
            && self.changed_partners.is_empty()
            && self.new_contacts.is_empty()
            && self.changed_contacts.is_empty())
    }
}

/// Which optional cells of a row were empty: for a stored contact they keep their value.
struct Blank {
    phone: bool,
    role: bool,
    language: bool,
}

/// An organisation as the file names it: the first spelling, the first kind given.
struct FileOrg {
    name: String,
    kind: Option<(&'static str, u64)>,
}

fn stored_as_valid(c: &PartnerContact) -> ValidContact {
    ValidContact {
        name: c.name.clone(),
        email: c.email.clone(),
        email_key: c.email_key.clone(),
        phone: c.phone.clone(),
        role: if c.role == ROLE_DEPUTY {
            ROLE_DEPUTY
        } else {
            ROLE_MEMBER
        },
        language: crate::i18n::supported(&c.language),
    }
}

/// Checks one row on its own: the organisation's name and kind, and the contact.
fn check_row(row: &Row) -> Result<(Option<&'static str>, ValidContact), Vec<&'static str>> {
    let mut reasons = Vec::new();
    match organisation::name_problem(&row.organisation) {
        Some("error-partner-name-missing") => reasons.push("partner-import-no-organisation"),
        Some(_) => reasons.push("partner-import-bad-organisation"),
        None => {}
    }
    let kind = if row.kind.is_empty() {
        None
    } else {
        let k = parse_kind(&row.kind);
        if k.is_none() {
            reasons.push("partner-import-unknown-kind");
        }
        k
    };
    let role = parse_role(&row.role);
    if role.is_none() {
        reasons.push("partner-import-unknown-role");
    }
    let language = parse_language(&row.language);
    if language.is_none() {
        reasons.push("partner-import-unknown-language");
    }
    let input = ContactInput {
        name: Some(row.name.clone()),
        email: Some(row.email.clone()),
        phone: Some(row.phone.clone()),
        role: role.map(str::to_owned),
        language: language.map(str::to_owned),
    };
    let contact = input.check();
    if let Err(errors) = &contact {
        for (field, key) in errors {
            reasons.push(match (*field, *key) {
                ("name", "error-name-missing") => "partner-import-no-name",
                ("name", _) => "partner-import-bad-name",
                ("email", "error-email-missing") => "partner-import-no-email",
                ("email", _) => "partner-import-bad-email",
                ("phone", _) => "partner-import-bad-phone",
                // role and language were reported above from the sheet's own words
                _ => continue,
            });
        }
    }
    match contact {
        Ok(c) if reasons.is_empty() => Ok((kind, c)),
        _ => Err(reasons),
    }
}

/// What importing `rows` into an office with `current` data would do.
pub fn preview(rows: &[Row], current: &Current) -> Preview {
    let mut out = Preview::default();
    let stored_org: HashMap<String, &Partner> = current
        .partners
        .iter()
        .map(|p| (name_key(&p.name), p))
        .collect();
    let mut orgs: Vec<(String, FileOrg)> = Vec::new();
    // (organisation key, address key) → first line
    let mut seen: HashMap<(String, String), u64> = HashMap::new();
    // each good row: its line, organisation key, contact, and which cells were left empty
    let mut good: Vec<(u64, String, ValidContact, Blank)> = Vec::new();
    for row in rows {
        let bad = |reasons: Vec<&'static str>, other_line: Option<u64>| BadRow {
            line: row.line,
            reasons,
            other_line,
            organisation: row.organisation.clone(),
            name: row.name.clone(),
            email: row.email.clone(),
        };
        let (kind, contact) = match check_row(row) {
            Ok(ok) => ok,
            Err(reasons) => {
                out.bad.push(bad(reasons, None));
                continue;
            }
        };
        let org_key = name_key(&row.organisation);
        let pair = (org_key.clone(), contact.email_key.clone());
        if let Some(first) = seen.get(&pair) {
            out.bad
                .push(bad(vec!["partner-import-duplicate"], Some(*first)));
            continue;
        }
        let org_index = match orgs.iter().position(|(k, _)| *k == org_key) {
            Some(i) => i,
            None => {
                orgs.push((
                    org_key.clone(),
                    FileOrg {
                        name: row.organisation.clone(),
                        kind: None,
                    },
                ));
                orgs.len() - 1
            }
        };
        let org = &mut orgs[org_index].1;
        match (org.kind, kind) {
            (Some((k, first)), Some(this)) if k != this => {
                out.bad
                    .push(bad(vec!["partner-import-kind-conflict"], Some(first)));
                continue;
            }
            (None, Some(this)) => org.kind = Some((this, row.line)),
            _ => {}
        }
        seen.insert(pair, row.line);
        let blank = Blank {
            phone: row.phone.is_empty(),
            role: row.role.is_empty(),
            language: row.language.is_empty(),
        };
        good.push((row.line, org_key, contact, blank));
    }
    for (key, org) in &orgs {
        let kind = org.kind.map(|(k, _)| k);
        match stored_org.get(key) {
            Some(p) => {
                if let Some(k) = kind.filter(|k| *k != p.kind) {
                    out.changed_partners.push(KindChange {
                        id: p.id,
                        name: p.name.clone(),
                        old_kind: p.kind.clone(),
                        new_kind: k,
                    });
                }
            }
            None => out.new_partners.push(ValidPartner {
                name: org.name.clone(),
                kind: kind.unwrap_or("other"),
            }),
        }
    }
    for (line, org_key, mut contact, blank) in good {
        let organisation = match stored_org.get(&org_key) {
            Some(p) => p.name.clone(),
            None => orgs
                .iter()
                .find(|(k, _)| *k == org_key)
                .map(|(_, o)| o.name.clone())
                .unwrap_or_default(),
        };
        let stored = stored_org.get(&org_key).and_then(|p| {
            current
                .contacts
                .iter()
                .find(|c| c.partner_id == p.id && c.email_key == contact.email_key)
        });
        match stored {
            None => out.new_contacts.push(Planned {
                line,
                organisation,
                contact,
            }),
            Some(old) => {
                // an empty cell (or a column the sheet lacks) keeps what is stored
                let stored = stored_as_valid(old);
                if blank.phone {
                    contact.phone = stored.phone.clone();
                }
                if blank.role {
                    contact.role = stored.role;
                }
                if blank.language {
                    contact.language = stored.language;
                }
                let fields = contact.changes_from(old);
                if fields.is_empty() {
                    out.unchanged.push(Planned {
                        line,
                        organisation,
                        contact,
                    });
                } else {
                    out.changed_contacts.push(ContactChange {
                        line,
                        id: old.id,
                        organisation,
                        old: stored,
                        new: contact,
                        fields,
                    });
                }
            }
        }
    }
    out
}

/// What was stored by a confirmed import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub partners_added: usize,
    pub partners_changed: usize,
    pub contacts_added: usize,
    pub contacts_changed: usize,
}

/// Stores what `preview` (made from this office's current data) says.
fn apply(
    conn: &mut DbConn,
    office_id: i64,
    preview: &Preview,
    now: NaiveDateTime,
) -> QueryResult<Counts> {
    let mut ids: HashMap<String, i64> = HashMap::new();
    for p in &preview.new_partners {
        ids.insert(
            name_key(&p.name),
            organisation::insert(conn, office_id, p, now)?,
        );
    }
    for change in &preview.changed_partners {
        diesel::update(partners::table.find(change.id))
            .set(partners::kind.eq(change.new_kind))
            .execute(conn)?;
        ids.insert(name_key(&change.name), change.id);
    }
    let live = current(conn, office_id)?;
    for p in &live.partners {
        ids.entry(name_key(&p.name)).or_insert(p.id);
    }
    for planned in &preview.new_contacts {
        let Some(partner_id) = ids.get(&name_key(&planned.organisation)) else {
            return Err(diesel::result::Error::NotFound);
        };
        contact::insert(conn, *partner_id, &planned.contact, now)?;
    }
    for change in &preview.changed_contacts {
        contact::set(conn, change.id, &change.new)?;
    }
    Ok(Counts {
        partners_added: preview.new_partners.len(),
        partners_changed: preview.changed_partners.len(),
        contacts_added: preview.new_contacts.len(),
        contacts_changed: preview.changed_contacts.len(),
    })
}

/// Confirms the waiting upload `token` (its `text`) into the office: when the preview made
/// now is still the one shown (`fingerprint`), stores it, forgets the upload and answers
/// the counts; otherwise stores nothing and answers the new preview to be shown again.
pub fn confirm(
    conn: &mut DbConn,
    office_id: i64,
    (token, text): (&str, &str),
    fingerprint: &str,
    actor: &Actor,
    now: NaiveDateTime,
) -> Result<Result<Counts, Preview>, DomainError> {
    let rows = parse(text).map_err(|key| DomainError::Invalid([("file", key)].into()))?;
    write_transaction(conn, |conn| {
        super::lock_office(conn, office_id)?;
        // a second confirmation of the same upload (a double click) waits and finds it gone
        if !super::import_store::still_there(conn, token)? {
            return Err(DomainError::NotFound);
        }
        let preview = preview(&rows, &current(conn, office_id)?);
        if !crate::secret::same(&preview.fingerprint(), fingerprint) {
            return Ok(Err(preview));
        }
        let counts = apply(conn, office_id, &preview, now)?;
        super::import_store::forget(conn, token)?;
        audit::record(
            conn,
            actor,
            "partner.import",
            ("office", Some(office_id)),
            &format!(
                "organisations +{} ~{}, contacts +{} ~{}",
                counts.partners_added,
                counts.partners_changed,
                counts.contacts_added,
                counts.contacts_changed
            ),
            now,
        )?;
        Ok(Ok(counts))
    })
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn partner(id: i64, name: &str, kind: &str) -> Partner {
        Partner {
            id,
            office_id: 1,
            name: name.into(),
            kind: kind.into(),
            created_at: at(),
            removed_at: None,
        }
    }

    fn contact(id: i64, partner_id: i64, name: &str, email: &str, role: &str) -> PartnerContact {
        PartnerContact {
            id,
            partner_id,
            name: name.into(),
            email: email.into(),
            email_key: email.to_lowercase(),
            phone: None,
            role: role.into(),
            language: "de".into(),
            feed_token: format!("t{id}"),
            created_at: at(),
            removed_at: None,
        }
    }

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

    #[test]
    fn the_preview_tells_new_changed_unchanged_and_bad_rows_apart() {
        let current = Current {
            partners: vec![partner(1, "VHS Musterkreis", "adult_education")],
            contacts: vec![
                contact(10, 1, "Eva Klein", "eva@vhs.example", "member"),
                contact(11, 1, "Paul Groß", "paul@vhs.example", "member"),
            ],
        };
        let text = "Organisation;Art;Name;E-Mail;Rolle\n\
                    vhs musterkreis;;Eva Klein;EVA@vhs.example;Mitglied\n\
                    VHS Musterkreis;;Paul Groß;paul@vhs.example;Mitglied\n\
                    VHS Musterkreis;;Paula Groß;paul@vhs.example;Vertretung\n\
                    Polizei Celle;Polizei;Kim Berg;kim@polizei.example;\n\
                    Polizei Celle;Schule;Tom Berg;tom@polizei.example;\n\
                    Polizei Celle;Sportverein;;kein-at;Chefin\n\
                    ;;Ohne Organisation;o@x.example;\n";
        let p = preview(&parse(text).unwrap(), &current);
        assert_eq!(
            p.new_partners,
            vec![ValidPartner {
                name: "Polizei Celle".into(),
                kind: "police"
            }]
        );
        assert!(p.changed_partners.is_empty(), "no kind given: kept");
        assert_eq!(p.new_contacts.len(), 1);
        assert_eq!(p.new_contacts[0].contact.name, "Kim Berg");
        // the address differs only in case: the same person, their address written anew
        assert_eq!(p.changed_contacts.len(), 1);
        assert_eq!(p.changed_contacts[0].id, 10);
        assert_eq!(p.changed_contacts[0].fields, vec!["email"]);
        assert_eq!(p.unchanged.len(), 1);
        let bad: Vec<(u64, Vec<&str>, Option<u64>)> = p
            .bad
            .iter()
            .map(|b| (b.line, b.reasons.clone(), b.other_line))
            .collect();
        assert_eq!(
            bad,
            vec![
                (4, vec!["partner-import-duplicate"], Some(3)),
                (6, vec!["partner-import-kind-conflict"], Some(5)),
                (
                    7,
                    vec![
                        "partner-import-unknown-kind",
                        "partner-import-unknown-role",
                        "partner-import-bad-email",
                        "partner-import-no-name"
                    ],
                    None
                ),
                (8, vec!["partner-import-no-organisation"], None),
            ]
        );
        assert!(p.changes_anything());
    }

    #[test]
    fn a_changed_kind_and_contact_are_shown_old_to_new() {
        let current = Current {
            partners: vec![partner(1, "Caritas", "other")],
            contacts: vec![contact(10, 1, "Eva Klein", "eva@caritas.example", "member")],
        };
        let rows =
            parse("Organisation;Art;Name;E-Mail;Rolle;Sprache\nCaritas;Kirche;Eva Klein-Berg;eva@caritas.example;Vertretung;Englisch\n")
                .unwrap();
        let p = preview(&rows, &current);
        assert_eq!(p.changed_partners[0].old_kind, "other");
        assert_eq!(p.changed_partners[0].new_kind, "church_welfare");
        let c = &p.changed_contacts[0];
        assert_eq!(
            (c.old.name.as_str(), c.new.name.as_str()),
            ("Eva Klein", "Eva Klein-Berg")
        );
        assert_eq!(c.fields, vec!["name", "role", "language"]);
        assert_ne!(
            p.fingerprint(),
            preview(&rows, &Current::default()).fingerprint()
        );
        assert_eq!(p.fingerprint(), preview(&rows, &current).fingerprint());
    }
}

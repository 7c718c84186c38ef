//! The preview of an import: what the sheet's rows would change in the office's current
//! partner data, as a pure function, with each faulty row and its reasons by line. (Over
//! 400 lines with its tests: the preview's rules read best next to the cases they decide.)

use std::collections::HashMap;

use diesel::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::sheet::{Row, parse_kind, parse_language, parse_role};
use crate::db::DbConn;
use crate::db::schema::{partner_contacts, partners};
use crate::domain::partner::contact::{ContactInput, ValidContact};
use crate::domain::partner::organisation::{self, ValidPartner, name_key};
use crate::domain::partner::{Partner, PartnerContact, ROLE_DEPUTY, ROLE_MEMBER};

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

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveDateTime};

    use super::super::sheet::parse;
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

//! The PDF machinery on its own, read back by a PDF parser: pages flow and are numbered,
//! table headers repeat, German and Arabic text come back as text, QR codes decode.

use treffpunkt::pdf::{Block, Column, Document, Row, Table};

use crate::pdf_read;

fn list(rows: usize) -> Vec<u8> {
    let mut doc = Document::new("Teilnehmerliste", "de");
    doc.footer("Landratsamt Musterkreis");
    doc.numbered(|page, pages| format!("Seite {page} von {pages}"));
    doc.push(Block::Title("Teilnehmerliste".into()));
    doc.push(Block::Text(
        "Runder Tisch Integration, Großer Sitzungssaal".into(),
    ));
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new("Nr.", 0.6),
            Column::new("Name", 3.0),
            Column::new("Unterschrift", 3.0),
        ],
        rows: (1..=rows)
            .map(|n| {
                Row::new(vec![
                    n.to_string(),
                    format!("Person Nummer {n}"),
                    String::new(),
                ])
                .height(26.0)
                .marked(n == 2)
            })
            .collect(),
    }));
    doc.render().expect("a PDF")
}

#[test]
fn a_long_table_flows_over_numbered_pages_with_its_header_again() {
    let short = pdf_read::pages(&list(5));
    assert_eq!(short.len(), 1);
    assert!(short[0].contains("Seite 1 von 1"), "{}", short[0]);
    let pages = pdf_read::pages(&list(60));
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let total = pages.len();
    for (n, text) in pages.iter().enumerate() {
        assert!(
            text.contains(&format!("Seite {} von {total}", n + 1)),
            "{text}"
        );
        assert!(
            text.contains("Unterschrift"),
            "header on page {}: {text}",
            n + 1
        );
        assert!(text.contains("Landratsamt Musterkreis"));
    }
    // every row once, none lost at a page break
    let all = pages.join(" ");
    for n in 1..=60 {
        assert_eq!(
            all.matches(&format!("Person Nummer {n} ")).count(),
            1,
            "row {n}"
        );
    }
}

#[test]
fn arabic_and_german_text_read_back_with_a_decoding_qr_code() {
    let mut doc = Document::new("شهادة حضور", "ar");
    doc.push(Block::Title("شهادة حضور".into()));
    doc.push(Block::Small("Teilnahmebescheinigung".into()));
    doc.push(Block::Text(
        "اجتماع المائدة المستديرة للاندماج في 3 ديسمبر 2026".into(),
    ));
    doc.push(Block::Qr {
        payload: "https://treffpunkt.example/certificate/K7QX-2M9B-WD4T".into(),
        size: 90.0,
        caption: vec!["K7QX-2M9B-WD4T".into()],
    });
    doc.push(Block::Signature("Ort, Datum, Unterschrift".into()));
    let bytes = doc.render().unwrap();
    let text = &pdf_read::pages(&bytes)[0];
    assert!(text.contains("Teilnahmebescheinigung"), "{text}");
    assert!(
        text.contains("K7QX-2M9B-WD4T") && text.contains("2026"),
        "{text}"
    );
    // the Arabic words are there (in drawing order, which for a right-to-left run is
    // reversed), with their letters' Unicode values, not presentation forms
    let word = "حضور";
    let reversed: String = word.chars().rev().collect();
    assert!(text.contains(word) || text.contains(&reversed), "{text}");
    assert_eq!(
        pdf_read::qr_payloads(&bytes),
        ["https://treffpunkt.example/certificate/K7QX-2M9B-WD4T"]
    );
    // the face is embedded as a subset: the file stays small
    assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
}

#[test]
fn a_page_break_starts_each_certificate_on_its_own_page() {
    let mut doc = Document::new("Bescheinigungen", "de");
    for name in ["A. B.", "C. D.", "E. F."] {
        doc.push(Block::Title(format!("Teilnahmebescheinigung {name}")));
        doc.push(Block::Bars(vec![
            ("Anwesend".into(), 3.0),
            ("Angemeldet".into(), 4.5),
        ]));
        doc.page_break();
    }
    let pages = pdf_read::pages(&doc.render().unwrap());
    assert_eq!(pages.len(), 3, "a break at the end adds no empty page");
    assert!(pages[1].contains("C. D.") && !pages[1].contains("A. B."));
    assert!(pages[2].contains("4.5"));
}

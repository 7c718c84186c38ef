//! Tables as files, the one way the back office writes them: CSV (plain, or as German
//! Excel opens it: semicolons and a BOM) and XLSX, with numbers as numbers and text never
//! run as a formula. Used by the reply matrix and the report.

use super::export::defuse;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// Text in bold (headers, labels of totals).
    Bold(String),
    Number(f64),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn bold(s: impl Into<String>) -> Cell {
        Cell::Bold(s.into())
    }
    pub fn int(n: i64) -> Cell {
        Cell::Number(n as f64)
    }

    fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Bold(s) => defuse(s.clone()),
            Cell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
            Cell::Number(n) => n.to_string(),
        }
    }
}

/// A named table: one worksheet of an XLSX file, one block of a CSV file.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// The sheets one after another, an empty line between them.
pub fn csv(sheets: &[Sheet], excel: bool) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if excel { b';' } else { b',' })
            .flexible(true)
            .from_writer(&mut out);
        for (i, sheet) in sheets.iter().enumerate() {
            if i > 0 {
                w.write_record([""])?;
            }
            for row in &sheet.rows {
                w.write_record(row.iter().map(Cell::as_text))?;
            }
        }
        w.flush()?;
    }
    Ok(out)
}

/// Excel's rules for sheet names: none of []:*?/\, at most 31 characters, no apostrophe at
/// either end; what leaves nothing usable gets `fallback`.
fn sheet_name(name: &str, fallback: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control())
        .take(31)
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '\'' || c.is_whitespace());
    if cleaned.is_empty() || cleaned.eq_ignore_ascii_case("history") {
        fallback.to_owned()
    } else {
        cleaned.to_owned()
    }
}

/// One worksheet per sheet.
pub fn xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (i, s) in sheets.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&s.name, &format!("Sheet{}", i + 1)))?;
        for (r, row) in s.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Cell::Empty => {}
                    // written as text, never as a formula
                    Cell::Text(t) => {
                        sheet.write_string(r, c, t)?;
                    }
                    Cell::Bold(t) => {
                        sheet.write_string_with_format(r, c, t, &bold)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, c, *n)?;
                    }
                }
            }
        }
        sheet.autofit();
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::{Cell, Sheet, csv, sheet_name};

    #[test]
    fn csv_defuses_formulas_and_writes_whole_numbers_plainly() {
        let sheets = [
            Sheet {
                name: "a".into(),
                rows: vec![vec![Cell::bold("=1+1"), Cell::int(3), Cell::Number(2.5)]],
            },
            Sheet {
                name: "b".into(),
                rows: vec![vec![Cell::Empty, Cell::text("x")]],
            },
        ];
        let text = String::from_utf8(csv(&sheets, false).unwrap()).unwrap();
        assert_eq!(text, "'=1+1,3,2.5\n\"\"\n,x\n");
        let excel = csv(&sheets, true).unwrap();
        assert!(excel.starts_with("\u{feff}'=1+1;3;2.5".as_bytes()));
    }

    #[test]
    fn sheet_names_follow_excels_rules() {
        assert_eq!(sheet_name("Bericht 2026/Q4", "x"), "Bericht 2026Q4");
        assert_eq!(sheet_name("'[]'", "Sheet1"), "Sheet1");
        assert_eq!(sheet_name(&"a".repeat(40), "x").len(), 31);
    }
}

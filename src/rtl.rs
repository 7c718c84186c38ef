//! Arabic text for a PDF page, which shows glyphs exactly as given: each letter is turned
//! into the form it takes beside its neighbours (initial, medial, final, isolated; lām-alif
//! as one ligature), and the line is put into visual order (right to left, with numbers and
//! Latin words inside it left to right) by the Unicode bidirectional algorithm.

use unicode_bidi::{BidiInfo, Level};

/// The presentation forms of a letter: isolated, final, initial, medial (`0` where the
/// letter has none: it joins only to the letter before it).
const FORMS: &[(char, [u32; 4])] = &[
    ('\u{0621}', [0xFE80, 0, 0, 0]),
    ('\u{0622}', [0xFE81, 0xFE82, 0, 0]),
    ('\u{0623}', [0xFE83, 0xFE84, 0, 0]),
    ('\u{0624}', [0xFE85, 0xFE86, 0, 0]),
    ('\u{0625}', [0xFE87, 0xFE88, 0, 0]),
    ('\u{0626}', [0xFE89, 0xFE8A, 0xFE8B, 0xFE8C]),
    ('\u{0627}', [0xFE8D, 0xFE8E, 0, 0]),
    ('\u{0628}', [0xFE8F, 0xFE90, 0xFE91, 0xFE92]),
    ('\u{0629}', [0xFE93, 0xFE94, 0, 0]),
    ('\u{062A}', [0xFE95, 0xFE96, 0xFE97, 0xFE98]),
    ('\u{062B}', [0xFE99, 0xFE9A, 0xFE9B, 0xFE9C]),
    ('\u{062C}', [0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0]),
    ('\u{062D}', [0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4]),
    ('\u{062E}', [0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8]),
    ('\u{062F}', [0xFEA9, 0xFEAA, 0, 0]),
    ('\u{0630}', [0xFEAB, 0xFEAC, 0, 0]),
    ('\u{0631}', [0xFEAD, 0xFEAE, 0, 0]),
    ('\u{0632}', [0xFEAF, 0xFEB0, 0, 0]),
    ('\u{0633}', [0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4]),
    ('\u{0634}', [0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8]),
    ('\u{0635}', [0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC]),
    ('\u{0636}', [0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0]),
    ('\u{0637}', [0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4]),
    ('\u{0638}', [0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8]),
    ('\u{0639}', [0xFEC9, 0xFECA, 0xFECB, 0xFECC]),
    ('\u{063A}', [0xFECD, 0xFECE, 0xFECF, 0xFED0]),
    ('\u{0641}', [0xFED1, 0xFED2, 0xFED3, 0xFED4]),
    ('\u{0642}', [0xFED5, 0xFED6, 0xFED7, 0xFED8]),
    ('\u{0643}', [0xFED9, 0xFEDA, 0xFEDB, 0xFEDC]),
    ('\u{0644}', [0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0]),
    ('\u{0645}', [0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4]),
    ('\u{0646}', [0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8]),
    ('\u{0647}', [0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC]),
    ('\u{0648}', [0xFEED, 0xFEEE, 0, 0]),
    ('\u{0649}', [0xFEEF, 0xFEF0, 0, 0]),
    ('\u{064A}', [0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4]),
    // Persian letters of Dari and Farsi names
    ('\u{067E}', [0xFB56, 0xFB57, 0xFB58, 0xFB59]),
    ('\u{0686}', [0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D]),
    ('\u{0698}', [0xFB8A, 0xFB8B, 0, 0]),
    ('\u{06A9}', [0xFB8E, 0xFB8F, 0xFB90, 0xFB91]),
    ('\u{06AF}', [0xFB92, 0xFB93, 0xFB94, 0xFB95]),
    ('\u{06CC}', [0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF]),
];

/// Lām with an alif after it: the ligature, isolated and final.
const LAM_ALIF: &[(char, [u32; 2])] = &[
    ('\u{0622}', [0xFEF5, 0xFEF6]),
    ('\u{0623}', [0xFEF7, 0xFEF8]),
    ('\u{0625}', [0xFEF9, 0xFEFA]),
    ('\u{0627}', [0xFEFB, 0xFEFC]),
];

const LAM: char = '\u{0644}';
const TATWEEL: char = '\u{0640}';

fn forms(c: char) -> Option<[u32; 4]> {
    FORMS.iter().find(|(l, _)| *l == c).map(|(_, f)| *f)
}

/// Vowel marks and the like sit on a letter without breaking its joins.
fn transparent(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Whether the letter joins to the one after it.
fn joins_forward(c: char) -> bool {
    c == TATWEEL || forms(c).is_some_and(|f| f[2] != 0)
}

/// Whether the letter joins to the one before it.
fn joins_back(c: char) -> bool {
    c == TATWEEL || forms(c).is_some_and(|f| f[1] != 0)
}

/// Whether a line is written right to left (its first strong letter is Arabic).
pub fn is_rtl(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FEFC}'))
}

/// Each Arabic letter in the form it takes between its neighbours (logical order kept).
pub fn shape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let neighbour = |from: usize, step: isize| -> Option<char> {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < chars.len() {
            let c = chars[i as usize];
            if !transparent(c) {
                return Some(c);
            }
            i += step;
        }
        None
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let Some(f) = forms(c) else {
            out.push(c);
            i += 1;
            continue;
        };
        let after_joining = neighbour(i, -1).is_some_and(joins_forward);
        if c == LAM
            && let Some(&(_, lig)) = chars
                .get(i + 1)
                .and_then(|n| LAM_ALIF.iter().find(|(a, _)| a == n))
        {
            out.extend(char::from_u32(lig[usize::from(after_joining)]));
            i += 2;
            continue;
        }
        let before_joining = neighbour(i, 1).is_some_and(joins_back);
        let form = match (after_joining && f[1] != 0, before_joining && f[2] != 0) {
            (true, true) => f[3],
            (true, false) => f[1],
            (false, true) => f[2],
            (false, false) => f[0],
        };
        out.extend(char::from_u32(form));
        i += 1;
    }
    out
}

/// A line shaped and in visual order, ready to be drawn left to right.
pub fn visual(text: &str) -> String {
    let shaped = shape(text);
    let bidi = BidiInfo::new(&shaped, Some(Level::rtl()));
    match bidi.paragraphs.first() {
        Some(p) => bidi.reorder_line(p, p.range.clone()).into_owned(),
        None => shaped,
    }
}

/// The letters a glyph shows, for the text a reader copies out of the PDF: a presentation
/// form's letter, both letters of lām-alif, any other character itself.
pub fn logical(c: char) -> String {
    let code = c as u32;
    if let Some((l, _)) = FORMS.iter().find(|(_, f)| f.contains(&code)) {
        return l.to_string();
    }
    if let Some((alif, _)) = LAM_ALIF.iter().find(|(_, f)| f.contains(&code)) {
        return [LAM, *alif].iter().collect();
    }
    c.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_take_their_joined_forms() {
        // بيت: initial bā', medial yā', final tā'
        assert_eq!(shape("بيت"), "\u{FE91}\u{FEF4}\u{FE96}");
        // دار: dāl and alif join nothing forward, so each letter stands alone
        assert_eq!(shape("دار"), "\u{FEA9}\u{FE8D}\u{FEAD}");
        // سلام: sīn initial, lām-alif final after it, mīm alone after the alif
        assert_eq!(shape("سلام"), "\u{FEB3}\u{FEFC}\u{FEE1}");
        // لا: one ligature
        assert_eq!(shape("لا"), "\u{FEFB}");
        assert_eq!(logical('\u{FE91}'), "ب");
        assert_eq!(logical('\u{FEFB}'), "لا");
    }

    #[test]
    fn lines_run_right_to_left_with_numbers_left_to_right() {
        let v = visual("بيت 18:00");
        assert!(v.starts_with("18:00"), "{v:?}");
        assert!(
            v.ends_with('\u{FE91}'),
            "the first letter is read first, at the right: {v:?}"
        );
        assert!(is_rtl("بيت 18:00") && !is_rtl("Haus 18:00"));
    }
}

//! Readable address parts from titles and names. The `slug` crate drops the umlaut's dots
//! (`für` → `fur`), which German readers take for a misspelling; they expect the
//! transliteration they write themselves when a keyboard lacks the letter (`fuer`).

/// `Treffen für Geflüchtete` → `treffen-fuer-gefluechtete`.
pub fn slugify(text: &str) -> String {
    let mut german = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            'ä' => german.push_str("ae"),
            'ö' => german.push_str("oe"),
            'ü' => german.push_str("ue"),
            'Ä' => german.push_str("Ae"),
            'Ö' => german.push_str("Oe"),
            'Ü' => german.push_str("Ue"),
            'ß' | 'ẞ' => german.push_str("ss"),
            other => german.push(other),
        }
    }
    slug::slugify(german)
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn german_letters_are_written_out() {
        assert_eq!(
            slugify("Infoabend für Geflüchtete"),
            "infoabend-fuer-gefluechtete"
        );
        assert_eq!(slugify("Großer Sitzungssaal"), "grosser-sitzungssaal");
        assert_eq!(slugify("ÖFFNUNG ÄRZTE ÜBER"), "oeffnung-aerzte-ueber");
        // other accented letters keep the crate's rule
        assert_eq!(slugify("Café Çay"), "cafe-cay");
    }
}

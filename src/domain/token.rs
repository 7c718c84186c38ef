use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;

/// A management token: 144 random bits from the OS generator, URL-safe (24 characters).
pub fn new_token() -> String {
    let mut bytes = [0u8; 18];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether a string could be a token at all, so that junk never reaches the database.
pub fn looks_like_token(s: &str) -> bool {
    s.len() == 24
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn new_tokens_look_like_tokens_and_differ() {
        let (a, b) = (new_token(), new_token());
        assert!(looks_like_token(&a) && looks_like_token(&b));
        assert_ne!(a, b);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn only_24_url_safe_characters_pass(s in "\\PC{0,40}") {
            let ok = looks_like_token(&s);
            let shaped = s.len() == 24
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            prop_assert_eq!(ok, shaped);
        }

        #[test]
        fn anything_that_passes_decodes_to_144_bits(s in "[A-Za-z0-9_-]{24}") {
            prop_assert!(looks_like_token(&s));
            prop_assert_eq!(URL_SAFE_NO_PAD.decode(&s).map(|b| b.len()), Ok(18));
        }

        #[test]
        fn a_token_with_anything_around_it_fails(pre in "\\PC{0,3}", post in "\\PC{1,3}") {
            let t = new_token();
            let wrapped = format!("{pre}{t}{post}");
            prop_assert!(!looks_like_token(&wrapped));
            prop_assert!(!looks_like_token(&t[1..]));
        }
    }
}

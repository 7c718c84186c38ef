//! Whole numbers in JSON bodies. To JSON Schema (and to clients whose languages have only
//! floating-point numbers) `3` and `3.0` are the same integer, so both are taken; `3.5`,
//! text and numbers out of range are refused with the reason.

use serde::de::Error;
use serde::{Deserialize, Deserializer};
use serde_json::Number;

pub fn whole<T: TryFrom<i64>, E: Error>(n: &Number) -> Result<T, E> {
    n.as_i64()
        .or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e18)
                .map(|f| f as i64)
        })
        .and_then(|v| T::try_from(v).ok())
        .ok_or_else(|| E::custom(format!("expected a whole number in range, found {n}")))
}

/// For `#[serde(deserialize_with = "...")]` on a required integer field.
pub fn required<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<T, D::Error> {
    whole(&Number::deserialize(d)?)
}

/// For an optional integer field (with `#[serde(default)]`).
pub fn optional<'de, D: Deserializer<'de>, T: TryFrom<i64>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<Number>::deserialize(d)?
        .map(|n| whole(&n))
        .transpose()
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Body {
        #[serde(default, deserialize_with = "super::optional")]
        n: Option<i32>,
    }

    fn parse(json: &str) -> Result<Option<i32>, String> {
        serde_json::from_str::<Body>(json)
            .map(|b| b.n)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn whole_numbers_in_any_notation_are_taken() {
        assert_eq!(parse(r#"{"n": 3}"#), Ok(Some(3)));
        assert_eq!(parse(r#"{"n": 3.0}"#), Ok(Some(3)));
        assert_eq!(parse(r#"{"n": -2e0}"#), Ok(Some(-2)));
        assert_eq!(parse(r#"{"n": null}"#), Ok(None));
        assert_eq!(parse(r#"{}"#), Ok(None));
    }

    #[test]
    fn fractions_text_and_overflow_are_refused() {
        for bad in [
            r#"{"n": 2.5}"#,
            r#"{"n": "2"}"#,
            r#"{"n": 3000000000}"#,
            r#"{"n": 1e300}"#,
            r#"{"n": true}"#,
        ] {
            let e = parse(bad).unwrap_err();
            assert!(
                e.contains("whole number") || e.contains("invalid type"),
                "{bad}: {e}"
            );
        }
    }
}

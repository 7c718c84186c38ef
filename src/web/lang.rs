//! Which language a visitor reads: their remembered choice, else their browser's, else the
//! site's default.

use rocket::http::{Cookie, CookieJar, SameSite};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::Redirect;
use rocket::{Route, get, routes};

use crate::Settings;
use crate::i18n::{SUPPORTED, negotiate};

pub const LANG_COOKIE: &str = "lang";

/// Languages the back office (`staff.ftl`) is written in. A visitor who chose another one
/// sees `/admin` in the default language, rather than a German page marked and laid out as
/// Arabic with dates in Arabic between German words.
const BACK_OFFICE: &[&str] = &["de", "en"];

/// The visitor's language and the address they are on (for the language switch).
#[derive(Debug, Clone)]
pub struct Visitor {
    pub lang: &'static str,
    pub path: String,
    /// The language meetings are written in (the site's default), so that a German title
    /// on an English page is marked as German (WCAG 3.1.2) and hyphenated as German.
    pub content_lang: &'static str,
}

pub fn content_language_of(req: &Request<'_>) -> &'static str {
    req.rocket()
        .state::<Settings>()
        .and_then(|s| supported(&s.default_language))
        .unwrap_or(SUPPORTED[0])
}

fn supported(code: &str) -> Option<&'static str> {
    SUPPORTED.iter().copied().find(|l| *l == code)
}

/// The language for a request, also usable where no guard runs (error catchers).
pub fn language_of(req: &Request<'_>) -> &'static str {
    let lang = chosen_language(req);
    let back_office = req.uri().path().as_str().starts_with("/admin");
    if back_office && !BACK_OFFICE.contains(&lang) {
        return BACK_OFFICE
            .iter()
            .copied()
            .find(|l| *l == content_language_of(req))
            .unwrap_or(BACK_OFFICE[0]);
    }
    lang
}

fn chosen_language(req: &Request<'_>) -> &'static str {
    if let Some(lang) = req
        .cookies()
        .get(LANG_COOKIE)
        .and_then(|c| supported(c.value()))
    {
        return lang;
    }
    if let Some(lang) = req.headers().get_one("Accept-Language").and_then(negotiate) {
        return lang;
    }
    req.rocket()
        .state::<Settings>()
        .and_then(|s| supported(&s.default_language))
        .unwrap_or(SUPPORTED[0])
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Visitor {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(Visitor {
            lang: language_of(req),
            path: req.uri().to_string(),
            content_lang: content_language_of(req),
        })
    }
}

/// Only paths on this site, so the switch cannot be used to send people elsewhere. Text
/// that is no URI is refused too: browsers drop tabs and newlines (`/\t/evil.example` would
/// lead off-site) and a redirect to it would fail with a server error.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && rocket::http::uri::Origin::parse(n).is_ok() =>
        {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// The language switch: remembers the choice for a year and goes back to the page.
#[get("/language/<code>?<next>")]
fn switch(code: &str, next: Option<&str>, cookies: &CookieJar<'_>) -> Redirect {
    if let Some(lang) = supported(code) {
        cookies.add(
            Cookie::build((LANG_COOKIE, lang))
                .path("/")
                .same_site(SameSite::Lax)
                .http_only(true)
                .max_age(rocket::time::Duration::days(365)),
        );
    }
    Redirect::to(safe_next(next))
}

pub fn routes() -> Vec<Route> {
    routes![switch]
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn language_switch_stays_on_site() {
        assert_eq!(safe_next(Some("/events/3?x=1")), "/events/3?x=1");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(None), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/ x")), "/");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn the_switch_only_ever_sends_to_a_path_here(next in proptest::option::of("/?[/\\\\a-z?=&%. \t:]{0,12}|\\PC{0,12}")) {
            let to = safe_next(next.as_deref());
            proptest::prop_assert!(to.starts_with('/') && !to.starts_with("//") && !to.contains('\\'));
            // a redirect to text that is no URI would answer 500
            proptest::prop_assert!(
                rocket::http::uri::Origin::parse(&to).is_ok(),
                "{:?} -> {:?}", next, to
            );
            proptest::prop_assert!(
                !to.chars().any(|c| c.is_whitespace() || c.is_control()),
                "browsers drop tabs and newlines: {:?}", to
            );
        }
    }
}

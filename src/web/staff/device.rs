//! A short name for the browser and system a session was started from ("Firefox", "Linux"),
//! read from the `User-Agent` header so that people recognise their own devices in the
//! list of sessions. Only these names are kept, never the whole header.

use rocket::request::{FromRequest, Outcome, Request};

use crate::domain::staff_session::Device;

/// Browser names in the order they must be tested: Edge and Opera also say "Chrome", and
/// Chrome also says "Safari".
const BROWSERS: &[(&str, &str)] = &[
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("curl/", "curl"),
];

/// Systems, again in testing order: Android says "Linux", iPhones say "like Mac OS X".
const PLATFORMS: &[(&str, &str)] = &[
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "macOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
];

fn first_match(ua: &str, table: &[(&str, &str)]) -> String {
    table
        .iter()
        .find(|(needle, _)| ua.contains(needle))
        .map(|(_, name)| (*name).to_owned())
        .unwrap_or_default()
}

/// The names for a `User-Agent` value; empty parts when it names nothing known.
pub fn describe(user_agent: &str) -> Device {
    Device {
        browser: first_match(user_agent, BROWSERS),
        platform: first_match(user_agent, PLATFORMS),
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Device {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        Outcome::Success(describe(
            req.headers().get_one("User-Agent").unwrap_or_default(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(ua: &str) -> (String, String) {
        let d = describe(ua);
        (d.browser, d.platform)
    }

    #[test]
    fn common_browsers_are_named() {
        let cases = [
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                ("Firefox", "Linux"),
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                ("Edge", "Windows"),
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                ("Safari", "macOS"),
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                ("Safari", "iOS"),
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                ("Chrome", "Android"),
            ),
        ];
        for (ua, (browser, platform)) in cases {
            assert_eq!(d(ua), (browser.to_owned(), platform.to_owned()), "{ua}");
        }
    }

    #[test]
    fn unknown_agents_stay_unnamed() {
        assert_eq!(d(""), (String::new(), String::new()));
        assert_eq!(d("<script>"), (String::new(), String::new()));
    }
}

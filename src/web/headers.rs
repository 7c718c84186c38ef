//! Security headers on every response: no inline scripts or styles, no framing, no
//! third-party sources, HSTS when the site is served over https.

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Request, Response};

use crate::Settings;

/// Everything the pages use comes from this site; the camera stream needs no source.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; \
     form-action 'self'; frame-ancestors 'none'";

pub struct SecurityHeaders;

#[rocket::async_trait]
impl Fairing for SecurityHeaders {
    fn info(&self) -> Info {
        Info {
            name: "Security headers",
            kind: Kind::Response,
        }
    }

    async fn on_response<'r>(&self, req: &'r Request<'_>, res: &mut Response<'r>) {
        let settings = req.rocket().state::<Settings>();
        if super::embed::is_embed_path(req.uri().path().as_str()) {
            // the one place other sites may frame: the configured origins (none: only us)
            let origins = settings
                .map(|s| s.embed_origins.join(" "))
                .filter(|o| !o.is_empty())
                .unwrap_or_else(|| "'self'".into());
            let csp = CSP.replace(
                "frame-ancestors 'none'",
                &format!("frame-ancestors {origins}"),
            );
            res.set_header(Header::new("Content-Security-Policy", csp));
        } else {
            res.set_header(Header::new("Content-Security-Policy", CSP));
            res.set_header(Header::new("X-Frame-Options", "DENY"));
        }
        res.set_header(Header::new("X-Content-Type-Options", "nosniff"));
        res.set_header(Header::new("Referrer-Policy", "same-origin"));
        let https = settings.is_some_and(|s| s.public_url.starts_with("https://"));
        if https {
            res.set_header(Header::new("Strict-Transport-Security", "max-age=31536000"));
        }
    }
}

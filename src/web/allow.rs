//! 405 with `Allow` for API paths that exist under other methods. Rocket routes by method
//! first, so it would answer such a request 404, as if the path did not exist.

use rocket::http::{Header, Method};
use rocket::request::Request;
use rocket::response::{self, Responder};

/// The methods the routes under `prefix` answer for the request's path.
pub fn methods_for(req: &Request<'_>, prefix: &str) -> Vec<Method> {
    let path: Vec<&str> = req.uri().path().segments().collect();
    let mut methods: Vec<Method> = req
        .rocket()
        .routes()
        .filter(|r| r.uri.base().starts_with(prefix))
        // the last routes take every path and method
        .filter(|r| r.name.as_deref() != Some(super::fallback::NAME))
        .filter(|r| matches(r.uri.path(), &path))
        .map(|r| r.method)
        .collect();
    if methods.contains(&Method::Get) {
        // Rocket answers HEAD from the GET route
        methods.push(Method::Head);
    }
    methods.sort_by_key(|m| m.as_str());
    methods.dedup();
    methods
}

/// Whether a route path like `/api/v1/events/<id>` (or `/<rest..>`) matches the segments.
fn matches(route: &str, path: &[&str]) -> bool {
    let pattern: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
    for (i, p) in pattern.iter().enumerate() {
        if p.starts_with('<') && p.ends_with("..>") {
            return true;
        }
        match path.get(i) {
            None => return false,
            Some(s) if p.starts_with('<') || p == s => {}
            Some(_) => return false,
        }
    }
    pattern.len() == path.len()
}

/// A response with an `Allow` header listing `methods`.
pub struct WithAllow<R>(pub R, pub Vec<Method>);

impl<'r, R: Responder<'r, 'static>> Responder<'r, 'static> for WithAllow<R> {
    fn respond_to(self, req: &'r Request<'_>) -> response::Result<'static> {
        let mut res = self.0.respond_to(req)?;
        if !self.1.is_empty() {
            let list: Vec<&str> = self.1.iter().map(|m| m.as_str()).collect();
            res.set_header(Header::new("Allow", list.join(", ")));
        }
        Ok(res)
    }
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn route_paths_match_by_segment() {
        assert!(matches(
            "/api/v1/events/<id>",
            &["api", "v1", "events", "3"]
        ));
        assert!(!matches("/api/v1/events/<id>", &["api", "v1", "events"]));
        assert!(!matches(
            "/api/v1/events/<id>",
            &["api", "v1", "events", "3", "x"]
        ));
        assert!(matches("/static/<path..>", &["static", "a", "b"]));
        assert!(!matches("/api/v1/events", &["api", "v1", "other"]));
    }
}

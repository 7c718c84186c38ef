//! The JSON API and its OpenAPI document, and the health check.

use rocket::http::Status;

use crate::both_backends;
use crate::support::{TestApp, json_of};

both_backends!(api_lists_and_registers, health_reports_database);

async fn api_lists_and_registers(app: TestApp) {
    let id = app.meeting(Some(5), 2);
    let (status, list) = json_of(app.get("/api/v1/events").await).await;
    assert_eq!(status, Status::Ok);
    let first = &list["events"][0];
    assert_eq!(first["id"], id);
    assert_eq!(first["availability"], "open");
    assert_eq!(first["free_seats"], 5);
    assert!(
        first["starts_at"].as_str().unwrap().ends_with("+01:00")
            || first["starts_at"].as_str().unwrap().ends_with("+02:00"),
        "Berlin offset"
    );

    let (status, event) = json_of(app.get(&format!("/api/v1/events/{id}")).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(event["venue"]["room"], "Großer Sitzungssaal");
    assert_eq!(event["max_companions"], 2);
    assert!(
        event["description_html"]
            .as_str()
            .unwrap()
            .contains("<strong>Bitte</strong>")
    );

    let (status, reg) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({"name": "Mehmet Yılmaz", "email": "mehmet@example.org", "companions": 2, "consent": true, "language": "en", "needs": "Gebärdensprache"}),
        )
        .await;
    assert_eq!(status, Status::Created);
    assert_eq!(reg["status"], "confirmed");
    assert_eq!(reg["language"], "en");
    let token = reg["token"].as_str().unwrap();
    assert_eq!(
        reg["manage_url"],
        format!("https://treffpunkt.example.org/r/{token}")
    );

    let (_, event) = json_of(app.get(&format!("/api/v1/events/{id}")).await).await;
    assert_eq!(event["free_seats"], 2);

    let (status, got) = json_of(app.get(&format!("/api/v1/registrations/{token}")).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(got["name"], "Mehmet Yılmaz");
    let (status, gone) = json_of(
        app.client
            .delete(format!("/api/v1/registrations/{token}"))
            .dispatch()
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(gone["status"], "cancelled");
    let (_, event) = json_of(app.get(&format!("/api/v1/events/{id}")).await).await;
    assert_eq!(event["free_seats"], 5);
}

async fn health_reports_database(app: TestApp) {
    let (status, body) = json_of(app.get("/healthz").await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(body["database"], "ok");
}

/// The OpenAPI document names every route of the API with its schemas.
#[rocket::async_test]
async fn openapi_document_describes_the_api() {
    let app = crate::support::start(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let (status, doc) = json_of(app.get("/api/v1/openapi.json").await).await;
    assert_eq!(status, Status::Ok);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/events",
        "/api/v1/events/{id}",
        "/api/v1/events/{id}/registrations",
        "/api/v1/registrations/{token}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
    assert!(doc["paths"]["/api/v1/registrations/{token}"]["delete"].is_object());
    let required = &doc["components"]["schemas"]["ApiRegistration"]["required"];
    assert!(required.as_array().unwrap().iter().any(|v| v == "status"));
}

/// The document and the server agree: every documented operation answers, without a
/// session or door access and with an empty body, with a status the document lists for it;
/// and every route under `/api/v1` (meetings, registrations, check-in, staff) is documented.
#[rocket::async_test]
async fn every_documented_operation_answers_as_documented() {
    let app = crate::support::start(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let id = app.meeting(Some(5), 1);
    let (_, doc) = json_of(app.get("/api/v1/openapi.json").await).await;
    let paths = doc["paths"].as_object().unwrap();
    let mut checked = Vec::new();
    for (path, ops) in paths {
        let uri = path
            .replace("{id}", &id.to_string())
            .replace("{event}", &id.to_string())
            .replace("{token}", "no-such-token");
        assert!(
            !uri.contains('{'),
            "a placeholder the test does not know: {path}"
        );
        for (method, op) in ops.as_object().unwrap() {
            let method = match method.as_str() {
                "get" => rocket::http::Method::Get,
                "post" => rocket::http::Method::Post,
                "delete" => rocket::http::Method::Delete,
                other => panic!("{path}: method {other} not covered by this test"),
            };
            // required query parameters get a harmless value
            let query: Vec<String> = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "query" && p["required"] == true)
                .map(|p| format!("{}=a", p["name"].as_str().unwrap()))
                .collect();
            let uri = match query.is_empty() {
                true => uri.clone(),
                false => format!("{uri}?{}", query.join("&")),
            };
            let res = app
                .client
                .req(method, uri.clone())
                .header(rocket::http::ContentType::JSON)
                .header(rocket::http::Header::new("X-Door-Token", "not-a-token"))
                .body("{}")
                .dispatch()
                .await;
            let status = res.status().code.to_string();
            let documented: Vec<&String> = op["responses"].as_object().unwrap().keys().collect();
            assert!(
                documented.contains(&&status),
                "{method} {uri} answered {status}, the document lists {documented:?}"
            );
            checked.push(format!("{method} {path}"));
        }
    }
    for door in ["redeem", "manual", "undo", "walk-in", "search", "status"] {
        assert!(
            checked
                .iter()
                .any(|c| c.ends_with(&format!("/checkin/{{event}}/{door}"))),
            "check-in {door} is documented and checked: {checked:?}"
        );
    }
    assert!(
        checked
            .iter()
            .any(|c| c.ends_with("/admin/events/{id}/registrations"))
    );

    // and nothing under /api/v1 is left out of the document
    for route in app.client.rocket().routes() {
        let uri = route.uri.path().to_string();
        let Some(rest) = uri.strip_prefix("/api/v1") else {
            continue;
        };
        if rest == "/openapi.json" || rest.contains("<_..>") || rest.contains("..>") {
            continue;
        }
        let documented = rest.replace('<', "{").replace('>', "}");
        let method = route.method.as_str().to_ascii_lowercase();
        let op = &doc["paths"][format!("/api/v1{documented}")];
        assert!(
            op[method.as_str()].is_object(),
            "{:?} /api/v1{documented} is served but not documented",
            route.method
        );
    }
}

/// Whether a schema of the document lets a value be `null`.
fn allows_null(schema: &serde_json::Value) -> bool {
    let null_type = |t: &serde_json::Value| {
        t == "null" || t.as_array().is_some_and(|a| a.iter().any(|v| v == "null"))
    };
    null_type(&schema["type"])
        || schema["nullable"] == true
        || ["oneOf", "anyOf"].iter().any(|k| {
            schema[*k]
                .as_array()
                .is_some_and(|alts| alts.iter().any(allows_null))
        })
}

/// Every required property and parameter anywhere in the document, as `where: schema`.
fn required_fields(doc: &serde_json::Value, at: &str, out: &mut Vec<(String, serde_json::Value)>) {
    match doc {
        serde_json::Value::Object(map) => {
            if let (Some(required), Some(props)) = (map.get("required"), map.get("properties")) {
                for name in required.as_array().into_iter().flatten() {
                    let name = name.as_str().unwrap_or_default();
                    out.push((format!("{at}.{name}"), props[name].clone()));
                }
            }
            // a required path or query parameter
            if map.get("required") == Some(&serde_json::Value::Bool(true))
                && let Some(schema) = map.get("schema")
            {
                out.push((format!("{at} (parameter)"), schema.clone()));
            }
            for (k, v) in map {
                required_fields(v, &format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                required_fields(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A client that follows the document never sends `null` for a field the API requires
/// (it said `["string","null"]` for the name, e-mail and consent, and `null` got 422).
#[rocket::async_test]
async fn required_fields_are_not_nullable_in_the_document() {
    let app = crate::support::start(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let (_, doc) = json_of(app.get("/api/v1/openapi.json").await).await;
    let mut fields = Vec::new();
    required_fields(&doc, "", &mut fields);
    let request = &doc["components"]["schemas"]["ApiRegistrationRequest"];
    for name in ["name", "email", "consent"] {
        assert!(
            fields
                .iter()
                .any(|(at, _)| at.ends_with(&format!("ApiRegistrationRequest.{name}"))),
            "{name} is required: {request}"
        );
    }
    let nullable: Vec<String> = fields
        .iter()
        .filter(|(_, schema)| allows_null(schema))
        .map(|(at, schema)| format!("{at}: {schema}"))
        .collect();
    assert!(
        nullable.is_empty(),
        "required but nullable:\n{}",
        nullable.join("\n")
    );

    // and what the document says is what the API does: null is refused with its reason
    let id = app.meeting(Some(5), 1);
    let (status, body) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({"name": null, "email": "aylin@example.org", "consent": true}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity, "{body}");
    assert!(body["fields"]["name"].is_string(), "{body}");
}

/// Browsers ask for `/favicon.ico` on every page: it is there (an icon file, not a 404 in
/// the console), and pages link it and the icons beside it.
#[rocket::async_test]
async fn the_site_has_an_icon() {
    let app = crate::support::start(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let res = app.get("/favicon.ico").await;
    assert_eq!(res.status(), Status::Ok);
    assert_eq!(
        res.content_type(),
        Some(rocket::http::ContentType::Icon),
        "served as an icon"
    );
    let bytes = res.into_bytes().await.unwrap();
    assert_eq!(&bytes[..4], &[0, 0, 1, 0], "an ICO file");
    for page in ["/", "/embed", "/admin/login"] {
        let (_, html) = app.get_text(page).await;
        for href in ["/favicon.ico", "/static/icon.svg", "/static/icon-180.png"] {
            assert!(
                html.contains(&format!("href=\"{href}\"")),
                "{page} links {href}"
            );
            let status = app.get(href).await.status();
            assert_eq!(status, Status::Ok, "{href}");
        }
    }
}

/// With PostgreSQL unreachable the health check and pages say 503 quickly instead of hanging
/// or panicking, and everything recovers by itself when the database is back.
#[rocket::async_test]
async fn health_says_503_while_postgres_is_cut() {
    let Some((app, proxy)) = crate::support::start_behind_proxy().await else {
        return;
    };
    // the database is cut off on purpose: the background jobs fail meanwhile
    app.expect_job_errors();
    let id = app.meeting(Some(5), 0);
    let (status, _) = json_of(app.get("/healthz").await).await;
    assert_eq!(status, Status::Ok);

    proxy.cut();
    let started = std::time::Instant::now();
    let (status, body) = json_of(app.get("/healthz").await).await;
    assert_eq!(status, Status::ServiceUnavailable);
    assert_eq!(body["database"], "unreachable");
    let (status, page) = app.get_text(&format!("/events/{id}")).await;
    assert_eq!(status, Status::ServiceUnavailable);
    assert!(page.contains("Vorübergehend nicht erreichbar"));
    let (status, body) = app.register(id, "Während", "waehrend@example.org", 0).await;
    assert_eq!(status, Status::ServiceUnavailable);
    assert_eq!(body["error"], "unavailable");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "no long hang: {:?}",
        started.elapsed()
    );

    proxy.restore();
    let mut healthy = false;
    for _ in 0..50 {
        if app.get("/healthz").await.status() == Status::Ok {
            healthy = true;
            break;
        }
        rocket::tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(healthy, "recovers by itself");
    let (status, _) = app.register(id, "Danach", "danach@example.org", 0).await;
    assert_eq!(status, Status::Created);
}

/// Every answer carries the security headers: a CSP without inline code or other sources,
/// no framing, no sniffing; HSTS because the test site's public URL is https.
#[rocket::async_test]
async fn security_headers_on_every_answer() {
    let app = crate::support::start(crate::support::Backend::Sqlite)
        .await
        .unwrap();
    let id = app.meeting(Some(5), 0);
    for path in [
        "/".to_owned(),
        format!("/events/{id}"),
        "/calendar.ics".to_owned(),
        "/api/v1/events".to_owned(),
        "/nope".to_owned(),
        "/admin/login".to_owned(),
    ] {
        let res = app.get(&path).await;
        let h = res.headers();
        let csp = h
            .get_one("Content-Security-Policy")
            .unwrap_or_else(|| panic!("CSP on {path}"));
        assert!(
            csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}: {csp}"
        );
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval") && !csp.contains("http"),
            "{path}: {csp}"
        );
        assert_eq!(h.get_one("X-Content-Type-Options"), Some("nosniff"));
        assert_eq!(h.get_one("X-Frame-Options"), Some("DENY"));
        assert!(h.get_one("Referrer-Policy").is_some());
        assert!(
            h.get_one("Strict-Transport-Security").is_some(),
            "https site: HSTS on {path}"
        );
    }
}

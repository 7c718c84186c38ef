//! Tickets and check-in: QR codes that decode (with an independent decoder) to signed
//! tokens, every refusal with its reason, exactly one success under concurrency, retries by
//! nonce, door access by link and PIN, undo, walk-ins.

use diesel::prelude::*;
use rocket::http::{ContentType, Status};
use serde_json::json;
use treffpunkt::db::schema::{audit_log, registrations};
use treffpunkt::domain::account;

use crate::both_backends;
use crate::support::{StaffSession, TestApp};

both_backends!(
    tickets_decode_and_every_reason_is_told,
    one_ticket_fifty_scans,
    door_access_undo_and_walk_ins
);

/// Rasterises the ticket page's SVG (one `M x y h1v1h-1z` square per dark module) and
/// decodes it with rqrr.
pub(crate) fn decode_svg(svg: &str) -> String {
    let size: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let path = svg
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let scale = 6;
    let mut dark = vec![false; size * size];
    for cmd in path.split('M').filter(|c| !c.is_empty()) {
        let xy = cmd.split('h').next().unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        dark[y.parse::<usize>().unwrap() * size + x.parse::<usize>().unwrap()] = true;
    }
    let px = size * scale;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
        if dark[(y / scale) * size + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("decodes").1
}

pub(crate) fn decode_png(png_bytes: &[u8]) -> String {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * w + x]);
    let grids = img.detect_grids();
    grids[0].decode().expect("decodes").1
}

async fn door(app: &TestApp, event: i64) -> StaffSession {
    let email = format!("orga{event}@example.org");
    app.staff_of(event, &email, account::ROLE_ORGANISER).await
}

pub(crate) async fn ticket_of(app: &TestApp, token: &str) -> String {
    let (status, page) = app.get_text(&format!("/r/{token}/ticket")).await;
    assert_eq!(status, Status::Ok);
    decode_svg(&page[page.find("<svg").expect("a QR code on the ticket page")..])
}

async fn tickets_decode_and_every_reason_is_told(app: TestApp) {
    let id = app.meeting(Some(2), 1);
    let other = app.meeting(Some(5), 0);
    let (_, a) = app.register(id, "Amira", "amira@example.org", 1).await;
    let (_, w) = app.register(id, "Wartende", "warte@example.org", 0).await;
    let (_, c) = app.register(other, "Carla", "carla@example.org", 0).await;
    assert_eq!(w["status"], "waiting");
    let amira = ticket_of(&app, a["token"].as_str().unwrap()).await;
    assert!(
        amira.starts_with("T1.") && amira.len() <= 106,
        "compact: {}",
        amira.len()
    );
    assert!(
        !amira.contains("Amira") && !amira.contains("amira"),
        "nothing personal in the ticket"
    );
    let (_, page) = app
        .get_text(&format!("/r/{}/ticket", w["token"].as_str().unwrap()))
        .await;
    assert!(
        !page.contains("<svg class=\"qr\""),
        "no ticket while waiting"
    );
    assert!(page.contains("Warteliste"));

    // the public key is published to door devices; it verifies the decoded ticket
    let s = door(&app, id).await;
    let (status, body, _) = s.get(&format!("/api/v1/checkin/{id}/status?list=1")).await;
    assert_eq!(status, Status::Ok);
    let status_json: serde_json::Value = serde_json::from_str(&body).unwrap();
    use base64::Engine;
    let key_bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(status_json["public_key"].as_str().unwrap())
        .unwrap();
    let key = ed25519_dalek::VerifyingKey::from_bytes(&key_bytes.try_into().unwrap()).unwrap();
    let t = treffpunkt::domain::ticket::verify(&key, &amira).expect("valid signature");
    assert_eq!(t.event_id, id);
    assert_eq!(status_json["attendees"].as_array().unwrap().len(), 2);

    let redeem =
        |token: &str, nonce: &str| json!({ "token": token, "nonce": nonce, "device": "Tür Nord" });
    let url = format!("/api/v1/checkin/{id}/redeem");
    let (status, v) = s.door_post(&url, &redeem(&amira, "n1")).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(
        (v["ok"].as_bool(), v["result"].as_str(), v["party"].as_i64()),
        (Some(true), Some("welcome"), Some(2))
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("Willkommen, Amira! Gruppe mit 2 Personen.")
    );
    // (another device: the one that let her in would welcome her again for a minute)
    let (_, v) = s
        .door_post(
            &url,
            &json!({ "token": amira, "nonce": "n2", "device": "Tür Süd" }),
        )
        .await;
    assert_eq!(v["result"], "already");
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("an Gerät „Tür Nord“"),
        "{}",
        v["message"]
    );

    // every refusal says why
    let carla = ticket_of(&app, c["token"].as_str().unwrap()).await;
    let (_, v) = s.door_post(&url, &redeem(&carla, "n3")).await;
    assert_eq!(v["result"], "wrong_meeting");
    let mut forged: Vec<char> = amira.chars().collect();
    let i = forged.len() - 10;
    forged[i] = if forged[i] == 'A' { 'B' } else { 'A' };
    let (_, v) = s
        .door_post(&url, &redeem(&forged.into_iter().collect::<String>(), "n4"))
        .await;
    assert_eq!(v["result"], "invalid");
    let mut altered: Vec<char> = amira.chars().collect();
    altered[6] = if altered[6] == 'A' { 'B' } else { 'A' };
    let (_, v) = s
        .door_post(
            &url,
            &redeem(&altered.into_iter().collect::<String>(), "n5"),
        )
        .await;
    assert_eq!(v["result"], "invalid");
    let (_, v) = s.door_post(&url, &redeem("not a ticket", "n6")).await;
    assert_eq!(v["result"], "invalid");
    // a waiting registration's token, signed by us, is still refused
    let keys = app
        .client
        .rocket()
        .state::<treffpunkt::domain::ticket::Keys>()
        .unwrap()
        .clone();
    let waiting_rid: i64 = registrations::table
        .filter(registrations::email_key.eq("warte@example.org"))
        .select(registrations::id)
        .first(&mut *app.conn())
        .unwrap();
    let (_, v) = s
        .door_post(&url, &redeem(&keys.issue(waiting_rid, id), "n7"))
        .await;
    assert_eq!(v["result"], "waiting");
    // cancelling revokes the ticket
    app.client
        .delete(format!(
            "/api/v1/registrations/{}",
            a["token"].as_str().unwrap()
        ))
        .dispatch()
        .await;
    let (_, v) = s.door_post(&url, &redeem(&amira, "n8")).await;
    assert_eq!(v["result"], "cancelled");
    // the promoted one's ticket works now; its PNG (as mailed) decodes to it
    let png = treffpunkt::qr::png(&keys.issue(waiting_rid, id), 8).unwrap();
    let from_png = decode_png(&png);
    let (_, v) = s.door_post(&url, &redeem(&from_png, "n9")).await;
    assert_eq!(v["result"], "welcome", "promoted: {v}");
    // after the meeting, tickets expire
    app.clock.advance(chrono::Duration::days(8));
    let later = app
        .staff_of(id, "spaeter@example.org", account::ROLE_ORGANISER)
        .await;
    let (_, v) = later.door_post(&url, &redeem(&from_png, "n11")).await;
    assert_eq!(v["result"], "expired");
    assert!(v["message"].as_str().unwrap().contains("vorbei"));
    // no access without a door: 403
    let (status, _) = app.post_json(&url, &redeem(&from_png, "n10")).await;
    assert_eq!(status, Status::Forbidden);
}

async fn one_ticket_fifty_scans(app: TestApp) {
    let id = app.meeting(Some(10), 0);
    let (_, a) = app.register(id, "Bo", "bo@example.org", 0).await;
    let token = ticket_of(&app, a["token"].as_str().unwrap()).await;
    let s = door(&app, id).await;
    let url = format!("/api/v1/checkin/{id}/redeem");
    let door_token = s.door_token(id).await;
    let answers = futures::future::join_all((0..50).map(|i| {
        let (s, url, token, door_token) = (&s, url.clone(), token.clone(), door_token.clone());
        async move {
            let body = json!({ "token": token, "nonce": format!("scan-{i}"), "device": format!("Gerät {}", i % 2) });
            s.door_send(&url, ContentType::JSON, Some(&door_token), body.to_string()).await
        }
    }))
    .await;
    let wins: Vec<&serde_json::Value> = answers
        .iter()
        .filter(|(_, v)| v["result"] == "welcome")
        .map(|(_, v)| v)
        .collect();
    assert_eq!(wins.len(), 1, "exactly one success");
    let winner = answers
        .iter()
        .position(|(_, v)| v["result"] == "welcome")
        .unwrap();
    // the other device hears "already checked in"; the winner's own device, which scans
    // the same ticket at the same moment, keeps welcoming her
    for (i, (_, v)) in answers.iter().enumerate().filter(|(i, _)| *i != winner) {
        let expected = if i % 2 == winner % 2 {
            (true, "welcome_again")
        } else {
            (false, "already")
        };
        assert_eq!(
            (v["ok"].as_bool().unwrap(), v["result"].as_str().unwrap()),
            expected,
            "scan {i}: {v}"
        );
    }
    // the winner's retry (same nonce, after a timeout) gets the same success
    let (_, again) = s
        .door_post(
            &url,
            &json!({ "token": token, "nonce": format!("scan-{winner}"), "device": format!("Gerät {}", winner % 2) }),
        )
        .await;
    assert_eq!(again["result"], "welcome");
    assert_eq!(app.count("checked_in_at IS NOT NULL"), 1);
    let (_, body, _) = s.get(&format!("/api/v1/checkin/{id}/status")).await;
    assert!(body.contains("\"checked_in\":1"), "{body}");
}

async fn door_access_undo_and_walk_ins(app: TestApp) {
    let id = app.meeting(Some(3), 2);
    let (_, a) = app.register(id, "Ana", "ana@example.org", 1).await;
    assert_eq!(a["status"], "confirmed");
    let organiser = door(&app, id).await;
    let (link, pin) = crate::door::new_door_link(&organiser, id, "Eingang Süd").await;
    let pin = pin.replace(' ', "");
    assert_eq!(pin.len(), 8);

    // a phone without account opens the door by link
    let phone = app.anonymous().await;
    let (status, _, _) = phone.get(&format!("/checkin/{id}")).await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, location) = phone.get(&format!("/door/{link}")).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some(format!("/checkin/{id}").as_str()));
    let (status, page, _) = phone.get(&format!("/checkin/{id}")).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("/static/vendor/jsqr/jsQR.js") && page.contains("manifest.webmanifest"));
    // … or by PIN
    let other = app.anonymous().await;
    let (status, _, location) = other.get(&format!("/door?event={id}&pin={pin}")).await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = other.get(location.as_deref().unwrap()).await;
    assert_eq!(status, Status::SeeOther, "the PIN leads to the link");
    let (status, _, _) = other.get(&format!("/door?event={id}&pin=000000x")).await;
    assert_eq!(status, Status::UnprocessableEntity);
    // a door of one meeting opens no other
    let elsewhere = app.meeting(Some(3), 0);
    let (status, _, _) = phone.get(&format!("/checkin/{elsewhere}")).await;
    assert_eq!(status, Status::Forbidden);

    // search and one tap, then undo
    let (status, found, _) = phone
        .get(&format!("/api/v1/checkin/{id}/search?q=an"))
        .await;
    assert_eq!(status, Status::Ok);
    let found: serde_json::Value = serde_json::from_str(&found).unwrap();
    let rid = found[0]["registration_id"].as_i64().unwrap();
    let (_, v) = phone
        .door_post(
            &format!("/api/v1/checkin/{id}/manual"),
            &json!({ "registration_id": rid, "nonce": "tap-1", "device": "Handy" }),
        )
        .await;
    assert_eq!(v["result"], "welcome");
    let (_, u) = phone
        .door_post(
            &format!("/api/v1/checkin/{id}/undo"),
            &json!({ "nonce": "tap-1" }),
        )
        .await;
    assert_eq!(u["undone"], true);
    assert_eq!(app.count("checked_in_at IS NOT NULL"), 0);

    // walk-ins: one place is left; a party of two needs the override, which is logged
    let walk = format!("/api/v1/checkin/{id}/walk-in");
    let (status, v) = phone
        .door_post(&walk, &json!({ "name": "Spontan", "companions": 0 }))
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(v["result"], "welcome");
    let (status, v) = phone
        .door_post(&walk, &json!({ "name": "Familie", "companions": 1 }))
        .await;
    assert_eq!(status, Status::Conflict);
    assert_eq!(v["error"], "full");
    let (status, v) = phone
        .door_post(
            &walk,
            &json!({ "name": "Familie", "companions": 1, "override_capacity": true }),
        )
        .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(v["party"], 2);
    let details: Vec<String> = audit_log::table
        .filter(audit_log::action.eq("checkin.walk_in"))
        .select(audit_log::detail)
        .load(&mut *app.conn())
        .unwrap();
    assert!(details.iter().any(|d| d.contains("OVER CAPACITY")));

    // revoking the link locks the phone out at once
    let (_, page, _) = organiser.get(&format!("/admin/events/{id}/door")).await;
    let revoke = page
        .split("action=\"")
        .find(|p| p.contains("/revoke"))
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let (status, _, _) = organiser
        .submit(&format!("/admin/events/{id}/door"), &revoke, &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = phone.get(&format!("/api/v1/checkin/{id}/status")).await;
    assert_eq!(status, Status::Forbidden);
}

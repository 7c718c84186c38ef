//! `/gebaerdensprache`: the office's videos in German Sign Language for the four
//! explanations, played by the browser's own player, with a download link, size and
//! length (Anlage 2 Teil 1 BITV 2.0); until one is set, whom to ask. The files themselves
//! are served with ranges so that the player can seek.

use std::path::PathBuf;

use rocket::http::ContentType;
use rocket::serde::json::serde_json::json;
use rocket::{Route, get, routes};
use rocket_dyn_templates::Template;

use super::agenda_view::size_text;
use super::errors::PageError;
use super::ranged::{RangeHeader, Ranged};
use super::{Ctx, render};
use crate::domain::access::sign_video::{self, SLOTS, SignVideo};
use crate::domain::access::{feedback, video_meta};

/// Where an explanation's uploaded video is kept.
pub fn video_path(data_dir: &str, slot: &str, content_type: &str) -> PathBuf {
    let ext = if content_type == "video/webm" {
        "webm"
    } else {
        "mp4"
    };
    PathBuf::from(data_dir)
        .join("sign-videos")
        .join(format!("{slot}.{ext}"))
}

fn video_json(v: &SignVideo) -> serde_json::Value {
    let duration = v.duration_ms.map(video_meta::format_duration);
    if let (Some(name), Some(ct)) = (&v.file_name, &v.content_type) {
        let href = format!("/gebaerdensprache/{}/video", v.slot);
        json!({ "src": href, "download": format!("{href}?download=1"), "type": ct,
                "file_name": name, "size": v.size_bytes.map(size_text), "duration": duration })
    } else {
        json!({ "url": v.url, "duration": duration })
    }
}

#[get("/gebaerdensprache")]
async fn page(ctx: Ctx<'_>) -> Result<Template, PageError> {
    let configured = ctx.settings.accessibility_contact.clone();
    let (videos, contact) = ctx
        .db
        .page(move |conn| {
            Ok((
                sign_video::all(conn)?,
                feedback::public_contact(conn, configured.as_deref())?,
            ))
        })
        .await?;
    let slots: Vec<_> = SLOTS
        .iter()
        .map(|slot| {
            let video = videos.iter().find(|v| v.slot == *slot).map(video_json);
            json!({ "slot": slot, "title": format!("access-sign-slot-{slot}"), "video": video })
        })
        .collect();
    Ok(render(
        "sign_language",
        &ctx.visitor,
        json!({ "slots": slots, "contact": contact }),
    ))
}

/// An uploaded video, whole or in the parts the player asks for.
#[get("/gebaerdensprache/<slot>/video?<download>")]
async fn video(
    ctx: Ctx<'_>,
    slot: &str,
    download: Option<&str>,
    range: RangeHeader,
) -> Result<Ranged, PageError> {
    if !SLOTS.contains(&slot) {
        return Err(PageError::NotFound);
    }
    let wanted = slot.to_owned();
    let found = ctx
        .db
        .page(move |conn| Ok(sign_video::find(conn, &wanted)?))
        .await?;
    let Some(v) = found else {
        return Err(PageError::NotFound);
    };
    let (Some(ct), Some(_)) = (&v.content_type, &v.file_name) else {
        return Err(PageError::NotFound);
    };
    let path = video_path(&ctx.settings.data_dir, slot, ct);
    let content_type = ContentType::parse_flexible(ct).unwrap_or(ContentType::Binary);
    let ext = content_type.extension().map(|e| e.to_string());
    let name = download.map(|_| format!("gebaerdensprache-{slot}.{}", ext.unwrap_or_default()));
    Ranged::open(&path, content_type, &range, name)
        .await
        .map_err(|_| PageError::NotFound)
}

pub fn routes() -> Vec<Route> {
    routes![page, video]
}

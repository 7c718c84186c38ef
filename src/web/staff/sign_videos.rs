//! The administrator sets the sign-language videos: per explanation a file (MP4 or WebM,
//! up to `sign_video_max_bytes`, its type read from its content) or the `https` address of
//! the office's own video server. The body goes to disk as it arrives, never into memory:
//! the file field comes last in the form, so the text fields are read from the body's start
//! and the file is the span up to the closing delimiter.

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rocket::data::{Data, ToByteUnit};
use rocket::http::{ContentType, Status};
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::multipart::{self, Part};
use super::session::{Checked, CsrfToken, Nothing, Staff};
use super::{error_map, page, require_admin};
use crate::domain::FieldErrors;
use crate::domain::access::sign_video::{self, SLOTS, Source};
use crate::domain::access::video_meta;
use crate::web::Ctx;
use crate::web::agenda_view::size_text;
use crate::web::errors::PageError;
use crate::web::sign_language::video_path;

type Page = (Status, Template);

/// What the form sent besides the file, kept when it comes back with errors.
#[derive(Default)]
struct Sent {
    slot: String,
    url: String,
    duration: String,
}

async fn videos_page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    sent: &Sent,
    errors: &FieldErrors,
    status: Status,
) -> Result<Page, PageError> {
    let videos = ctx.db.page(|conn| Ok(sign_video::all(conn)?)).await?;
    let slots: Vec<_> = SLOTS
        .iter()
        .map(|slot| {
            let v = videos.iter().find(|v| v.slot == *slot);
            let mine = sent.slot == *slot;
            json!({
                "slot": slot, "title": format!("access-sign-slot-{slot}"),
                "file_name": v.and_then(|v| v.file_name.clone()),
                "size": v.and_then(|v| v.size_bytes).map(size_text),
                "duration": v.and_then(|v| v.duration_ms).map(video_meta::format_duration),
                "url": v.and_then(|v| v.url.clone()),
                "set": v.is_some(),
                "form": { "url": if mine { sent.url.as_str() } else { "" },
                          "duration": if mine { sent.duration.as_str() } else { "" } },
                "errors": if mine { error_map(ctx.lang(), errors) } else { Default::default() },
            })
        })
        .collect();
    let max_mb = ctx.settings.sign_video_max_bytes / (1024 * 1024);
    let context = json!({ "slots": slots, "max_mb": max_mb });
    Ok((
        status,
        page(ctx, staff, csrf, flash, "staff/access_videos", context),
    ))
}

#[get("/admin/accessibility/videos")]
async fn show(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
) -> Result<Page, PageError> {
    require_admin(&staff)?;
    let none = FieldErrors::new();
    videos_page(
        &ctx,
        &staff,
        &csrf,
        flash,
        &Sent::default(),
        &none,
        Status::Ok,
    )
    .await
}

/// The uploaded body on disk, removed when dropped.
struct Spooled(PathBuf);

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The text fields, and the uploaded file's name and span in the body (empty: none chosen).
type FormRead = (Vec<Part>, Option<(String, u64, u64)>);

fn read_form(path: &Path, boundary: &str) -> std::io::Result<Option<FormRead>> {
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    let mut head = Vec::new();
    (&mut f).take(64 * 1024).read_to_end(&mut head)?;
    let Some((fields, file)) = multipart::head_and_file(&head, boundary) else {
        return Ok(None);
    };
    let Some((name, start)) = file else {
        return Ok(Some((fields, None)));
    };
    let tail_len = len.min(4096);
    f.seek(SeekFrom::Start(len - tail_len))?;
    let mut tail = Vec::new();
    f.read_to_end(&mut tail)?;
    let len = usize::try_from(len).map_err(std::io::Error::other)?;
    Ok(multipart::file_end(&tail, len, boundary)
        .filter(|end| *end >= start)
        .map(|end| (fields, Some((name, start as u64, end as u64)))))
}

/// A stored video's content type, size and length (if the file says it).
type Stored = (&'static str, i64, Option<i64>);

/// Copies the file's span to its place (via a new file renamed over the old one) and reads
/// its type and length; `Err` with the message key when it is not a video we take.
fn store(
    body: &Path,
    (start, end): (u64, u64),
    data_dir: &str,
    slot: &str,
) -> std::io::Result<Result<Stored, &'static str>> {
    let mut f = std::fs::File::open(body)?;
    f.seek(SeekFrom::Start(start))?;
    let mut head = [0u8; 64];
    let n = (&mut f).take(64).read(&mut head)?;
    let Some((content_type, _)) = video_meta::kind(&head[..n]) else {
        return Ok(Err("access-video-not-video"));
    };
    f.seek(SeekFrom::Start(start))?;
    let target = video_path(data_dir, slot, content_type);
    let fresh = target.with_extension("new");
    {
        let mut out = std::fs::File::create(&fresh)?;
        std::io::copy(&mut (&mut f).take(end - start), &mut out)?;
        out.flush()?;
    }
    let duration = video_meta::duration_ms(&mut std::fs::File::open(&fresh)?, content_type);
    // the other type's file of this slot goes, so one slot never keeps two videos
    for other in ["video/mp4", "video/webm"] {
        let _ = std::fs::remove_file(video_path(data_dir, slot, other));
    }
    std::fs::rename(&fresh, &target)?;
    let size = i64::try_from(end - start).unwrap_or(i64::MAX);
    Ok(Ok((content_type, size, duration)))
}

fn field(parts: &[Part], name: &str) -> String {
    parts
        .iter()
        .find(|p| p.name == name)
        .map(|p| String::from_utf8_lossy(&p.content).trim().to_owned())
        .unwrap_or_default()
}

/// Sets one explanation's video from the form: a file, else an address.
#[post("/admin/accessibility/videos", data = "<data>")]
async fn upload(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    content_type: &ContentType,
    data: Data<'_>,
) -> Result<Either<Flash<Redirect>, Page>, PageError> {
    require_admin(&staff)?;
    let boundary = content_type
        .param("boundary")
        .unwrap_or_default()
        .to_owned();
    let dir = PathBuf::from(&ctx.settings.data_dir).join("sign-videos");
    std::fs::create_dir_all(&dir).map_err(|e| PageError::Unavailable(e.to_string()))?;
    let spooled = Spooled(dir.join(format!(".upload-{}", crate::domain::token::new_token())));
    // the file, the fields before it and the delimiters
    let limit = ctx.settings.sign_video_max_bytes + 64 * 1024;
    let written = data
        .open(limit.bytes())
        .into_file(&spooled.0)
        .await
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    let complete = written.is_complete();
    let body = spooled.0.clone();
    let read = rocket::tokio::task::spawn_blocking(move || read_form(&body, &boundary))
        .await
        .map_err(|e| PageError::Unavailable(e.to_string()))?
        .map_err(|e| PageError::Unavailable(e.to_string()))?;
    let Some((fields, file)) = read else {
        return Err(PageError::Forbidden);
    };
    if !crate::secret::same(&csrf.0, &field(&fields, "csrf")) {
        return Err(PageError::Forbidden);
    }
    let sent = Sent {
        slot: field(&fields, "slot"),
        url: field(&fields, "url"),
        duration: field(&fields, "duration"),
    };
    let slot: &'static str = SLOTS
        .iter()
        .find(|s| **s == sent.slot)
        .ok_or(PageError::NotFound)?;
    let mut errors = FieldErrors::new();
    let typed_duration = if sent.duration.is_empty() {
        None
    } else {
        let d = video_meta::parse_duration(&sent.duration);
        if d.is_none() {
            errors.insert("duration", "access-video-duration-invalid");
        }
        d
    };
    let file = file.filter(|(_, start, end)| end > start);
    let mut source = Source::default();
    let max = ctx.settings.sign_video_max_bytes;
    if !complete
        || file
            .as_ref()
            .is_some_and(|(_, start, end)| end - start > max)
    {
        errors.insert("file", "access-video-too-large");
    } else if let Some((name, start, end)) = file {
        if errors.is_empty() {
            let (body, data_dir) = (spooled.0.clone(), ctx.settings.data_dir.clone());
            let stored = rocket::tokio::task::spawn_blocking(move || {
                store(&body, (start, end), &data_dir, slot)
            })
            .await
            .map_err(|e| PageError::Unavailable(e.to_string()))?
            .map_err(|e| PageError::Unavailable(e.to_string()))?;
            match stored {
                Ok((ct, size, duration)) => {
                    source = Source {
                        file_name: Some(
                            name.chars().filter(|c| !c.is_control()).take(200).collect(),
                        ),
                        content_type: Some(ct.to_owned()),
                        size_bytes: Some(size),
                        duration_ms: duration.or(typed_duration),
                        url: None,
                    };
                }
                Err(key) => {
                    errors.insert("file", key);
                }
            }
        }
    } else if sent.url.is_empty() {
        errors.insert("file", "access-video-missing");
    } else if !is_https_address(&sent.url) {
        errors.insert("url", "access-video-url-invalid");
    } else {
        source = Source {
            url: Some(sent.url.clone()),
            duration_ms: typed_duration,
            ..Source::default()
        };
    }
    if !errors.is_empty() {
        let status = Status::UnprocessableEntity;
        return videos_page(&ctx, &staff, &csrf, None, &sent, &errors, status)
            .await
            .map(Either::Right);
    }
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(sign_video::set(conn, slot, &source, &actor, now)?))
        .await?;
    Ok(Either::Left(Flash::success(
        Redirect::to("/admin/accessibility/videos"),
        "access-video-saved",
    )))
}

/// An address a visitor's browser may load a video from: `https`, a host, no spaces.
fn is_https_address(url: &str) -> bool {
    url.len() <= 500
        && url
            .strip_prefix("https://")
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<')
}

#[post("/admin/accessibility/videos/<slot>/remove", data = "<_form>")]
async fn remove(
    ctx: Ctx<'_>,
    staff: Staff,
    slot: &str,
    _form: Checked<Nothing>,
) -> Result<Flash<Redirect>, PageError> {
    require_admin(&staff)?;
    let slot: &'static str = SLOTS
        .iter()
        .find(|s| **s == slot)
        .ok_or(PageError::NotFound)?;
    let (actor, now) = (staff.actor(), ctx.now());
    ctx.db
        .page(move |conn| Ok(sign_video::remove(conn, slot, &actor, now)?))
        .await?;
    for ct in ["video/mp4", "video/webm"] {
        let _ = std::fs::remove_file(video_path(&ctx.settings.data_dir, slot, ct));
    }
    Ok(Flash::success(
        Redirect::to("/admin/accessibility/videos"),
        "access-video-removed",
    ))
}

pub fn routes() -> Vec<Route> {
    routes![show, upload, remove]
}

#[cfg(test)]
mod tests {
    use super::is_https_address;

    #[test]
    fn only_https_addresses_of_a_host() {
        assert!(is_https_address(
            "https://video.kreis.example/dgs/inhalt.mp4"
        ));
        assert!(!is_https_address("http://video.kreis.example/x.mp4"));
        assert!(!is_https_address("javascript:alert(1)"));
        assert!(!is_https_address("https:///x"));
        assert!(!is_https_address("https://a.example/x y"));
    }
}

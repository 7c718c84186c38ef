//! A file served with HTTP ranges (RFC 9110 § 14): browsers seek in a video by asking for
//! the part they need, and a large file is never read into memory.

use std::io::SeekFrom;
use std::pin::Pin;
use std::task::{Context, Poll};

use rocket::http::{ContentType, Header, Status};
use rocket::request::{FromRequest, Outcome, Request};
use rocket::response::{self, Responder, Response};
use rocket::tokio::fs::File;
use rocket::tokio::io::{AsyncRead, AsyncReadExt, AsyncSeek, AsyncSeekExt, ReadBuf, Take};

/// The request's `Range` header, if any.
pub struct RangeHeader(Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for RangeHeader {
    type Error = std::convert::Infallible;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        Outcome::Success(RangeHeader(
            req.headers().get_one("Range").map(str::to_owned),
        ))
    }
}

/// What a `Range` header asks of a file of `size` bytes: the whole file (`Ok(None)`: no
/// header, or one we do not serve such as several ranges), one range (first and last byte),
/// or nothing satisfiable (`Err`).
pub fn wanted(header: Option<&str>, size: u64) -> Result<Option<(u64, u64)>, ()> {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ok(None);
    };
    if spec.contains(',') {
        return Ok(None);
    }
    let Some((a, b)) = spec.split_once('-') else {
        return Ok(None);
    };
    let (a, b) = (a.trim(), b.trim());
    let range = if a.is_empty() {
        let n: u64 = b.parse().map_err(|_| ())?;
        if n == 0 || size == 0 {
            return Err(());
        }
        (size.saturating_sub(n), size - 1)
    } else {
        let first: u64 = a.parse().map_err(|_| ())?;
        let last = if b.is_empty() {
            size.saturating_sub(1)
        } else {
            b.parse::<u64>()
                .map_err(|_| ())?
                .min(size.saturating_sub(1))
        };
        if first >= size || last < first {
            return Err(());
        }
        (first, last)
    };
    Ok(Some(range))
}

/// A file's bytes from where it was opened, as many as the range holds.
struct Part(Take<File>);

impl AsyncRead for Part {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

/// Only for Rocket's sized body, whose size is given, so it is never sought.
impl AsyncSeek for Part {
    fn start_seek(self: Pin<&mut Self>, _: SeekFrom) -> std::io::Result<()> {
        Err(std::io::Error::other("a part is not sought"))
    }

    fn poll_complete(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<u64>> {
        Poll::Ready(Err(std::io::Error::other("a part is not sought")))
    }
}

/// A file answered whole (200) or in part (206), or 416 when the range lies outside it.
pub struct Ranged {
    status: Status,
    content_type: ContentType,
    size: u64,
    part: Option<(u64, u64, u64, Part)>,
    download_name: Option<String>,
}

impl Ranged {
    /// Opens `path` for the request's range.
    pub async fn open(
        path: &std::path::Path,
        content_type: ContentType,
        range: &RangeHeader,
        download_name: Option<String>,
    ) -> std::io::Result<Ranged> {
        let mut file = File::open(path).await?;
        let size = file.metadata().await?.len();
        let (status, part) = match wanted(range.0.as_deref(), size) {
            Err(()) => (Status::RangeNotSatisfiable, None),
            Ok(None) => (Status::Ok, Some((0, size.saturating_sub(1), size))),
            Ok(Some((first, last))) => (
                Status::PartialContent,
                Some((first, last, last - first + 1)),
            ),
        };
        let part = match part {
            Some((first, last, len)) => {
                file.seek(SeekFrom::Start(first)).await?;
                Some((first, last, len, Part(file.take(len))))
            }
            None => None,
        };
        Ok(Ranged {
            status,
            content_type,
            size,
            part,
            download_name,
        })
    }
}

impl<'r> Responder<'r, 'static> for Ranged {
    fn respond_to(self, _: &'r Request<'_>) -> response::Result<'static> {
        let mut res = Response::build();
        res.status(self.status)
            .header(self.content_type)
            .header(Header::new("Accept-Ranges", "bytes"));
        if let Some(name) = &self.download_name {
            res.header(Header::new(
                "Content-Disposition",
                format!("attachment; filename=\"{name}\""),
            ));
        }
        match self.part {
            None => {
                res.header(Header::new(
                    "Content-Range",
                    format!("bytes */{}", self.size),
                ));
            }
            Some((first, last, len, part)) => {
                if self.status == Status::PartialContent {
                    res.header(Header::new(
                        "Content-Range",
                        format!("bytes {first}-{last}/{}", self.size),
                    ));
                }
                let len = usize::try_from(len).map_err(|_| Status::InternalServerError)?;
                res.sized_body(len, part);
            }
        }
        res.ok()
    }
}

#[cfg(test)]
mod tests {
    use super::wanted;

    #[test]
    fn ranges_are_read_as_browsers_send_them() {
        assert_eq!(wanted(None, 100), Ok(None));
        assert_eq!(wanted(Some("bytes=0-"), 100), Ok(Some((0, 99))));
        assert_eq!(wanted(Some("bytes=10-19"), 100), Ok(Some((10, 19))));
        assert_eq!(wanted(Some("bytes=90-500"), 100), Ok(Some((90, 99))));
        assert_eq!(wanted(Some("bytes=-10"), 100), Ok(Some((90, 99))));
        assert_eq!(wanted(Some("bytes=0-1,5-6"), 100), Ok(None));
        assert_eq!(wanted(Some("bytes=100-"), 100), Err(()));
        assert_eq!(wanted(Some("bytes=20-10"), 100), Err(()));
        assert_eq!(wanted(Some("bytes=x-"), 100), Err(()));
        assert_eq!(wanted(Some("items=0-1"), 100), Ok(None));
    }
}

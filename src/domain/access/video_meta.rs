//! A video's type and length read from the file itself: the type from its first bytes (an
//! MP4 `ftyp` box, a WebM EBML header), never from its name; the length from the MP4 movie
//! header (`moov`/`mvhd`) or the WebM segment's `Info` (`Duration` × `TimecodeScale`).

use std::io::{Read, Seek, SeekFrom};

/// The accepted kinds: content type and the extension the stored file gets.
pub fn kind(head: &[u8]) -> Option<(&'static str, &'static str)> {
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Some(("video/mp4", "mp4"));
    }
    let is_webm = head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3])
        && head[..head.len().min(64)].windows(4).any(|w| w == b"webm");
    is_webm.then_some(("video/webm", "webm"))
}

/// The length in milliseconds, if the file says it.
pub fn duration_ms<R: Read + Seek>(file: &mut R, content_type: &str) -> Option<i64> {
    match content_type {
        "video/mp4" => mp4_duration(file),
        "video/webm" => {
            let mut head = Vec::new();
            file.seek(SeekFrom::Start(0)).ok()?;
            file.take(256 * 1024).read_to_end(&mut head).ok()?;
            webm_duration(&head)
        }
        _ => None,
    }
}

/// A box's header at the reader's position: its type and the size of its content.
fn box_header<R: Read + Seek>(r: &mut R, end: u64) -> Option<([u8; 4], u64)> {
    let start = r.stream_position().ok()?;
    let mut h = [0u8; 8];
    r.read_exact(&mut h).ok()?;
    let size = u64::from(u32::from_be_bytes([h[0], h[1], h[2], h[3]]));
    let kind = [h[4], h[5], h[6], h[7]];
    let (total, header) = match size {
        0 => (end - start, 8),
        1 => {
            let mut big = [0u8; 8];
            r.read_exact(&mut big).ok()?;
            (u64::from_be_bytes(big), 16)
        }
        n => (n, 8),
    };
    (total >= header && start + total <= end).then_some((kind, total - header))
}

/// Finds the child box `want` between the position and `end`; returns its content's size.
fn find_box<R: Read + Seek>(r: &mut R, want: &[u8; 4], end: u64) -> Option<u64> {
    loop {
        let (kind, size) = box_header(r, end)?;
        if &kind == want {
            return Some(size);
        }
        r.seek(SeekFrom::Current(i64::try_from(size).ok()?)).ok()?;
    }
}

fn mp4_duration<R: Read + Seek>(r: &mut R) -> Option<i64> {
    let end = r.seek(SeekFrom::End(0)).ok()?;
    r.seek(SeekFrom::Start(0)).ok()?;
    let moov = find_box(r, b"moov", end)?;
    let moov_end = r.stream_position().ok()? + moov;
    find_box(r, b"mvhd", moov_end)?;
    let mut version = [0u8; 4];
    r.read_exact(&mut version).ok()?;
    let (timescale, duration) = if version[0] == 1 {
        let mut b = [0u8; 28];
        r.read_exact(&mut b).ok()?;
        let ts = u32::from_be_bytes(b[16..20].try_into().ok()?);
        (
            u64::from(ts),
            u64::from_be_bytes(b[20..28].try_into().ok()?),
        )
    } else {
        let mut b = [0u8; 16];
        r.read_exact(&mut b).ok()?;
        let ts = u32::from_be_bytes(b[8..12].try_into().ok()?);
        (
            u64::from(ts),
            u64::from(u32::from_be_bytes(b[12..16].try_into().ok()?)),
        )
    };
    if timescale == 0 || duration == u64::from(u32::MAX) || duration == u64::MAX {
        return None;
    }
    i64::try_from(duration.checked_mul(1000)? / timescale).ok()
}

/// An EBML variable-length number at `pos`: (value, length); `keep_marker` for element ids.
fn vint(buf: &[u8], pos: usize, keep_marker: bool) -> Option<(u64, usize)> {
    let first = *buf.get(pos)?;
    let len = first.leading_zeros() as usize + 1;
    if len > 8 {
        return None;
    }
    let mut value = if keep_marker {
        u64::from(first)
    } else {
        u64::from(first) & ((1u64 << (8 - len)) - 1)
    };
    for i in 1..len {
        value = (value << 8) | u64::from(*buf.get(pos + i)?);
    }
    Some((value, len))
}

const SEGMENT: u64 = 0x1853_8067;
const INFO: u64 = 0x1549_A966;
const TIMECODE_SCALE: u64 = 0x2A_D7B1;
const DURATION: u64 = 0x4489;
const UNKNOWN_SIZE: usize = usize::MAX;

/// One element at `pos`: (id, content start, content size; unknown sizes as `UNKNOWN_SIZE`).
fn element(buf: &[u8], pos: usize) -> Option<(u64, usize, usize)> {
    let (id, id_len) = vint(buf, pos, true)?;
    let (size, size_len) = vint(buf, pos + id_len, false)?;
    let all_ones = (1u64 << (7 * size_len)) - 1;
    let size = if size == all_ones {
        UNKNOWN_SIZE
    } else {
        usize::try_from(size).ok()?
    };
    Some((id, pos + id_len + size_len, size))
}

fn webm_duration(buf: &[u8]) -> Option<i64> {
    // the EBML header, then the segment
    let (_, start, size) = element(buf, 0)?;
    let (id, mut pos, _) = element(buf, start.checked_add(size)?)?;
    if id != SEGMENT {
        return None;
    }
    while pos < buf.len() {
        let (id, start, size) = element(buf, pos)?;
        if id == INFO {
            let end = start.checked_add(size)?.min(buf.len());
            let (mut scale, mut duration) = (1_000_000f64, None);
            let mut p = start;
            while p < end {
                let (id, s, n) = element(buf, p)?;
                let bytes = buf.get(s..s.checked_add(n)?)?;
                match id {
                    TIMECODE_SCALE => {
                        scale = bytes.iter().fold(0u64, |v, b| (v << 8) | u64::from(*b)) as f64;
                    }
                    DURATION if n == 4 => {
                        duration = Some(f64::from(f32::from_be_bytes(bytes.try_into().ok()?)));
                    }
                    DURATION if n == 8 => {
                        duration = Some(f64::from_be_bytes(bytes.try_into().ok()?));
                    }
                    _ => {}
                }
                p = s + n;
            }
            let ms = duration? * scale / 1_000_000.0;
            return (ms.is_finite() && ms >= 0.0).then_some(ms.round() as i64);
        }
        if size == UNKNOWN_SIZE {
            return None;
        }
        pos = start.checked_add(size)?;
    }
    None
}

/// `mm:ss` (or `h:mm:ss`) for people.
pub fn format_duration(ms: i64) -> String {
    let s = (ms + 500) / 1000;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Reads `mm:ss`, `h:mm:ss` or plain seconds typed by a person.
pub fn parse_duration(text: &str) -> Option<i64> {
    let parts: Vec<i64> = text
        .trim()
        .split(':')
        .map(|p| p.trim().parse::<i64>().ok().filter(|n| *n >= 0))
        .collect::<Option<_>>()?;
    let secs = match parts[..] {
        [s] => s,
        [m, s] if s < 60 => m * 60 + s,
        [h, m, s] if m < 60 && s < 60 => h * 3600 + m * 60 + s,
        _ => return None,
    };
    (secs > 0 && secs < 24 * 3600).then_some(secs * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn boxed(kind: &[u8; 4], content: &[u8]) -> Vec<u8> {
        let mut b = u32::try_from(content.len() + 8)
            .unwrap()
            .to_be_bytes()
            .to_vec();
        b.extend_from_slice(kind);
        b.extend_from_slice(content);
        b
    }

    fn mp4(mvhd: &[u8]) -> Vec<u8> {
        let mut f = boxed(b"ftyp", b"isom\0\0\x02\0isomiso2mp41");
        f.extend(boxed(b"free", &[0; 5]));
        let mut moov = boxed(b"udta", b"");
        moov.extend(boxed(b"mvhd", mvhd));
        f.extend(boxed(b"moov", &moov));
        f.extend(boxed(b"mdat", &[1, 2, 3]));
        f
    }

    #[test]
    fn mp4_length_comes_from_the_movie_header() {
        let mut v0 = vec![0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2];
        v0.extend(600u32.to_be_bytes());
        v0.extend(50_100u32.to_be_bytes()); // 83.5 s at 600 per second
        v0.extend([0; 80]);
        let file = mp4(&v0);
        assert_eq!(kind(&file), Some(("video/mp4", "mp4")));
        assert_eq!(
            duration_ms(&mut Cursor::new(&file), "video/mp4"),
            Some(83_500)
        );
        let mut v1 = vec![1, 0, 0, 0];
        v1.extend([0; 16]);
        v1.extend(1000u32.to_be_bytes());
        v1.extend(125_000u64.to_be_bytes());
        assert_eq!(
            duration_ms(&mut Cursor::new(mp4(&v1)), "video/mp4"),
            Some(125_000)
        );
        // cut short, or no movie header: no length rather than a wrong one
        assert_eq!(
            duration_ms(&mut Cursor::new(&file[..60]), "video/mp4"),
            None
        );
        assert_eq!(
            duration_ms(
                &mut Cursor::new(boxed(b"ftyp", b"isom\0\0\0\0")),
                "video/mp4"
            ),
            None
        );
    }

    #[test]
    fn webm_length_comes_from_the_segment_info() {
        let mut f = vec![0x1A, 0x45, 0xDF, 0xA3, 0x87];
        f.extend([0x42, 0x82, 0x84]);
        f.extend(b"webm");
        // segment of unknown size; a void element, then Info
        f.extend([
            0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        ]);
        f.extend([0xEC, 0x82, 0, 0]);
        let mut info = vec![0x2A, 0xD7, 0xB1, 0x83, 0x0F, 0x42, 0x40]; // 1 ms
        info.extend([0x44, 0x89, 0x88]);
        info.extend(61_250.0f64.to_be_bytes());
        f.extend([
            0x15,
            0x49,
            0xA9,
            0x66,
            0x80 | u8::try_from(info.len()).unwrap(),
        ]);
        f.extend(info);
        assert_eq!(kind(&f), Some(("video/webm", "webm")));
        assert_eq!(
            duration_ms(&mut Cursor::new(&f), "video/webm"),
            Some(61_250)
        );
    }

    #[test]
    fn other_files_are_no_videos() {
        assert_eq!(kind(b"%PDF-1.7 ......"), None);
        assert_eq!(kind(b"MZ\x90\0\x03\0\0\0\x04\0\0\0"), None);
        // a Matroska file that is not WebM
        assert_eq!(
            kind(&[
                0x1A, 0x45, 0xDF, 0xA3, 0x42, 0x82, 0x88, b'm', b'a', b't', b'r'
            ]),
            None
        );
    }

    #[test]
    fn lengths_read_and_written_for_people() {
        assert_eq!(format_duration(83_500), "1:24");
        assert_eq!(format_duration(3_725_000), "1:02:05");
        assert_eq!(parse_duration("2:05"), Some(125_000));
        assert_eq!(parse_duration(" 95 "), Some(95_000));
        assert_eq!(parse_duration("1:02:05"), Some(3_725_000));
        assert_eq!(parse_duration("1:75"), None);
        assert_eq!(parse_duration("abc"), None);
        assert_eq!(parse_duration("0"), None);
    }
}

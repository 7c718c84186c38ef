//! A multipart form read by hand, for an upload larger than the application's `data-form`
//! limit allows: raising that limit would let every public form take such bodies too. The
//! route reads the body with its own limit and splits it here.

/// One part of the form: its field name, the file name if it is a file, and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub content: Vec<u8>,
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The value of `key="…"` in a `Content-Disposition` header.
fn param(header: &str, key: &str) -> Option<String> {
    header.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// The parts of a `multipart/form-data` body with this boundary; None when it is not one.
pub fn parts(body: &[u8], boundary: &str) -> Option<Vec<Part>> {
    if boundary.is_empty() {
        return None;
    }
    let delimiter = format!("--{boundary}");
    let start = find(body, delimiter.as_bytes())?;
    let mut rest = &body[start + delimiter.len()..];
    let next = format!("\r\n--{boundary}");
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Some(parts);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&rest[..head_end]).ok()?;
        let body_start = head_end + 4;
        let end = body_start + find(&rest[body_start..], next.as_bytes())?;
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        parts.push(Part {
            name: param(disposition, "name")?,
            filename: param(disposition, "filename"),
            content: rest[body_start..end].to_vec(),
        });
        rest = &rest[end + next.len()..];
    }
}

/// The text parts, and the file part's name with the offset where its content starts.
pub type HeadAndFile = (Vec<Part>, Option<(String, usize)>);

/// A form whose last part is a large file, read from the start of the body (`head`) only:
/// the text parts before the file, and the file's name with where its content starts. The
/// content ends where the closing delimiter begins ([`file_end`]).
pub fn head_and_file(head: &[u8], boundary: &str) -> Option<HeadAndFile> {
    if boundary.is_empty() {
        return None;
    }
    let delimiter = format!("--{boundary}");
    let start = find(head, delimiter.as_bytes())?;
    let mut offset = start + delimiter.len();
    let next = format!("\r\n--{boundary}");
    let mut fields = Vec::new();
    loop {
        let rest = &head[offset..];
        if rest.starts_with(b"--") {
            return Some((fields, None));
        }
        let rest = rest.strip_prefix(b"\r\n")?;
        offset += 2;
        let head_end = find(rest, b"\r\n\r\n")?;
        let part_head = std::str::from_utf8(&rest[..head_end]).ok()?;
        let disposition = part_head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        let body_start = offset + head_end + 4;
        if let Some(name) = param(disposition, "filename") {
            return Some((fields, Some((name, body_start))));
        }
        let end = body_start + find(&head[body_start..], next.as_bytes())?;
        fields.push(Part {
            name: param(disposition, "name")?,
            filename: None,
            content: head[body_start..end].to_vec(),
        });
        offset = end + next.len();
    }
}

/// Where the last part's content ends in a body of `len` bytes whose last bytes are `tail`.
pub fn file_end(tail: &[u8], len: usize, boundary: &str) -> Option<usize> {
    let closing = format!("\r\n--{boundary}--");
    let at = tail
        .windows(closing.len())
        .rposition(|w| w == closing.as_bytes())?;
    let after = &tail[at + closing.len()..];
    (after.iter().all(|b| b.is_ascii_whitespace())).then(|| len - (tail.len() - at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_files_are_split_at_the_boundary() {
        let body = b"--b1\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n\
--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"liste.csv\"\r\nContent-Type: text/csv\r\n\r\nA;B\r\n1;2\r\n\r\n\
--b1\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\r\n--b1--\r\n";
        let parts = parts(body, "b1").unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(
            (parts[0].name.as_str(), &parts[0].content[..]),
            ("csrf", &b"abc"[..])
        );
        assert_eq!(parts[1].filename.as_deref(), Some("liste.csv"));
        assert_eq!(parts[1].content, b"A;B\r\n1;2\r\n");
        assert!(parts[2].content.is_empty());
        assert_eq!(super::parts(b"csrf=abc", "b1"), None);
        assert_eq!(super::parts(&body[..60], "b1"), None, "cut short");
    }

    #[test]
    fn a_large_last_file_is_found_from_the_ends_of_the_body() {
        let body = b"--b1\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n\
--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.mp4\"\r\nContent-Type: video/mp4\r\n\r\nVIDEO\r\n--b1\r\n--b1--\r\n";
        let (fields, file) = head_and_file(body, "b1").unwrap();
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].content, b"abc");
        let (name, start) = file.unwrap();
        assert_eq!(name, "v.mp4");
        let end = file_end(&body[body.len() - 20..], body.len(), "b1").unwrap();
        assert_eq!(&body[start..end], b"VIDEO\r\n--b1");
        assert_eq!(file_end(b"no end here", 11, "b1"), None);
        // no file at all: only fields
        let plain =
            b"--b1\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://v\r\n--b1--\r\n";
        let (fields, file) = head_and_file(plain, "b1").unwrap();
        assert_eq!((fields.len(), file), (1, None));
    }
}

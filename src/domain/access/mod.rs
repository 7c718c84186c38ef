//! What BITV 2.0 asks of a public body's site beyond WCAG: the accessibility statement
//! (`statement`), the way to report a barrier (`feedback`) and the explanations in German
//! Sign Language (`sign_video`, with `video_meta` reading a video's type and length).

pub mod feedback;
pub mod sign_video;
pub mod statement;
pub mod video_meta;

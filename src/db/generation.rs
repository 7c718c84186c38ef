//! The write generation: raised after every committed write of this process (`lock`,
//! `batch`). It is the database layer's own signal; whoever keeps something derived from
//! earlier reads (the page cache in `web::page_cache`) compares it, without the database
//! knowing who listens.

use std::sync::atomic::{AtomicU64, Ordering};

static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Something was written: whatever was derived from earlier reads may be out of date.
pub fn written() {
    GENERATION.fetch_add(1, Ordering::Release);
}

/// The current generation: read it before the data it is to stand for.
pub fn write_generation() -> u64 {
    GENERATION.load(Ordering::Acquire)
}

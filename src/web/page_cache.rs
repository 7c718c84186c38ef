//! Micro-caching of the busiest public pages (the meeting list and meeting pages): a page
//! rendered once serves the same address and language for up to `page_cache_ms`, unless
//! anything was written meanwhile on this instance. Other instances' writes show after that
//! time at most; registering itself always decides on the current data. "Written" is the
//! database layer's write generation (`db::write_generation`): a page names the meetings
//! it shows, and a registration for one meeting leaves the pages of all others in place.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Stands in the cached page where each answer gets its own form stamp.
pub const STAMP_MARK: &str = "\u{1}stamp\u{1}";

/// Pages kept at most; a busy site shows far fewer distinct pages within a second.
const MAX_PAGES: usize = 2048;

struct Entry {
    html: Arc<str>,
    generation: u64,
    /// The meetings the page shows: their registrations make it out of date.
    meetings: Vec<i64>,
    at: Instant,
}

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, Entry>>,
}

impl PageCache {
    /// The cached page for `key`, while fresh.
    pub fn get(&self, key: &str, ttl: Duration) -> Option<Arc<str>> {
        if ttl.is_zero() {
            return None;
        }
        let pages = self.pages.lock().ok()?;
        pages
            .get(key)
            .filter(|e| {
                e.at.elapsed() < ttl && crate::db::unchanged_since(e.generation, &e.meetings)
            })
            .map(|e| e.html.clone())
    }

    /// Keeps a page rendered from data read at `generation` (taken before reading) that
    /// shows `meetings`.
    pub fn put(&self, key: String, generation: u64, meetings: Vec<i64>, html: Arc<str>) {
        if let Ok(mut pages) = self.pages.lock() {
            if pages.len() >= MAX_PAGES {
                pages.clear();
            }
            pages.insert(
                key,
                Entry {
                    html,
                    generation,
                    meetings,
                    at: Instant::now(),
                },
            );
        }
    }
}

/// The generation to file a page under: read it before the data the page shows.
pub fn generation() -> u64 {
    crate::db::write_generation()
}

//! The write generation: raised after every committed write of this process (`lock`,
//! `batch`). It is the database layer's own signal; whoever keeps something derived from
//! earlier reads (the page cache in `web::page_cache`) compares it, without the database
//! knowing who listens.
//!
//! Most writes may change anything. The hot ones (registering, checking in: the work given
//! to `Db::run_batched`) change only one meeting's registrations, and are filed under that
//! meeting alone: a registration then leaves the pages of every other meeting valid, which
//! is what keeps the cache useful while people register.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

/// Raised by every write.
static GENERATION: AtomicU64 = AtomicU64::new(0);
/// The generation of the last write that may have changed anything.
static ANYTHING: AtomicU64 = AtomicU64::new(0);
/// Per meeting (by its id modulo the slots), the generation of the last write confined to
/// its registrations. Meetings sharing a slot only invalidate each other's pages too often;
/// a fixed table needs no lock and no clean-up.
const SLOTS: usize = 4096;
static MEETINGS: [AtomicU64; SLOTS] = [const { AtomicU64::new(0) }; SLOTS];

thread_local! {
    /// The meeting whose registrations the work on this thread is confined to.
    static CONFINED_TO: Cell<Option<i64>> = const { Cell::new(None) };
}

fn slot(event_id: i64) -> &'static AtomicU64 {
    // the remainder is below SLOTS, so the cast cannot truncate
    &MEETINGS[event_id.rem_euclid(SLOTS as i64) as usize]
}

/// Something was committed: whatever was derived from earlier reads may be out of date;
/// inside [`confined_to`] only what derives from that meeting's registrations.
pub fn written() {
    match CONFINED_TO.with(Cell::get) {
        Some(event_id) => registrations_written(event_id),
        None => {
            let now = GENERATION.fetch_add(1, Ordering::AcqRel) + 1;
            ANYTHING.fetch_max(now, Ordering::AcqRel);
        }
    }
}

/// Registrations of `event_id` (and nothing else) were committed.
pub fn registrations_written(event_id: i64) {
    let now = GENERATION.fetch_add(1, Ordering::AcqRel) + 1;
    slot(event_id).fetch_max(now, Ordering::AcqRel);
}

/// Runs `f`, whose writes change only the registrations of `event_id`, on this thread.
pub fn confined_to<T>(event_id: i64, f: impl FnOnce() -> T) -> T {
    let before = CONFINED_TO.with(|c| c.replace(Some(event_id)));
    // restored however `f` ends, a panic included: the thread serves other work next
    struct Restore(Option<i64>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CONFINED_TO.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(before);
    f()
}

/// The current generation: read it before the data it is to stand for.
pub fn write_generation() -> u64 {
    GENERATION.load(Ordering::Acquire)
}

/// Whether what was read at `generation` about these meetings is still current: nothing
/// that may change anything was written since, nor any of their registrations.
pub fn unchanged_since(generation: u64, meetings: &[i64]) -> bool {
    ANYTHING.load(Ordering::Acquire) <= generation
        && meetings
            .iter()
            .all(|&m| slot(m).load(Ordering::Acquire) <= generation)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Other tests of the process write meanwhile; a round is judged only when nothing that
    /// may change anything was written during it.
    fn quiet_round(round: impl Fn() -> bool) -> bool {
        (0..100).any(|_| {
            let before = ANYTHING.load(Ordering::Acquire);
            let held = round();
            ANYTHING.load(Ordering::Acquire) == before && held
        })
    }

    #[test]
    fn a_confined_write_leaves_other_meetings_current() {
        assert!(quiet_round(|| {
            let read = write_generation();
            confined_to(5, written);
            !unchanged_since(read, &[5])
                && unchanged_since(read, &[6])
                && !unchanged_since(read, &[6, 5])
                // the same slot: invalidated as well, never kept by mistake
                && !unchanged_since(read, &[5 + SLOTS as i64])
                && unchanged_since(write_generation(), &[5])
        }));
    }

    #[test]
    fn any_other_write_changes_everything() {
        let read = write_generation();
        written();
        assert!(!unchanged_since(read, &[6]));
        assert!(!unchanged_since(read, &[]));
    }
}

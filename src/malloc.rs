//! Giving memory back to the system after work that needed much of it at once.

/// Returns the allocator's free pages to the system. glibc keeps freed memory in its
/// arenas and gives back only what lies at the top of a heap: after a calendar feed of
/// thousands of meetings is built, the megabytes its rows and events took stay resident
/// in holes between blocks still in use, and the next peak (more requests at once) comes
/// on top of them. Called only after such rare, large work: it walks the arenas.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands free pages back; it takes the arenas' own locks.
    unsafe {
        libc::malloc_trim(0);
    }
}

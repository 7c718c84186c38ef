//! The same ticket shown again to the device that has just let its guest in (a phone held up
//! in front of the camera, a helper scanning twice): still a welcome, never a red refusal
//! for the person standing there; every other device, and this one later, hears the truth.

use chrono::NaiveDateTime;

use super::checkin::{Verdict, stamp};
use super::registration::Registration;

/// For how long after its own check-in a device that scans the same ticket again still
/// shows the welcome (a guest holding the phone up for a while, a helper scanning twice):
/// the same person is standing there, and a red refusal would be wrong. Any other device,
/// and this one later, hears when and where the person was let in.
pub const WELCOME_AGAIN_SECS: i64 = 60;

/// A second scan of `r` by `device` at `at` within [`WELCOME_AGAIN_SECS`] of the check-in
/// that same device made. Unnamed devices (clients that send no name) never match: two of
/// them cannot be told apart.
pub(super) fn welcome_again(r: &Registration, device: &str, at: NaiveDateTime) -> Option<Verdict> {
    let first = r.checked_in_at?;
    let same = r
        .checked_in_device
        .as_deref()
        .is_some_and(|d| d == device && !matches!(d, "" | "?"));
    // either way round: scans racing each other reach the database in any order
    let apart = (at - first).num_seconds().abs();
    (same && apart <= WELCOME_AGAIN_SECS).then(|| Verdict::WelcomeAgain {
        registration_id: r.id,
        name: r.name.clone(),
        party: r.seats,
        at: stamp(first),
    })
}

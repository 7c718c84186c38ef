//! What a door device is told after a scan or tap: the verdict as data and in words, in the
//! device's language and the site's time zone.

use rocket::serde::json::Json;

use crate::domain::checkin::{self, Verdict};
use crate::i18n;
use crate::web::Ctx;

/// A verdict's time (RFC 3339) in the site's time zone.
fn local_time(at: &str, fmt: &i18n::Formatter) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| fmt.time(t.naive_utc()))
        .unwrap_or_default()
}

fn verdict_text(lang: &str, v: &Verdict, fmt: &i18n::Formatter) -> String {
    match v {
        Verdict::Welcome { name, party, .. } | Verdict::WelcomeAgain { name, party, .. } => {
            i18n::text_with(
                lang,
                "door-welcome",
                &[
                    ("name", name.clone().into()),
                    ("party", i64::from(*party).into()),
                ],
            )
        }
        Verdict::Already {
            name, at, device, ..
        } => {
            let t = local_time(at, fmt);
            i18n::text_with(
                lang,
                "door-already",
                &[
                    ("name", name.clone().into()),
                    ("time", t.into()),
                    ("device", device.clone().into()),
                ],
            )
        }
        Verdict::Cancelled { name, .. } => {
            i18n::text_with(lang, "door-cancelled", &[("name", name.clone().into())])
        }
        Verdict::Waiting { name, .. } => {
            i18n::text_with(lang, "door-waiting", &[("name", name.clone().into())])
        }
        Verdict::Unconfirmed { name, .. } => {
            i18n::text_with(lang, "door-unconfirmed", &[("name", name.clone().into())])
        }
        Verdict::WrongMeeting => i18n::text(lang, "door-wrong-meeting"),
        Verdict::Expired => i18n::text(lang, "door-expired"),
        Verdict::Invalid => i18n::text(lang, "door-invalid"),
    }
}

/// What a door device shows after a scan or tap: the verdict, in words too.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct DoorAnswer {
    #[serde(flatten)]
    pub verdict: Verdict,
    /// Let the person in.
    pub ok: bool,
    /// The verdict in the device's language.
    pub message: String,
    /// A small addition to the verdict: with `welcome_again`, that this device let the
    /// person in a moment ago.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The answer to an undo.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct UndoAnswer {
    /// Whether there was a check-in to take back.
    pub undone: bool,
}

/// Counters, and with `list` what a device needs to check tickets offline.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct StatusAnswer {
    pub counters: checkin::Counters,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendees: Option<Vec<checkin::Attendee>>,
    /// The key that verifies tickets (Ed25519, base64url).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// When devices delete their copy of the list (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_until: Option<String>,
}

pub(super) fn answer(ctx: &Ctx<'_>, v: Verdict) -> Json<DoorAnswer> {
    let fmt = ctx.fmt();
    let note = match &v {
        Verdict::WelcomeAgain { at, .. } => Some(i18n::text_with(
            ctx.lang(),
            "door-welcome-again",
            &[("time", local_time(at, &fmt).into())],
        )),
        _ => None,
    };
    Json(DoorAnswer {
        message: verdict_text(ctx.lang(), &v, &fmt),
        ok: matches!(v, Verdict::Welcome { .. } | Verdict::WelcomeAgain { .. }),
        note,
        verdict: v,
    })
}

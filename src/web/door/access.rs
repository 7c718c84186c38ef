//! Who may work a meeting's door: staff of its office, or a device opened with one of its
//! door links; and what a call that changes something must carry besides the cookie (JSON
//! and the door token in a header, which a page on another site cannot send).

use chrono::NaiveDateTime;
use rocket::http::{Cookie, CookieJar, SameSite, Status};
use rocket::request::{FromRequest, Outcome, Request};

use crate::domain::audit::Actor;
use crate::domain::{door_link, event, token};
use crate::web::staff::session::{CsrfToken, Staff};

pub const DOOR_COOKIE: &str = "tp_door";

/// The header in which the check-in page sends its door token with every change.
pub const DOOR_TOKEN_HEADER: &str = "X-Door-Token";

/// Who may check people in for one meeting: a staff member of its office (door staff
/// included), or a device opened with the meeting's door link or PIN.
pub struct Door {
    pub actor: Actor,
    /// An organiser of the meeting's office (not door staff, not a door link's device): may
    /// see health-related answers.
    pub organiser: bool,
    /// Handed to the check-in page; every state-changing call sends it back in
    /// [`DOOR_TOKEN_HEADER`]. A door device's own (kept in its door cookie), for staff their
    /// form token.
    pub token: String,
}

/// Why a door call is refused before it is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoorRefusal {
    /// No session of the meeting's office and no valid door link of the meeting.
    Forbidden,
    /// The database could not be asked: try again shortly (the phone checks offline
    /// meanwhile and keeps its scans). Never "not allowed", which would lock it out.
    Unavailable,
    /// A change sent as anything but JSON (a form or text/plain from another site).
    NotJson,
    /// A change without this device's door token.
    NoToken,
}

impl DoorRefusal {
    pub fn status(self) -> Status {
        match self {
            DoorRefusal::Forbidden | DoorRefusal::NoToken => Status::Forbidden,
            DoorRefusal::Unavailable => Status::ServiceUnavailable,
            DoorRefusal::NotJson => Status::UnsupportedMediaType,
        }
    }

    /// The Fluent key of the sentence that says what to do.
    pub fn message_key(self) -> &'static str {
        match self {
            DoorRefusal::Forbidden => "error-403-text",
            DoorRefusal::Unavailable => "error-503-text",
            DoorRefusal::NotJson => "door-not-json",
            DoorRefusal::NoToken => "door-token-missing",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DoorRefusal::Forbidden => "forbidden",
            DoorRefusal::Unavailable => "unavailable",
            DoorRefusal::NotJson => "unsupported_media_type",
            DoorRefusal::NoToken => "door_token",
        }
    }
}

/// The door cookie of a device: `<meeting>:<link>:<device token>`, encrypted, until the
/// link expires.
pub fn door_cookie(
    secure: bool,
    event: i64,
    link: i64,
    device_token: &str,
    expires: NaiveDateTime,
) -> Cookie<'static> {
    let mut c = Cookie::build((DOOR_COOKIE, format!("{event}:{link}:{device_token}")))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build();
    c.set_expires(
        rocket::time::OffsetDateTime::from_unix_timestamp(expires.and_utc().timestamp()).ok(),
    );
    c
}

/// The meeting, link and device token of a door cookie (cookies from before device tokens
/// have none).
fn parse_cookie(value: &str) -> Option<(i64, i64, Option<&str>)> {
    let mut parts = value.splitn(3, ':');
    let event = parts.next()?.parse().ok()?;
    let link = parts.next()?.parse().ok()?;
    let token = parts.next().filter(|t| !t.is_empty());
    Some((event, link, token))
}

/// The device token this browser already holds for `link`, so that opening the link again
/// does not invalidate the pages it has open.
pub fn device_token_in(jar: &CookieJar<'_>, event: i64, link: i64) -> Option<String> {
    let c = jar.get_private(DOOR_COOKIE)?;
    let (e, l, t) = parse_cookie(c.value())?;
    (e == event && l == link).then(|| t.map(str::to_owned))?
}

async fn door_for(req: &Request<'_>, event_id: i64) -> Result<Door, DoorRefusal> {
    let db = req
        .rocket()
        .state::<crate::db::Db>()
        .ok_or(DoorRefusal::Unavailable)?;
    match req.guard::<Staff>().await {
        Outcome::Success(staff) => {
            let office = db
                .run(move |conn| {
                    Ok::<_, crate::db::DbError>(event::find(conn, event_id)?.map(|e| e.office_id))
                })
                .await
                .map_err(|e| {
                    log::error!("door: {e}");
                    DoorRefusal::Unavailable
                })?
                .ok_or(DoorRefusal::Forbidden)?;
            if !(staff.user.is_admin() || staff.offices.contains(&office)) {
                return Err(DoorRefusal::Forbidden);
            }
            let Outcome::Success(CsrfToken(token)) = req.guard::<CsrfToken>().await else {
                return Err(DoorRefusal::Unavailable);
            };
            return Ok(Door {
                actor: staff.actor(),
                organiser: staff.user.is_organiser(),
                token,
            });
        }
        // the session could not be checked (the database): not a refusal
        Outcome::Error((status, _)) if status.code >= 500 => {
            return Err(DoorRefusal::Unavailable);
        }
        // no (valid) session: a door link may still open the door
        Outcome::Error(_) | Outcome::Forward(_) => {}
    }
    let cookie = req
        .cookies()
        .get_private(DOOR_COOKIE)
        .ok_or(DoorRefusal::Forbidden)?;
    let (event, link, device_token) = parse_cookie(cookie.value()).ok_or(DoorRefusal::Forbidden)?;
    if event != event_id {
        return Err(DoorRefusal::Forbidden);
    }
    // the link must still be valid: revoking it locks the device out at once
    let now = req
        .rocket()
        .state::<crate::Clock>()
        .ok_or(DoorRefusal::Unavailable)?
        .now();
    let (label, expires) = db
        .run(move |conn| door_link::valid(conn, link, event, now).map_err(crate::db::DbError::from))
        .await
        .map_err(|e| {
            log::error!("door: {e}");
            DoorRefusal::Unavailable
        })?
        .ok_or(DoorRefusal::Forbidden)?;
    let token = match device_token {
        Some(t) => t.to_owned(),
        None => {
            // a device opened before door tokens existed gets one now
            let t = token::new_token();
            let secure = req
                .rocket()
                .state::<crate::Settings>()
                .is_some_and(|s| s.public_url.starts_with("https://"));
            req.cookies()
                .add_private(door_cookie(secure, event, link, &t, expires));
            t
        }
    };
    Ok(Door {
        organiser: false,
        actor: Actor {
            user_id: None,
            label: format!("door link {link} ({label})"),
        },
        token,
    })
}

/// The meeting id is the first path segment after the prefix (`/checkin/<id>`, `/api/v1/checkin/<id>/…`).
fn event_in_path(req: &Request<'_>) -> Option<i64> {
    let segs: Vec<&str> = req.uri().path().segments().collect();
    let i = segs.iter().position(|s| *s == "checkin")?;
    segs.get(i + 1)?.parse().ok()
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Door {
    type Error = DoorRefusal;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, DoorRefusal> {
        let Some(event_id) = event_in_path(req) else {
            return Outcome::Forward(Status::NotFound);
        };
        match door_for(req, event_id).await {
            Ok(d) => Outcome::Success(d),
            Err(r) => Outcome::Error((r.status(), r)),
        }
    }
}

/// Door access for a call that changes something: JSON only, with the door token in
/// [`DOOR_TOKEN_HEADER`]. A page on another site can make a browser send the door cookie
/// with a form or text/plain, but neither a JSON body nor a custom header (both need a
/// CORS preflight, which this site never allows) and it cannot know the token.
pub struct DoorWrite(pub Door);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for DoorWrite {
    type Error = DoorRefusal;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, DoorRefusal> {
        let door = rocket::outcome::try_outcome!(req.guard::<Door>().await);
        let refuse = |r: DoorRefusal| Outcome::Error((r.status(), r));
        if !req.content_type().is_some_and(|c| c.is_json()) {
            return refuse(DoorRefusal::NotJson);
        }
        match req.headers().get_one(DOOR_TOKEN_HEADER) {
            Some(given) if crate::secret::same(given.trim(), &door.token) => {
                Outcome::Success(DoorWrite(door))
            }
            _ => refuse(DoorRefusal::NoToken),
        }
    }
}

//! Staff sessions in an encrypted cookie, the guards that check them, and CSRF tokens.

use chrono::{Duration, NaiveDateTime};
use rocket::State;
use rocket::data::Limits;
use rocket::data::{self, Data, FromData};
use rocket::form::{Form, FromForm, Lenient};
use rocket::http::{Cookie, CookieJar, RawStr, SameSite, Status};
use rocket::request::{FromRequest, Outcome, Request};

use crate::db::Db;
use crate::domain::account::{self, User};
use crate::domain::audit::Actor;
use crate::domain::token;
use crate::{Clock, Settings};

pub const SESSION_COOKIE: &str = "tp_session";
pub const CSRF_COOKIE: &str = "tp_csrf";
pub const SESSION_HOURS: i64 = 12;

fn secure(settings: &Settings) -> bool {
    settings.public_url.starts_with("https://")
}

fn cookie<'c>(settings: &Settings, name: &'c str, value: String) -> Cookie<'c> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure(settings))
        .build()
}

/// Starts a session for `user` (after login or set-up).
pub fn start(jar: &CookieJar<'_>, settings: &Settings, user: &User, now: NaiveDateTime) {
    let expires = (now + Duration::hours(SESSION_HOURS)).and_utc().timestamp();
    let value = format!("{}:{}:{}", user.id, user.session_epoch, expires);
    let mut c = cookie(settings, SESSION_COOKIE, value);
    c.set_max_age(rocket::time::Duration::hours(SESSION_HOURS));
    jar.add_private(c);
}

pub fn end(jar: &CookieJar<'_>) {
    jar.remove_private(Cookie::build(SESSION_COOKIE).path("/"));
}

/// A logged-in staff member with the offices they manage.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user: User,
    pub offices: Vec<i64>,
}

impl Staff {
    pub fn can_manage_office(&self, office_id: i64) -> bool {
        self.user.is_admin() || (self.user.is_organiser() && self.offices.contains(&office_id))
    }

    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.user.id),
            label: self.user.email.clone(),
        }
    }
}

fn parse(value: &str) -> Option<(i64, i32, i64)> {
    let mut parts = value.split(':');
    let id = parts.next()?.parse().ok()?;
    let epoch = parts.next()?.parse().ok()?;
    let expires = parts.next()?.parse().ok()?;
    Some((id, epoch, expires))
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Staff {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let Some((id, epoch, expires)) = req
            .cookies()
            .get_private(SESSION_COOKIE)
            .and_then(|c| parse(c.value()))
        else {
            return Outcome::Forward(Status::Unauthorized);
        };
        let (Some(db), Some(clock)) = (req.rocket().state::<Db>(), req.rocket().state::<Clock>())
        else {
            return Outcome::Error((Status::InternalServerError, ()));
        };
        if clock.now().and_utc().timestamp() >= expires {
            return Outcome::Forward(Status::Unauthorized);
        }
        let found = db
            .run(move |conn| {
                let Some(user) = account::find(conn, id)? else {
                    return Ok(None);
                };
                let offices = account::office_ids(conn, id)?;
                Ok::<_, crate::db::DbError>(Some(Staff { user, offices }))
            })
            .await;
        match found {
            Ok(Some(staff)) if staff.user.active && staff.user.session_epoch == epoch => {
                Outcome::Success(staff)
            }
            Ok(_) => Outcome::Forward(Status::Unauthorized),
            Err(_) => Outcome::Error((Status::ServiceUnavailable, ())),
        }
    }
}

/// The visitor's CSRF token, made and kept in an encrypted cookie on first use. Forms
/// carry it in a hidden `csrf` field; [`Checked`] compares the two.
pub struct CsrfToken(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CsrfToken {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        if let Some(c) = req.cookies().get_private(CSRF_COOKIE) {
            return Outcome::Success(CsrfToken(c.value().to_owned()));
        }
        let settings = rocket::outcome::try_outcome!(req.guard::<&State<Settings>>().await);
        let token = token::new_token();
        req.cookies()
            .add_private(cookie(settings, CSRF_COOKIE, token.clone()));
        Outcome::Success(CsrfToken(token))
    }
}

/// A posted form whose `csrf` field matches the visitor's CSRF cookie; anything else is
/// 403 and the form is never looked at. `T` itself knows nothing of the token.
pub struct Checked<T>(pub T);

fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn csrf_field(body: &str) -> Option<String> {
    body.split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "csrf")
        .and_then(|(_, v)| RawStr::new(v).url_decode().ok())
        .map(|v| v.into_owned())
}

#[rocket::async_trait]
impl<'r, T: for<'a> FromForm<'a> + Send + 'static> FromData<'r> for Checked<T> {
    type Error = ();

    async fn from_data(req: &'r Request<'_>, data: Data<'r>) -> data::Outcome<'r, Self, ()> {
        let limit = req.limits().get("form").unwrap_or(Limits::FORM);
        let body = match data.open(limit).into_string().await {
            Ok(s) if s.is_complete() => s.into_inner(),
            Ok(_) => return data::Outcome::Error((Status::PayloadTooLarge, ())),
            Err(_) => return data::Outcome::Error((Status::BadRequest, ())),
        };
        let expected = req.cookies().get_private(CSRF_COOKIE);
        let given = csrf_field(&body);
        match (expected, given) {
            (Some(c), Some(g)) if same(c.value(), &g) => {}
            _ => return data::Outcome::Error((Status::Forbidden, ())),
        }
        match Form::<Lenient<T>>::parse_encoded(RawStr::new(&body)) {
            Ok(form) => data::Outcome::Success(Checked(form.into_inner())),
            Err(e) => data::Outcome::Error((e.status(), ())),
        }
    }
}

/// A form with nothing but the token (publish and cancel buttons, logout).
#[derive(Debug, FromForm)]
pub struct Nothing {
    /// the token itself, already checked
    pub csrf: Option<String>,
}

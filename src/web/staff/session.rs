//! Staff sessions: the cookie carries the token of a session row in the database (see
//! [`crate::domain::staff_session`]), the guards that check them, and CSRF tokens bound to
//! the session.

use chrono::NaiveDateTime;
use rocket::State;
use rocket::data::Limits;
use rocket::data::{self, Data, FromData};
use rocket::form::{DataField, Form, FromForm, Lenient, Options, ValueField};
use rocket::http::{Cookie, CookieJar, RawStr, SameSite, Status};
use rocket::request::{FromRequest, Outcome, Request};
use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::domain::account::{self, User};
use crate::domain::audit::Actor;
use crate::domain::staff_session;
use crate::domain::token;
use crate::web::form_gate::FormSecret;
use crate::{Clock, Settings};

pub const SESSION_COOKIE: &str = "tp_session";
pub const CSRF_COOKIE: &str = "tp_csrf";
pub const SESSION_HOURS: i64 = staff_session::SESSION_HOURS;

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

/// Gives the browser the cookie of a session just made in the database (after login or
/// set-up). The CSRF token from before goes: from now on it is derived from the session.
pub fn start(jar: &CookieJar<'_>, settings: &Settings, token: String) {
    let mut c = cookie(settings, SESSION_COOKIE, token);
    c.set_max_age(rocket::time::Duration::hours(SESSION_HOURS));
    jar.add_private(c);
    jar.remove_private(Cookie::build(CSRF_COOKIE).path("/"));
}

/// Forgets the session and CSRF cookies in this browser (the row is the caller's to end).
pub fn end(jar: &CookieJar<'_>) {
    jar.remove_private(Cookie::build(SESSION_COOKIE).path("/"));
    jar.remove_private(Cookie::build(CSRF_COOKIE).path("/"));
}

/// The session token this browser carries, if it carries one that could be one.
pub fn token_of(jar: &CookieJar<'_>) -> Option<String> {
    jar.get_private(SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|t| token::looks_like_token(t))
}

/// A logged-in staff member with the offices they manage.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user: User,
    pub offices: Vec<i64>,
    /// The session row this request came with (the sessions page marks it "this device").
    pub session_id: i64,
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

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Staff {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let Some(token) = token_of(req.cookies()) else {
            return Outcome::Forward(Status::Unauthorized);
        };
        let (Some(db), Some(clock)) = (req.rocket().state::<Db>(), req.rocket().state::<Clock>())
        else {
            return Outcome::Error((Status::InternalServerError, ()));
        };
        let now: NaiveDateTime = clock.now();
        let found = db
            .run(move |conn| {
                let Some(session) = staff_session::find(conn, &token, now)? else {
                    return Ok(None);
                };
                let Some(user) = account::find(conn, session.user_id)? else {
                    return Ok(None);
                };
                // a new password, a role change or a lock raised the epoch: ended
                if !user.active || user.session_epoch != session.epoch {
                    return Ok(None);
                }
                // "last seen" is a nicety: a database that cannot write now (busy,
                // read-only) must not lock anybody out of reading
                if let Err(e) = staff_session::touch(conn, &session, now) {
                    log::warn!("cannot note the session as seen: {e}");
                }
                let offices = account::office_ids(conn, user.id)?;
                Ok::<_, crate::db::DbError>(Some(Staff {
                    user,
                    offices,
                    session_id: session.id,
                }))
            })
            .await;
        match found {
            Ok(Some(staff)) => Outcome::Success(staff),
            Ok(None) => Outcome::Forward(Status::Unauthorized),
            Err(_) => Outcome::Error((Status::ServiceUnavailable, ())),
        }
    }
}

/// The CSRF token of a session: a keyed hash of its token, so it changes with every login
/// and names exactly one session, and the database never holds it.
fn bound_token(secret: &[u8], session_token: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"treffpunkt csrf\0");
    h.update((secret.len() as u64).to_be_bytes());
    h.update(secret);
    h.update(session_token.as_bytes());
    h.finalize()[..18]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The token a form from this browser must carry: bound to the session when there is
/// one, else the random one of the CSRF cookie (login and set-up forms).
pub fn expected_csrf(req: &Request<'_>) -> Option<String> {
    if let Some(session_token) = token_of(req.cookies()) {
        let secret = req.rocket().state::<FormSecret>()?;
        return Some(bound_token(&secret.0, &session_token));
    }
    req.cookies()
        .get_private(CSRF_COOKIE)
        .map(|c| c.value().to_owned())
}

/// The visitor's CSRF token: derived from the session when logged in, else made and kept
/// in an encrypted cookie on first use. Forms carry it in a hidden `csrf` field;
/// [`Checked`] compares the two.
pub struct CsrfToken(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CsrfToken {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        if let Some(token) = expected_csrf(req) {
            return Outcome::Success(CsrfToken(token));
        }
        let settings = rocket::outcome::try_outcome!(req.guard::<&State<Settings>>().await);
        let token = token::new_token();
        req.cookies()
            .add_private(cookie(settings, CSRF_COOKIE, token.clone()));
        Outcome::Success(CsrfToken(token))
    }
}

/// A posted form whose `csrf` field matches the visitor's CSRF token; anything else is
/// 403 and the form is never looked at. `T` itself knows nothing of the token. A
/// multipart form (a document upload) is read within Rocket's `data-form` limit first,
/// and refused the same way when its token is wrong.
pub struct Checked<T>(pub T);

/// A multipart form's fields with the CSRF token taken aside, so that `T` need not know it.
struct WithCsrf<T> {
    csrf: Option<String>,
    form: T,
}

#[rocket::async_trait]
impl<'r, T: FromForm<'r>> FromForm<'r> for WithCsrf<T> {
    type Context = (Option<String>, T::Context);

    fn init(opts: Options) -> Self::Context {
        (None, T::init(opts))
    }

    fn push_value(ctxt: &mut Self::Context, field: ValueField<'r>) {
        if field.name == "csrf" {
            ctxt.0 = Some(field.value.to_owned());
        } else {
            T::push_value(&mut ctxt.1, field);
        }
    }

    async fn push_data(ctxt: &mut Self::Context, field: DataField<'r, '_>) {
        T::push_data(&mut ctxt.1, field).await;
    }

    fn push_error(ctxt: &mut Self::Context, error: rocket::form::Error<'r>) {
        T::push_error(&mut ctxt.1, error);
    }

    fn finalize(ctxt: Self::Context) -> rocket::form::Result<'r, Self> {
        Ok(WithCsrf {
            csrf: ctxt.0,
            form: T::finalize(ctxt.1)?,
        })
    }
}

async fn checked_multipart<'r, T: for<'a> FromForm<'a> + Send + 'static>(
    req: &'r Request<'_>,
    data: Data<'r>,
) -> data::Outcome<'r, Checked<T>, ()> {
    let parsed = match Form::<Lenient<WithCsrf<T>>>::from_data(req, data).await {
        data::Outcome::Success(f) => f.into_inner().into_inner(),
        data::Outcome::Error((status, _)) => return data::Outcome::Error((status, ())),
        data::Outcome::Forward(f) => return data::Outcome::Forward(f),
    };
    match (expected_csrf(req), parsed.csrf) {
        (Some(e), Some(g)) if crate::secret::same(&e, &g) => {
            data::Outcome::Success(Checked(parsed.form))
        }
        _ => data::Outcome::Error((Status::Forbidden, ())),
    }
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
        if req.content_type().is_some_and(|ct| ct.is_form_data()) {
            return checked_multipart(req, data).await;
        }
        let limit = req.limits().get("form").unwrap_or(Limits::FORM);
        let body = match data.open(limit).into_string().await {
            Ok(s) if s.is_complete() => s.into_inner(),
            Ok(_) => return data::Outcome::Error((Status::PayloadTooLarge, ())),
            Err(_) => return data::Outcome::Error((Status::BadRequest, ())),
        };
        let expected = expected_csrf(req);
        let given = csrf_field(&body);
        match (expected, given) {
            (Some(e), Some(g)) if crate::secret::same(&e, &g) => {}
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
    /// The token itself, already checked by `Checked`; named so that the form parses.
    #[field(name = "csrf")]
    _csrf: Option<String>,
}

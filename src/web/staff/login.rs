//! Logging in and out, and setting a password through a one-time set-up link.

use rocket::form::FromForm;
use rocket::http::{CookieJar, Status};
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, State, get, post, routes};
use rocket_dyn_templates::Template;

use super::limiter::LoginLimiter;
use super::session::{self, Checked, CsrfToken, Nothing};
use crate::domain::FieldErrors;
use crate::domain::account::{self, ROLE_ADMIN};
use crate::domain::audit::{self, Actor};
use crate::domain::staff_session::{self, Device};
use crate::i18n;
use crate::web::abuse::{ClientIp, TooMany};
use crate::web::errors::PageError;
use crate::web::{Ctx, render};

/// Only paths of the back office, so the login cannot send people elsewhere; and only
/// what can stand in a `Location` header as it is.
fn next_or_home(next: Option<&str>) -> String {
    match next {
        Some(n) if is_back_office_path(n) || is_checkin_page(n) => n.to_owned(),
        _ => "/admin".to_owned(),
    }
}

/// `/admin` or below it, on this site: one leading slash, no backslash (browsers read it
/// as a slash), no scheme, nothing but printable ASCII (no control characters that would
/// break the header, no spaces).
fn is_back_office_path(n: &str) -> bool {
    let below_admin = n == "/admin" || ["/admin/", "/admin?"].iter().any(|p| n.starts_with(p));
    below_admin
        && n.len() <= 2000
        && n.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
        && rocket::http::uri::Origin::parse(n).is_ok()
}

/// A meeting's check-in page (`/checkin/12`): its no-access page sends door staff to the
/// login and back.
fn is_checkin_page(n: &str) -> bool {
    n.strip_prefix("/checkin/")
        .is_some_and(|id| (1..=19).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()))
}

fn error_map(lang: &str, errors: &FieldErrors) -> serde_json::Map<String, serde_json::Value> {
    errors
        .iter()
        .map(|(f, k)| ((*f).to_owned(), json!(i18n::text(lang, k))))
        .collect()
}

#[get("/admin/login?<next>")]
fn login_page(ctx: Ctx<'_>, csrf: CsrfToken, next: Option<&str>) -> Template {
    render(
        "staff/login",
        &ctx.visitor,
        json!({ "csrf": csrf.0, "next": next_or_home(next), "email": "" }),
    )
}

#[derive(Debug, FromForm)]
struct LoginForm {
    email: Option<String>,
    password: Option<String>,
    next: Option<String>,
}

/// A 429 page that says how long to wait.
#[post("/admin/login", data = "<form>")]
async fn login(
    ctx: Ctx<'_>,
    csrf: CsrfToken,
    form: Checked<LoginForm>,
    jar: &CookieJar<'_>,
    limiter: &State<LoginLimiter>,
    ip: ClientIp,
    device: Device,
) -> Result<Either<Redirect, Either<(Status, Template), TooMany<Template>>>, PageError> {
    let form = form.0;
    let email = form.email.unwrap_or_default().trim().to_lowercase();
    let password = form.password.unwrap_or_default();
    let next = next_or_home(form.next.as_deref());
    let lang = ctx.lang();
    let again = |message: String| {
        render(
            "staff/login",
            &ctx.visitor,
            json!({ "csrf": csrf.0, "next": next, "email": email, "message": message }),
        )
    };
    if let Err(wait) = limiter.attempt(&email, ip.0).await {
        let minutes = wait.div_ceil(60);
        let message = i18n::text_with(lang, "login-too-many", &[("minutes", minutes.into())]);
        return Ok(Either::Right(Either::Right(TooMany(again(message), wait))));
    }
    let now = ctx.now();
    let lookup = email.clone();
    let user = ctx
        .db
        .page(move |conn| {
            let user = account::find_by_email(conn, &lookup)?;
            // verify even without an account, so timing does not tell which e-mails exist
            let hash = user.as_ref().and_then(|u| u.password_hash.clone());
            let ok = account::verify_password(
                &password,
                hash.as_deref().unwrap_or(account::dummy_hash()),
            );
            match user {
                Some(u) if ok && hash.is_some() && u.active => {
                    account::touch_login(conn, u.id, now)?;
                    let token = staff_session::start(conn, u.id, u.session_epoch, &device, now)?;
                    Ok(Some(token))
                }
                _ => Ok(None),
            }
        })
        .await?;
    match user {
        Some(token) => {
            session::start(jar, ctx.settings, token);
            Ok(Either::Left(Redirect::to(next)))
        }
        None => Ok(Either::Right(Either::Left((
            Status::UnprocessableEntity,
            again(i18n::text(lang, "login-failed")),
        )))),
    }
}

/// Ends the session in the database (so a saved cookie opens nothing, on any instance),
/// then forgets the cookies.
#[post("/admin/logout", data = "<_form>")]
async fn logout(
    ctx: Ctx<'_>,
    _form: Checked<Nothing>,
    jar: &CookieJar<'_>,
) -> Result<Redirect, PageError> {
    if let Some(token) = session::token_of(jar) {
        ctx.db
            .page(move |conn| Ok(staff_session::end_by_token(conn, &token)?))
            .await?;
    }
    session::end(jar);
    Ok(Redirect::to("/admin/login"))
}

#[get("/admin/setup/<token>")]
async fn setup_page(ctx: Ctx<'_>, csrf: CsrfToken, token: &str) -> Result<Template, PageError> {
    let now = ctx.now();
    let t = token.to_owned();
    let link = ctx
        .db
        .page(move |conn| Ok(account::valid_setup_link(conn, &t, now)?))
        .await?
        .ok_or(PageError::NotFound)?;
    Ok(render(
        "staff/setup",
        &ctx.visitor,
        json!({ "csrf": csrf.0, "token": token, "needs_name": link.user_id.is_none(), "email": link.email, "form": {}, "errors": {} }),
    ))
}

#[derive(Debug, FromForm)]
struct SetupForm {
    email: Option<String>,
    name: Option<String>,
    password: Option<String>,
    password_repeat: Option<String>,
}

#[post("/admin/setup/<token>", data = "<form>")]
async fn setup(
    ctx: Ctx<'_>,
    csrf: CsrfToken,
    token: &str,
    form: Checked<SetupForm>,
    jar: &CookieJar<'_>,
    device: Device,
) -> Result<Either<Redirect, (Status, Template)>, PageError> {
    let form = form.0;
    let now = ctx.now();
    let t = token.to_owned();
    let name = form.name.clone().unwrap_or_default().trim().to_owned();
    let typed_email = form.email.clone().unwrap_or_default().trim().to_lowercase();
    let password = form.password.clone().unwrap_or_default();
    let repeat = form.password_repeat.clone().unwrap_or_default();
    let result = ctx
        .db
        .run(move |conn| {
            crate::db::lock::write_transaction(conn, |conn| {
                let Some(link) = account::valid_setup_link(conn, &t, now)? else {
                    return Ok(Err(None));
                };
                let user = match link.user_id {
                    Some(id) => account::find(conn, id)?,
                    None => None,
                };
                let email = user
                    .as_ref()
                    .map(|u| u.email.clone())
                    .or(link.email.clone())
                    .unwrap_or(typed_email);
                let mut errors = FieldErrors::new();
                if !crate::domain::validate::is_deliverable_email(&email) {
                    errors.insert("email", "error-email-invalid");
                } else if user.is_none() && account::find_by_email(conn, &email)?.is_some() {
                    errors.insert("email", "error-account-exists");
                }
                if user.is_none()
                    && let Some(problem) = crate::domain::validate::name_problem(&name)
                {
                    errors.insert("name", problem);
                }
                account::check_password(&password, &repeat, &email, &mut errors);
                if !errors.is_empty() {
                    return Ok(Err(Some((errors, link.user_id.is_none(), link.email))));
                }
                let user_id = match user {
                    Some(u) => u.id,
                    None => account::create(conn, &email, &name, &link.role, now)?,
                };
                account::set_password(conn, user_id, &password, now)?;
                account::use_setup_link(conn, link.id, now)?;
                let user = account::find(conn, user_id)?.ok_or(diesel::result::Error::NotFound)?;
                let actor = Actor {
                    user_id: Some(user.id),
                    label: user.email.clone(),
                };
                audit::record(
                    conn,
                    &actor,
                    "account.password_set",
                    ("user", Some(user.id)),
                    if link.role == ROLE_ADMIN {
                        "administrator"
                    } else {
                        ""
                    },
                    now,
                )?;
                let token = staff_session::start(conn, user.id, user.session_epoch, &device, now)?;
                Ok::<_, diesel::result::Error>(Ok(token))
            })
            .map_err(PageError::from)
        })
        .await?;
    match result {
        Ok(token) => {
            session::start(jar, ctx.settings, token);
            Ok(Either::Left(Redirect::to("/admin")))
        }
        Err(None) => Err(PageError::NotFound),
        Err(Some((errors, needs_name, email))) => Ok(Either::Right((
            Status::UnprocessableEntity,
            render(
                "staff/setup",
                &ctx.visitor,
                json!({ "csrf": csrf.0, "token": token, "needs_name": needs_name, "email": email,
                        "form": { "name": form.name, "email": form.email }, "errors": error_map(ctx.lang(), &errors) }),
            ),
        ))),
    }
}

pub fn routes() -> Vec<Route> {
    routes![login_page, login, logout, setup_page, setup]
}

#[cfg(test)]
mod tests {
    use super::next_or_home;

    #[test]
    fn only_back_office_paths_are_followed() {
        for good in [
            "/admin",
            "/admin/events/3",
            "/admin/events/new?copy=3",
            "/checkin/12",
        ] {
            assert_eq!(next_or_home(Some(good)), good);
        }
        for bad in [
            "/admin\r\nX",
            "/admin/\tx",
            "/admin/ x",
            "/admin\\evil.example",
            "//evil.example/admin",
            "https://evil.example/admin",
            "/adminx",
            "/events/1",
            "/checkin/",
            "/checkin/1/x",
            "/checkin/1?x",
            "/checkin/12345678901234567890",
            "/admin/ä",
            "",
        ] {
            assert_eq!(next_or_home(Some(bad)), "/admin", "{bad:?}");
        }
        assert_eq!(next_or_home(None), "/admin");
    }
}

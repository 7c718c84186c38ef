//! Staff sessions on the server: logout ends them on every instance, an account sees and
//! ends its other sessions, account changes end them all, the CSRF token belongs to one
//! session, and the login's `next` stays on the site.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::staff_sessions;
use treffpunkt::domain::account;

use crate::both_backends;
use crate::support::{StaffSession, TestApp, csrf_of, form_values, get_with_cookie};

both_backends!(
    logout_ends_the_saved_cookie,
    logout_on_one_instance_ends_the_session_on_the_other,
    an_account_sees_and_ends_its_other_sessions,
    password_role_and_lock_changes_end_every_session,
    csrf_token_is_rotated_at_login_and_bound_to_the_session,
    login_next_stays_on_the_site,
);

const FIREFOX_LINUX: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME_WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/// Whether the session's saved cookie still opens the back office page and its API.
async fn opens(client: &rocket::local::asynchronous::Client, cookie: &str) -> bool {
    let (page, location) = get_with_cookie(client, "/admin", cookie).await;
    let (api, _) = get_with_cookie(client, "/api/v1/admin/events", cookie).await;
    match (page, api) {
        (Status::Ok, Status::Ok) => true,
        (Status::SeeOther, Status::Unauthorized) => {
            assert!(
                location.unwrap_or_default().starts_with("/admin/login"),
                "sent to the login"
            );
            false
        }
        other => panic!("neither open nor closed: {other:?}"),
    }
}

/// Whether this browser still gets the back office.
async fn signed_in(s: &StaffSession) -> bool {
    let (status, _, location) = s.get("/admin").await;
    match status {
        Status::Ok => true,
        Status::SeeOther => {
            assert!(location.unwrap_or_default().starts_with("/admin/login"));
            false
        }
        other => panic!("unexpected {other}"),
    }
}

async fn logout_ends_the_saved_cookie(app: TestApp) {
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[]);
    let s = app.login("orga@example.org", &pw).await;
    let saved = s.cookie_header();
    let other = app.second_instance().await;
    assert!(
        opens(&other, &saved).await,
        "the cookie works while signed in"
    );

    let (status, _, location) = s.submit("/admin", "/admin/logout", &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some("/admin/login"));
    assert!(
        !opens(&other, &saved).await,
        "the copied cookie opens nothing after logout"
    );
    assert!(
        !opens(&s.client, &saved).await,
        "not on the instance that logged out either"
    );
    // nor once the clock has moved on (it is not just a cache)
    app.clock.advance(chrono::Duration::minutes(30));
    assert!(!opens(&other, &saved).await);
}

async fn logout_on_one_instance_ends_the_session_on_the_other(app: TestApp) {
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[]);
    // each staff session runs on its own application instance; this one is a third
    let s = app.login("orga@example.org", &pw).await;
    let saved = s.cookie_header();
    let second = app.second_instance().await;
    assert!(opens(&second, &saved).await);
    // the session is used on the second instance for a while; then ended on the first
    app.clock.advance(chrono::Duration::minutes(20));
    assert!(opens(&second, &saved).await);
    let (status, _, _) = s.submit("/admin", "/admin/logout", &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert!(
        !opens(&second, &saved).await,
        "the other instance refuses it at once"
    );
}

fn session_ids_of(app: &TestApp, email: &str) -> Vec<i64> {
    let user = account::find_by_email(&mut app.conn(), email)
        .unwrap()
        .unwrap()
        .id;
    staff_sessions::table
        .filter(staff_sessions::user_id.eq(user))
        .order(staff_sessions::id.asc())
        .select(staff_sessions::id)
        .load(&mut *app.conn())
        .unwrap()
}

/// The ids in the page's "end this session" forms.
fn end_buttons(page: &str) -> Vec<i64> {
    page.match_indices("action=\"/admin/sessions/")
        .filter_map(|(i, m)| {
            page[i + m.len()..]
                .split('/')
                .next()
                .and_then(|id| id.parse().ok())
        })
        .collect()
}

async fn an_account_sees_and_ends_its_other_sessions(app: TestApp) {
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[]);
    let laptop = app
        .login_from("orga@example.org", &pw, Some(FIREFOX_LINUX))
        .await;
    app.clock.advance(chrono::Duration::minutes(10));
    let office = app
        .login_from("orga@example.org", &pw, Some(CHROME_WINDOWS))
        .await;

    let (status, page, _) = laptop.get("/admin").await;
    assert_eq!(status, Status::Ok);
    assert!(
        page.contains("href=\"/admin/sessions\""),
        "linked in the navigation"
    );
    let (status, page, _) = laptop.get("/admin/sessions").await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Wo Sie angemeldet sind"), "{page}");
    assert!(page.contains("Firefox unter Linux"), "{page}");
    assert!(page.contains("Chrome unter Windows"));
    assert_eq!(page.matches("Dieses Gerät").count(), 1, "one is this one");
    let this_row = page
        .split("<li>")
        .find(|r| r.contains("Dieses Gerät"))
        .unwrap();
    assert!(
        this_row.contains("Firefox unter Linux"),
        "marked: {this_row}"
    );
    assert!(
        !this_row.contains("/end\""),
        "this device has no end button"
    );
    let ids = session_ids_of(&app, "orga@example.org");
    assert_eq!(
        end_buttons(&page),
        vec![ids[1]],
        "one button, for the other"
    );

    // someone else's session cannot be ended from here
    let pw_b = app.account("b@example.org", account::ROLE_ORGANISER, &[]);
    let b = app.login("b@example.org", &pw_b).await;
    let b_id = session_ids_of(&app, "b@example.org")[0];
    let (status, _, _) = laptop
        .submit(
            "/admin/sessions",
            &format!("/admin/sessions/{b_id}/end"),
            &[],
        )
        .await;
    assert_eq!(status, Status::NotFound);
    assert!(signed_in(&b).await, "B stays signed in");
    // nor this one's own (that is what logout is for)
    let (status, _, _) = laptop
        .submit(
            "/admin/sessions",
            &format!("/admin/sessions/{}/end", ids[0]),
            &[],
        )
        .await;
    assert_eq!(status, Status::NotFound);
    // and not without the CSRF token
    let (status, _, _) = laptop
        .post_raw(&format!("/admin/sessions/{}/end", ids[1]), Vec::new())
        .await;
    assert_eq!(status, Status::Forbidden);
    assert!(signed_in(&office).await);

    let office_cookie = office.cookie_header();
    let (status, _, location) = laptop
        .submit(
            "/admin/sessions",
            &format!("/admin/sessions/{}/end", ids[1]),
            &[],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some("/admin/sessions"));
    let (_, page, _) = laptop.get("/admin/sessions").await;
    assert!(page.contains("Das Gerät ist abgemeldet."), "{page}");
    assert!(!signed_in(&office).await, "the other browser is signed out");
    assert!(!opens(&laptop.client, &office_cookie).await);
    assert!(signed_in(&laptop).await, "this one stays");
    assert!(!page.contains("Chrome unter Windows"));
    assert!(page.contains("Sie sind nur auf diesem Gerät angemeldet."));

    // all others at once, in English
    let phone = app
        .login_from("orga@example.org", &pw, Some(SAFARI_IPHONE))
        .await;
    let tablet = app.login("orga@example.org", &pw).await;
    laptop.get("/language/en?next=/admin/sessions").await;
    let (_, page, _) = laptop.get("/admin/sessions").await;
    assert!(page.contains("Where you are signed in"), "{page}");
    assert!(page.contains("Firefox on Linux"));
    assert!(page.contains("Safari on iOS"));
    assert!(page.contains("Unknown browser on unknown system"), "{page}");
    assert!(page.contains("This device"));
    let (status, _, _) = laptop
        .submit("/admin/sessions", "/admin/sessions/end-others", &[])
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = laptop.get("/admin/sessions").await;
    assert!(page.contains("All other devices are signed out."), "{page}");
    assert!(page.contains("You are signed in on this device only."));
    assert!(!signed_in(&phone).await);
    assert!(!signed_in(&tablet).await);
    assert!(signed_in(&laptop).await);
    assert!(signed_in(&b).await, "other accounts are left alone");
}

async fn password_role_and_lock_changes_end_every_session(app: TestApp) {
    let admin_pw = app.account("admin@example.org", account::ROLE_ADMIN, &[]);
    let admin = app.login("admin@example.org", &admin_pw).await;
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[]);
    let id = account::find_by_email(&mut app.conn(), "orga@example.org")
        .unwrap()
        .unwrap()
        .id;

    // a new password through a set-up link: every older session ends, the new one lists alone
    let one = app.login("orga@example.org", &pw).await;
    let two = app.login("orga@example.org", &pw).await;
    let token = account::new_setup_link(
        &mut app.conn(),
        Some(id),
        None,
        account::ROLE_ORGANISER,
        app.now(),
    )
    .unwrap();
    let s = app.anonymous().await;
    let url = format!("/admin/setup/{token}");
    let (status, _, _) = s
        .submit(
            &url,
            &url,
            &[
                ("password", "Neues-Passwort-2026"),
                ("password_repeat", "Neues-Passwort-2026"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert!(!signed_in(&one).await && !signed_in(&two).await);
    let (_, page, _) = s.get("/admin/sessions").await;
    assert!(
        page.contains("Sie sind nur auf diesem Gerät angemeldet."),
        "ended sessions are not listed: {page}"
    );
    assert_eq!(end_buttons(&page), Vec::<i64>::new());

    // a role change
    let pw = "Neues-Passwort-2026";
    let one = app.login("orga@example.org", pw).await;
    assert!(signed_in(&s).await && signed_in(&one).await);
    let (status, _, _) = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{id}"),
            &[("role", "door"), ("active", "on")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert!(!signed_in(&s).await && !signed_in(&one).await);

    // a lock: no session, and no new one
    let one = app.login("orga@example.org", pw).await;
    let (status, _, _) = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{id}"),
            &[("role", "door")],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert!(!signed_in(&one).await);
    let again = app.anonymous().await;
    let (status, _, _) = again
        .submit(
            "/admin/login",
            "/admin/login",
            &[("email", "orga@example.org"), ("password", pw)],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(signed_in(&admin).await, "the administrator stays signed in");
}

async fn csrf_token_is_rotated_at_login_and_bound_to_the_session(app: TestApp) {
    let pw_a = app.account("a@example.org", account::ROLE_ORGANISER, &[]);
    let pw_b = app.account("b@example.org", account::ROLE_ORGANISER, &[]);
    let renew = |csrf: &str| format!("csrf={csrf}").into_bytes();

    // the token from the login page no longer counts once logged in
    let s = app.anonymous().await;
    let before = s.csrf().await;
    let (status, _, _) = s
        .submit(
            "/admin/login",
            "/admin/login",
            &[("email", "a@example.org"), ("password", &pw_a)],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = s.post_raw("/admin/feed", renew(&before)).await;
    assert_eq!(status, Status::Forbidden, "pre-login token refused");
    let (_, page, _) = s.get("/admin/feed").await;
    let token_a = csrf_of(&page);
    assert_ne!(token_a, before, "a new token after login");
    let (status, _, _) = s.post_raw("/admin/feed", renew(&token_a)).await;
    assert_eq!(status, Status::SeeOther, "the session's token works");

    // A logs out, B logs in on the same browser: A's token does not work for B
    let (status, _, _) = s.post_raw("/admin/logout", renew(&token_a)).await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = s
        .submit(
            "/admin/login",
            "/admin/login",
            &[("email", "b@example.org"), ("password", &pw_b)],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = s.post_raw("/admin/feed", renew(&token_a)).await;
    assert_eq!(
        status,
        Status::Forbidden,
        "A's token refused in B's session"
    );
    let token_b = s.csrf().await;
    assert_ne!(token_b, token_a);
    // and B's token is refused in A's session elsewhere
    let a = app.login("a@example.org", &pw_a).await;
    let (status, _, _) = a.post_raw("/admin/feed", renew(&token_b)).await;
    assert_eq!(
        status,
        Status::Forbidden,
        "B's token refused in A's session"
    );
    let (status, _, _) = s.post_raw("/admin/feed", renew(&token_b)).await;
    assert_eq!(status, Status::SeeOther);

    // the same for the set-up of a new account
    let token = account::new_setup_link(
        &mut app.conn(),
        None,
        Some("neu@example.org"),
        account::ROLE_ORGANISER,
        app.now(),
    )
    .unwrap();
    let url = format!("/admin/setup/{token}");
    let n = app.anonymous().await;
    let (_, page, _) = n.get(&url).await;
    let before = csrf_of(&page);
    let (status, _, _) = n
        .post_raw(
            &url,
            format!(
                "csrf={before}&name=Neu&password=Sitzungssaal-18Uhr&password_repeat=Sitzungssaal-18Uhr"
            )
            .into_bytes(),
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (status, _, _) = n.post_raw("/admin/feed", renew(&before)).await;
    assert_eq!(status, Status::Forbidden, "pre-set-up token refused");
    assert!(signed_in(&n).await);
}

async fn login_next_stays_on_the_site(app: TestApp) {
    let bad = [
        "/admin%0D%0AX",
        "/admin%0D%0ASet-Cookie:%20x=1",
        "/admin/%09events",
        "//evil.example/admin",
        "/admin%5C%5Cevil.example",
        "https://evil.example/admin",
        "javascript:alert(1)",
        "/adminx",
        "/events/1",
    ];
    // an account per try, so that no login limit comes into play
    for (i, next) in bad.iter().enumerate() {
        let email = format!("orga{i}@example.org");
        let pw = app.account(&email, account::ROLE_ORGANISER, &[]);
        let s = app.anonymous().await;
        let (status, page, _) = s.get(&format!("/admin/login?next={next}")).await;
        assert_eq!(status, Status::Ok, "{next}");
        // the form as a browser sends it back, with its hidden `next`
        let mut fields = form_values(&page);
        fields.retain(|(k, _)| k != "email" && k != "password");
        fields.push(("email".into(), email.clone()));
        fields.push(("password".into(), pw.clone()));
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let (status, _, location) = s.submit("/admin/login", "/admin/login", &fields).await;
        assert_eq!(status, Status::SeeOther, "{next}");
        assert_eq!(location.as_deref(), Some("/admin"), "{next}");
        assert!(signed_in(&s).await, "{next}: a working session");

        // and posted directly, decoded
        let s = app.anonymous().await;
        let decoded = rocket::http::RawStr::new(next)
            .url_decode_lossy()
            .into_owned();
        let (status, _, location) = s
            .submit(
                "/admin/login",
                "/admin/login",
                &[("email", &email), ("password", &pw), ("next", &decoded)],
            )
            .await;
        assert_eq!(status, Status::SeeOther, "{next}");
        assert_eq!(location.as_deref(), Some("/admin"), "{next}");
        assert!(signed_in(&s).await, "{next}");
    }
    // a path of the back office is kept
    let pw = app.account("orga@example.org", account::ROLE_ORGANISER, &[]);
    let s = app.anonymous().await;
    let (_, _, location) = s
        .submit(
            "/admin/login",
            "/admin/login",
            &[
                ("email", "orga@example.org"),
                ("password", &pw),
                ("next", "/admin/events/new?copy=3"),
            ],
        )
        .await;
    assert_eq!(location.as_deref(), Some("/admin/events/new?copy=3"));
}

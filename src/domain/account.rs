//! Staff accounts: organisers, administrators and door staff, their offices, passwords and
//! one-time set-up links.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::rngs::OsRng;

use super::{FieldErrors, token};
use crate::db::DbConn;
use crate::db::schema::{setup_links, user_offices, users};

pub const ROLE_ADMIN: &str = "admin";
pub const ROLE_ORGANISER: &str = "organiser";
pub const ROLE_DOOR: &str = "door";
pub const ROLES: &[&str] = &[ROLE_ADMIN, ROLE_ORGANISER, ROLE_DOOR];

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 200;
pub const SETUP_LINK_VALID_HOURS: i64 = 24;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub role: String,
    pub active: bool,
    pub session_epoch: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub last_login_at: Option<NaiveDateTime>,
    /// Secret of the person's private calendar feed; `None` when they have none.
    pub feed_token: Option<String>,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.role == ROLE_ADMIN
    }
    pub fn is_organiser(&self) -> bool {
        self.role == ROLE_ORGANISER || self.is_admin()
    }
}

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .expect("argon2 with default parameters hashes any input")
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash to verify against when the account does not exist, so that a wrong e-mail takes
/// as long as a wrong password and reveals nothing.
pub fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("no such account, no such password"))
}

/// Password rules: long enough, not the e-mail address, not one character repeated.
pub fn check_password(password: &str, repeat: &str, email: &str, errors: &mut FieldErrors) {
    let chars: Vec<char> = password.chars().collect();
    if chars.len() < PASSWORD_MIN {
        errors.insert("password", "error-password-short");
    } else if chars.len() > PASSWORD_MAX {
        errors.insert("password", "error-password-long");
    } else if chars.iter().all(|c| *c == chars[0]) {
        errors.insert("password", "error-password-repeated");
    } else if password.trim().to_lowercase() == email.trim().to_lowercase()
        || password
            .to_lowercase()
            .contains(&email.split('@').next().unwrap_or("").to_lowercase())
            && email.split('@').next().unwrap_or("").len() >= 4
    {
        errors.insert("password", "error-password-email");
    } else if password != repeat {
        errors.insert("password_repeat", "error-password-mismatch");
    }
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_feed_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<User>> {
    if !token::looks_like_token(token) {
        return Ok(None);
    }
    users::table
        .filter(users::feed_token.eq(token))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Gives the account a new private feed address (the old one stops working), or none.
pub fn set_feed_token(conn: &mut DbConn, user_id: i64, on: bool) -> QueryResult<Option<String>> {
    let token = on.then(token::new_token);
    diesel::update(users::table.find(user_id))
        .set(users::feed_token.eq(&token))
        .execute(conn)?;
    Ok(token)
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<User>> {
    users::table
        .order(users::email.asc())
        .select(User::as_select())
        .load(conn)
}

/// The offices whose meetings this account manages.
pub fn office_ids(conn: &mut DbConn, user_id: i64) -> QueryResult<Vec<i64>> {
    user_offices::table
        .filter(user_offices::user_id.eq(user_id))
        .select(user_offices::office_id)
        .load(conn)
}

pub fn set_offices(conn: &mut DbConn, user_id: i64, offices: &[i64]) -> QueryResult<()> {
    diesel::delete(user_offices::table.filter(user_offices::user_id.eq(user_id))).execute(conn)?;
    for office in offices {
        diesel::insert_into(user_offices::table)
            .values((
                user_offices::user_id.eq(user_id),
                user_offices::office_id.eq(office),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Creates an account without a password; the person sets it through a set-up link.
pub fn create(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    role: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(users::table)
        .values((
            users::email.eq(email.trim().to_lowercase()),
            users::name.eq(name.trim()),
            users::role.eq(role),
            users::created_at.eq(now),
            users::updated_at.eq(now),
        ))
        .returning(users::id)
        .get_result(conn)
}

pub fn set_password(
    conn: &mut DbConn,
    user_id: i64,
    password: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    // a new password ends every session of the account
    diesel::update(users::table.find(user_id))
        .set((
            users::password_hash.eq(hash_password(password)),
            users::session_epoch.eq(users::session_epoch + 1),
            users::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn touch_login(conn: &mut DbConn, user_id: i64, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set(users::last_login_at.eq(now))
        .execute(conn)
        .map(|_| ())
}

pub fn hash_token(token: &str) -> String {
    use sha2::Digest;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(token.as_bytes()))
}

/// A one-time link (valid 24 hours) to set a password: for a new account (`user_id`), or
/// to create the first administrator (`email` given, no account yet). Returns the token;
/// only its hash is stored.
pub fn new_setup_link(
    conn: &mut DbConn,
    user_id: Option<i64>,
    email: Option<&str>,
    role: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let token = token::new_token();
    diesel::insert_into(setup_links::table)
        .values((
            setup_links::token_hash.eq(hash_token(&token)),
            setup_links::user_id.eq(user_id),
            setup_links::email.eq(email.map(|e| e.trim().to_lowercase())),
            setup_links::role.eq(role),
            setup_links::created_at.eq(now),
            setup_links::expires_at.eq(now + Duration::hours(SETUP_LINK_VALID_HOURS)),
        ))
        .execute(conn)?;
    Ok(token)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = setup_links)]
pub struct SetupLink {
    pub id: i64,
    pub user_id: Option<i64>,
    pub role: String,
    pub email: Option<String>,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

/// A set-up link that is neither used nor expired.
pub fn valid_setup_link(
    conn: &mut DbConn,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<SetupLink>> {
    if !token::looks_like_token(token) {
        return Ok(None);
    }
    setup_links::table
        .filter(setup_links::token_hash.eq(hash_token(token)))
        .filter(setup_links::used_at.is_null())
        .filter(setup_links::expires_at.gt(now))
        .select(SetupLink::as_select())
        .first(conn)
        .optional()
}

pub fn use_setup_link(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        setup_links::table
            .find(id)
            .filter(setup_links::used_at.is_null()),
    )
    .set(setup_links::used_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_rules() {
        let check = |p: &str, r: &str| {
            let mut e = FieldErrors::new();
            check_password(p, r, "anna.schmidt@example.org", &mut e);
            e.values().next().copied()
        };
        assert_eq!(check("short", "short"), Some("error-password-short"));
        assert_eq!(
            check("aaaaaaaaaaaa", "aaaaaaaaaaaa"),
            Some("error-password-repeated")
        );
        assert_eq!(
            check("anna.schmidt@example.org", "anna.schmidt@example.org"),
            Some("error-password-email")
        );
        assert_eq!(
            check("xxanna.schmidt!!", "xxanna.schmidt!!"),
            Some("error-password-email")
        );
        assert_eq!(
            check("Sitzungssaal-18Uhr", "Sitzungssaal-18uhr"),
            Some("error-password-mismatch")
        );
        assert_eq!(check("Sitzungssaal-18Uhr", "Sitzungssaal-18Uhr"), None);
    }

    #[test]
    fn hashes_verify_only_the_right_password() {
        let h = hash_password("Sitzungssaal-18Uhr");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("Sitzungssaal-18Uhr", &h));
        assert!(!verify_password("Sitzungssaal-18uhr", &h));
        assert!(!verify_password("x", "not a hash"));
    }
}

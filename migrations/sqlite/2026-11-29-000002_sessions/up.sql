-- Staff sessions on the server, so that logging out (or ending a session from another
-- device) takes effect at once on every instance. The cookie carries a random token; only
-- its SHA-256 is kept here. `epoch` is the account's session_epoch at login: a password,
-- role or lock change raises that and so ends every older session.
CREATE TABLE staff_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    epoch INTEGER NOT NULL,
    browser TEXT NOT NULL DEFAULT '',
    platform TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

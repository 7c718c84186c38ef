-- Personal data has an end: anonymised registrations keep counts and check-ins only.
ALTER TABLE registrations ADD COLUMN purged_at TIMESTAMP;

-- How long a meeting keeps personal data after it ends, when not the installation's default.
CREATE TABLE event_retention (
    event_id BIGINT PRIMARY KEY NOT NULL REFERENCES events (id),
    days INTEGER NOT NULL
);

-- Title, summary and description of a meeting in further languages.
CREATE TABLE event_texts (
    event_id BIGINT NOT NULL REFERENCES events (id),
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (event_id, lang)
);

-- Each edit of the privacy notice is a new version; registrations name the one they agreed to.
CREATE TABLE privacy_notices (
    version INTEGER PRIMARY KEY NOT NULL,
    body_de TEXT NOT NULL,
    body_en TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by BIGINT REFERENCES users (id)
);

-- One-time links for a copy or the deletion of someone's data, asked for by e-mail.
CREATE TABLE data_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    email_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX registrations_email_key ON registrations (email_key);

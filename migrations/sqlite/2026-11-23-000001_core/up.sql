CREATE TABLE offices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT
);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name_de TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE series (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    office_id BIGINT NOT NULL REFERENCES offices (id),
    category_id BIGINT REFERENCES categories (id),
    series_id BIGINT REFERENCES series (id),
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    venue_name TEXT NOT NULL,
    venue_room TEXT,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    town TEXT NOT NULL,
    latitude DOUBLE,
    longitude DOUBLE,
    contact_name TEXT,
    contact_phone TEXT,
    contact_email TEXT,
    capacity INTEGER,
    max_companions INTEGER NOT NULL DEFAULT 0,
    waitlist_enabled BOOLEAN NOT NULL DEFAULT 1,
    registration_opens_at TIMESTAMP,
    registration_closes_at TIMESTAMP,
    status TEXT NOT NULL DEFAULT 'published',
    visibility TEXT NOT NULL DEFAULT 'public',
    cancel_reason TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX events_starts_at ON events (starts_at);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events (id),
    token TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    organisation TEXT,
    companions INTEGER NOT NULL,
    seats INTEGER NOT NULL,
    needs TEXT,
    status TEXT NOT NULL,
    language TEXT NOT NULL,
    consent_version TEXT NOT NULL,
    consent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    promoted_at TIMESTAMP,
    cancelled_at TIMESTAMP
);
CREATE INDEX registrations_event_status ON registrations (event_id, status, id);
CREATE UNIQUE INDEX registrations_one_active_per_email
    ON registrations (event_id, email_key) WHERE status <> 'cancelled';

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id BIGINT REFERENCES registrations (id),
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error TEXT,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_pending ON outbox (sent_at, next_attempt_at);

-- The Ed25519 key pair that signs tickets; made on first start.
CREATE TABLE signing_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    secret TEXT NOT NULL,
    public TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Successful check-ins by their client nonce: a retried scan answers the same.
CREATE TABLE checkins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id BIGINT NOT NULL REFERENCES registrations (id),
    event_id BIGINT NOT NULL REFERENCES events (id),
    nonce TEXT NOT NULL UNIQUE,
    device TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    undone_at TIMESTAMP
);
CREATE INDEX checkins_event ON checkins (event_id, id);

-- Links (with a short PIN) that open the check-in of one meeting for door staff.
CREATE TABLE door_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events (id),
    token TEXT NOT NULL UNIQUE,
    pin TEXT NOT NULL,
    label TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

ALTER TABLE registrations ADD COLUMN checked_in_device TEXT;

CREATE TABLE checkins_old (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id BIGINT NOT NULL REFERENCES registrations (id),
    event_id BIGINT NOT NULL REFERENCES events (id),
    nonce TEXT NOT NULL UNIQUE,
    device TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    undone_at TIMESTAMP
);
-- the oldest row of a nonce stays: the old table allowed one
INSERT INTO checkins_old (id, registration_id, event_id, nonce, device, at, undone_at)
    SELECT id, registration_id, event_id, nonce, device, at, undone_at FROM checkins
    WHERE id IN (SELECT MIN(id) FROM checkins GROUP BY nonce);
DROP TABLE checkins;
ALTER TABLE checkins_old RENAME TO checkins;
CREATE INDEX checkins_event ON checkins (event_id, id);

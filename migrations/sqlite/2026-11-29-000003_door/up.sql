-- A check-in nonce counts only within its meeting and for its registration (a nonce of one
-- meeting sent to another's door is a new request there), so the same text may appear
-- again: it is no longer unique over all check-ins. SQLite cannot drop a column's UNIQUE,
-- so the table is rebuilt (nothing refers to it).
CREATE TABLE checkins_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id BIGINT NOT NULL REFERENCES registrations (id),
    event_id BIGINT NOT NULL REFERENCES events (id),
    nonce TEXT NOT NULL,
    device TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    undone_at TIMESTAMP
);
INSERT INTO checkins_new (id, registration_id, event_id, nonce, device, at, undone_at)
    SELECT id, registration_id, event_id, nonce, device, at, undone_at FROM checkins;
DROP TABLE checkins;
ALTER TABLE checkins_new RENAME TO checkins;
CREATE INDEX checkins_event ON checkins (event_id, id);
-- a retry is found by meeting and nonce
CREATE INDEX checkins_nonce ON checkins (event_id, nonce);

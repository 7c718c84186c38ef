-- Attempt counters shared by every instance on one database: door PINs, logins and
-- registrations per client address (keys are keyed hashes, never raw addresses or e-mails).
-- `window_start` is 0 for a running allowance (`tat_ms`: when it is full again, in ms) and
-- the start of a fixed window (unix seconds) otherwise. Rows past `expires_at` are deleted.
CREATE TABLE rate_counters (
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    tat_ms BIGINT NOT NULL,
    refused INTEGER NOT NULL,
    first_at TIMESTAMP NOT NULL,
    last_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_counters_expiry ON rate_counters (expires_at);

-- PINs count only together with their meeting.
CREATE INDEX door_links_pin ON door_links (event_id, pin);

-- PINs made before have six digits: two more random ones bring them to the new length.
UPDATE door_links SET pin = pin || lpad(floor(random() * 100)::int::text, 2, '0')
WHERE length(pin) = 6;

-- A check-in nonce counts only within its meeting and for its registration (a nonce of one
-- meeting sent to another's door is a new request there), so the same text may appear
-- again: it is no longer unique over all check-ins.
ALTER TABLE checkins DROP CONSTRAINT checkins_nonce_key;
-- a retry is found by meeting and nonce
CREATE INDEX checkins_nonce ON checkins (event_id, nonce);

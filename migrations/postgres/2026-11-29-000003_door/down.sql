DROP INDEX checkins_nonce;
-- the oldest row of a nonce stays: the old table allowed one
DELETE FROM checkins WHERE id NOT IN (SELECT MIN(id) FROM checkins GROUP BY nonce);
ALTER TABLE checkins ADD CONSTRAINT checkins_nonce_key UNIQUE (nonce);

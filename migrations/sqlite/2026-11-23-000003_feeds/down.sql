DROP INDEX events_updated_at;
DROP INDEX users_feed_token;
ALTER TABLE users DROP COLUMN feed_token;

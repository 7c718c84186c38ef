ALTER TABLE users ADD COLUMN feed_token TEXT;
CREATE UNIQUE INDEX users_feed_token ON users (feed_token);
CREATE INDEX events_updated_at ON events (updated_at);

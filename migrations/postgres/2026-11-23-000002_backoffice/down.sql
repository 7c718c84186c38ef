ALTER TABLE registrations DROP COLUMN source;
ALTER TABLE registrations DROP COLUMN checked_in_at;
DROP TABLE audit_log;
DROP TABLE setup_links;
DROP TABLE user_offices;
DROP TABLE users;

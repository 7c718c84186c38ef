DROP INDEX registrations_email_key;
DROP TABLE data_requests;
DROP TABLE privacy_notices;
DROP TABLE event_texts;
DROP TABLE event_retention;
ALTER TABLE registrations DROP COLUMN purged_at;

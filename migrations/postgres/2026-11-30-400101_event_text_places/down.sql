ALTER TABLE event_texts DROP COLUMN cancel_reason;
ALTER TABLE event_texts DROP COLUMN contact;
ALTER TABLE event_texts DROP COLUMN venue;

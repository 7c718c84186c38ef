DROP TRIGGER events_access_key ON events;
DROP FUNCTION new_event_key();
DROP TABLE event_keys;
DROP INDEX series_office;
ALTER TABLE series DROP COLUMN office_id;

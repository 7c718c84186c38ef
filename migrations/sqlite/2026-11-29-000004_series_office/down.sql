DROP TRIGGER events_access_key;
DROP TABLE event_keys;
DROP INDEX series_office;
ALTER TABLE series DROP COLUMN office_id;

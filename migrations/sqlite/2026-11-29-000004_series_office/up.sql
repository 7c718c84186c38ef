-- Issue 12 (4): a series belongs to an office. An existing series gets the office of its
-- first meeting (lowest id): the series form makes all of a series' meetings in one office
-- at once, so meetings of other offices in it were added later across the office boundary,
-- which is the hole this closes (they stay linked but no longer show in the series' feed,
-- embed list, dashboard or move list). A series without meetings belongs to no one and
-- shows nothing anywhere: it is deleted (nothing refers to it).
-- SQLite cannot add a NOT NULL column with a foreign key without rebuilding the table (and
-- `events` refers to it), so here the office is NOT NULL without one; the application only
-- ever stores an office that exists (PostgreSQL has the foreign key as well).
DELETE FROM series WHERE NOT EXISTS (SELECT 1 FROM events WHERE events.series_id = series.id);
ALTER TABLE series ADD COLUMN office_id BIGINT NOT NULL DEFAULT 0;
UPDATE series SET office_id = (
    SELECT events.office_id FROM events WHERE events.series_id = series.id ORDER BY events.id LIMIT 1
);
CREATE INDEX series_office ON series (office_id);

-- Issue 12 (5): an unlisted meeting is reached only through a link with this random key
-- (128 bits). Every meeting has one, so that making a listed meeting unlisted needs nothing
-- more; it is made by the database when the meeting is stored, however it is stored. A
-- table of its own: `events` is at Diesel's 32 columns.
CREATE TABLE event_keys (
    event_id BIGINT PRIMARY KEY NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    access_key TEXT NOT NULL
);
INSERT INTO event_keys (event_id, access_key) SELECT id, lower(hex(randomblob(16))) FROM events;
CREATE TRIGGER events_access_key AFTER INSERT ON events
BEGIN
    INSERT INTO event_keys (event_id, access_key) VALUES (NEW.id, lower(hex(randomblob(16))));
END;

-- Issue 12 (4): a series belongs to an office. An existing series gets the office of its
-- first meeting (lowest id): the series form makes all of a series' meetings in one office
-- at once, so meetings of other offices in it were added later across the office boundary,
-- which is the hole this closes (they stay linked but no longer show in the series' feed,
-- embed list, dashboard or move list). A series without meetings belongs to no one and
-- shows nothing anywhere: it is deleted (nothing refers to it).
DELETE FROM series WHERE NOT EXISTS (SELECT 1 FROM events WHERE events.series_id = series.id);
ALTER TABLE series ADD COLUMN office_id BIGINT REFERENCES offices (id);
UPDATE series SET office_id = (
    SELECT events.office_id FROM events WHERE events.series_id = series.id ORDER BY events.id LIMIT 1
);
ALTER TABLE series ALTER COLUMN office_id SET NOT NULL;
CREATE INDEX series_office ON series (office_id);

-- Issue 12 (5): an unlisted meeting is reached only through a link with this random key
-- (122 random bits). Every meeting has one, so that making a listed meeting unlisted needs
-- nothing more; it is made by the database when the meeting is stored, however it is
-- stored. A table of its own: `events` is at Diesel's 32 columns.
CREATE TABLE event_keys (
    event_id BIGINT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    access_key TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '')
);
INSERT INTO event_keys (event_id) SELECT id FROM events;
CREATE FUNCTION new_event_key() RETURNS trigger AS $$
BEGIN
    INSERT INTO event_keys (event_id) VALUES (NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER events_access_key AFTER INSERT ON events
FOR EACH ROW EXECUTE FUNCTION new_event_key();

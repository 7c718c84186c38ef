-- Any change to meetings bumps this number, so caches (the calendar feeds) of every app
-- instance know at once that they are stale, whoever changed what.
CREATE TABLE change_counters (
    name TEXT PRIMARY KEY NOT NULL,
    n BIGINT NOT NULL
);
INSERT INTO change_counters (name, n) VALUES ('events', 0);
CREATE FUNCTION bump_events_counter() RETURNS trigger AS $$
BEGIN
    UPDATE change_counters SET n = n + 1 WHERE name = 'events';
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER events_changed AFTER INSERT OR UPDATE OR DELETE ON events
FOR EACH STATEMENT EXECUTE FUNCTION bump_events_counter();

-- Any change to meetings bumps this number, so caches (the calendar feeds) of every app
-- instance know at once that they are stale, whoever changed what.
CREATE TABLE change_counters (
    name TEXT PRIMARY KEY NOT NULL,
    n BIGINT NOT NULL
);
INSERT INTO change_counters (name, n) VALUES ('events', 0);
CREATE TRIGGER events_changed_insert AFTER INSERT ON events
BEGIN UPDATE change_counters SET n = n + 1 WHERE name = 'events'; END;
CREATE TRIGGER events_changed_update AFTER UPDATE ON events
BEGIN UPDATE change_counters SET n = n + 1 WHERE name = 'events'; END;
CREATE TRIGGER events_changed_delete AFTER DELETE ON events
BEGIN UPDATE change_counters SET n = n + 1 WHERE name = 'events'; END;

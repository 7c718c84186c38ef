DROP TRIGGER events_changed ON events;
DROP FUNCTION bump_events_counter();
DROP TABLE change_counters;

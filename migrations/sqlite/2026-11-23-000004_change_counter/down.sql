DROP TRIGGER events_changed_delete;
DROP TRIGGER events_changed_update;
DROP TRIGGER events_changed_insert;
DROP TABLE change_counters;

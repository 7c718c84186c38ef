DROP INDEX door_links_pin;
DROP TABLE rate_counters;

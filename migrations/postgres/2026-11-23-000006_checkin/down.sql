ALTER TABLE registrations DROP COLUMN checked_in_device;
DROP TABLE door_links;
DROP TABLE checkins;
DROP TABLE signing_keys;

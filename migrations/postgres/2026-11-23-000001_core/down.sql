DROP TABLE outbox;
DROP TABLE registrations;
DROP TABLE events;
DROP TABLE series;
DROP TABLE categories;
DROP TABLE offices;

DROP TABLE event_online;
DROP TABLE minutes;
DROP TABLE documents;
DROP TABLE agenda_items;

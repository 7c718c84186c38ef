DROP TABLE event_intake;

DROP TABLE event_figures;

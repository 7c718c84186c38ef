-- Counts of a meeting that the retention's anonymisation would otherwise take away (the
-- needs people named: interpreting per language, childcare, accessibility), kept when the
-- registrations they come from are anonymised, so reports give the same figures after.
-- key: `need:interpreting:<language>`, `need:childcare`, `need:accessibility:<kind>`.
CREATE TABLE event_figures (
    event_id BIGINT NOT NULL REFERENCES events (id),
    key TEXT NOT NULL,
    value BIGINT NOT NULL,
    PRIMARY KEY (event_id, key)
);

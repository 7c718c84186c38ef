-- Topic names in the languages beyond German and English (those stay in categories'
-- name_de and name_en): one row per topic and language. A language without a row shows the
-- English name, else the German one. A change to a topic's names bumps the events counter
-- like a change to a meeting, so that cached feeds named after the topic are made anew.
CREATE TABLE category_names (
    category_id BIGINT NOT NULL REFERENCES categories (id),
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (category_id, lang)
);
CREATE TRIGGER category_names_changed_insert AFTER INSERT ON category_names
BEGIN UPDATE change_counters SET n = n + 1 WHERE name = 'events'; END;
CREATE TRIGGER category_names_changed_update AFTER UPDATE ON category_names
BEGIN UPDATE change_counters SET n = n + 1 WHERE name = 'events'; END;
CREATE TRIGGER category_names_changed_delete AFTER DELETE ON category_names
BEGIN UPDATE change_counters SET n = n + 1 WHERE name = 'events'; END;
CREATE TRIGGER categories_changed_update AFTER UPDATE ON categories
BEGIN UPDATE change_counters SET n = n + 1 WHERE name = 'events'; END;

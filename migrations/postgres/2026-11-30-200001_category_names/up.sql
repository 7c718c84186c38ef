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
CREATE TRIGGER category_names_changed AFTER INSERT OR UPDATE OR DELETE ON category_names
FOR EACH STATEMENT EXECUTE FUNCTION bump_events_counter();
CREATE TRIGGER categories_changed AFTER UPDATE ON categories
FOR EACH STATEMENT EXECUTE FUNCTION bump_events_counter();

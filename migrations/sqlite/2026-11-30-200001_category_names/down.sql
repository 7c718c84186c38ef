DROP TRIGGER categories_changed_update;
DROP TABLE category_names;

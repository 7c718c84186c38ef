DROP TRIGGER categories_changed ON categories;
DROP TABLE category_names;

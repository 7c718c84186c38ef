DROP INDEX partners_office_live_name;
CREATE UNIQUE INDEX partners_office_name ON partners (office_id, name);
DROP TABLE partner_imports;

-- A partner list uploaded for import, kept between its preview and the organiser's
-- confirmation (the text is parsed again on confirm). Only its uploader may confirm it,
-- only into the office it was uploaded for; stale ones are swept on the next upload.
CREATE TABLE partner_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    office_id BIGINT NOT NULL REFERENCES offices (id),
    csv TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- An organisation's name is unique among the office's live organisations: a removed one
-- keeps its name for the history of the meetings it attended, and the name can be used again.
DROP INDEX partners_office_name;
CREATE UNIQUE INDEX partners_office_live_name ON partners (office_id, name) WHERE removed_at IS NULL;

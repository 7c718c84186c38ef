-- What a meeting is about and what comes of it: the agenda, documents attached to the
-- meeting or an agenda item, the minutes, and the address of an online meeting.

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    presenter TEXT,
    -- local time of day, HH:MM
    at_time TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX agenda_items_event ON agenda_items (event_id);

-- A file stored in the database (backed up with it). visibility: public, participants
-- (invitees and registered people) or organisers.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT NOT NULL REFERENCES events (id),
    agenda_item_id BIGINT REFERENCES agenda_items (id),
    visibility TEXT NOT NULL,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    -- the type found in the file's content, not the one the browser claimed
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    body BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by BIGINT REFERENCES users (id),
    removed_at TIMESTAMP
);
CREATE INDEX documents_event ON documents (event_id);

-- The minutes of a meeting: Markdown and/or a document, for the invitees or the public.
CREATE TABLE minutes (
    event_id BIGINT PRIMARY KEY REFERENCES events (id),
    body TEXT NOT NULL,
    document_id BIGINT REFERENCES documents (id),
    -- invitees or public
    audience TEXT NOT NULL,
    published_at TIMESTAMP,
    published_by BIGINT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);

-- A hybrid meeting's video-conference address: shown to confirmed registrants and
-- invitees who come, from `shown_minutes_before` the start; never on public pages.
CREATE TABLE event_online (
    event_id BIGINT PRIMARY KEY REFERENCES events (id),
    url TEXT NOT NULL,
    shown_minutes_before INTEGER NOT NULL
);

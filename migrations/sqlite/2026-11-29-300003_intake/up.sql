-- How a meeting takes registrations when it is not online here: `none` (no registration
-- needed), `contact` (by phone or e-mail to the contact; staff enter them), `external`
-- (at another address, `url`). No row: online here.
CREATE TABLE event_intake (
    event_id BIGINT PRIMARY KEY REFERENCES events (id),
    mode TEXT NOT NULL,
    url TEXT
);

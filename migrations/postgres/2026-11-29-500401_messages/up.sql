-- Messages an organiser wrote to a group of a meeting's participants: what was sent, by
-- whom, to how many. The mails themselves are outbox rows written in the same transaction.
CREATE TABLE messages (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id),
    sender_id BIGINT REFERENCES users (id),
    sender_name TEXT NOT NULL,
    -- confirmed, waiting, checked_in, not_checked_in, invitees, selection
    audience TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    -- further language versions: {"en": {"subject": "…", "body": "…"}, …}
    versions TEXT NOT NULL,
    recipients INTEGER NOT NULL,
    -- people of the group who asked for no more optional mail
    left_out INTEGER NOT NULL,
    -- the one-time key of the form it was sent from: a second submit sends nothing
    form_key TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX messages_event ON messages (event_id, created_at);

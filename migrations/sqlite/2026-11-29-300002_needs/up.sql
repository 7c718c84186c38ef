-- A need of a meeting (interpreting into one language, childcare, sign language, …) that
-- its organisers have booked.
CREATE TABLE needs_arranged (
    event_id BIGINT NOT NULL REFERENCES events (id),
    need_key TEXT NOT NULL,
    arranged_at TIMESTAMP NOT NULL,
    arranged_by TEXT NOT NULL,
    PRIMARY KEY (event_id, need_key)
);

-- How an organiser hears of needs to book: at once, in a daily summary, or not at all;
-- and how many days before a meeting the reminder of needs not yet arranged comes.
CREATE TABLE need_alerts (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    mode TEXT NOT NULL,
    reminder_days INTEGER NOT NULL,
    digest_sent_at TIMESTAMP
);

-- the reminder of needs not yet arranged goes once per meeting and organiser
CREATE TABLE need_reminders (
    event_id BIGINT NOT NULL REFERENCES events (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

-- registrations whose answers were looked at for needs to book (and whether they bring
-- one), so that each is told to the organisers once
CREATE TABLE need_alerted (
    registration_id BIGINT PRIMARY KEY REFERENCES registrations (id),
    event_id BIGINT NOT NULL REFERENCES events (id),
    at TIMESTAMP NOT NULL,
    bookable BOOLEAN NOT NULL
);

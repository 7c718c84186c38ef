-- Attendance certificates: one per checked-in registration, made when it is first printed
-- or downloaded. The code on the paper leads to a public check page that shows only the
-- initials kept here, the meeting and its date; the initials outlive the retention
-- anonymisation (the certificate stays checkable), an erasure at the person's request
-- removes them and the page then says the certificate can no longer be checked.
CREATE TABLE certificates (
    registration_id BIGINT PRIMARY KEY REFERENCES registrations (id),
    event_id BIGINT NOT NULL REFERENCES events (id),
    -- 12 characters of Crockford base32 (60 random bits), stored without dashes
    code TEXT NOT NULL UNIQUE,
    initials TEXT,
    issued_at TIMESTAMP NOT NULL,
    withdrawn_at TIMESTAMP
);

CREATE INDEX certificates_event ON certificates (event_id);

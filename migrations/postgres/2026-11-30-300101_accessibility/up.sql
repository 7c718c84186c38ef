-- The accessibility statement (BITV 2.0 § 7): like the privacy notice, each edit is a new
-- version, so that the statement's history stays (the law asks when it was made and revised).
CREATE TABLE access_statements (
    version INTEGER PRIMARY KEY NOT NULL,
    body_de TEXT NOT NULL,
    body_en TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by BIGINT REFERENCES users (id)
);

-- Barriers reported by visitors ("Barriere melden"): kept in the back office until answered,
-- besides the mail to the office, so that nothing is lost when mail is down.
CREATE TABLE access_feedback (
    id BIGSERIAL PRIMARY KEY,
    what TEXT NOT NULL,
    page TEXT NOT NULL,
    contact TEXT,
    lang TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP,
    answered_by BIGINT REFERENCES users (id)
);
CREATE INDEX access_feedback_created ON access_feedback (created_at);

-- The office's videos in German Sign Language (DGS), one per explanation the law asks for:
-- a file kept under the data folder, or the address of the office's own video server.
CREATE TABLE sign_videos (
    slot TEXT PRIMARY KEY NOT NULL,
    file_name TEXT,
    content_type TEXT,
    size_bytes BIGINT,
    duration_ms BIGINT,
    url TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by BIGINT REFERENCES users (id)
);

-- Questions an organiser asks with the registration: of one meeting, or of a series (every
-- date of it asks them). A removed question keeps its answers readable (removed_at).
CREATE TABLE questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id BIGINT REFERENCES events (id),
    series_id BIGINT REFERENCES series (id),
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    help TEXT NOT NULL,
    -- the choices of a choice question, one per line
    options TEXT NOT NULL,
    required BOOLEAN NOT NULL,
    -- health-related (Art. 9 GDPR): own consent, organisers of the meeting only
    sensitive BOOLEAN NOT NULL,
    -- which preset it came from (interpreting, childcare_count, …), for the needs summary
    preset TEXT,
    position INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    removed_at TIMESTAMP
);
CREATE INDEX questions_event ON questions (event_id);
CREATE INDEX questions_series ON questions (series_id);

-- a question's label, help and choices in a further language (choices in the same order)
CREATE TABLE question_texts (
    question_id BIGINT NOT NULL REFERENCES questions (id),
    lang TEXT NOT NULL,
    label TEXT NOT NULL,
    help TEXT NOT NULL,
    options TEXT NOT NULL,
    PRIMARY KEY (question_id, lang)
);

-- what a registration answered; several choices one per line, in the original language
CREATE TABLE answers (
    registration_id BIGINT NOT NULL REFERENCES registrations (id),
    question_id BIGINT NOT NULL REFERENCES questions (id),
    value TEXT NOT NULL,
    PRIMARY KEY (registration_id, question_id)
);
CREATE INDEX answers_question ON answers (question_id);

-- an office's own presets, offered beside the built-in ones
CREATE TABLE question_presets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    office_id BIGINT NOT NULL REFERENCES offices (id),
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    help TEXT NOT NULL,
    options TEXT NOT NULL,
    required BOOLEAN NOT NULL,
    sensitive BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL
);

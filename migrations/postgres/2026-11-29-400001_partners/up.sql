-- The Runder Tisch: an office's partner organisations and their contact persons, who is
-- invited to a series or meeting, each person's invitation to a date and their reply, and
-- which organisations were represented (counts only: it outlives the retention).

CREATE TABLE partners (
    id BIGSERIAL PRIMARY KEY,
    office_id BIGINT NOT NULL REFERENCES offices (id),
    name TEXT NOT NULL,
    -- school, chamber, church_welfare, adult_education, municipality, employment,
    -- police, authority, council_group, other
    kind TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    removed_at TIMESTAMP
);
CREATE UNIQUE INDEX partners_office_name ON partners (office_id, name);

CREATE TABLE partner_contacts (
    id BIGSERIAL PRIMARY KEY,
    partner_id BIGINT NOT NULL REFERENCES partners (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    -- the address as compared (lower case, trimmed), unique within an organisation
    email_key TEXT NOT NULL,
    phone TEXT,
    -- member or deputy
    role TEXT NOT NULL,
    language TEXT NOT NULL,
    -- the secret in the person's own calendar feed of the meetings they are invited to
    feed_token TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    removed_at TIMESTAMP
);
CREATE INDEX partner_contacts_partner ON partner_contacts (partner_id);

-- The invitation list of a series or a single meeting: a whole organisation (its member
-- contacts) or one person.
CREATE TABLE invitees (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT REFERENCES events (id),
    series_id BIGINT REFERENCES series (id),
    partner_id BIGINT REFERENCES partners (id),
    contact_id BIGINT REFERENCES partner_contacts (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX invitees_event ON invitees (event_id);
CREATE INDEX invitees_series ON invitees (series_id);

-- One person invited to one date. The token is the personal link (no account); the reply
-- is come, decline or substitute; the registration is the seat of whoever comes.
CREATE TABLE invitations (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events (id),
    contact_id BIGINT NOT NULL REFERENCES partner_contacts (id),
    partner_id BIGINT REFERENCES partners (id),
    token TEXT NOT NULL UNIQUE,
    reply TEXT,
    replied_at TIMESTAMP,
    substitute_name TEXT,
    substitute_email TEXT,
    registration_id BIGINT REFERENCES registrations (id),
    sent_at TIMESTAMP,
    reminded_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (event_id, contact_id)
);
CREATE INDEX invitations_contact ON invitations (contact_id);
CREATE INDEX invitations_registration ON invitations (registration_id);

-- Which organisations were represented at a meeting: no personal data, kept for good.
CREATE TABLE partner_attendance (
    event_id BIGINT NOT NULL REFERENCES events (id),
    partner_id BIGINT NOT NULL REFERENCES partners (id),
    recorded_at TIMESTAMP NOT NULL,
    -- checkin (a representative was checked in) or staff (ticked on the dashboard)
    source TEXT NOT NULL,
    PRIMARY KEY (event_id, partner_id)
);

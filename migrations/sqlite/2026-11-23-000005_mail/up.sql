-- Mails are queued as a kind and a registration (rendered when sent, in the person's
-- language); claims let several app instances share the outbox without sending twice.
ALTER TABLE outbox ADD COLUMN payload TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN claimed_until TIMESTAMP;
ALTER TABLE outbox ADD COLUMN failed_at TIMESTAMP;
ALTER TABLE events ADD COLUMN reminder_hours INTEGER;
ALTER TABLE events ADD COLUMN double_opt_in BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN verify_deadline TIMESTAMP;
ALTER TABLE registrations ADD COLUMN verified_at TIMESTAMP;
ALTER TABLE registrations ADD COLUMN reminded_at TIMESTAMP;
CREATE INDEX registrations_verify_deadline ON registrations (verify_deadline);

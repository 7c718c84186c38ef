-- Issue 15: registrations taken by phone, at the counter or by an integration manager.
-- How the person is reached: 'email' (their own address, as online), 'phone', 'post', or
-- 'via' an integration manager or organisation, whose address gets the person's mails.
-- People without an own address get an email_key of '<kind>:<token>' (as walk-ins do), so
-- the one-registration-per-address rule keeps holding for own addresses only.
ALTER TABLE registrations ADD COLUMN contact_kind TEXT NOT NULL DEFAULT 'email';
ALTER TABLE registrations ADD COLUMN phone TEXT;
ALTER TABLE registrations ADD COLUMN postal_address TEXT;
ALTER TABLE registrations ADD COLUMN via_name TEXT;
ALTER TABLE registrations ADD COLUMN via_email TEXT;

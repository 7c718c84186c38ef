ALTER TABLE registrations DROP COLUMN optional_mail_off_at;

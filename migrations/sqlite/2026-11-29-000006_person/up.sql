-- Issue 13 (3): the mail program's one-click unsubscribe stops only the optional mails of a
-- registration (reminders, organisers' messages); it never cancels. NULL: mails wanted.
ALTER TABLE registrations ADD COLUMN optional_mail_off_at TIMESTAMP;

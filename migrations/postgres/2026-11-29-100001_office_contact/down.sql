ALTER TABLE registrations DROP COLUMN via_email;
ALTER TABLE registrations DROP COLUMN via_name;
ALTER TABLE registrations DROP COLUMN postal_address;
ALTER TABLE registrations DROP COLUMN phone;
ALTER TABLE registrations DROP COLUMN contact_kind;

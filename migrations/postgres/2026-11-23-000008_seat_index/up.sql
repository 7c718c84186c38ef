-- Counting a meeting's confirmed seats (on every registration, page and check-in) reads
-- only this index, not the registrations' rows.
CREATE INDEX registrations_event_status_seats ON registrations (event_id, status, seats);

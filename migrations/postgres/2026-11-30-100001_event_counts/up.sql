-- A meeting's public confirmed seats and its waiting list's length, kept by the database
-- itself in the transaction of every change to a registration: registering, the waiting
-- list moving up and the pages read them by the meeting's key instead of counting all its
-- registrations, so their cost does not grow with the meeting (issue 18). Triggers rather
-- than code at each place that changes a registration: no path can forget them.
CREATE TABLE event_counts (
    event_id BIGINT PRIMARY KEY NOT NULL,
    confirmed_seats BIGINT NOT NULL DEFAULT 0,
    waiting BIGINT NOT NULL DEFAULT 0
);

INSERT INTO event_counts (event_id, confirmed_seats, waiting)
SELECT e.id,
       COALESCE((SELECT SUM(r.seats) FROM registrations r
                 WHERE r.event_id = e.id AND r.status = 'confirmed' AND r.source <> 'invitation'), 0),
       (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waiting')
FROM events e;

CREATE FUNCTION event_counts_event_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event_counts (event_id) VALUES (NEW.id);
    RETURN NULL;
END $$;

CREATE FUNCTION event_counts_event_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM event_counts WHERE event_id = OLD.id;
    RETURN NULL;
END $$;

-- What one registration adds to its meeting's counts.
CREATE FUNCTION event_counts_seats(status TEXT, source TEXT, seats INTEGER) RETURNS BIGINT
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN status = 'confirmed' AND source <> 'invitation' THEN seats ELSE 0 END::BIGINT
$$;

CREATE FUNCTION event_counts_registration() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE event_counts
        SET confirmed_seats = confirmed_seats - event_counts_seats(OLD.status, OLD.source, OLD.seats),
            waiting = waiting - (OLD.status = 'waiting')::INTEGER
        WHERE event_id = OLD.event_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        UPDATE event_counts
        SET confirmed_seats = confirmed_seats + event_counts_seats(NEW.status, NEW.source, NEW.seats),
            waiting = waiting + (NEW.status = 'waiting')::INTEGER
        WHERE event_id = NEW.event_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER event_counts_event_added AFTER INSERT ON events
FOR EACH ROW EXECUTE FUNCTION event_counts_event_added();

CREATE TRIGGER event_counts_event_removed AFTER DELETE ON events
FOR EACH ROW EXECUTE FUNCTION event_counts_event_removed();

CREATE TRIGGER event_counts_registration_added AFTER INSERT ON registrations
FOR EACH ROW WHEN (NEW.status IN ('confirmed', 'waiting'))
EXECUTE FUNCTION event_counts_registration();

CREATE TRIGGER event_counts_registration_changed AFTER UPDATE OF event_id, status, seats, source
ON registrations FOR EACH ROW
WHEN (OLD.event_id IS DISTINCT FROM NEW.event_id OR OLD.status IS DISTINCT FROM NEW.status
      OR OLD.seats IS DISTINCT FROM NEW.seats OR OLD.source IS DISTINCT FROM NEW.source)
EXECUTE FUNCTION event_counts_registration();

CREATE TRIGGER event_counts_registration_removed AFTER DELETE ON registrations
FOR EACH ROW WHEN (OLD.status IN ('confirmed', 'waiting'))
EXECUTE FUNCTION event_counts_registration();

-- Whether an address already holds a place, as registering asks it: by key. The partial
-- unique index (status <> 'cancelled') cannot answer a query that names the status as a
-- parameter, and the (event_id, status …) indexes walk all of the meeting's registrations.
CREATE INDEX registrations_event_email ON registrations (event_id, email_key);

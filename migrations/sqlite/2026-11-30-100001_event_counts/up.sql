-- A meeting's public confirmed seats and its waiting list's length, kept by the database
-- itself in the transaction of every change to a registration: registering, the waiting
-- list moving up and the pages read them by the meeting's key instead of counting all its
-- registrations, so their cost does not grow with the meeting (issue 18). Triggers rather
-- than code at each place that changes a registration: no path can forget them.
CREATE TABLE event_counts (
    event_id INTEGER PRIMARY KEY NOT NULL,
    confirmed_seats BIGINT NOT NULL DEFAULT 0,
    waiting BIGINT NOT NULL DEFAULT 0
);

INSERT INTO event_counts (event_id, confirmed_seats, waiting)
SELECT e.id,
       COALESCE((SELECT SUM(r.seats) FROM registrations r
                 WHERE r.event_id = e.id AND r.status = 'confirmed' AND r.source <> 'invitation'), 0),
       (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waiting')
FROM events e;

CREATE TRIGGER event_counts_event_added AFTER INSERT ON events BEGIN
    INSERT INTO event_counts (event_id) VALUES (NEW.id);
END;

CREATE TRIGGER event_counts_event_removed AFTER DELETE ON events BEGIN
    DELETE FROM event_counts WHERE event_id = OLD.id;
END;

CREATE TRIGGER event_counts_registration_added AFTER INSERT ON registrations
WHEN NEW.status IN ('confirmed', 'waiting') BEGIN
    UPDATE event_counts
    SET confirmed_seats = confirmed_seats
            + CASE WHEN NEW.status = 'confirmed' AND NEW.source <> 'invitation' THEN NEW.seats ELSE 0 END,
        waiting = waiting + (NEW.status = 'waiting')
    WHERE event_id = NEW.event_id;
END;

CREATE TRIGGER event_counts_registration_changed AFTER UPDATE OF event_id, status, seats, source ON registrations
WHEN OLD.event_id IS NOT NEW.event_id OR OLD.status IS NOT NEW.status
  OR OLD.seats IS NOT NEW.seats OR OLD.source IS NOT NEW.source BEGIN
    UPDATE event_counts
    SET confirmed_seats = confirmed_seats
            - CASE WHEN OLD.status = 'confirmed' AND OLD.source <> 'invitation' THEN OLD.seats ELSE 0 END,
        waiting = waiting - (OLD.status = 'waiting')
    WHERE event_id = OLD.event_id;
    UPDATE event_counts
    SET confirmed_seats = confirmed_seats
            + CASE WHEN NEW.status = 'confirmed' AND NEW.source <> 'invitation' THEN NEW.seats ELSE 0 END,
        waiting = waiting + (NEW.status = 'waiting')
    WHERE event_id = NEW.event_id;
END;

CREATE TRIGGER event_counts_registration_removed AFTER DELETE ON registrations
WHEN OLD.status IN ('confirmed', 'waiting') BEGIN
    UPDATE event_counts
    SET confirmed_seats = confirmed_seats
            - CASE WHEN OLD.status = 'confirmed' AND OLD.source <> 'invitation' THEN OLD.seats ELSE 0 END,
        waiting = waiting - (OLD.status = 'waiting')
    WHERE event_id = OLD.event_id;
END;

-- Whether an address already holds a place, as registering asks it: by key. The partial
-- unique index (status <> 'cancelled') cannot answer a query that names the status as a
-- parameter, and the (event_id, status …) indexes walk all of the meeting's registrations.
CREATE INDEX registrations_event_email ON registrations (event_id, email_key);

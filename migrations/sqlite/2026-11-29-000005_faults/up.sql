-- "Send my link again" and data-link mails: when the last one of a kind went to an address,
-- so that an address gets at most one per window, whoever asks and on whichever instance.
CREATE TABLE request_mails (
    recipient_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (recipient_key, kind)
);

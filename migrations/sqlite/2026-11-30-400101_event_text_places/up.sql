-- A translation also carries the meeting's place as visitors read it (venue and room),
-- its contact line and, once it is cancelled, the reason: an Arabic reader learns in
-- Arabic why a meeting was cancelled. Empty means "as in the original".
ALTER TABLE event_texts ADD COLUMN venue TEXT NOT NULL DEFAULT '';
ALTER TABLE event_texts ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE event_texts ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';

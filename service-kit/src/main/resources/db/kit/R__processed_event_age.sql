-- Lets InboxRetention find the inbox ids applied before its cutoff without an index entry per
-- event: a BRIN index keeps one time range per block of pages, and ids are appended in time
-- order. Repeatable (and idempotent), not versioned: a kit version below the services' own
-- would be out of order in databases that already have those.
CREATE INDEX IF NOT EXISTS processed_event_age ON processed_event USING brin (processed_at);

-- Each poll rewrites its customers' states (their order counts) and the purchases whose spend
-- a certificate or refund takes; with room left on each page, PostgreSQL keeps the new row
-- version on the same page without new index entries (a HOT update) when no indexed column
-- changes. Pages written from now on keep that room; existing ones gain it as they are rewritten.
ALTER TABLE customer_state SET (fillfactor = 70);
ALTER TABLE purchase SET (fillfactor = 80);

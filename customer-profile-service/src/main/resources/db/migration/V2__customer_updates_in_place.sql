-- A poll of purchases writes each of its customers' rows twice (counted, then
-- reclassified). With the pages full, every new row version went to another page and wrote an
-- entry in each of the table's indexes; with room left on each page, PostgreSQL keeps the new
-- version on the same page without index entries (a HOT update) when no indexed column changes.
-- Pages written from now on keep that room; existing ones gain it as they are rewritten.
ALTER TABLE customer SET (fillfactor = 70);

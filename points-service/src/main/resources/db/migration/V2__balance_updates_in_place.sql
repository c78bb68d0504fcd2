-- Every ledger write changes an account's balance and last activity. With an index on the
-- activity time each of those updates also wrote index entries; without it, and with room
-- left on each page, PostgreSQL updates the row in place (a HOT update). The daily expiry job
-- walks the accounts in customer order instead (see ExpiryJob).
DROP INDEX points_account_expiry;
ALTER TABLE points_account SET (fillfactor = 80);

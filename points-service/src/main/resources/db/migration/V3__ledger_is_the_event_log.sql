-- loyalty.points carries one event per ledger entry, so the ledger itself is points-service's
-- outbox: an entry is published from its row (LedgerRelay), instead of a copy of the event being
-- written to the outbox, read back and deleted (benchmark, points-service alone: 129 to 139 µs of
-- machine CPU per event instead of 150 to 160; README, Benchmark).
--
-- Each entry takes the next position of the log when it is appended. The 'appended' mark is
-- updated by the appending transaction and stays locked until it commits, so positions are
-- handed out in commit order and without gaps (a rolled-back append returns its positions with
-- the mark): when the relay sees a position, every lower one has committed. The relay publishes
-- the entries after the 'published' mark and moves the mark in the same transaction.
-- Entries from before this migration have no position; the outbox published them.
ALTER TABLE ledger_entry ADD COLUMN log_position bigint;
CREATE UNIQUE INDEX ledger_entry_log ON ledger_entry (log_position);

CREATE TABLE ledger_log (
    mark     text   PRIMARY KEY CHECK (mark IN ('appended', 'published')),
    position bigint NOT NULL
);
INSERT INTO ledger_log (mark, position) VALUES ('appended', 0), ('published', 0);

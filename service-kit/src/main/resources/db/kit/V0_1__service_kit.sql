-- The tables every loyalty service keeps for the service kit (db/kit, run before the
-- service's own db/migration scripts).

-- Inbox: every applied event id, so that redelivered and duplicated events change nothing.
CREATE TABLE processed_event (
    event_id     text        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka.
CREATE TABLE outbox (
    id         bigserial   PRIMARY KEY,
    topic      text        NOT NULL,
    record_key text        NOT NULL,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Scheduled jobs claim their period here, so one replica runs each period.
CREATE TABLE job_run (
    job        text        NOT NULL,
    period     text        NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job, period)
);

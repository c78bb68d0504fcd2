-- What points-service's database does per event, without the service: the statements one poll
-- runs (Inbox.claim, LedgerStore, LedgerRelay), as bare SQL in one session, next to the two
-- statements of the benchmark's ledger-write ceiling (LedgerWriteCeiling), 500 events per
-- transaction for both. It tells how much of the ceiling points-service's writes leave before
-- Kafka, parsing or the service's own code take anything: a copy of the statements as of
-- f720dd4, for that measurement only (README, Benchmark).
--
-- In an empty database, with the service kit's and points-service's migrations applied:
--   createdb -h 127.0.0.1 -U postgres points_statements
--   psql -h 127.0.0.1 -U postgres -d points_statements -f service-kit/src/main/resources/db/kit/V0_1__service_kit.sql
--   for f in points-service/src/main/resources/db/migration/V*.sql; do psql -h 127.0.0.1 -U postgres -d points_statements -f $f; done
--   psql -h 127.0.0.1 -U postgres -d points_statements -f docs/benchmark/points-statements.sql
-- It warms up with 300,000 events and vacuums, as the benchmark does, then prints each
-- statement's time over 200,000 events of the benchmark's shape and the ceiling's rate.

-- The service kit's planner setting, which every service's session has.
SET random_page_cost = 1.1;

CREATE TABLE ledger (id bigserial PRIMARY KEY, order_id text NOT NULL UNIQUE, customer_id text NOT NULL,
                     points bigint NOT NULL, occurred_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE balance (customer_id text PRIMARY KEY, points bigint NOT NULL);

-- Event i of run r is a purchase by customer load-(i mod 20,000) of order o-r-i, except every
-- tenth, which refunds 5.00 of the order before it (PurchaseStream).
-- Each helper is one immutable expression, so the planner inlines it: `'load-' || int` is only
-- stable, and called per row instead it took a fifth off both rates.
CREATE FUNCTION order_of(i int) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT i - (i % 10 = 9)::int $$;
CREATE FUNCTION customer_of(o int) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT 'load-' || (o % 20000)::text $$;
CREATE FUNCTION goods_of(o int) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT 50 + o % 400 $$;
CREATE FUNCTION points_of(i int) RETURNS bigint IMMUTABLE LANGUAGE sql AS $$ SELECT CASE WHEN i % 10 = 9 THEN 0 ELSE goods_of(i) / 10 END $$;

-- Adds the time since lap_started to statement s's total and starts the next lap.
CREATE PROCEDURE lap(INOUT seconds float8[], s int, INOUT lap_started timestamptz) LANGUAGE plpgsql AS $$
BEGIN
    seconds[s] := seconds[s] + extract(epoch FROM clock_timestamp() - lap_started);
    lap_started := clock_timestamp();
END $$;

INSERT INTO points_account (customer_id, last_activity_at) SELECT customer_of(i), now() FROM generate_series(0, 19999) i;

CREATE PROCEDURE points_statements(run text, batches int, n int, report boolean) LANGUAGE plpgsql AS $$
DECLARE
    names text[] := ARRAY['inbox claim', 'account locks', 'order reads', 'refund reads', 'order upserts', 'refund inserts',
                          'account updates', 'ledger appends', 'commits', 'relay reads', 'relay marks and commits'];
    seconds float8[] := array_fill(0::float8, ARRAY[11]);
    started timestamptz := clock_timestamp();
    t timestamptz;
    lo int; ids text[]; customers text[]; orders text[]; refunds text[]; fresh int; upto bigint;
BEGIN
    FOR b IN 0 .. batches - 1 LOOP
        lo := b * n;
        SELECT array_agg('e-' || run || '-' || i ORDER BY i), array_agg(DISTINCT customer_of(order_of(i))),
               array_agg(DISTINCT 'o-' || run || '-' || order_of(i)), array_agg('r-' || run || '-' || i) FILTER (WHERE i % 10 = 9)
            INTO ids, customers, orders, refunds FROM generate_series(lo, lo + n - 1) i;
        t := clock_timestamp();
        WITH claimed AS (INSERT INTO processed_event (event_id, processed_at) SELECT id, now() FROM unnest(ids) id ORDER BY id
            ON CONFLICT DO NOTHING RETURNING event_id)
        SELECT count(*) INTO fresh FROM claimed;
        CALL lap(seconds, 1, t);
        PERFORM customer_id, balance, lifetime_earned, lifetime_redeemed, last_activity_at FROM points_account
            WHERE customer_id = ANY(customers) ORDER BY customer_id FOR UPDATE;
        CALL lap(seconds, 2, t);
        PERFORM order_id, customer_id, currency, goods_total, refunded_total, points, available_at FROM order_points
            WHERE order_id = ANY(orders);
        CALL lap(seconds, 3, t);
        PERFORM refund_id FROM order_refund WHERE refund_id = ANY(refunds);
        CALL lap(seconds, 4, t);
        INSERT INTO order_points (order_id, customer_id, currency, goods_total, refunded_total, points, available_at)
            SELECT 'o-' || run || '-' || o, customer_of(o), 'USD', goods_of(o), CASE WHEN o % 10 = 8 THEN 5 ELSE 0 END,
                   points_of(o), now()
            FROM (SELECT DISTINCT order_of(i) AS o FROM generate_series(lo, lo + n - 1) i) distinct_orders ORDER BY 1
            ON CONFLICT (order_id) DO UPDATE SET currency = EXCLUDED.currency, goods_total = EXCLUDED.goods_total,
                refunded_total = EXCLUDED.refunded_total, points = EXCLUDED.points, available_at = EXCLUDED.available_at;
        CALL lap(seconds, 5, t);
        INSERT INTO order_refund (refund_id, order_id, amount, refunded_at)
            SELECT 'r-' || run || '-' || i, 'o-' || run || '-' || (i - 1), 5, now() FROM generate_series(lo, lo + n - 1) i WHERE i % 10 = 9;
        CALL lap(seconds, 6, t);
        UPDATE points_account a SET balance = a.balance + d.p, lifetime_earned = a.lifetime_earned + d.p,
                lifetime_redeemed = a.lifetime_redeemed, last_activity_at = now()
            FROM (SELECT customer_of(order_of(i)) AS c, sum(points_of(i)) AS p FROM generate_series(lo, lo + n - 1) i GROUP BY 1) d
            WHERE a.customer_id = d.c;
        CALL lap(seconds, 7, t);
        WITH taken AS (UPDATE ledger_log SET position = position + n WHERE mark = 'appended' RETURNING position - n AS base)
        INSERT INTO ledger_entry (customer_id, type, points, balance, order_id, refund_id, redemption_id, occurred_at, log_position)
            SELECT customer_of(order_of(i)), CASE WHEN i % 10 = 9 THEN 'REVERSE' ELSE 'EARN' END, points_of(i), 100,
                   'o-' || run || '-' || order_of(i), CASE WHEN i % 10 = 9 THEN 'r-' || run || '-' || i END, NULL, now(),
                   taken.base + (i - lo + 1)
            FROM taken, generate_series(lo, lo + n - 1) i ORDER BY i;
        CALL lap(seconds, 8, t);
        COMMIT;
        CALL lap(seconds, 9, t);
        SELECT max(log_position) INTO upto FROM (SELECT log_position, customer_id, type, points, balance, order_id, refund_id,
                redemption_id, occurred_at FROM ledger_entry
            WHERE log_position > (SELECT position FROM ledger_log WHERE mark = 'published') ORDER BY log_position LIMIT 500) e;
        CALL lap(seconds, 10, t);
        UPDATE ledger_log SET position = upto WHERE mark = 'published';
        COMMIT;
        CALL lap(seconds, 11, t);
    END LOOP;
    IF report THEN
        FOR s IN 1 .. 11 LOOP
            RAISE NOTICE '%: % µs per event', rpad(names[s], 24), round((seconds[s] * 1e6 / (batches * n))::numeric, 1);
        END LOOP;
        RAISE NOTICE 'points-service''s statements: % events/s',
            round(batches * n / extract(epoch FROM clock_timestamp() - started));
    END IF;
END $$;

CREATE PROCEDURE ceiling_statements(run text, batches int, n int) LANGUAGE plpgsql AS $$
DECLARE
    started timestamptz := clock_timestamp();
    lo int;
BEGIN
    FOR b IN 0 .. batches - 1 LOOP
        lo := b * n;
        INSERT INTO ledger (order_id, customer_id, points)
            SELECT 'o-' || run || '-' || i, customer_of(i), goods_of(i) / 10 FROM generate_series(lo, lo + n - 1) i
            ON CONFLICT (order_id) DO NOTHING;
        INSERT INTO balance (customer_id, points)
            SELECT customer_of(i), sum(goods_of(i) / 10) FROM generate_series(lo, lo + n - 1) i GROUP BY 1 ORDER BY 1
            ON CONFLICT (customer_id) DO UPDATE SET points = balance.points + excluded.points;
        COMMIT;
    END LOOP;
    RAISE NOTICE 'the ceiling''s statements: % events/s', round(batches * n / extract(epoch FROM clock_timestamp() - started));
END $$;

CALL points_statements('warm-up', 600, 500, false);
VACUUM ANALYZE;
CALL points_statements('measured', 400, 500, true);
CALL ceiling_statements('first', 400, 500);
CALL ceiling_statements('second', 400, 500);
CALL ceiling_statements('third', 400, 500);

-- A customer's active rewards of one kind, looked up whenever standing benefits are reconciled
-- (a segment change, the third order) and by checkout's /benefits. With only the other two
-- indexes the planner, on statistics that lag a fast-growing table, intersected the customer
-- index with the whole partial expiry index: 3 ms a lookup instead of a few microseconds.
CREATE INDEX reward_active_by_customer ON reward (customer_id, kind) WHERE status = 'ACTIVE';

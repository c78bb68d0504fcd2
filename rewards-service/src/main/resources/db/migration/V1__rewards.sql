-- rewards-service schema. Amounts are exact decimals in the program currency.

-- What rewards need to know of a customer; the row is also the per-customer lock.
CREATE TABLE customer_state (
    customer_id           text        PRIMARY KEY,
    segment               text,
    completed_orders      int         NOT NULL DEFAULT 0,
    first_purchase_at     timestamptz,
    last_surprise_at      timestamptz,
    last_anniversary_year int
);
CREATE INDEX customer_state_anniversary ON customer_state (segment, first_purchase_at);

-- Each order's spend; allocated is the part that has already earned a gift certificate.
CREATE TABLE purchase (
    order_id       text          PRIMARY KEY,
    customer_id    text          NOT NULL,
    placed_at      timestamptz   NOT NULL,
    goods_total    numeric(19,4) NOT NULL,
    refunded_total numeric(19,4) NOT NULL DEFAULT 0,
    allocated      numeric(19,4) NOT NULL DEFAULT 0
);
CREATE INDEX purchase_window ON purchase (customer_id, placed_at);

-- Every refund, also those that arrive before their purchase.
CREATE TABLE refund (
    refund_id text          PRIMARY KEY,
    order_id  text          NOT NULL,
    amount    numeric(19,4) NOT NULL
);
CREATE INDEX refund_order ON refund (order_id);

CREATE TABLE reward (
    reward_id         uuid          PRIMARY KEY,
    customer_id       text          NOT NULL,
    kind              text          NOT NULL CHECK (kind IN ('GIFT_CERTIFICATE', 'FREE_SHIPPING', 'LOYALTY_DISCOUNT', 'SURPRISE_GIFT')),
    code              text          UNIQUE,
    amount            numeric(19,4),
    currency          char(3),
    percent           int,
    description       text          NOT NULL,
    reason            text          NOT NULL,
    status            text          NOT NULL CHECK (status IN ('ACTIVE', 'REDEEMED', 'EXPIRED', 'REVOKED')),
    issued_at         timestamptz   NOT NULL,
    expires_at        timestamptz,
    redeemed_order_id text,
    redeemed_at       timestamptz,
    -- refunded spend behind a certificate that was already used: recorded, not taken back
    unbacked_amount   numeric(19,4) NOT NULL DEFAULT 0
);
CREATE INDEX reward_customer ON reward (customer_id, issued_at);
CREATE INDEX reward_expiry ON reward (expires_at) WHERE status = 'ACTIVE';

-- Which order's spend backs which certificate, and how much of it.
CREATE TABLE certificate_allocation (
    reward_id uuid          NOT NULL REFERENCES reward (reward_id),
    order_id  text          NOT NULL REFERENCES purchase (order_id),
    amount    numeric(19,4) NOT NULL,
    PRIMARY KEY (reward_id, order_id)
);
CREATE INDEX certificate_allocation_order ON certificate_allocation (order_id);

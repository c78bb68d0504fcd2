-- points-service schema. Amounts are exact decimals, points are whole numbers.

-- One row per customer with points activity; balance includes points still pending.
CREATE TABLE points_account (
    customer_id       text        PRIMARY KEY,
    balance           bigint      NOT NULL DEFAULT 0,
    lifetime_earned   bigint      NOT NULL DEFAULT 0,
    lifetime_redeemed bigint      NOT NULL DEFAULT 0,
    last_activity_at  timestamptz NOT NULL
);
CREATE INDEX points_account_expiry ON points_account (last_activity_at) WHERE balance > 0;

-- What each order earned: goods_total is null until its purchase.completed arrives
-- (a refund may come first); points is what the order currently credits.
CREATE TABLE order_points (
    order_id       text          PRIMARY KEY,
    customer_id    text          NOT NULL,
    currency       char(3),
    goods_total    numeric(19,4),
    refunded_total numeric(19,4) NOT NULL DEFAULT 0,
    points         bigint        NOT NULL DEFAULT 0,
    available_at   timestamptz
);
CREATE INDEX order_points_pending ON order_points (customer_id, available_at);

CREATE TABLE order_refund (
    refund_id   text          PRIMARY KEY,
    order_id    text          NOT NULL,
    amount      numeric(19,4) NOT NULL,
    refunded_at timestamptz   NOT NULL
);

-- Append-only ledger; balance is the account balance after the entry.
CREATE TABLE ledger_entry (
    id            bigserial   PRIMARY KEY,
    customer_id   text        NOT NULL,
    type          text        NOT NULL CHECK (type IN ('EARN', 'REVERSE', 'REDEEM', 'EXPIRE')),
    points        bigint      NOT NULL,
    balance       bigint      NOT NULL,
    order_id      text,
    refund_id     text,
    redemption_id uuid,
    occurred_at   timestamptz NOT NULL
);
CREATE INDEX ledger_entry_history ON ledger_entry (customer_id, id DESC);

CREATE TABLE catalog_item (
    id          text        PRIMARY KEY,
    name        text        NOT NULL,
    description text,
    points      bigint      NOT NULL CHECK (points > 0),
    active      boolean     NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE redemption (
    redemption_id   uuid        PRIMARY KEY,
    customer_id     text        NOT NULL,
    request_id      text        NOT NULL,
    catalog_item_id text        NOT NULL,
    points          bigint      NOT NULL,
    balance_after   bigint      NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (customer_id, request_id)
);

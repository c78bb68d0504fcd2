-- customer-profile-service schema: profiles, consent, referrals, purchase/payment/complaint
-- history and segments. Personal data lives only in customer (email, name, interests,
-- buying habits) and is removed on erasure; the rest is anonymous once erased.

CREATE TABLE customer (
    customer_id        text          PRIMARY KEY,
    registered         boolean       NOT NULL DEFAULT false,
    erased             boolean       NOT NULL DEFAULT false,
    email              text,
    name               text,
    locale             text          NOT NULL DEFAULT 'en',
    marketing_consent  boolean       NOT NULL DEFAULT false,
    consent_changed_at timestamptz,
    consent_source     text,
    interests          jsonb,
    buying_habits      jsonb,
    referral_code      text          NOT NULL UNIQUE,
    referred_by        text,
    referral_credited  boolean       NOT NULL DEFAULT false,
    referrals_bought   int           NOT NULL DEFAULT 0,
    purchases          int           NOT NULL DEFAULT 0,
    total_spent        numeric(19,4) NOT NULL DEFAULT 0,
    first_purchase_at  timestamptz,
    last_purchase_at   timestamptz,
    segment            text          NOT NULL DEFAULT 'PROSPECT',
    reasons            jsonb         NOT NULL DEFAULT '[]',
    repeat_buyer       boolean       NOT NULL DEFAULT false,
    rfm_recency        int,
    rfm_frequency      int,
    rfm_monetary       int,
    created_at         timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX customer_segment ON customer (segment, customer_id);

CREATE TABLE profile_purchase (
    order_id       text          PRIMARY KEY,
    customer_id    text          NOT NULL,
    goods_total    numeric(19,4) NOT NULL,
    placed_at      timestamptz   NOT NULL
);

-- Refunds, also those that arrive before their purchase (applied when it comes).
CREATE TABLE profile_refund (
    refund_id   text          PRIMARY KEY,
    order_id    text          NOT NULL,
    customer_id text          NOT NULL,
    amount      numeric(19,4) NOT NULL
);
CREATE INDEX profile_refund_order ON profile_refund (order_id);

CREATE TABLE complaint (
    complaint_id text        PRIMARY KEY,
    customer_id  text        NOT NULL,
    filed_at     timestamptz NOT NULL
);
CREATE INDEX complaint_customer ON complaint (customer_id, filed_at);

-- One row per invoice: overdue from invoice.overdue, paid_at from invoice.paid (late when after due_at).
CREATE TABLE invoice (
    invoice_id  text          PRIMARY KEY,
    customer_id text          NOT NULL,
    amount      numeric(19,4) NOT NULL,
    due_at      timestamptz   NOT NULL,
    paid_at     timestamptz,
    overdue     boolean       NOT NULL DEFAULT false
);
CREATE INDEX invoice_customer ON invoice (customer_id, due_at);

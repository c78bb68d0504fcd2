-- notification-service schema: the contact list (kept from loyalty.customers), the mail
-- queue and log, newsletters.

CREATE TABLE contact (
    customer_id       text        PRIMARY KEY,
    email             text        NOT NULL,
    name              text        NOT NULL,
    locale            text        NOT NULL,
    marketing_consent boolean     NOT NULL,
    segment           text,
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_audience ON contact (segment) WHERE marketing_consent;

-- Every mail, rendered when its event arrived: the queue (PENDING) and the log (SENT, FAILED).
-- One mail per (event, kind, customer): a redelivered event finds its row and adds nothing.
CREATE TABLE notification (
    notification_id  uuid        PRIMARY KEY,
    customer_id      text        NOT NULL,
    source_event_id  text        NOT NULL,
    kind             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    recipient        text,
    subject          text        NOT NULL,
    body_text        text,
    body_html        text,
    list_unsubscribe text,
    newsletter_id    uuid,
    due_at           timestamptz NOT NULL,
    attempts         int         NOT NULL DEFAULT 0,
    last_error       text,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    UNIQUE (source_event_id, kind, customer_id)
);
CREATE INDEX notification_queue ON notification (due_at) WHERE status = 'PENDING';
CREATE INDEX notification_customer ON notification (customer_id, created_at);
CREATE INDEX notification_newsletter ON notification (newsletter_id) WHERE newsletter_id IS NOT NULL;

CREATE TABLE newsletter (
    newsletter_id uuid        PRIMARY KEY,
    subject       text        NOT NULL,
    body          text        NOT NULL,
    audience      text        NOT NULL,
    segment       text,
    recipients    int         NOT NULL,
    created_at    timestamptz NOT NULL
);

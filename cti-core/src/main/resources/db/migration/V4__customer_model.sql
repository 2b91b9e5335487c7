-- The customer model the IVR and the screen pop need: contact preferences, value, routing flags, the account
-- balance the IVR may say, a PIN (bcrypt hash only) with its lockout, consents per channel, cases and orders.
-- Every check repeats one the Java records make, so that a row written by hand is held to the same rules.
-- Unqualified names: Flyway runs this in the schema it is given (public by default).

ALTER TABLE customers
    ADD COLUMN email                  TEXT CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    ADD COLUMN preferred_language     TEXT CHECK (preferred_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    ADD COLUMN preferred_channel      TEXT CHECK (preferred_channel IN ('voice', 'sms', 'email', 'chat')),
    -- a local-time window such as '09:00-12:00'
    ADD COLUMN preferred_contact_time TEXT
        CHECK (preferred_contact_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$'),
    ADD COLUMN vip                    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN churn_risk             BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN lifetime_value         NUMERIC(14, 2) CHECK (lifetime_value >= 0),
    ADD COLUMN acquisition_cost       NUMERIC(14, 2) CHECK (acquisition_cost >= 0),
    -- the agent id of the relationship owner ("relationship owner first" routing)
    ADD COLUMN account_manager        TEXT CHECK (account_manager <> ''),
    -- may be negative: money owed to the customer
    ADD COLUMN balance                NUMERIC(14, 2),
    ADD COLUMN pin_hash               TEXT,
    -- wrong PINs in a row; 5 set pin_locked_until (now + 15 minutes)
    ADD COLUMN pin_failures           INT NOT NULL DEFAULT 0 CHECK (pin_failures >= 0),
    ADD COLUMN pin_locked_until       TIMESTAMPTZ;

CREATE TABLE customer_consents (
    customer_id BIGINT      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    channel     TEXT        NOT NULL CHECK (channel IN ('voice', 'sms', 'email')),
    opted_in    BOOLEAN     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, channel)
);

CREATE TABLE customer_cases (
    id          BIGSERIAL   PRIMARY KEY,
    customer_id BIGINT      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind        TEXT        NOT NULL CHECK (kind IN ('issue', 'complaint')),
    status      TEXT        NOT NULL CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
    summary     TEXT        NOT NULL CHECK (btrim(summary) <> ''),
    opened_at   TIMESTAMPTZ NOT NULL,
    closed_at   TIMESTAMPTZ,
    CHECK (closed_at IS NULL OR (status IN ('resolved', 'closed') AND closed_at >= opened_at))
);

-- the pop asks for a customer's open cases on every call; closed ones pile up and are not wanted there
CREATE INDEX customer_cases_open_idx ON customer_cases (customer_id, opened_at)
    WHERE status IN ('open', 'pending');
CREATE INDEX customer_cases_customer_idx ON customer_cases (customer_id);

CREATE TABLE customer_orders (
    order_number TEXT        PRIMARY KEY CHECK (order_number ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,31}$'),
    customer_id  BIGINT      NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status       TEXT        NOT NULL
        CHECK (status IN ('received', 'packed', 'shipped', 'delivered', 'cancelled', 'returned')),
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX customer_orders_customer_idx ON customer_orders (customer_id);

-- Customers, their phone numbers (E.164 only) and the interaction history.
-- Unqualified names: Flyway runs this in the schema it is given (public by default).

CREATE TABLE customers (
    id             BIGSERIAL PRIMARY KEY,
    salutation     TEXT,
    first_name     TEXT        NOT NULL,
    last_name      TEXT        NOT NULL,
    tier           TEXT,
    account_number TEXT        UNIQUE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE customer_phones (
    customer_id BIGINT   NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    e164        TEXT     NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    -- the order the numbers were given in (0 = primary), so a customer reads back as saved
    position    SMALLINT NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, e164)
);

CREATE INDEX customer_phones_e164_idx ON customer_phones (e164);

CREATE TABLE interactions (
    interaction_key TEXT        PRIMARY KEY,
    customer_id     BIGINT      REFERENCES customers (id) ON DELETE SET NULL,
    caller_number   TEXT,
    channel         TEXT,
    queue           TEXT,
    agent_id        TEXT,
    started_at      TIMESTAMPTZ NOT NULL,
    answered_at     TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ NOT NULL,
    outcome         TEXT        NOT NULL,
    disposition     TEXT,
    notes           TEXT
);

CREATE INDEX interactions_customer_started_idx ON interactions (customer_id, started_at DESC);

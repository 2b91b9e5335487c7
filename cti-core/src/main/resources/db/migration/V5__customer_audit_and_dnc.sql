-- The customer API's bookkeeping: who changed which customer when (customer_audit), erasure on request
-- (customers.erased_at), and the do-not-call list the dialer reads before every dial (dnc_numbers).
-- Unqualified names: Flyway runs this in the schema it is given (public by default).

-- Set once, when the customer's personal data was erased; never cleared (erasure is irreversible).
ALTER TABLE customers ADD COLUMN erased_at TIMESTAMPTZ;

-- Search by e-mail (case-insensitive) and by name prefix ("first last" covers a first-name prefix too); the
-- duplicate check on every create and contact update reads the e-mail index. text_pattern_ops: prefix LIKE uses the
-- index whatever the database's collation.
CREATE INDEX customers_email_idx ON customers (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX customers_last_name_idx ON customers (lower(last_name) text_pattern_ops);
CREATE INDEX customers_full_name_idx ON customers (lower(first_name || ' ' || last_name) text_pattern_ops);

-- What was changed, by whom, when. Field names only, never values: the audit must not keep the personal data an
-- erasure removes (and a note's text or a PIN has no business in an audit trail anyway).
CREATE TABLE customer_audit (
    id          BIGSERIAL   PRIMARY KEY,
    -- no foreign key cascade: customers are anonymised, never deleted, and the trail must outlive any row
    customer_id BIGINT      NOT NULL,
    action      TEXT        NOT NULL CHECK (action IN ('created', 'contact-updated', 'note-added', 'complaint-recorded',
                                                       'erased', 'pin-set', 'consent-set')),
    fields      TEXT[]      NOT NULL DEFAULT '{}',
    done_by     TEXT        NOT NULL CHECK (btrim(done_by) <> ''),
    done_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX customer_audit_customer_idx ON customer_audit (customer_id, id);

-- Numbers never to be dialled. The first entry for a number stands (a later request does not rewrite its origin).
CREATE TABLE dnc_numbers (
    e164     TEXT        PRIMARY KEY CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    source   TEXT        NOT NULL CHECK (source IN ('erasure', 'request', 'import', 'regulator')),
    added_at TIMESTAMPTZ NOT NULL,
    added_by TEXT        NOT NULL CHECK (btrim(added_by) <> '')
);

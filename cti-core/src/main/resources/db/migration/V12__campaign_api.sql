-- The campaign API: a campaign's state (draft until first started, and who changed it last), the do-not-call
-- administration trail, national registers that may share numbers, and the indexes the compliance reads page through.
-- Unqualified names: Flyway runs this in the schema it is given.

ALTER TABLE campaigns
    ADD COLUMN state            TEXT        NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'running', 'paused', 'stopped')),
    ADD COLUMN state_changed_at TIMESTAMPTZ,
    ADD COLUMN state_changed_by TEXT;

-- why a person put the number on the list (free text, optional); the source says which kind of entry it is
ALTER TABLE dnc_numbers ADD COLUMN reason TEXT CHECK (char_length(reason) <= 500);

-- A number may be on several registers: replacing one register must not drop a number another still lists.
ALTER TABLE national_dnc DROP CONSTRAINT national_dnc_pkey;
ALTER TABLE national_dnc ADD PRIMARY KEY (registry, e164);
CREATE INDEX national_dnc_number_idx ON national_dnc (e164);

-- Who changed the do-not-call lists, how and why. No foreign keys: the trail outlives campaigns and entries.
CREATE TABLE dnc_audit (
    id          BIGSERIAL   PRIMARY KEY,
    action      TEXT        NOT NULL CHECK (action IN ('added', 'removed', 'campaign-added', 'national-imported')),
    -- null for a national import (source names the register, numbers how many it holds now)
    e164        TEXT        CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    campaign_id BIGINT,
    source      TEXT,
    reason      TEXT,
    numbers     INT,
    done_by     TEXT        NOT NULL CHECK (btrim(done_by) <> ''),
    done_at     TIMESTAMPTZ NOT NULL,
    CHECK ((action = 'national-imported') = (e164 IS NULL))
);

CREATE INDEX dnc_audit_number_idx ON dnc_audit (e164, id) WHERE e164 IS NOT NULL;

-- the compliance reads page through a campaign's attempts and refusals in time order, (instant, id) as the cursor
CREATE INDEX dial_attempts_campaign_idx ON dial_attempts (campaign_id, started_at, id);
DROP INDEX dial_refusals_campaign_idx;
CREATE INDEX dial_refusals_campaign_idx ON dial_refusals (campaign_id, refused_at, id);

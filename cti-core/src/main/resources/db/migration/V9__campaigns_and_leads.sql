-- Outbound: campaigns, their lead lists and leads, dial attempts with their dispositions, the do-not-call lists and
-- every refused dial with its reason. Checks repeat the ones the dialer's records make, so a row written by hand is
-- held to the same rules. Unqualified names: Flyway runs this in the schema it is given.

-- Also created by V5 (same definition, word for word): whichever runs first creates it.
CREATE TABLE IF NOT EXISTS dnc_numbers (e164 TEXT PRIMARY KEY, source TEXT NOT NULL, added_at TIMESTAMPTZ NOT NULL DEFAULT now(), added_by TEXT);

-- An imported national register (a regulator's file), kept apart from our own list: it is replaced wholesale.
CREATE TABLE national_dnc (
    e164        TEXT        PRIMARY KEY CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    registry    TEXT        NOT NULL CHECK (btrim(registry) <> ''),
    imported_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE campaigns (
    id                     BIGSERIAL    PRIMARY KEY,
    name                   TEXT         NOT NULL UNIQUE CHECK (btrim(name) <> ''),
    dial_mode              TEXT         NOT NULL CHECK (dial_mode IN ('preview', 'progressive', 'predictive')),
    skill                  TEXT         CHECK (skill <> ''),
    agents                 TEXT[]       NOT NULL DEFAULT '{}',
    caller_id              TEXT         NOT NULL CHECK (caller_id ~ '^\+[1-9][0-9]{6,14}$'),
    -- the campaign runs on these ISO days (1 = Monday) between these local times in its time zone
    time_zone              TEXT         NOT NULL,
    schedule_days          SMALLINT[]   NOT NULL CHECK (cardinality(schedule_days) > 0),
    schedule_start         TIME         NOT NULL,
    schedule_end           TIME         NOT NULL CHECK (schedule_end > schedule_start),
    -- the legal window in the lead's own time zone, and the safer one used when the lead's zone is unknown
    calling_start          TIME         NOT NULL,
    calling_end            TIME         NOT NULL CHECK (calling_end > calling_start),
    default_start          TIME         NOT NULL,
    default_end            TIME         NOT NULL CHECK (default_end > default_start),
    abandon_limit_percent  NUMERIC(5, 2) NOT NULL DEFAULT 3.00 CHECK (abandon_limit_percent >= 0 AND abandon_limit_percent <= 100),
    amd                    BOOLEAN      NOT NULL DEFAULT FALSE,
    safe_harbour_message   TEXT         NOT NULL CHECK (btrim(safe_harbour_message) <> ''),
    script                 TEXT         NOT NULL DEFAULT '',
    -- eligibility: no call within this many days of an order (null: rule off), none while a complaint is open,
    -- and (when set) none to a customer who never gave consent for voice; an explicit opt-out always refuses
    recent_order_days      INT          CHECK (recent_order_days > 0),
    skip_open_complaints   BOOLEAN      NOT NULL DEFAULT TRUE,
    require_voice_consent  BOOLEAN      NOT NULL DEFAULT FALSE,
    -- warn when a list has this few dialable leads left
    list_low_threshold     INT          NOT NULL DEFAULT 100 CHECK (list_low_threshold >= 0),
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE campaign_retry_rules (
    campaign_id   BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    outcome       TEXT   NOT NULL CHECK (outcome IN ('busy', 'no_answer', 'congestion', 'machine', 'abandoned', 'invalid_number',
                                                     'live_answer')),
    max_attempts  INT    NOT NULL CHECK (max_attempts > 0),
    delay_seconds INT    NOT NULL CHECK (delay_seconds >= 0),
    PRIMARY KEY (campaign_id, outcome)
);

CREATE TABLE campaign_contact_caps (
    campaign_id    BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    scope          TEXT   NOT NULL CHECK (scope IN ('number', 'customer')),
    max_attempts   INT    NOT NULL CHECK (max_attempts > 0),
    period_seconds BIGINT NOT NULL CHECK (period_seconds > 0),
    PRIMARY KEY (campaign_id, scope, period_seconds)
);

CREATE TABLE campaign_dispositions (
    campaign_id BIGINT         NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    code        TEXT           NOT NULL CHECK (code ~ '^[a-z0-9_-]{1,32}$'),
    label       TEXT           NOT NULL CHECK (btrim(label) <> ''),
    value       NUMERIC(14, 2) NOT NULL DEFAULT 0,
    -- dnc_request, callback, sale, final
    flags       TEXT[]         NOT NULL DEFAULT '{}',
    position    SMALLINT       NOT NULL,
    PRIMARY KEY (campaign_id, code)
);

-- numbers this campaign must never dial (on top of dnc_numbers and national_dnc)
CREATE TABLE campaign_dnc (
    campaign_id BIGINT      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    e164        TEXT        NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    added_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (campaign_id, e164)
);

CREATE TABLE lead_lists (
    id          BIGSERIAL   PRIMARY KEY,
    campaign_id BIGINT      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    name        TEXT        NOT NULL CHECK (btrim(name) <> ''),
    created_at  TIMESTAMPTZ NOT NULL,
    accepted    INT         NOT NULL DEFAULT 0,
    rejected    INT         NOT NULL DEFAULT 0,
    -- set the first time the list's dialable leads fell to the campaign's threshold
    low_since   TIMESTAMPTZ
);

CREATE TABLE leads (
    id              BIGSERIAL   PRIMARY KEY,
    list_id         BIGINT      NOT NULL REFERENCES lead_lists (id) ON DELETE CASCADE,
    campaign_id     BIGINT      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    e164            TEXT        NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    first_name      TEXT,
    last_name       TEXT,
    time_zone       TEXT,
    priority        INT         NOT NULL DEFAULT 0,
    preferred_time  TEXT CHECK (preferred_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$'),
    external_id     TEXT,
    customer_id     BIGINT      REFERENCES customers (id) ON DELETE SET NULL,
    status          TEXT        NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'retry', 'done')),
    attempts        INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ,
    claimed_by      TEXT,
    lease_until     TIMESTAMPTZ,
    CHECK ((status = 'in_progress') = (claimed_by IS NOT NULL AND lease_until IS NOT NULL)),
    -- one number once per campaign, across all its lists: a second import of a file loads nothing twice
    UNIQUE (campaign_id, e164)
);

-- what a claim scans: the dialable leads of one campaign, best first
CREATE INDEX leads_dialable_idx ON leads (campaign_id, priority DESC, id) WHERE status IN ('new', 'retry', 'in_progress');
CREATE INDEX leads_list_idx ON leads (list_id, status);

CREATE TABLE dial_attempts (
    id                BIGSERIAL      PRIMARY KEY,
    campaign_id       BIGINT         NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    lead_id           BIGINT         REFERENCES leads (id) ON DELETE SET NULL,
    e164              TEXT           NOT NULL,
    customer_id       BIGINT         REFERENCES customers (id) ON DELETE SET NULL,
    agent_id          TEXT,
    started_at        TIMESTAMPTZ    NOT NULL,
    outcome           TEXT CHECK (outcome IN ('busy', 'no_answer', 'congestion', 'machine', 'abandoned', 'invalid_number',
                                              'live_answer')),
    disposition       TEXT,
    disposition_value NUMERIC(14, 2)
);

-- the caps and the 72-hour rule look back from now per number and per customer
CREATE INDEX dial_attempts_number_idx ON dial_attempts (e164, started_at DESC);
CREATE INDEX dial_attempts_customer_idx ON dial_attempts (customer_id, started_at DESC) WHERE customer_id IS NOT NULL;

CREATE TABLE dial_refusals (
    id          BIGSERIAL   PRIMARY KEY,
    campaign_id BIGINT      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    lead_id     BIGINT      REFERENCES leads (id) ON DELETE SET NULL,
    e164        TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    detail      TEXT        NOT NULL,
    refused_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX dial_refusals_campaign_idx ON dial_refusals (campaign_id, refused_at DESC);

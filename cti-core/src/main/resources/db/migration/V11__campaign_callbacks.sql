-- Callbacks agreed at wrap-up (the dialer's CampaignRunner): dial the lead again at due_at, for one agent (agent_id) or
-- for whoever of the campaign is free (agent_id null). Kept here so a restart keeps them; claimed by one node at a
-- time under a lease, like leads, so nodes sharing a campaign never dial one callback twice.
CREATE TABLE campaign_callbacks (
    id          BIGSERIAL   PRIMARY KEY,
    campaign_id BIGINT      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    lead_id     BIGINT      NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    agent_id    TEXT        CHECK (btrim(agent_id) <> ''),
    due_at      TIMESTAMPTZ NOT NULL,
    status      TEXT        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_progress', 'done')),
    attempts    INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- the attempt whose disposition agreed it
    attempt_id  BIGINT      REFERENCES dial_attempts (id) ON DELETE SET NULL,
    created_by  TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    claimed_by  TEXT,
    lease_until TIMESTAMPTZ,
    CHECK ((status = 'in_progress') = (claimed_by IS NOT NULL AND lease_until IS NOT NULL))
);

-- what each runner's tick reads: the campaign's callbacks not done, earliest first
CREATE INDEX campaign_callbacks_due_idx ON campaign_callbacks (campaign_id, due_at) WHERE status <> 'done';

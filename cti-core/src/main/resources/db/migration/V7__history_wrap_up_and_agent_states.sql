-- What an interaction row keeps beyond V1/V6/V8: how the caller went through the IVR, where the call's recording is,
-- and the agent's after-call work (its length, the disposition they chose and their notes), and the agents' state
-- history the interval reports read. Numbered V7 though written after V8/V9: the runner applies migrations out of
-- order (PostgresDatabase), and nothing here depends on V8 or V9, nor they on this.
-- Unqualified names: Flyway runs this in the schema it is given (public by default).

ALTER TABLE interactions
    -- the IVR menu nodes the caller went through, as the IVR wrote CTI_IVR_PATH ("main>billing>balance")
    ADD COLUMN ivr_path        TEXT CHECK (length(ivr_path) <= 1000),
    -- what the IVR collected and set for the call (CTI_IVR_DATA), name to value; never a PIN (the IVR keeps none, and
    -- the ACD drops any name that says PIN before writing)
    ADD COLUMN ivr_data        JSONB CHECK (jsonb_typeof(ivr_data) = 'object'),
    -- the recording's file name as the dialplan's MixMonitor wrote it (named from CTI_CALL_ID); null when not recorded
    ADD COLUMN recording       TEXT CHECK (length(recording) <= 255),
    -- seconds of after-call work, written when the wrap-up ends (an update of this row through the same ordered writer)
    ADD COLUMN wrap_up_seconds INT CHECK (wrap_up_seconds >= 0);

-- One row per agent state change, as the ACD made it. Each lasts until the agent's next row. change_id is made when
-- the change happens, so a batch retried after a lost acknowledgement writes nothing twice; seq orders changes made at
-- the same instant (the background writer inserts them in the order they were made).
CREATE TABLE agent_state_history (
    change_id  TEXT        PRIMARY KEY,
    seq        BIGSERIAL   NOT NULL,
    agent_id   TEXT        NOT NULL CHECK (btrim(agent_id) <> ''),
    state      TEXT        NOT NULL CHECK (state ~ '^[A-Z_]{1,32}$'),
    reason     TEXT        CHECK (length(reason) <= 100),
    changed_at TIMESTAMPTZ NOT NULL
);

-- the interval report reads each agent's rows in a range, and the last row before it
CREATE INDEX agent_state_history_agent_time_idx ON agent_state_history (agent_id, changed_at, seq);
-- (The campaign results report reads dial_attempts, V9's: no index on it here, as this must run before V9 on a fresh
-- database.)

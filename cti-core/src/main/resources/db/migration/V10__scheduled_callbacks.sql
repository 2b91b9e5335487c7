-- Callbacks agents schedule from the desktop: call this number at this time, "to me" (assignee 'agent') or through the
-- queue ('queue'). Kept here so they survive a restart: a starting node schedules every open one again.
-- version: bumped by every change; an UPDATE names the version it was made from, so of two racing changes one wins.
CREATE TABLE scheduled_callbacks (
    id          TEXT        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
    agent_id    TEXT        NOT NULL,
    assignee    TEXT        NOT NULL CHECK (assignee IN ('agent', 'queue')),
    queue       TEXT        NOT NULL,
    e164        TEXT        NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    -- no foreign key: a callback outlives nothing it points at, and the in-memory twin has none either
    customer_id BIGINT,
    due_at      TIMESTAMPTZ NOT NULL,
    time_zone   TEXT        NOT NULL,
    note        TEXT        NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    status      TEXT        NOT NULL CHECK (status IN ('pending', 'active', 'done', 'cancelled', 'failed')),
    created_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL CHECK (version >= 0)
);

-- What a starting node reads: the open ones, by due time.
CREATE INDEX scheduled_callbacks_open ON scheduled_callbacks (due_at) WHERE status IN ('pending', 'active');

-- The desk extension each agent last logged in at, offered again at their next login.
CREATE TABLE agent_desk_defaults (
    agent_id   TEXT        PRIMARY KEY,
    extension  TEXT        NOT NULL CHECK (extension ~ '^[0-9A-Za-z]{1,20}$'),
    updated_at TIMESTAMPTZ NOT NULL
);

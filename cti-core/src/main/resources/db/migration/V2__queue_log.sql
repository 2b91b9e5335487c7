-- The ACD's event log, laid out like Asterisk's realtime queue_log table (time, callid, queuename, agent, event,
-- data1..data5) so that queue_log reporting tools can read it. Written by PostgresQueueLog.
-- Unqualified names: Flyway runs this in the schema it is given (public by default).

CREATE TABLE queue_log (
    id        BIGSERIAL   PRIMARY KEY,           -- insertion order, which is the order the ACD logged in
    time      TIMESTAMPTZ NOT NULL,
    callid    TEXT,                              -- 'NONE' when not about a call, as Asterisk writes it
    queuename TEXT,                              -- 'NONE' likewise
    agent     TEXT,                              -- 'NONE' likewise
    event     TEXT        NOT NULL,
    data1     TEXT        DEFAULT '',            -- absent fields are '', as Asterisk stores them
    data2     TEXT        DEFAULT '',
    data3     TEXT        DEFAULT '',
    data4     TEXT        DEFAULT '',
    data5     TEXT        DEFAULT '',
    -- SHA-256 (hex) of epochMicros|callid|queuename|agent|event|data...: a replay of an entry writes nothing twice
    entry_key TEXT        NOT NULL UNIQUE
);

CREATE INDEX queue_log_time_idx ON queue_log (time);
CREATE INDEX queue_log_callid_idx ON queue_log (callid);

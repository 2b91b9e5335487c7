-- What the historical reports need of an interaction that V1 did not keep. Older rows keep NULL: "not measured",
-- which the reports leave out of averages rather than count as zero.
-- Unqualified names: Flyway runs this in the schema it is given (public by default).

ALTER TABLE interactions
    -- the ACD's call id, as in queue_log.callid and survey_answers.call_id: joins the three
    ADD COLUMN call_id      TEXT,
    -- the caller's tier when the call was routed (customer record or IVR), so a later change of tier or an
    -- unknown caller the IVR placed does not move old calls between segments
    ADD COLUMN tier         TEXT,
    -- seconds the agent kept the customer on hold during the call (part of the call's talk span)
    ADD COLUMN hold_seconds INT CHECK (hold_seconds >= 0);

CREATE INDEX interactions_call_id_idx ON interactions (call_id);
CREATE INDEX interactions_started_idx ON interactions (started_at);
-- first-contact resolution looks for the same number's next contact
CREATE INDEX interactions_caller_started_idx ON interactions (caller_number, started_at);
-- the agent report finds each agent's last state row before the range
CREATE INDEX queue_log_agent_time_idx ON queue_log (agent, time)
    WHERE event IN ('ADDMEMBER', 'REMOVEMEMBER', 'PAUSE', 'UNPAUSE');

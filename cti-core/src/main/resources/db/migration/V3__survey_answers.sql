-- Post-call survey answers: one row per call and question, so replays write nothing twice.
CREATE TABLE survey_answers (
    call_id     text        NOT NULL,
    question    text        NOT NULL,
    agent_id    text,
    queue       text,
    score       smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (call_id, question)
);
CREATE INDEX survey_answers_agent ON survey_answers (agent_id);
CREATE INDEX survey_answers_queue ON survey_answers (queue);

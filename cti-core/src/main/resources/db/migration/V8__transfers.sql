-- A transferred call is one interaction row per leg; both legs say how the call was handed on.
-- transfer_kind: 'blind' or 'attended'; transfer_target: 'queue:<name>', 'agent:<id>' or 'number:<digits>'.
ALTER TABLE interactions
    ADD COLUMN transfer_kind   TEXT CHECK (transfer_kind IN ('blind', 'attended')),
    ADD COLUMN transferred_by  TEXT,
    ADD COLUMN transfer_target TEXT;

-- Risk management, not only assessment (docs/domain.md, "Risk management"): the actions the
-- network expects at an agreed level are proposed as rows of the joint action plan. Each such
-- row names the level action it came from ("high.call_her_safe_channel") and the agreement that
-- proposed it, so agreeing the same level again proposes nothing while the row is still open.
ALTER TABLE action_item
  ADD COLUMN level_action_key text,
  ADD COLUMN agreed_level_id uuid REFERENCES agreed_risk_level (id);
CREATE UNIQUE INDEX action_item_open_level_action_idx ON action_item (joint_case_id, level_action_key)
  WHERE level_action_key IS NOT NULL AND status IN ('open', 'in_progress');

-- Escalation triggers (rules/escalation-triggers.v1.json): the critical event a trigger raises
-- names the trigger and keeps the figures that made it fire (counts, thresholds, months — no
-- text); its description says why in words, encrypted like every description.
ALTER TABLE case_event
  ADD COLUMN trigger_id text,
  ADD COLUMN trigger_facts jsonb;

-- An extraordinary meeting the system proposes (after a trigger, or a critical event at high
-- risk) waits for the case managers to accept it with a date, or to decline it.
ALTER TABLE case_meeting DROP CONSTRAINT case_meeting_status_check;
ALTER TABLE case_meeting
  ADD CONSTRAINT case_meeting_status_check CHECK (status IN ('proposed', 'planned', 'closed', 'cancelled'));
-- One proposal waiting per case: a second trigger while it waits adds nothing.
CREATE UNIQUE INDEX case_meeting_one_proposed_idx ON case_meeting (joint_case_id) WHERE status = 'proposed';

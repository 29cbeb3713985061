-- A network tunes its escalation triggers (README, "Escalation triggers"): its own list, validated
-- by the same schema as the installation's rules file when it is saved. NULL = the installation's.
ALTER TABLE network ADD COLUMN escalation_triggers jsonb;

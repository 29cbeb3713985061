-- Her file on the victim side: what she says and what her service writes about her is encrypted
-- at rest, like her contact record (docs/domain.md, "Partner contact", information-flow rule 1).
-- The application encrypts on write, so SQL cannot move existing values into the new columns;
-- there is no production data yet, so the clear columns are simply replaced.

-- What her service gives her.
ALTER TABLE vss_episode ADD COLUMN support_given_enc text;
ALTER TABLE vss_episode DROP COLUMN support_given;

-- The partner-contact log: her hopes and fears, her view of the risk, the worker's notes.
ALTER TABLE partner_contact
  ADD COLUMN hopes_and_fears_enc text,
  ADD COLUMN her_view_of_risk_enc text,
  ADD COLUMN notes_enc text;
ALTER TABLE partner_contact
  DROP COLUMN hopes_and_fears,
  DROP COLUMN her_view_of_risk,
  DROP COLUMN notes;

-- The note on a consent she gave or revoked.
ALTER TABLE consent ADD COLUMN note_enc text;
ALTER TABLE consent DROP COLUMN note;

-- How she was informed, or why she was not. (The duty's `reason` stays in clear: it is the
-- programme's reason for his status change, copied from pp_status_change, not her words.)
ALTER TABLE duty_to_inform
  ADD COLUMN done_how_enc text,
  ADD COLUMN closed_reason_enc text;
-- Dropping the columns drops the checks that named them; the same rules hold over the new ones.
ALTER TABLE duty_to_inform
  DROP COLUMN done_how,
  DROP COLUMN closed_reason;
ALTER TABLE duty_to_inform
  ADD CONSTRAINT duty_to_inform_done_check CHECK (state <> 'done' OR (done_on IS NOT NULL AND done_how_enc IS NOT NULL)),
  ADD CONSTRAINT duty_to_inform_closed_check CHECK (state <> 'closed' OR closed_reason_enc IS NOT NULL);

-- The rationale of an agreed risk level (and of a proposal to lower it) is joint free text that
-- either side may write: it can name where she is, so it is encrypted at rest like the minutes.
-- There is no production data yet, so the clear columns are replaced.
ALTER TABLE agreed_risk_level ADD COLUMN rationale_enc text;
ALTER TABLE agreed_risk_level DROP COLUMN rationale;
ALTER TABLE agreed_risk_level ALTER COLUMN rationale_enc SET NOT NULL;
ALTER TABLE agreed_level_proposal ADD COLUMN rationale_enc text;
ALTER TABLE agreed_level_proposal DROP COLUMN rationale;
ALTER TABLE agreed_level_proposal ALTER COLUMN rationale_enc SET NOT NULL;

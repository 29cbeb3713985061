-- The joint case (docs/domain.md, "Joint case", "Critical events", "End and follow-up").

-- Closing the joint case: when, by whom, and — where it closed after his programme ended without
-- the closing risk assessment or the final questionnaires — the reason recorded instead.
ALTER TABLE joint_case
  ADD COLUMN closed_on date,
  ADD COLUMN closed_by uuid REFERENCES app_user (id),
  ADD COLUMN closing_reason_enc text;
ALTER TABLE joint_case ADD CONSTRAINT joint_case_closed_check
  CHECK (status = 'closed' OR (closed_on IS NULL AND closed_by IS NULL AND closing_reason_enc IS NULL));

-- What the case managers write is encrypted at rest like the rest of her case: what happened
-- (a critical event may say where she is), whom they spoke with, how a child was assessed. The
-- application encrypts on write, so SQL cannot move existing values into the new columns; there
-- is no production data yet, so the clear columns are replaced (older rows keep no text).
ALTER TABLE case_event
  ADD COLUMN description_enc text,
  ADD COLUMN with_whom_enc text;
ALTER TABLE case_event DROP COLUMN description, DROP COLUMN with_whom;
ALTER TABLE case_event ADD CONSTRAINT case_event_description_check CHECK (description_enc IS NOT NULL) NOT VALID;

ALTER TABLE child_assessment_record
  ADD COLUMN support_person_enc text,
  ADD COLUMN professional_gender_chosen_enc text,
  ADD COLUMN needs_considered_enc text;
ALTER TABLE child_assessment_record
  DROP COLUMN support_person,
  DROP COLUMN professional_gender_chosen,
  DROP COLUMN needs_considered;

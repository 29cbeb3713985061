-- Phase 2 meetings and the joint action plan (docs/domain.md, "Phase 2"): the free text of these
-- joint records may say where she is (a meeting place, a deferral's reason, an action such as
-- "move her to the shelter"), so it is encrypted at rest like the minutes and notes already
-- are. The application encrypts on write, so SQL cannot move existing values into the new
-- columns; there is no production data yet, so the clear columns are simply replaced.

-- The action plan: the need and the action.
ALTER TABLE action_item
  ADD COLUMN need_enc text,
  ADD COLUMN action_enc text;
ALTER TABLE action_item
  DROP COLUMN need,
  DROP COLUMN action;
ALTER TABLE action_item
  ALTER COLUMN need_enc SET NOT NULL,
  ALTER COLUMN action_enc SET NOT NULL;

-- Why an agenda item was deferred. Dropping the column drops the check that named it; the same
-- rule holds over the new one.
ALTER TABLE meeting_agenda_item ADD COLUMN deferred_reason_enc text;
ALTER TABLE meeting_agenda_item DROP COLUMN deferred_reason;
ALTER TABLE meeting_agenda_item
  ADD CONSTRAINT meeting_agenda_item_deferred_check CHECK (status <> 'deferred' OR deferred_reason_enc IS NOT NULL);

-- Where the meeting is held.
ALTER TABLE case_meeting ADD COLUMN place_enc text;
ALTER TABLE case_meeting DROP COLUMN place;

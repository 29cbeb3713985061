-- Children, one by one (README "Children, one by one"): Section B is answered for each child in
-- the record of that child's assessment, scored by the children's instrument, with the child's
-- extra vulnerability markers and the principles followed, the right to refuse to answer among them.
ALTER TABLE child_assessment_record
  ADD COLUMN child_told_may_refuse boolean,
  ADD COLUMN instrument_id text,
  ADD COLUMN version integer,
  -- The child's answers, notes and sources: encrypted JSON.
  ADD COLUMN answers_enc text,
  -- Items the child chose not to answer: a refusal respected, not an "unknown".
  ADD COLUMN refused_items text[] NOT NULL DEFAULT '{}',
  ADD COLUMN computed_level text,
  ADD COLUMN judged_level text,
  ADD COLUMN judgement_reason_enc text,
  -- The level given on the day of the assessment: judgement, else the rule raised by the markers.
  ADD COLUMN level text,
  ADD COLUMN under_age boolean NOT NULL DEFAULT false,
  ADD COLUMN medical_needs boolean NOT NULL DEFAULT false,
  ADD COLUMN not_visible_to_others boolean NOT NULL DEFAULT false,
  ADD COLUMN separation_on date,
  ADD CONSTRAINT child_assessment_instrument_fk
    FOREIGN KEY (instrument_id, version) REFERENCES instrument_version (instrument_id, version),
  ADD CONSTRAINT child_assessment_answers_check CHECK (
    (instrument_id IS NULL) = (version IS NULL)
    AND (instrument_id IS NULL) = (answers_enc IS NULL)
    AND (instrument_id IS NULL) = (level IS NULL)
  ),
  -- Records before this migration said nothing of the right to refuse; new ones must.
  ADD CONSTRAINT child_assessment_refuse_check CHECK (child_told_may_refuse IS NOT FALSE) NOT VALID;

-- The newest level of each child (the child-protection lead's view).
CREATE INDEX child_assessment_latest_idx ON child_assessment_record (child_person_id, assessed_on DESC, created_at DESC);

-- Phase 2 case-manager meetings, the joint action plan, her safety and IT safety plans, and
-- the record of how each child was assessed (docs/domain.md, "Phase 2", "Critical events", "The tools").

ALTER TABLE network ADD COLUMN high_risk_meeting_interval_days integer NOT NULL DEFAULT 14
  CHECK (high_risk_meeting_interval_days BETWEEN 1 AND 90);

CREATE TABLE case_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  joint_case_id uuid NOT NULL REFERENCES joint_case (id),
  kind text NOT NULL CHECK (kind IN ('scheduled', 'extraordinary')),
  mode text NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'remote')),
  scheduled_for timestamptz NOT NULL,
  duration_minutes integer NOT NULL DEFAULT 60,
  place text,
  trigger_event_id uuid REFERENCES case_event (id),
  facilitator_id uuid REFERENCES app_user (id),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'closed', 'cancelled')),
  attendance uuid[] NOT NULL DEFAULT '{}',
  minutes_enc text,
  decisions_enc text,
  closed_at timestamptz,
  closed_by uuid REFERENCES app_user (id),
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_meeting_case_idx ON case_meeting (joint_case_id, scheduled_for);
CREATE INDEX case_meeting_time_idx ON case_meeting (status, scheduled_for);

-- The five compulsory items of every Phase 2 meeting.
CREATE TABLE meeting_agenda_item (
  meeting_id uuid NOT NULL REFERENCES case_meeting (id),
  item text NOT NULL CHECK (item IN ('joint_risk_assessment', 'recidivism', 'individual_change', 'qualitative_elements', 'joint_action_plan')),
  position integer NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'addressed', 'deferred')),
  notes_enc text,
  deferred_reason text,
  updated_by uuid REFERENCES app_user (id),
  updated_at timestamptz,
  PRIMARY KEY (meeting_id, item),
  CHECK (status <> 'deferred' OR deferred_reason IS NOT NULL)
);

CREATE TABLE qualitative_note (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES case_meeting (id),
  author_id uuid NOT NULL REFERENCES app_user (id),
  author_side text NOT NULL,
  concern_level text NOT NULL CHECK (concern_level IN ('low', 'medium', 'high')),
  text_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qualitative_note_meeting_idx ON qualitative_note (meeting_id);

CREATE TABLE action_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  joint_case_id uuid NOT NULL REFERENCES joint_case (id),
  need text NOT NULL,
  action text NOT NULL,
  term date NOT NULL,
  responsible_agency_id uuid NOT NULL REFERENCES agency (id),
  responsible_user_id uuid REFERENCES app_user (id),
  child_person_id uuid REFERENCES person (id),
  -- Her own safety measures: shown to the victim side only.
  victim_side_only boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  created_in_meeting_id uuid REFERENCES case_meeting (id),
  last_reviewed_meeting_id uuid REFERENCES case_meeting (id),
  last_reviewed_at timestamptz,
  owner_side text NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_item_case_idx ON action_item (joint_case_id, status, term);
CREATE INDEX action_item_responsible_idx ON action_item (responsible_user_id, status, term);

-- Her safety plan and IT safety plan: victim side only, never shared.
CREATE TABLE safety_plan (
  person_id uuid NOT NULL REFERENCES person (id),
  kind text NOT NULL CHECK (kind IN ('safety', 'it_safety')),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  content_enc text NOT NULL,
  updated_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, kind)
);

CREATE TABLE child_assessment_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_person_id uuid NOT NULL REFERENCES person (id),
  joint_case_id uuid NOT NULL REFERENCES joint_case (id),
  assessed_on date NOT NULL,
  parent_consent_from text NOT NULL CHECK (parent_consent_from IN ('mother', 'father', 'both', 'court')),
  child_informed boolean NOT NULL,
  child_told_may_withdraw boolean NOT NULL,
  child_told_how_recorded boolean NOT NULL,
  support_person text,
  professional_gender_chosen text,
  needs_considered text,
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  owner_side text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (child_informed AND child_told_may_withdraw AND child_told_how_recorded)
);
CREATE INDEX child_assessment_child_idx ON child_assessment_record (child_person_id, assessed_on);

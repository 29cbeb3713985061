-- Instruments (versioned definitions), their responses, the joint risk assessment's agreed
-- levels, recidivism episodes, and the network settings they need.

ALTER TABLE network ADD COLUMN reassessment_days jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE network ADD COLUMN impact_follow_up_months integer NOT NULL DEFAULT 6 CHECK (impact_follow_up_months BETWEEN 1 AND 36);
ALTER TABLE joint_case ADD COLUMN next_reassessment_on date;

-- A definition, exactly as loaded. Immutable: a change is a new version.
CREATE TABLE instrument_version (
  instrument_id text NOT NULL,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  content_hash text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instrument_id, version)
);

CREATE TABLE instrument_response (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instrument_id text NOT NULL,
  version integer NOT NULL,
  joint_case_id uuid REFERENCES joint_case (id),
  pp_episode_id uuid REFERENCES pp_episode (id),
  subject_person_id uuid NOT NULL REFERENCES person (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  owner_side text NOT NULL CHECK (owner_side IN ('perpetrator', 'victim', 'neutral')),
  info_kind text NOT NULL,
  timepoint text CHECK (timepoint ~ '^T[0-4](\.[0-9]+)?$'),
  -- Answers, notes and sources: encrypted JSON (what she said is in here).
  answers_enc text NOT NULL,
  computed_level text,
  computed_score numeric,
  area_scores jsonb NOT NULL DEFAULT '{}'::jsonb,
  tier_counts jsonb NOT NULL DEFAULT '{}'::jsonb,
  judged_level text,
  judgement_reason_enc text,
  completed_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (instrument_id, version) REFERENCES instrument_version (instrument_id, version)
);
CREATE INDEX instrument_response_case_idx ON instrument_response (joint_case_id, instrument_id, completed_on);
CREATE INDEX instrument_response_episode_idx ON instrument_response (pp_episode_id, instrument_id, completed_on);
CREATE INDEX instrument_response_subject_idx ON instrument_response (subject_person_id, instrument_id);

CREATE TABLE agreed_risk_level (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  joint_case_id uuid NOT NULL REFERENCES joint_case (id),
  level text NOT NULL,
  rationale text NOT NULL,
  pp_response_id uuid REFERENCES instrument_response (id),
  vss_response_id uuid REFERENCES instrument_response (id),
  agreed_on date NOT NULL,
  next_reassessment_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agreed_risk_level_case_idx ON agreed_risk_level (joint_case_id, agreed_on);

CREATE TABLE recidivism_episode (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  joint_case_id uuid NOT NULL REFERENCES joint_case (id),
  occurred_on date NOT NULL,
  forms text[] NOT NULL CHECK (cardinality(forms) > 0),
  severity text NOT NULL CHECK (severity IN ('low', 'moderate', 'severe')),
  source text NOT NULL CHECK (source IN ('him', 'her', 'agency')),
  source_agency_id uuid REFERENCES agency (id),
  police_involved boolean NOT NULL DEFAULT false,
  description_enc text,
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  owner_side text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recidivism_case_idx ON recidivism_episode (joint_case_id, occurred_on);

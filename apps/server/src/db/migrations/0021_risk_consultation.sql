-- When the two sides diverge (docs/domain.md, "Joint risk assessment"): a divergence of a level or
-- more between the programme's and her service's latest checklists proposes consulting the other
-- agencies of the case-level agreement (police, probation, child protection). Each consultation
-- records whom (one agency of the agreement), when, what they said (encrypted: joint free text,
-- read by the case's agencies as the agreed level is) and the level agreed after, once there is one.
CREATE TABLE risk_consultation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  joint_case_id uuid NOT NULL REFERENCES joint_case (id),
  consulted_agency_id uuid NOT NULL REFERENCES agency (id),
  consulted_on date NOT NULL,
  reply_enc text NOT NULL,
  -- The divergence it answered: the programme's level minus her service's, in ranks (no level).
  difference integer NOT NULL,
  agreed_level_id uuid REFERENCES agreed_risk_level (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  owner_side text NOT NULL CHECK (owner_side IN ('perpetrator', 'victim', 'neutral')),
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_consultation_case_idx ON risk_consultation (joint_case_id, consulted_on);

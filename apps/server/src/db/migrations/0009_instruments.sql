-- Lowering the agreed risk level needs both sides (docs/domain.md, "Joint risk assessment"): a
-- case manager who proposes a level below the one in force records a proposal; it takes effect
-- only when the other side's case manager confirms it. Until then the current level stays.
CREATE TABLE agreed_level_proposal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  joint_case_id uuid NOT NULL REFERENCES joint_case (id),
  level text NOT NULL,
  -- The level in force when it was proposed: a proposal is about lowering exactly that one.
  from_level text NOT NULL,
  rationale text NOT NULL,
  pp_response_id uuid REFERENCES instrument_response (id),
  vss_response_id uuid REFERENCES instrument_response (id),
  proposed_on date NOT NULL,
  proposed_by uuid NOT NULL REFERENCES app_user (id),
  proposed_side text NOT NULL CHECK (proposed_side IN ('perpetrator', 'victim')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'superseded')),
  decided_by uuid REFERENCES app_user (id),
  decided_at timestamptz,
  agreed_level_id uuid REFERENCES agreed_risk_level (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'confirmed') = (agreed_level_id IS NOT NULL))
);
-- At most one proposal awaits confirmation per case: a newer one supersedes it.
CREATE UNIQUE INDEX agreed_level_proposal_pending_idx ON agreed_level_proposal (joint_case_id) WHERE status = 'pending';

-- Sharing her information without her consent where someone is at risk of serious harm
-- (docs/domain.md, information-flow rule 4). An exceptional path beside the consent-based
-- shared_item: a lawful basis and the provision relied on, why (stays with her service), what the
-- recipient reads, a second case manager of her service who authorises or declines it (four eyes),
-- a reading window that ends, the duty to tell her when that is safe, and the agency admin's review.
-- Free text is encrypted in the application.
CREATE TABLE serious_harm_share (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  joint_case_id uuid REFERENCES joint_case (id),
  recipient_agency_id uuid NOT NULL REFERENCES agency (id),
  recipient_side text NOT NULL CHECK (recipient_side IN ('perpetrator', 'victim', 'neutral')),
  at_risk text NOT NULL CHECK (at_risk IN ('her', 'child', 'another_person')),
  lawful_basis text NOT NULL CHECK (lawful_basis IN ('vital_interests', 'legal_duty')),
  legal_reference text NOT NULL,
  reason_enc text NOT NULL,
  content_enc text NOT NULL,
  valid_to date NOT NULL,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'authorised', 'declined')),
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_on date NOT NULL,
  decided_by uuid REFERENCES app_user (id),
  decided_on date,
  decision_note_enc text,
  telling_status text NOT NULL DEFAULT 'pending' CHECK (telling_status IN ('pending', 'told', 'postponed')),
  told_on date,
  postponed_reason_enc text,
  telling_review_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Four eyes: the one who decides is never the one who recorded it.
  CONSTRAINT serious_harm_four_eyes CHECK (decided_by IS NULL OR decided_by <> recorded_by),
  CONSTRAINT serious_harm_decision CHECK ((status = 'proposed') = (decided_by IS NULL AND decided_on IS NULL)),
  CONSTRAINT serious_harm_window CHECK (valid_to >= recorded_on),
  CONSTRAINT serious_harm_telling CHECK (
    (telling_status = 'told' AND told_on IS NOT NULL)
    OR (telling_status = 'postponed' AND postponed_reason_enc IS NOT NULL AND telling_review_on IS NOT NULL)
    OR telling_status = 'pending'
  )
);
CREATE INDEX serious_harm_share_person_idx ON serious_harm_share (person_id, recorded_on);
CREATE INDEX serious_harm_share_owner_idx ON serious_harm_share (owner_agency_id, status, telling_status);
CREATE INDEX serious_harm_share_recipient_idx ON serious_harm_share (recipient_agency_id, recipient_side, valid_to)
  WHERE status = 'authorised';

-- The agency admin's review of the process (basis, authorisation, telling her), a fact of its own
-- so that the admin writes nothing on the share itself and reads none of its content.
CREATE TABLE serious_harm_review (
  share_id uuid PRIMARY KEY REFERENCES serious_harm_share (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  outcome text NOT NULL CHECK (outcome IN ('appropriate', 'concerns')),
  note_enc text,
  reviewed_by uuid NOT NULL REFERENCES app_user (id),
  reviewed_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

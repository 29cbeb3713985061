-- Partner contact as the WWP EN standards describe it (docs/domain.md, "Partner contact").

-- His release names his partners, or says why it names none: a condition of his enrolment (an
-- episode becomes active only then). The programme's reason, about him: free text, encrypted.
ALTER TABLE release_of_information ADD COLUMN no_partners_reason_enc text;

-- That contacting her may itself be unsafe, and the measures taken. Her service's record, victim
-- side only, encrypted like the rest of her file.
CREATE TABLE contact_safety_concern (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  recorded_on date NOT NULL,
  concern_enc text NOT NULL,
  measures_enc text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_safety_concern_person_idx ON contact_safety_concern (person_id, recorded_on);

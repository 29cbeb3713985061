-- Casework core: agreements, Phase 1 meetings, people, programme and support episodes,
-- consent, partner contact, joint cases, disclosures and shares, critical events, duties.
--
-- Access model (see policy/case-access.policy.ts): every person-level row names its owner
-- (agency and side) and the person it is about (subject_person_id) and carries an
-- information kind. A user reads a row if they are its owner, or if an access_grant gives
-- their agency and side that kind for that person. Grants are recomputed by the data layer
-- whenever a referral, joint case, agreement or consent changes.

CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE TABLE agreement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  level text NOT NULL CHECK (level IN ('organisation', 'case')),
  network_id uuid REFERENCES network (id),
  joint_case_id uuid,
  title text NOT NULL,
  legislative_framework text,
  principles text,
  scope text,
  objectives text,
  commitments text,
  valid_from date NOT NULL,
  valid_to date,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (level = 'case' OR network_id IS NOT NULL),
  CHECK (level = 'organisation' OR valid_to IS NOT NULL),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX agreement_network_idx ON agreement (network_id, valid_from, id);

CREATE TABLE agreement_party (
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  signatory_name text NOT NULL,
  signed_on date NOT NULL,
  receives text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (agreement_id, agency_id)
);
CREATE INDEX agreement_party_agency_idx ON agreement_party (agency_id, agreement_id);

CREATE TABLE phase1_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES network (id),
  held_on date NOT NULL,
  agency_ids uuid[] NOT NULL,
  participants text[] NOT NULL,
  topics text NOT NULL,
  outcomes text NOT NULL,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX phase1_meeting_network_idx ON phase1_meeting (network_id, held_on DESC, id);

CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('perpetrator', 'partner', 'child')),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  owner_side text NOT NULL CHECK (owner_side IN ('perpetrator', 'victim', 'neutral')),
  first_name text NOT NULL,
  last_name text NOT NULL,
  date_of_birth date,
  -- Lower-case, accents removed (computed in the application), for tolerant search.
  search_name text NOT NULL,
  -- Location and contact details, AES-256-GCM encrypted JSON (never in clear in the database).
  contact_enc text,
  mother_id uuid REFERENCES person (id),
  father_id uuid REFERENCES person (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Her record never belongs to the perpetrator side.
  CHECK (kind <> 'partner' OR owner_side <> 'perpetrator')
);
CREATE INDEX person_owner_idx ON person (owner_agency_id, owner_side, id);
CREATE INDEX person_search_trgm_idx ON person USING gin (search_name gin_trgm_ops);
CREATE INDEX person_birth_idx ON person (date_of_birth);

CREATE TABLE access_grant (
  subject_person_id uuid NOT NULL REFERENCES person (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  side text NOT NULL CHECK (side IN ('perpetrator', 'victim', 'neutral')),
  kind text NOT NULL,
  -- The programme episode whose referrals and joint cases produced the grant (for recomputation).
  source_episode_id uuid NOT NULL,
  basis jsonb NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, side, subject_person_id, kind, source_episode_id),
  -- Defence in depth for docs/domain.md, information-flow rule 1: her information never goes to the perpetrator side.
  CHECK (side <> 'perpetrator' OR kind NOT IN ('victim_core', 'victim_contact', 'victim_disclosures'))
);
CREATE INDEX access_grant_source_idx ON access_grant (source_episode_id);
CREATE INDEX access_grant_subject_idx ON access_grant (subject_person_id);

CREATE SEQUENCE joint_case_number_seq;

CREATE TABLE pp_episode (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  pathway text NOT NULL CHECK (pathway IN ('mandatory', 'recommended', 'voluntary')),
  referring_agency_id uuid REFERENCES agency (id),
  court_order jsonb,
  referral_date date NOT NULL,
  intake_date date,
  assessment text,
  programme_type text CHECK (programme_type IN ('group', 'individual')),
  planned_sessions integer,
  planned_end_date date,
  schedule text,
  status text NOT NULL CHECK (status IN ('referred', 'intake', 'active', 'suspended', 'completed', 'dropped_out', 'excluded')),
  case_manager_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pp_episode_agency_idx ON pp_episode (agency_id, status, referral_date DESC, id);
CREATE INDEX pp_episode_person_idx ON pp_episode (person_id);

CREATE TABLE pp_status_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  episode_id uuid NOT NULL REFERENCES pp_episode (id),
  from_status text,
  to_status text NOT NULL,
  changed_on date NOT NULL,
  reason text,
  changed_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pp_status_change_episode_idx ON pp_status_change (episode_id, created_at);

CREATE TABLE attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  episode_id uuid NOT NULL REFERENCES pp_episode (id),
  session_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('present', 'absent_excused', 'absent_unexcused')),
  note text,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  UNIQUE (episode_id, session_date)
);

CREATE TABLE release_of_information (
  episode_id uuid PRIMARY KEY REFERENCES pp_episode (id),
  signed_on date NOT NULL,
  scope text[] NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id)
);

-- A partner he named: the perpetrator side keeps only a label; her record (person) belongs
-- to the victim-side service that offers her partner contact.
CREATE TABLE partner_referral (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  episode_id uuid NOT NULL REFERENCES pp_episode (id),
  partner_person_id uuid NOT NULL REFERENCES person (id),
  label text NOT NULL,
  relationship text NOT NULL CHECK (relationship IN ('current', 'former')),
  partner_contact_agency_id uuid NOT NULL REFERENCES agency (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_referral_episode_idx ON partner_referral (episode_id);
CREATE INDEX partner_referral_partner_idx ON partner_referral (partner_person_id);
CREATE INDEX partner_referral_agency_idx ON partner_referral (partner_contact_agency_id);

CREATE TABLE vss_episode (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  intake_date date NOT NULL,
  support_given text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  case_manager_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vss_episode_person_idx ON vss_episode (person_id);
CREATE INDEX vss_episode_agency_idx ON vss_episode (agency_id, id);

CREATE TABLE consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  scope text NOT NULL,
  recipient_agency_id uuid REFERENCES agency (id),
  given_on date NOT NULL,
  revoked_on date,
  note text,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_person_idx ON consent (person_id, scope);

CREATE TABLE contact_preference (
  person_id uuid PRIMARY KEY REFERENCES person (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  safe_channel text NOT NULL,
  -- Safe times, the code word and notes, encrypted together: they are as sensitive as her address.
  details_enc text NOT NULL,
  may_leave_message boolean NOT NULL,
  updated_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partner_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_person_id uuid NOT NULL REFERENCES person (id),
  episode_id uuid NOT NULL REFERENCES pp_episode (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  contacted_on date NOT NULL,
  channel text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('reached', 'declined', 'unreachable')),
  topics_covered text[] NOT NULL DEFAULT '{}',
  hopes_and_fears text,
  her_view_of_risk text,
  notes text,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_contact_partner_idx ON partner_contact (partner_person_id, contacted_on);

CREATE TABLE joint_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_number text NOT NULL UNIQUE,
  pp_episode_id uuid NOT NULL REFERENCES pp_episode (id),
  vss_episode_id uuid NOT NULL REFERENCES vss_episode (id),
  partner_person_id uuid NOT NULL REFERENCES person (id),
  pp_agency_id uuid NOT NULL REFERENCES agency (id),
  vss_agency_id uuid NOT NULL REFERENCES agency (id),
  consent_id uuid NOT NULL REFERENCES consent (id),
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  pp_case_manager_id uuid NOT NULL REFERENCES app_user (id),
  vss_case_manager_id uuid NOT NULL REFERENCES app_user (id),
  partner_contact_worker_id uuid REFERENCES app_user (id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  reassessment_due_since timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (pp_episode_id, partner_person_id)
);
CREATE INDEX joint_case_pp_agency_idx ON joint_case (pp_agency_id, status, created_at DESC, id);
CREATE INDEX joint_case_vss_agency_idx ON joint_case (vss_agency_id, status, created_at DESC, id);
ALTER TABLE agreement ADD CONSTRAINT agreement_joint_case_fk FOREIGN KEY (joint_case_id) REFERENCES joint_case (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE joint_case_child (
  joint_case_id uuid NOT NULL REFERENCES joint_case (id),
  child_person_id uuid NOT NULL REFERENCES person (id),
  PRIMARY KEY (joint_case_id, child_person_id)
);

CREATE TABLE disclosure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  disclosed_on date NOT NULL,
  content_enc text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX disclosure_person_idx ON disclosure (person_id, disclosed_on);

-- A copy of something she disclosed, shared on a recorded basis. Source-protected items
-- carry no link back to her disclosure for the recipient.
CREATE TABLE shared_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  joint_case_id uuid NOT NULL REFERENCES joint_case (id),
  disclosure_id uuid NOT NULL REFERENCES disclosure (id),
  recipient_agency_id uuid NOT NULL REFERENCES agency (id),
  recipient_side text NOT NULL CHECK (recipient_side IN ('perpetrator', 'victim', 'neutral')),
  content_enc text NOT NULL,
  source_protected boolean NOT NULL,
  basis jsonb NOT NULL,
  shared_by uuid NOT NULL REFERENCES app_user (id),
  shared_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shared_item_case_idx ON shared_item (joint_case_id, recipient_agency_id, recipient_side);

CREATE TABLE case_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  episode_id uuid NOT NULL REFERENCES pp_episode (id),
  -- Set when the victim side recorded it about her: then it stays on the victim side.
  partner_person_id uuid REFERENCES person (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  owner_side text NOT NULL,
  event_type text NOT NULL CHECK (event_type IN ('critical', 'informal_contact')),
  kind text,
  occurred_on date NOT NULL,
  source text,
  source_agency_id uuid REFERENCES agency (id),
  with_whom text,
  description text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_event_episode_idx ON case_event (episode_id, occurred_on);

CREATE TABLE duty_to_inform (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  episode_id uuid NOT NULL REFERENCES pp_episode (id),
  partner_person_id uuid NOT NULL REFERENCES person (id),
  owner_agency_id uuid NOT NULL REFERENCES agency (id),
  assigned_user_id uuid REFERENCES app_user (id),
  trigger text NOT NULL,
  reason text,
  raised_at timestamptz NOT NULL DEFAULT now(),
  due_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'closed')),
  done_on date,
  done_how text,
  closed_reason text,
  resolved_by uuid REFERENCES app_user (id),
  resolved_at timestamptz,
  CHECK (state <> 'done' OR (done_on IS NOT NULL AND done_how IS NOT NULL)),
  CHECK (state <> 'closed' OR closed_reason IS NOT NULL)
);
CREATE INDEX duty_owner_state_idx ON duty_to_inform (owner_agency_id, state, due_at);
CREATE INDEX duty_partner_idx ON duty_to_inform (partner_person_id);

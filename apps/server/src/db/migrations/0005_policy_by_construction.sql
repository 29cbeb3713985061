-- The policy by construction (docs/architecture.md): one clock per network, access grants
-- that know when they are in force, and shares that name the basis they rest on.

-- Every network works in its own time zone: "today", due dates and meeting times are its own.
ALTER TABLE network ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Rome';

-- A grant is in force from valid_from to valid_to (inclusive; NULL = open), the intersection of
-- its agreement's validity and the date of the consent it rests on. So a consent dated tomorrow
-- opens nothing today and opens exactly its grants tomorrow, and an agreement that ends closes
-- them the day after, with no job having to run at midnight.
ALTER TABLE access_grant DROP CONSTRAINT access_grant_pkey;
ALTER TABLE access_grant ADD COLUMN id bigserial PRIMARY KEY;
ALTER TABLE access_grant ADD COLUMN valid_from date;
ALTER TABLE access_grant ADD COLUMN valid_to date;
ALTER TABLE access_grant ADD CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from);
CREATE INDEX access_grant_lookup_idx ON access_grant (agency_id, side, subject_person_id, kind);

-- A share names its basis in columns, so the policy can hide it the moment the basis ends.
ALTER TABLE shared_item ADD COLUMN consent_id uuid REFERENCES consent (id);
ALTER TABLE shared_item ADD COLUMN agreement_id uuid REFERENCES agreement (id);
UPDATE shared_item SET consent_id = (basis ->> 'consentId')::uuid, agreement_id = (basis ->> 'agreementId')::uuid;
ALTER TABLE shared_item ALTER COLUMN consent_id SET NOT NULL;
ALTER TABLE shared_item ALTER COLUMN agreement_id SET NOT NULL;

-- A meeting is planned in the zone of its network and shown in it.
ALTER TABLE case_meeting ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Rome';

-- An informal contact between case managers belongs to one joint case: its two sides see it.
ALTER TABLE case_event ADD COLUMN joint_case_id uuid REFERENCES joint_case (id);
UPDATE case_event ce SET joint_case_id = (
  SELECT jc.id FROM joint_case jc WHERE jc.pp_episode_id = ce.episode_id ORDER BY jc.created_at LIMIT 1)
WHERE ce.event_type = 'informal_contact';
ALTER TABLE case_event ADD CHECK (event_type <> 'informal_contact' OR joint_case_id IS NOT NULL);

-- The kind of instrument a response answers, beside the version it was given under, so the
-- policy can tell a risk checklist from a questionnaire without reading the definition.
ALTER TABLE instrument_response ADD COLUMN instrument_kind text;
UPDATE instrument_response r SET instrument_kind = v.definition ->> 'kind'
  FROM instrument_version v WHERE v.instrument_id = r.instrument_id AND v.version = r.version;
ALTER TABLE instrument_response ALTER COLUMN instrument_kind SET NOT NULL;

-- At most one planned scheduled meeting per joint case, whatever runs the schedule at once.
UPDATE case_meeting SET status = 'cancelled' WHERE id IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY joint_case_id ORDER BY scheduled_for, created_at) AS n
    FROM case_meeting WHERE kind = 'scheduled' AND status = 'planned') ranked
  WHERE n > 1);
CREATE UNIQUE INDEX case_meeting_one_planned_idx ON case_meeting (joint_case_id)
  WHERE kind = 'scheduled' AND status = 'planned';

-- When a meeting was actually held: the record shows this, not the date it was planned for.
ALTER TABLE case_meeting ADD COLUMN held_at timestamptz;
UPDATE case_meeting SET held_at = coalesce(closed_at, scheduled_for) WHERE status = 'closed';

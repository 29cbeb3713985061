-- Foundation: networks, agencies, staff accounts, sessions, rate limits and the audit trail.

CREATE TABLE network (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  region text,
  meeting_interval_days integer NOT NULL DEFAULT 28 CHECK (meeting_interval_days BETWEEN 7 AND 90),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_name_idx ON network (name, id);

CREATE TABLE agency (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('perpetrator_programme', 'victim_support', 'combined_pp_vss', 'police',
    'probation', 'court', 'social_services', 'child_protection', 'health', 'substance_abuse', 'other')),
  region text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agency_name_idx ON agency (name, id);

CREATE TABLE network_membership (
  network_id uuid NOT NULL REFERENCES network (id),
  agency_id uuid NOT NULL REFERENCES agency (id),
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (network_id, agency_id)
);
CREATE INDEX network_membership_agency_idx ON network_membership (agency_id, network_id);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid REFERENCES agency (id),
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  side text NOT NULL CHECK (side IN ('perpetrator', 'victim', 'neutral')),
  language text NOT NULL DEFAULT 'en',
  active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  -- TOTP secrets are encrypted in the application (AES-256-GCM), never stored in clear.
  totp_secret_enc text,
  totp_pending_secret_enc text,
  totp_last_used_step bigint,
  mfa_enrolled_at timestamptz,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_sign_in_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- A system admin belongs to the installation, every other account to one agency.
  CHECK ((agency_id IS NULL) = ('system_admin' = ANY (roles)))
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));
CREATE INDEX app_user_agency_name_idx ON app_user (agency_id, display_name, id);

CREATE TABLE recovery_code (
  user_id uuid NOT NULL REFERENCES app_user (id),
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE user_session (
  -- The SHA-256 of the cookie token: a leaked table does not yield usable cookies.
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  stage text NOT NULL CHECK (stage IN ('password_change', 'mfa_enrolment', 'mfa_verify', 'active')),
  mfa_skipped boolean NOT NULL DEFAULT false,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_session_user_idx ON user_session (user_id);
CREATE INDEX user_session_expiry_idx ON user_session (expires_at);

CREATE TABLE rate_limit_counter (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  hits integer NOT NULL
);

-- The audit trail: append-only and hash-chained. Each row carries the hash of the one before;
-- `npm run audit:verify` recomputes the chain and names the first row that does not match.
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_agency_id uuid,
  actor_side text,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  resource_type text,
  resource_id text,
  -- The client person whose data was touched, for the "who saw / who received" view.
  subject_person_id uuid,
  -- For shares: the agreement and consent the share rests on.
  basis jsonb,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_event_actor_agency_idx ON audit_event (actor_agency_id, id);
CREATE INDEX audit_event_actor_user_idx ON audit_event (actor_user_id, id);
CREATE INDEX audit_event_resource_idx ON audit_event (resource_id, id);
CREATE INDEX audit_event_subject_idx ON audit_event (subject_person_id, id);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

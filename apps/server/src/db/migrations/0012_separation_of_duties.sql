-- Accounts: separation of duties, a second factor that holds, one-time credential links.

-- Four eyes: a victim-side case role an administrator gives waits in `pending_roles` until a
-- second victim-side person of the agency approves it; only `roles` is ever part of an actor.
ALTER TABLE app_user
  ADD COLUMN pending_roles text[] NOT NULL DEFAULT '{}',
  ADD COLUMN roles_requested_by uuid REFERENCES app_user (id),
  ADD COLUMN roles_requested_at timestamptz,
  -- Set when a victim-side case role first takes effect on the account, never cleared: an
  -- agency whose victim side has had a case worker never falls back to approval by admins.
  ADD COLUMN victim_role_approved_at timestamptz,
  -- Wrong second-factor codes, counted apart from passwords; `locked_until` is now the
  -- second-factor lockout only (wrong passwords slow down, they never lock).
  ADD COLUMN mfa_failures integer NOT NULL DEFAULT 0,
  ADD COLUMN last_failed_sign_in_at timestamptz,
  -- The one-time link an account is set up or recovered with: only its SHA-256 is kept.
  ADD COLUMN credential_link_hash text,
  ADD COLUMN credential_link_expires_at timestamptz,
  ADD COLUMN credential_link_resets text[] NOT NULL DEFAULT '{}'
    CHECK (credential_link_resets <@ ARRAY['password', 'mfa']::text[]);

-- An account waiting for approval may hold no role in force yet.
ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check
  CHECK (cardinality(roles) > 0 OR cardinality(pending_roles) > 0);

-- An administrator holds no case role. An account that combined them keeps its casework and
-- loses the admin role (the system admin names a new agency admin).
UPDATE app_user SET roles = array_remove(roles, 'agency_admin')
WHERE 'agency_admin' = ANY (roles)
  AND roles && ARRAY['pp_case_manager', 'vss_case_manager', 'partner_contact_worker',
    'child_protection_lead', 'agency_liaison']::text[];
ALTER TABLE app_user ADD CONSTRAINT app_user_admin_holds_no_case_role CHECK (NOT (
  (roles || pending_roles) && ARRAY['agency_admin', 'system_admin']::text[]
  AND (roles || pending_roles) && ARRAY['pp_case_manager', 'vss_case_manager',
    'partner_contact_worker', 'child_protection_lead', 'agency_liaison']::text[]
));

-- Victim-side case roles held before this migration were given under the old rules; they stay.
UPDATE app_user SET victim_role_approved_at = created_at
WHERE side = 'victim'
  AND roles && ARRAY['vss_case_manager', 'partner_contact_worker', 'child_protection_lead']::text[];

-- Password failures no longer lock an account: lift the locks they set.
UPDATE app_user SET locked_until = NULL, failed_sign_ins = 0;

CREATE UNIQUE INDEX app_user_credential_link_idx ON app_user (credential_link_hash)
  WHERE credential_link_hash IS NOT NULL;
CREATE INDEX app_user_pending_roles_idx ON app_user (agency_id) WHERE cardinality(pending_roles) > 0;

-- The account an event is about — a `user` resource (a command's own record), or an `app_user`
-- row written through the scoped handle — as a uuid the audit policy can test:
-- every agency sees what was done to its accounts, whoever did it (policy/audit.policy.ts).
ALTER TABLE audit_event ADD COLUMN resource_user_id uuid GENERATED ALWAYS AS (
  CASE
    WHEN resource_type IN ('user', 'app_user')
      AND resource_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    THEN resource_id::uuid
  END
) STORED;
CREATE INDEX audit_event_resource_user_idx ON audit_event (resource_user_id, id);

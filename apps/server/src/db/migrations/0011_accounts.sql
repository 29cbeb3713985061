-- Organisation and accounts: what the audit list may show an agency admin.

-- The person a `resource_type = 'person'` event names (a read, a refusal, a change of her record),
-- as a uuid the policy can test against the person's record: an agency admin sees that id only
-- when the person is held by the admin's own agency (policy/audit.policy.ts). Computed from the
-- columns the hash chain covers, so the chain itself is unchanged.
ALTER TABLE audit_event ADD COLUMN resource_person_id uuid GENERATED ALWAYS AS (
  CASE
    WHEN resource_type = 'person'
      AND resource_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    THEN resource_id::uuid
  END
) STORED;

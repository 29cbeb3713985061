-- The service directory (README, "Service directory"): what each agency tells the professionals of
-- the region about itself. A table of its own, 1:1 with agency, rather than columns on agency:
-- the agency row is the system admin's to shape, the entry is the agency's own admin's to write,
-- and a separate table lets each keep its own write policy (policy/agency.policy.ts).
-- SAFETY: a victim service's or a shelter's street address is where she is. The directory holds a
-- region or town only; there is no address column here, by design, and none may be added.
CREATE TABLE directory_entry (
  agency_id uuid PRIMARY KEY REFERENCES agency (id),
  -- A town or region, never a street (the schema refuses a house number).
  region text NOT NULL CHECK (length(region) BETWEEN 1 AND 100),
  -- How the service works (public-facing information about the service: not encrypted).
  approach text NOT NULL DEFAULT '' CHECK (length(approach) <= 2000),
  -- DIRECTORY_TARGET_GROUPS in packages/shared.
  target_groups text[] NOT NULL DEFAULT '{}' CHECK (target_groups <@ ARRAY['women', 'men_using_violence',
    'children_young_people', 'lgbtqi', 'migrants_refugees', 'older_people', 'people_with_disabilities',
    'professionals']::text[]),
  -- ISO 639 codes of the languages the service works in.
  languages text[] NOT NULL DEFAULT '{}',
  provides_partner_contact boolean NOT NULL DEFAULT false,
  -- The service's lines for professionals: [{ label, phone, email }] (a service's line, not a person's).
  contact_points jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(contact_points) = 'array'),
  listed boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES app_user (id)
);
-- Filters of the directory page: by region (case-insensitive) and partner-contact provision.
CREATE INDEX directory_entry_region_idx ON directory_entry (lower(region) text_pattern_ops);
CREATE INDEX directory_entry_partner_contact_idx ON directory_entry (provides_partner_contact) WHERE listed;
-- Search by words of the name or the approach: trigram indexes over the lower-cased text serve
-- `lower(...) LIKE '%words%'` (as person_search_trgm_idx serves the name search; 0017: each insert
-- updates the index itself).
CREATE INDEX agency_name_trgm_idx ON agency USING gin (lower(name) gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX directory_entry_approach_trgm_idx ON directory_entry USING gin (lower(approach) gin_trgm_ops)
  WITH (fastupdate = off);

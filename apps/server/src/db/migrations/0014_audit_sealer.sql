-- The audit trail without one lock for every request (docs/architecture.md, "The audit trail").
-- A command appends its rows unsealed (no hash yet) in its own transaction, taking no lock; one
-- sealer at a time (audit/audit-sealer.ts) links them into the chain in batches, in the order it
-- finds them committed: seal_seq is the chain's order, prev_hash and hash its links. Rows written
-- before this migration were chained in id order, so that order becomes their seal_seq.
ALTER TABLE audit_event ADD COLUMN seal_seq bigint UNIQUE;
ALTER TABLE audit_event ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_event ALTER COLUMN hash DROP NOT NULL;
-- A row is sealed whole or not at all.
ALTER TABLE audit_event ADD CONSTRAINT audit_event_sealed_whole
  CHECK ((seal_seq IS NULL) = (hash IS NULL) AND (hash IS NULL) = (prev_hash IS NULL)) NOT VALID;
-- The sealer's work list stays small however long the trail grows.
CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE seal_seq IS NULL;

-- Still append-only: the one change a row may ever undergo is being sealed, once, with nothing
-- else about it changed. Deletes and truncation stay refused.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.seal_seq IS NULL
     AND NEW.seal_seq IS NOT NULL
     AND (OLD.hash IS NULL OR OLD.hash = NEW.hash)
     AND (OLD.prev_hash IS NULL OR OLD.prev_hash = NEW.prev_hash)
     AND (NEW.id, NEW.occurred_at, NEW.actor_user_id, NEW.actor_agency_id, NEW.actor_side, NEW.action,
          NEW.outcome, NEW.resource_type, NEW.resource_id, NEW.subject_person_id, NEW.basis, NEW.details,
          NEW.request_id)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.occurred_at, OLD.actor_user_id, OLD.actor_agency_id, OLD.actor_side, OLD.action,
          OLD.outcome, OLD.resource_type, OLD.resource_id, OLD.subject_person_id, OLD.basis, OLD.details,
          OLD.request_id)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END;
$$;

UPDATE audit_event SET seal_seq = id;
ALTER TABLE audit_event VALIDATE CONSTRAINT audit_event_sealed_whole;

-- Rate-limit counters are worth nothing after a crash (a window that starts again), so they are
-- not written to the WAL: the counter every request bumps no longer waits for a disk sync. The
-- sign-in throttle, which guards against guessing, moves to a table of its own that stays durable.
CREATE TABLE sign_in_throttle (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  hits integer NOT NULL
);
INSERT INTO sign_in_throttle (key, window_started_at, hits)
  SELECT key, window_started_at, hits FROM rate_limit_counter WHERE key LIKE 'signin:%';
DELETE FROM rate_limit_counter WHERE key LIKE 'signin:%';
ALTER TABLE rate_limit_counter SET UNLOGGED;

-- A personal calendar feed (README, "Calendar feed"): each user may subscribe a calendar app to
-- their meetings and due items through a URL holding a secret token. Only the token's SHA-256 is
-- stored (a leaked table yields no working URL); a user has at most one token in force, and a
-- replaced or revoked token keeps its row, with the day it stopped working.
CREATE TABLE calendar_feed_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  CHECK (revoked_at IS NULL OR revoked_at >= created_at)
);
CREATE UNIQUE INDEX calendar_feed_token_active_idx ON calendar_feed_token (user_id) WHERE revoked_at IS NULL;

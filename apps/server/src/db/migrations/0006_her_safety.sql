-- Her safety and the truth of the record (issue "Her safety and the truth of the record").

-- The programme's name for a partner he named holds no part of her name and no language: a
-- relationship and a number, shown through a translation ("Current partner 1").
ALTER TABLE partner_referral ADD COLUMN ordinal integer;
UPDATE partner_referral r SET ordinal = n.ordinal FROM (
  SELECT id, row_number() OVER (PARTITION BY episode_id ORDER BY created_at, id) AS ordinal FROM partner_referral) n
WHERE n.id = r.id;
ALTER TABLE partner_referral ALTER COLUMN ordinal SET NOT NULL;
ALTER TABLE partner_referral ADD CONSTRAINT partner_referral_ordinal_unique UNIQUE (episode_id, ordinal);
ALTER TABLE partner_referral DROP COLUMN label;

-- The risk checklist a network assesses its joint cases with (README, "Instruments"): a setting
-- of the network, not the first file the loader happens to find. NULL reads as the ASAP
-- checklist. Not a foreign key: instruments are loaded after the migrations, by id and version,
-- so the service checks the id names a loaded risk checklist when it is changed.
ALTER TABLE network ADD COLUMN risk_instrument_id text DEFAULT 'asap-risk-checklist';

ALTER TABLE item ADD COLUMN note TEXT;
UPDATE item SET note = 'migrated:' || name;

ALTER TABLE item ADD COLUMN note TEXT;
UPDATE item SET note = 'half-done';
THIS IS NOT SQL;

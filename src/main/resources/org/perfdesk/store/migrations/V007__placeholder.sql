-- Placeholder: number 7 belongs to another branch (the exchange pipeline) while both are open; the
-- coordinator renumbers at merge time. Changes nothing.
CREATE TABLE IF NOT EXISTS placeholder_v007 (x INTEGER);
DROP TABLE placeholder_v007;

-- Placeholder on the gm2 branch: schema 10 belongs to another branch (docs). Changes nothing; the
-- coordinator replaces it when the branches are merged (migrations must be numbered without gaps).
DROP TABLE IF EXISTS perfdesk_placeholder_v010;

-- Placeholder on the gm2 branch: schema 11 belongs to another branch (plan). Changes nothing; the
-- coordinator replaces it when the branches are merged (migrations must be numbered without gaps).
DROP TABLE IF EXISTS perfdesk_placeholder_v011;

-- Placeholder: schema 7 is another branch's migration (the coordinator renumbers at merge time).
-- Migrations must be contiguous, so this branch holds the number with a statement that changes nothing.
DROP TABLE IF EXISTS placeholder_v7;

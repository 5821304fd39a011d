-- PerfDesk workspace schema, version 10: a placeholder on this branch for another branch's migration
-- (the docs helper's); renumbered when the branches are merged. It changes nothing.
DROP TABLE IF EXISTS placeholder_v010;

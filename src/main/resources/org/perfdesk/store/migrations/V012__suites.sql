-- PerfDesk workspace schema, version 12: algorithm suites (package-format.md §11). Every key and
-- package belongs to one suite, intl-1 (Ed25519, SHA-256, X25519, AES-256-GCM) or gm-1 (SM2, SM3,
-- SM4); everything recorded before this version is intl-1. Keys are looked up within their suite:
-- a key of one suite never verifies, or is sealed for by, a package of another.
ALTER TABLE trusted_key ADD COLUMN suite TEXT NOT NULL DEFAULT 'intl-1' CHECK (suite IN ('intl-1','gm-1'));
ALTER TABLE encryption_key ADD COLUMN suite TEXT NOT NULL DEFAULT 'intl-1' CHECK (suite IN ('intl-1','gm-1'));
ALTER TABLE package_log ADD COLUMN suite TEXT NOT NULL DEFAULT 'intl-1' CHECK (suite IN ('intl-1','gm-1'));
-- The suite this workspace uses from a year on (an office moving to gm-1 for a new year adds a row):
-- a package for year Y must be of the suite of the latest row at or before Y (the first row's for
-- earlier years). No row: intl-1 for every year (a workspace made before suites).
CREATE TABLE suite_year (
    from_year INTEGER PRIMARY KEY,
    suite     TEXT NOT NULL CHECK (suite IN ('intl-1','gm-1')),
    set_at    TEXT NOT NULL
);

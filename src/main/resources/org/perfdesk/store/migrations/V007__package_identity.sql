-- PerfDesk workspace schema, version 7: a package is its signed content, not its file bytes.
-- The SHA-256 of a package's manifest.json (which lists every entry's hash) identifies it in the
-- chain (previousHash), for "already imported" and in receipts, whatever zip holds it. Packages
-- recorded before this version keep NULL here: their file hash still names them (package-format.md §7).
ALTER TABLE package_log ADD COLUMN manifest_hash TEXT;
-- Unit codes compare without regard to case (package-format.md §4): looked up through this index.
CREATE INDEX org_unit_code_nocase ON org_unit(code COLLATE NOCASE);

-- PerfDesk workspace schema, version 8: what each audit entry is about, as named facts (JSON: unit
-- code, year, round, before and after in figures, …), so the log reads as sentences in the interface
-- language. Entries written before stay as they are (no detail); their raw texts are read as before.
ALTER TABLE audit_log ADD COLUMN detail TEXT;

-- PerfDesk workspace schema, version 3: reports, evidence files, the year's calendar.

-- The half-year analysis, annual summary and rectification reports: structured sections the user
-- edits (overview, one per top-level goal, closing), pre-filled from the tree and progress.
CREATE TABLE report_section (
    unit_code   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('MIDYEAR','ANNUAL','RECTIFICATION')),
    section_key TEXT NOT NULL,            -- 'overview', 'goal:<node id>', 'closing'
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (unit_code, year, kind, section_key)
) WITHOUT ROWID;

-- Evidence files, stored once under attachments/<sha256> whatever their name.
CREATE TABLE attachment (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    file_name  TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT,
    added_at   TEXT NOT NULL
) WITHOUT ROWID;

-- Which evidence backs which indicator's self-assessment.
CREATE TABLE evidence (
    node_id  TEXT NOT NULL REFERENCES goal_node(id) ON DELETE CASCADE,
    sha256   TEXT NOT NULL REFERENCES attachment(sha256),
    note     TEXT,
    added_at TEXT NOT NULL,
    PRIMARY KEY (node_id, sha256)
) WITHOUT ROWID;

-- The year's deadlines where they differ from the defaults (工作步骤 are set per year).
CREATE TABLE calendar_deadline (
    year INTEGER NOT NULL,
    key  TEXT NOT NULL,
    due  TEXT NOT NULL,
    PRIMARY KEY (year, key)
) WITHOUT ROWID;

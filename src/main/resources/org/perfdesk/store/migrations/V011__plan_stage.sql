-- PerfDesk workspace schema, version 11: the plan stage as the work plan describes it — the office's
-- indicator system (指标体系) linked by code in the units' trees, the unit's plan (方案) with its work plan
-- and the seven 制度, 批复 or 备案, one calendar sent to the units, monitoring records, 督查 and 专项检查,
-- pilot units (联系点).

-- The code of the indicator system's indicator a node stands for (NULL: not linked).
ALTER TABLE goal_node ADD COLUMN system_code TEXT;

-- The year's indicator system per ranking group: the office's own, or at a unit the one the office sent.
CREATE TABLE indicator_system (
    year       INTEGER NOT NULL,
    grp        TEXT NOT NULL CHECK (grp IN ('CITY_GOVERNMENTS', 'PROVINCIAL_DEPARTMENTS')),
    body       TEXT NOT NULL,                 -- JSON: the indicators (code, name, level, parent, weight, …)
    package_id TEXT,                          -- at a unit: the office's package it came in
    updated_at TEXT NOT NULL,
    PRIMARY KEY (year, grp)
) WITHOUT ROWID;

-- The unit's plan (绩效评估工作方案) as text: expected results, responsibilities, one section per 制度 with
-- its measures, the annual work plan (年度工作计划). The unit's own, or at the office as received.
CREATE TABLE plan_section (
    unit_code   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    section_key TEXT NOT NULL,                -- 'targets', 'responsibility', 'system:<制度>', 'workplan'
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    measures    TEXT NOT NULL DEFAULT '[]',   -- JSON: [{text, owner, due}]
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (unit_code, year, section_key)
) WITHOUT ROWID;

-- The annual work plan as a file (a Word or PDF document), stored under attachments/ by its hash.
CREATE TABLE plan_attachment (
    unit_code  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    sha256     TEXT NOT NULL REFERENCES attachment(sha256),
    file_name  TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, year)
) WITHOUT ROWID;

-- 批复 (approve or return) or 备案 (acknowledge or ask for a correction), as the scheme sets it per group.
ALTER TABLE plan_review ADD COLUMN mode TEXT NOT NULL DEFAULT 'APPROVAL' CHECK (mode IN ('APPROVAL', 'FILING'));

-- Steps that span a time (July's appraisal round, 翌年 3–4 月's feedback) begin on this day.
ALTER TABLE calendar_deadline ADD COLUMN starts_on TEXT;

-- At a unit: the office's calendar for the year as it last arrived (it replaces the defaults).
CREATE TABLE office_calendar (
    year        INTEGER PRIMARY KEY,
    body        TEXT NOT NULL,                -- JSON: the steps with their dates; whether the unit is a pilot
    package_id  TEXT NOT NULL,
    received_at TEXT NOT NULL
) WITHOUT ROWID;

-- The unit's monitoring: quarterly reports to its leadership (每季度听取一次汇报), the half-year analysis
-- meeting and the year-end summary meeting, each with who chaired, what was decided, the indicators discussed.
CREATE TABLE monitoring_record (
    id         TEXT PRIMARY KEY,
    unit_code  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('QUARTERLY', 'MIDYEAR_MEETING', 'YEAR_END_MEETING')),
    quarter    INTEGER CHECK (quarter IS NULL OR quarter BETWEEN 1 AND 4),
    held_on    TEXT NOT NULL,
    chaired_by TEXT NOT NULL DEFAULT '',
    decisions  TEXT NOT NULL DEFAULT '',
    node_ids   TEXT NOT NULL DEFAULT '[]',    -- JSON: the indicators discussed
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX monitoring_record_unit ON monitoring_record(unit_code, year);

-- Inspections also record the office's 督查 and 专项检查 (without a deduction unless the office sets one).
-- Rebuilt: SQLite cannot change a CHECK.
CREATE TABLE inspection_v11 (
    id              TEXT PRIMARY KEY,
    unit_code       TEXT NOT NULL,
    year            INTEGER NOT NULL,
    date            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('OPEN', 'UNANNOUNCED', 'SUPERVISION', 'SPECIAL_CHECK')),
    finding         TEXT NOT NULL,
    deduction       TEXT NOT NULL,
    evidence_sha256 TEXT REFERENCES attachment(sha256)
) WITHOUT ROWID;
INSERT INTO inspection_v11(id, unit_code, year, date, kind, finding, deduction, evidence_sha256)
    SELECT id, unit_code, year, date, kind, finding, deduction, evidence_sha256 FROM inspection;
DROP TABLE inspection;
ALTER TABLE inspection_v11 RENAME TO inspection;

-- The plan's pilot units (联系点) of a year, marked by the office.
CREATE TABLE pilot_unit (
    unit_code TEXT NOT NULL,
    year      INTEGER NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, year)
) WITHOUT ROWID;

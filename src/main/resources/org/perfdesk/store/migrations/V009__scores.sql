-- PerfDesk workspace schema, version 9: scores the office can defend — range targets, appraisal
-- rounds 1–12, verified figures, the office's decisions on incomplete units, the leading group's
-- approval (审定) of the results, and the results fed back as the unit received them.

-- A range target's upper bound (区间上限); the target column holds its lower bound.
ALTER TABLE goal_node ADD COLUMN target_high TEXT;

-- Public appraisal rounds 1 to 12, as the form and the scheme allow (schema 4 allowed 1 and 2 only,
-- so a third round failed with a raw constraint error). Rebuilt: SQLite cannot change a CHECK.
CREATE TABLE appraisal_v9 (
    unit_code   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    round       INTEGER NOT NULL CHECK (round BETWEEN 1 AND 12),
    sample_size INTEGER NOT NULL CHECK (sample_size > 0),
    counts      TEXT NOT NULL,                -- JSON object: answer → count
    imported_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, year, round)
) WITHOUT ROWID;
INSERT INTO appraisal_v9(unit_code, year, round, sample_size, counts, imported_at)
    SELECT unit_code, year, round, sample_size, counts, imported_at FROM appraisal;
DROP TABLE appraisal;
ALTER TABLE appraisal_v9 RENAME TO appraisal;

-- A figure an assessing body verified (省统计局, a 考核部门 by name, the cities' 联合评估): it replaces
-- the unit's reported figure when the indicator is scored. One per indicator; a later import replaces it.
CREATE TABLE verified_figure (
    node_id     TEXT PRIMARY KEY REFERENCES goal_node(id) ON DELETE CASCADE,
    unit_code   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    body        TEXT NOT NULL,                -- who verified it (the data table's source)
    actual      TEXT,                         -- quantitative: the verified value
    level       TEXT,                         -- qualitative: the verified level
    done_on     TEXT,                         -- milestone: the date found done
    not_done    INTEGER NOT NULL DEFAULT 0 CHECK (not_done IN (0, 1)),
    data_source TEXT NOT NULL DEFAULT '',     -- 数据来源
    note        TEXT NOT NULL DEFAULT '',     -- 说明
    imported_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX verified_figure_unit ON verified_figure(unit_code, year);

-- The office's decision on a unit 未报送 or 材料不全: ranked with what it has, or listed unranked.
CREATE TABLE standing_decision (
    unit_code  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    decision   TEXT NOT NULL CHECK (decision IN ('RANK', 'UNRANKED')),
    reason     TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, year)
) WITHOUT ROWID;

-- 领导小组审定 of the year's results: when, which meeting or document, by whom, and the results it saw.
CREATE TABLE result_approval (
    id          TEXT PRIMARY KEY,
    year        INTEGER NOT NULL,
    approved_on TEXT NOT NULL,
    reference   TEXT NOT NULL,                -- meeting or document number
    approved_by TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    inputs_hash TEXT NOT NULL,                -- overall hash of the inputs of the results approved
    results     TEXT NOT NULL,                -- JSON: unit → total, rank (as result_freeze.results)
    recorded_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX result_approval_year ON result_approval(year, recorded_at);

-- The approval a freeze rests on (null for freezes made before schema 9).
ALTER TABLE result_freeze ADD COLUMN approval_id TEXT REFERENCES result_approval(id);

-- At the unit: the results the office fed back (考核结果), each feedback package's as received.
CREATE TABLE feedback_result (
    package_id  TEXT PRIMARY KEY,
    unit_code   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    body        TEXT NOT NULL,                -- payload/feedback.json as received
    received_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX feedback_result_unit ON feedback_result(unit_code, year, received_at);

-- PerfDesk workspace schema, version 4: the office's evaluation.

-- The scheme per year, versioned: a change after results were frozen makes a new version.
CREATE TABLE evaluation_scheme (
    year       INTEGER NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    body       TEXT NOT NULL,                 -- the scheme as JSON (weights, caps, appraisal levels)
    created_at TEXT NOT NULL,
    PRIMARY KEY (year, version)
) WITHOUT ROWID;

-- The office's own score of an indicator (指标考核), replacing the computed one.
CREATE TABLE indicator_score (
    node_id    TEXT PRIMARY KEY REFERENCES goal_node(id) ON DELETE CASCADE,
    points     TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- The spot check (抽查) drawn for a unit: the seed and share make the draw repeatable.
CREATE TABLE spot_check (
    unit_code TEXT NOT NULL,
    year      INTEGER NOT NULL,
    seed      INTEGER NOT NULL,
    share     TEXT NOT NULL,
    drawn     TEXT NOT NULL,                  -- JSON array of node ids, in the order drawn
    drawn_at  TEXT NOT NULL,
    PRIMARY KEY (unit_code, year)
) WITHOUT ROWID;

-- Public appraisal (公众评议) per unit and round, as the statistics bodies report it.
CREATE TABLE appraisal (
    unit_code   TEXT NOT NULL,
    year        INTEGER NOT NULL,
    round       INTEGER NOT NULL CHECK (round IN (1, 2)),
    sample_size INTEGER NOT NULL CHECK (sample_size > 0),
    counts      TEXT NOT NULL,                -- JSON object: answer → count
    imported_at TEXT NOT NULL,
    PRIMARY KEY (unit_code, year, round)
) WITHOUT ROWID;

-- Inspection verification (察访核验): open and unannounced visits, findings and deductions.
CREATE TABLE inspection (
    id              TEXT PRIMARY KEY,
    unit_code       TEXT NOT NULL,
    year            INTEGER NOT NULL,
    date            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('OPEN', 'UNANNOUNCED')),
    finding         TEXT NOT NULL,
    deduction       TEXT NOT NULL,
    evidence_sha256 TEXT REFERENCES attachment(sha256)
) WITHOUT ROWID;

-- Bonus points (加分) with their reason.
CREATE TABLE bonus (
    id        TEXT PRIMARY KEY,
    unit_code TEXT NOT NULL,
    year      INTEGER NOT NULL,
    points    TEXT NOT NULL,
    reason    TEXT NOT NULL
) WITHOUT ROWID;

-- Frozen results: what was published, and a hash of every input, per unit and component.
CREATE TABLE result_freeze (
    year           INTEGER NOT NULL,
    frozen_at      TEXT NOT NULL,
    scheme_version INTEGER NOT NULL,
    inputs_hash    TEXT NOT NULL,
    inputs         TEXT NOT NULL,             -- JSON: unit → component → hash
    results        TEXT NOT NULL,             -- JSON: unit → total, rank
    PRIMARY KEY (year, frozen_at)
) WITHOUT ROWID;

-- Every score, approval, scheme and result change: who, when, what before and after, and why,
-- each row chained to the one before by its hash.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    reason    TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);

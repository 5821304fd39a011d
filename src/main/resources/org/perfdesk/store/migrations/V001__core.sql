-- PerfDesk workspace schema, version 1: organisations, years, goal tree, progress, self-assessment.
-- Decimal numbers (weights, targets, values, scores) are stored as TEXT so that 2.5 stays 2.5.

CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE org_unit (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('OFFICE','CITY','COUNTY','DEPARTMENT','DIVISION','PERSON')),
    -- a code, not a foreign key: a unit knows its parent's code before it knows the parent's card
    parent_code   TEXT,
    ranking_group TEXT CHECK (ranking_group IN ('CITY_GOVERNMENTS','PROVINCIAL_DEPARTMENTS')),
    key_id        TEXT,
    position      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX org_unit_parent ON org_unit(parent_code);

CREATE TABLE work_year (
    year      INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    opened_at TEXT NOT NULL
);

CREATE TABLE goal_node (
    id                  TEXT PRIMARY KEY,
    unit_code           TEXT NOT NULL REFERENCES org_unit(code),
    year                INTEGER NOT NULL,
    parent_id           TEXT REFERENCES goal_node(id) DEFERRABLE INITIALLY DEFERRED,
    position            INTEGER NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('GOAL','SUB_GOAL','INDICATOR','TASK')),
    title               TEXT NOT NULL,
    description         TEXT,
    -- may name an owner the unit has not registered yet: the rules report it, a draft still saves
    owner_code          TEXT,
    quality_requirement TEXT,
    deadline            TEXT,
    weight              TEXT,
    measure_type        TEXT CHECK (measure_type IN ('QUANTITATIVE','QUALITATIVE','MILESTONE')),
    target              TEXT,
    baseline            TEXT,
    unit_of_measure     TEXT,
    direction           TEXT CHECK (direction IN ('HIGHER_BETTER','LOWER_BETTER','AT_TARGET')),
    levels_json         TEXT,
    target_level        TEXT,
    milestone_date      TEXT,
    origin_id           TEXT,
    revision            INTEGER NOT NULL DEFAULT 1,
    deleted             INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0,1)),
    updated_at          TEXT NOT NULL
);
CREATE INDEX goal_node_unit_year ON goal_node(unit_code, year);
CREATE INDEX goal_node_parent ON goal_node(parent_id);

CREATE TABLE progress (
    node_id            TEXT NOT NULL REFERENCES goal_node(id) ON DELETE CASCADE,
    quarter            INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    actual_value       TEXT,
    completion_percent TEXT,
    status             TEXT CHECK (status IN ('ON_TRACK','AT_RISK','BEHIND','DONE')),
    narrative          TEXT,
    problems           TEXT,
    causes             TEXT,
    measures           TEXT,
    updated_at         TEXT NOT NULL,
    PRIMARY KEY (node_id, quarter)
) WITHOUT ROWID;

CREATE TABLE self_assessment (
    node_id    TEXT PRIMARY KEY REFERENCES goal_node(id) ON DELETE CASCADE,
    score      TEXT,
    level      TEXT,
    narrative  TEXT,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

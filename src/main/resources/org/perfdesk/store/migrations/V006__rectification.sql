-- PerfDesk workspace schema, version 6: feedback and rectification.

-- Feedback and rectification (反馈与整改): each item the office finds for a unit, what the unit
-- does about it, and the office's closure. The office writes finding and requirement; the unit
-- writes measure, owner, deadline, status and note; the office closes (销号) or reopens.
CREATE TABLE rectification_item (
    id            TEXT PRIMARY KEY,
    unit_code     TEXT NOT NULL,
    year          INTEGER NOT NULL,
    number        INTEGER NOT NULL CHECK (number >= 1),
    finding       TEXT NOT NULL,
    requirement   TEXT NOT NULL DEFAULT '',
    due           TEXT,                       -- the office's deadline for the item
    measure       TEXT NOT NULL DEFAULT '',
    owner         TEXT NOT NULL DEFAULT '',   -- the unit's responsible division or person, by name
    planned       TEXT,                       -- the unit's own date
    status        TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE')),
    note          TEXT NOT NULL DEFAULT '',
    closed_at     TEXT,
    closed_reason TEXT,
    sent_in       TEXT,                       -- the feedback package that carried it, once sent
    UNIQUE (unit_code, year, number)
) WITHOUT ROWID;

-- Evidence of what was done, by file hash (the files are in attachments/).
CREATE TABLE rectification_evidence (
    item_id TEXT NOT NULL REFERENCES rectification_item(id) ON DELETE CASCADE,
    sha256  TEXT NOT NULL REFERENCES attachment(sha256),
    PRIMARY KEY (item_id, sha256)
) WITHOUT ROWID;

-- PerfDesk workspace schema, version 10: official documents (公文) — who issues them, set once, and the
-- register of document numbers (文号) used, so that no number goes out twice.

-- The workspace's document identity: one row. The body is JSON (issuers with their 发文机关标志, the word
-- after them, the 文号 prefix and the number to propose next, 主送, 抄送, 印发机关, 签发人).
CREATE TABLE document_identity (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every 文号 a document was exported under: 闽效〔2009〕1号 is prefix 闽效, year 2009, number 1.
CREATE TABLE document_number (
    prefix      TEXT NOT NULL,
    year        INTEGER NOT NULL,
    number      INTEGER NOT NULL CHECK (number >= 1),
    kind        TEXT NOT NULL,                -- notice, midyear, annual, review, feedback, …
    title       TEXT NOT NULL,
    recipient   TEXT NOT NULL DEFAULT '',     -- 主送
    dated       TEXT NOT NULL,                -- 成文日期
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (prefix, year, number)
) WITHOUT ROWID;

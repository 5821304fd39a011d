-- PerfDesk workspace schema, version 2: keys, packages in and out, snapshots, plan reviews, receipts.

-- Public keys this workspace trusts: its own, the office's (pinned at set-up), registered units'.
CREATE TABLE trusted_key (
    key_id         TEXT PRIMARY KEY,
    unit_code      TEXT NOT NULL,
    public_key     TEXT NOT NULL,            -- base64 of the X.509 SubjectPublicKeyInfo (Ed25519)
    source         TEXT NOT NULL CHECK (source IN ('OWN','PINNED','REGISTERED','CERTIFIED')),
    valid_from     TEXT NOT NULL,
    revoked_at     TEXT,
    revoked_reason TEXT
);
CREATE INDEX trusted_key_unit ON trusted_key(unit_code);

-- Every package written or accepted, with its place in the sender's chain.
CREATE TABLE package_log (
    package_id       TEXT PRIMARY KEY,
    direction        TEXT NOT NULL CHECK (direction IN ('IN','OUT')),
    kind             TEXT NOT NULL,
    sender_code      TEXT NOT NULL,
    sender_key_id    TEXT NOT NULL,
    recipient_code   TEXT,
    year             INTEGER NOT NULL,
    sequence         INTEGER NOT NULL CHECK (sequence >= 1),
    previous_hash    TEXT,
    file_hash        TEXT NOT NULL,
    file_name        TEXT NOT NULL,
    file_size        INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    processed_at     TEXT NOT NULL,
    warning          TEXT,
    report_json      TEXT,
    outer_package_id TEXT REFERENCES package_log(package_id)
);
-- a chain per signing key and recipient: the office numbers its answers to each unit on their own;
-- a restored backup repeats numbers (a fork), a new key starts afresh
CREATE UNIQUE INDEX package_log_chain ON package_log(direction, sender_key_id, recipient_code, sequence);
CREATE INDEX package_log_hash ON package_log(file_hash);

-- The data snapshot each accepted (or sent) package carried, kept for history and diffs.
CREATE TABLE snapshot (
    package_id TEXT PRIMARY KEY REFERENCES package_log(package_id),
    unit_code  TEXT NOT NULL,
    year       INTEGER NOT NULL,
    json       TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX snapshot_unit_year ON snapshot(unit_code, year);

-- The office's answer to a unit's plan: approved or returned, always with a reason.
CREATE TABLE plan_review (
    review_id         TEXT PRIMARY KEY,
    unit_code         TEXT NOT NULL,
    year              INTEGER NOT NULL,
    plan_package_id   TEXT NOT NULL,
    decision          TEXT NOT NULL CHECK (decision IN ('APPROVED','RETURNED')),
    reason            TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    decided_at        TEXT NOT NULL,
    answer_package_id TEXT
) WITHOUT ROWID;
CREATE INDEX plan_review_unit_year ON plan_review(unit_code, year);

-- The node revisions a review covered: a later change to such a node is "changed after approval".
CREATE TABLE plan_review_node (
    review_id TEXT NOT NULL REFERENCES plan_review(review_id),
    node_id   TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    PRIMARY KEY (review_id, node_id)
) WITHOUT ROWID;

-- Proof of submission: the office's signed receipt for a package this workspace sent.
CREATE TABLE receipt (
    package_id         TEXT PRIMARY KEY,
    file_hash          TEXT NOT NULL,
    receipt_package_id TEXT NOT NULL,
    received_at        TEXT NOT NULL,
    verdict            TEXT NOT NULL
) WITHOUT ROWID;

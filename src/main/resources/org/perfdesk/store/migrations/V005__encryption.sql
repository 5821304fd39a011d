-- PerfDesk workspace schema, version 5: encryption keys for confidential packages.

-- Public X25519 keys packages are encrypted to: this workspace's own (the current one and those it
-- had before each rotation; the private halves are files under keys/), the office's (from its card
-- and its packages) and the units' (from their enrollment and packages). Each came inside something
-- the unit's signing key vouches for: the card's signature, or a signed package.
CREATE TABLE encryption_key (
    key_id         TEXT PRIMARY KEY,
    unit_code      TEXT NOT NULL,
    public_key     TEXT NOT NULL,            -- base64 of the X.509 SubjectPublicKeyInfo (X25519)
    signing_key_id TEXT NOT NULL,            -- the signing key that vouched for it
    source         TEXT NOT NULL CHECK (source IN ('OWN','CARD','ENROLLMENT','PACKAGE')),
    created_at     TEXT NOT NULL,            -- when its owner made it; the newest is the one to use
    received_at    TEXT NOT NULL,
    signature      TEXT                      -- own keys: the signing key's signature for the card
);
CREATE INDEX encryption_key_unit ON encryption_key(unit_code, created_at);

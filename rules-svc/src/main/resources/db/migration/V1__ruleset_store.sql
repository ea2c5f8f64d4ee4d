-- The stored ruleset: one row per rule, macro and list, as the author wrote it.
CREATE TABLE item (
    kind        TEXT        NOT NULL CHECK (kind IN ('rule', 'macro', 'list')),
    name        TEXT        NOT NULL,
    source      TEXT        NOT NULL,   -- the item as Falco YAML ("- rule: ...")
    definition  TEXT        NOT NULL,   -- the parsed item as JSON (what the API shows)
    enabled     BOOLEAN     NOT NULL,
    position    BIGINT      NOT NULL,   -- order in the ruleset; rules are evaluated in this order
    version     BIGINT      NOT NULL,   -- ruleset version of the last change: the ETag
    updated_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, name)
);

-- The whole ruleset's version: one row, locked by every write so replicas change it one at a time.
CREATE TABLE head (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO head (id, version) VALUES (1, 0);

-- Every whole-ruleset version with a snapshot of all items, for listing and rollback.
CREATE TABLE ruleset_version (
    version     BIGINT      PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    rules       INTEGER     NOT NULL,
    macros      INTEGER     NOT NULL,
    lists       INTEGER     NOT NULL,
    snapshot    TEXT        NOT NULL    -- JSON array of {kind, name, source, enabled}
);

-- Every change, who made it and when.
CREATE TABLE audit (
    id              BIGSERIAL   PRIMARY KEY,
    at              TIMESTAMPTZ NOT NULL,
    actor           TEXT        NOT NULL,
    action          TEXT        NOT NULL,
    kind            TEXT,
    name            TEXT,
    ruleset_version BIGINT      NOT NULL,
    before_source   TEXT,
    after_source    TEXT
);
CREATE INDEX audit_item ON audit (kind, name);

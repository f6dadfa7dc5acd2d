-- Endpoints the user deployed: a model version served on a local port. The studio restarts the
-- ones not stopped by the user (state RUNNING) when the workspace reopens. Only whether a bearer
-- token is set is kept here: the token itself never lands in the catalog.
CREATE TABLE endpoint (
    name            TEXT    PRIMARY KEY,
    model           TEXT    NOT NULL,
    version         INTEGER NOT NULL CHECK (version >= 1),
    port            INTEGER NOT NULL CHECK (port BETWEEN -1 AND 65535),
    capture         INTEGER NOT NULL CHECK (capture IN (0, 1)),
    sample_percent  INTEGER NOT NULL CHECK (sample_percent BETWEEN 0 AND 100),
    has_token       INTEGER NOT NULL CHECK (has_token IN (0, 1)),
    state           TEXT    NOT NULL CHECK (state IN ('RUNNING', 'STOPPED', 'FAILED')),
    message         TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

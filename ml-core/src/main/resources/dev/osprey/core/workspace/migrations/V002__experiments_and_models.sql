-- Experiments: named groups of training runs (by default one per dataset and target).
CREATE TABLE experiment (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL UNIQUE,
    created_at    TEXT    NOT NULL
);

-- A run: one training attempt, with its life cycle; message says why it failed.
CREATE TABLE run (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    experiment_id INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED', 'CANCELLED')),
    started_at    TEXT    NOT NULL,
    ended_at      TEXT,
    message       TEXT
);
CREATE INDEX run_by_experiment ON run(experiment_id);

CREATE TABLE run_param (
    run_id        INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    key           TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    PRIMARY KEY (run_id, key)
);

-- SQLite stores NaN as NULL, so value may be NULL (a metric that is undefined, e.g. R2 of a constant).
CREATE TABLE run_metric (
    run_id        INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    key           TEXT    NOT NULL,
    step          INTEGER NOT NULL,
    value         REAL,
    logged_at     TEXT    NOT NULL,
    PRIMARY KEY (run_id, key, step)
);

CREATE TABLE run_tag (
    run_id        INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    key           TEXT    NOT NULL,
    value         TEXT    NOT NULL,
    PRIMARY KEY (run_id, key)
);

-- Files a run produced, relative to the workspace root, with their SHA-256.
CREATE TABLE run_artifact (
    run_id        INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    path          TEXT    NOT NULL,
    sha256        TEXT    NOT NULL,
    size_bytes    INTEGER NOT NULL,
    PRIMARY KEY (run_id, name)
);

-- The model registry: named models with numbered versions, an approval status and movable aliases.
CREATE TABLE model (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL UNIQUE,
    created_at    TEXT    NOT NULL
);

CREATE TABLE model_version (
    model_id      INTEGER NOT NULL REFERENCES model(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    run_id        INTEGER REFERENCES run(id) ON DELETE SET NULL,
    status        TEXT    NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    path          TEXT    NOT NULL,
    sha256        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    PRIMARY KEY (model_id, version)
);

CREATE TABLE model_alias (
    model_id      INTEGER NOT NULL,
    alias         TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    PRIMARY KEY (model_id, alias),
    FOREIGN KEY (model_id, version) REFERENCES model_version(model_id, version) ON DELETE CASCADE
);

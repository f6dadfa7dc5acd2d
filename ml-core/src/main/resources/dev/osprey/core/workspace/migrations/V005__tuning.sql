-- Tuning jobs: a search over hyperparameters of one training template; each trial is a run.
CREATE TABLE tuning_job (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    experiment_id INTEGER REFERENCES experiment(id) ON DELETE SET NULL,
    dataset_id    INTEGER NOT NULL,
    target        TEXT    NOT NULL,
    algorithm     TEXT    NOT NULL,
    template      TEXT    NOT NULL,              -- the training request's options and validation, JSON
    space         TEXT    NOT NULL,              -- the search space in its text form
    metric        TEXT    NOT NULL,
    direction     TEXT    NOT NULL CHECK (direction IN ('MINIMIZE', 'MAXIMIZE')),
    strategy      TEXT    NOT NULL,
    pruning       TEXT    NOT NULL,
    max_trials    INTEGER NOT NULL,
    max_seconds   INTEGER,
    parallelism   INTEGER NOT NULL,
    seed          INTEGER NOT NULL,
    warm_start_id INTEGER REFERENCES tuning_job(id) ON DELETE SET NULL,
    status        TEXT    NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'STOPPED', 'FAILED')),
    started_at    TEXT    NOT NULL,
    ended_at      TEXT,
    message       TEXT,
    best_trial    INTEGER
);

-- One trial: its parameters (JSON object), how it ended, its objective value and its run.
CREATE TABLE tuning_trial (
    job_id        INTEGER NOT NULL REFERENCES tuning_job(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    params        TEXT    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('RUNNING', 'COMPLETE', 'PRUNED', 'FAILED', 'CANCELLED')),
    value         REAL,
    run_id        INTEGER REFERENCES run(id) ON DELETE SET NULL,
    last_step     INTEGER NOT NULL DEFAULT 0,
    elapsed_ms    INTEGER NOT NULL DEFAULT 0,
    message       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (job_id, number)
);

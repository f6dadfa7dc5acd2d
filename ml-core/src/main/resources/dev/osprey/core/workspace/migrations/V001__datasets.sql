-- Datasets: a file in the workspace (copied) or beside it (linked), with its inferred schema.
CREATE TABLE dataset (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL UNIQUE,
    format        TEXT    NOT NULL,
    storage_mode  TEXT    NOT NULL CHECK (storage_mode IN ('COPY', 'LINK')),
    location      TEXT    NOT NULL,
    source_path   TEXT    NOT NULL,
    read_options  TEXT    NOT NULL DEFAULT '{}',
    row_count     INTEGER NOT NULL,
    size_bytes    INTEGER NOT NULL,
    fingerprint   TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);

CREATE TABLE dataset_column (
    dataset_id    INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    source_name   TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    type          TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    missing       INTEGER NOT NULL DEFAULT 0,
    distinct_values INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (dataset_id, position),
    UNIQUE (dataset_id, name)
);

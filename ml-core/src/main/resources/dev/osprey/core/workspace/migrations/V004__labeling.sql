-- Labeling jobs: items to label, who labelled what and when, drafts of the item in hand.
CREATE TABLE label_job (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    name                  TEXT    NOT NULL UNIQUE,
    task_type             TEXT    NOT NULL,
    classes_json          TEXT    NOT NULL,
    instructions          TEXT    NOT NULL DEFAULT '',
    annotations_per_item  INTEGER NOT NULL CHECK (annotations_per_item >= 1),
    created_at            TEXT    NOT NULL
);
CREATE TABLE label_item (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id       INTEGER NOT NULL REFERENCES label_job(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    gold_json    TEXT,
    priority     REAL    NOT NULL DEFAULT 0,
    suggestion_json        TEXT,
    suggestion_confidence  REAL,
    UNIQUE (job_id, position)
);
CREATE INDEX label_item_priority ON label_item(job_id, priority DESC, position);
CREATE TABLE label_annotation (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id       INTEGER NOT NULL REFERENCES label_item(id) ON DELETE CASCADE,
    annotator     TEXT    NOT NULL,
    value_json    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    duration_ms   INTEGER NOT NULL,
    source_kind   TEXT    NOT NULL DEFAULT 'HUMAN',
    confidence    REAL,
    review_state  TEXT    NOT NULL DEFAULT 'NONE'
);
CREATE INDEX label_annotation_item ON label_annotation(item_id);
CREATE INDEX label_annotation_annotator ON label_annotation(annotator, item_id);
CREATE TABLE label_draft (
    item_id     INTEGER NOT NULL REFERENCES label_item(id) ON DELETE CASCADE,
    annotator   TEXT    NOT NULL,
    value_json  TEXT    NOT NULL,
    saved_at    TEXT    NOT NULL,
    PRIMARY KEY (item_id, annotator)
);

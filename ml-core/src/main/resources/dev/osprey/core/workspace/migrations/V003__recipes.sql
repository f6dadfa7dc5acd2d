-- V003__recipes: wrangling recipes, their versions (steps + fitted values as JSON), and the lineage of the
-- datasets they made. A version keeps the source's name so it still reads well after the source is deleted.
CREATE TABLE recipe (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    created_at    TEXT    NOT NULL
);

CREATE TABLE recipe_version (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    recipe_id         INTEGER NOT NULL REFERENCES recipe(id) ON DELETE CASCADE,
    version           INTEGER NOT NULL,
    body              TEXT    NOT NULL,
    source_dataset_id INTEGER REFERENCES dataset(id) ON DELETE SET NULL,
    source_name       TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    UNIQUE (recipe_id, version)
);

CREATE TABLE dataset_lineage (
    dataset_id        INTEGER PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
    source_dataset_id INTEGER REFERENCES dataset(id) ON DELETE SET NULL,
    source_name       TEXT    NOT NULL,
    recipe_version_id INTEGER REFERENCES recipe_version(id) ON DELETE SET NULL,
    created_at        TEXT    NOT NULL
);

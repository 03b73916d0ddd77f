-- A version after the latest, for tests of the migration path: a table and a column added.
CREATE TABLE hourglass_run_labels (
    run_id TEXT NOT NULL REFERENCES hourglass_runs (run_id),
    label  TEXT NOT NULL,
    PRIMARY KEY (run_id, label)
) STRICT;
ALTER TABLE hourglass_runs ADD COLUMN summary TEXT;

-- A version after the latest that fails after its first statement: the migration must leave nothing of it.
CREATE TABLE hourglass_run_labels (
    run_id TEXT NOT NULL,
    label  TEXT NOT NULL
) STRICT;
ALTER TABLE hourglass_no_such_table ADD COLUMN summary TEXT;

-- Hourglass store, schema version 2: runs by the time they closed.
-- A client waiting for the results of many runs reads, each time the database changed, only the runs that closed
-- since its last read, instead of the status of every run it waits for.
CREATE INDEX hourglass_runs_by_close_time ON hourglass_runs (close_time, run_id) WHERE close_time IS NOT NULL;

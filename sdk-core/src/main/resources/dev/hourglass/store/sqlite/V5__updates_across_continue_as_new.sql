-- Hourglass store, schema version 5, SQLite: updates across continue-as-new. When a run continues as new, the
-- transaction that records it moves the updates still PENDING to the new run (their run_id changes, their update_id
-- and update_seq stay), so that the new run's first workflow task delivers them and their senders get the outcome
-- from it. An update whose sender named the run by its id (run_pinned = 1) stays with that run and fails when it
-- closes.
ALTER TABLE hourglass_updates ADD COLUMN run_pinned INTEGER NOT NULL DEFAULT 0 CHECK (run_pinned IN (0, 1));

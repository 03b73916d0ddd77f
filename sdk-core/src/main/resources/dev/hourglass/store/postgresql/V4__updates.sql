-- Hourglass store, schema version 4, PostgreSQL: the updates sent to runs. An update is a row from the moment a
-- client sends it: PENDING until a workflow task accepts it (ACCEPTED, its WorkflowExecutionUpdateAccepted event
-- recorded in the same transaction) or rejects it (REJECTED, with the validator's failure, and no event); COMPLETED
-- once its WorkflowExecutionUpdateCompleted event is recorded, with the handler's result or failure. Every workflow
-- task of the run delivers the PENDING ones, oldest first. Clients that wait for an update read its row; one sent
-- again with the same id finds the row and gets the same outcome.
CREATE TABLE hourglass_updates (
    update_seq   BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       TEXT    NOT NULL REFERENCES hourglass_runs (run_id),
    update_id    TEXT    NOT NULL,
    update_name  TEXT    NOT NULL,
    input_json   TEXT    NOT NULL,
    identity     TEXT,
    state        TEXT    NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'REJECTED', 'COMPLETED')),
    result_json  TEXT,
    failure_json TEXT,
    sent_at      BIGINT  NOT NULL,
    UNIQUE (run_id, update_id)
);

CREATE INDEX hourglass_updates_pending ON hourglass_updates (run_id, update_seq) WHERE state = 'PENDING';

-- clients waiting for an update in other processes hear when it moves on
CREATE TRIGGER hourglass_update_changed AFTER UPDATE ON hourglass_updates
    FOR EACH ROW EXECUTE FUNCTION hourglass_notify_work();

-- Hourglass store, schema version 1, SQLite.
-- Times are milliseconds since 1970 (UTC), the precision of history event times.
-- A run's history is the truth about it; the other columns and tables hold what the store must find
-- without reading histories: which run of an id is open, what is due, who holds a task.

-- One row per run of a workflow id.
CREATE TABLE hourglass_runs (
    run_id                TEXT    NOT NULL PRIMARY KEY,
    workflow_id           TEXT    NOT NULL,
    run_number            INTEGER NOT NULL CHECK (run_number >= 1),
    workflow_type         TEXT    NOT NULL,
    task_queue            TEXT    NOT NULL,
    status                TEXT    NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELED',
                                                             'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT')),
    start_time            INTEGER NOT NULL,
    close_time            INTEGER,
    next_event_id         INTEGER NOT NULL CHECK (next_event_id >= 2),
    history_bytes         INTEGER NOT NULL,
    execution_deadline    INTEGER,
    continued_from_run_id TEXT,
    parent_workflow_id    TEXT,
    parent_run_id         TEXT,
    parent_child_id       TEXT,
    cancel_requested      INTEGER NOT NULL DEFAULT 0,
    -- events the history had right after the last completed workflow task: a worker that cached the
    -- execution at that point goes on from there instead of replaying the run from its start
    completed_event_count INTEGER NOT NULL DEFAULT 0,
    -- whether the service warned that the history reached a warning threshold of its limits
    history_warned        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (workflow_id, run_number),
    CHECK ((status = 'RUNNING') = (close_time IS NULL))
) STRICT;

-- Workflow ids are unique among open runs, whoever starts them.
CREATE UNIQUE INDEX hourglass_runs_open_workflow_id ON hourglass_runs (workflow_id) WHERE status = 'RUNNING';
-- Listing pages: (start_time, workflow_id, run_id) is the listing order, alone or after a filter.
CREATE INDEX hourglass_runs_by_start_time ON hourglass_runs (start_time, workflow_id, run_id);
CREATE INDEX hourglass_runs_by_status ON hourglass_runs (status, start_time, workflow_id, run_id);
CREATE INDEX hourglass_runs_by_type ON hourglass_runs (workflow_type, start_time, workflow_id, run_id);
CREATE INDEX hourglass_runs_by_parent ON hourglass_runs (parent_run_id) WHERE parent_run_id IS NOT NULL;
CREATE INDEX hourglass_runs_by_deadline ON hourglass_runs (execution_deadline)
    WHERE status = 'RUNNING' AND execution_deadline IS NOT NULL;

-- The events of each run, each as the JSON of one element of a history's "events" array.
CREATE TABLE hourglass_history_events (
    run_id     TEXT    NOT NULL REFERENCES hourglass_runs (run_id),
    event_id   INTEGER NOT NULL CHECK (event_id >= 1),
    event_type TEXT    NOT NULL,
    event_time INTEGER NOT NULL,
    event_json TEXT    NOT NULL,
    PRIMARY KEY (run_id, event_id)
) STRICT, WITHOUT ROWID;

-- Inputs (signals, cancellation requests) that arrived while a workflow task ran; appended when it ends.
CREATE TABLE hourglass_buffered_events (
    run_id          TEXT    NOT NULL REFERENCES hourglass_runs (run_id),
    seq             INTEGER NOT NULL,
    event_type      TEXT    NOT NULL,
    attributes_json TEXT    NOT NULL,
    PRIMARY KEY (run_id, seq)
) STRICT, WITHOUT ROWID;

-- The workflow task of a run, at most one per run. A task may be handed out when visible_at has come:
-- claiming it sets lease_owner and moves visible_at to the end of the lease, so a task whose worker died
-- is handed out again once its lease runs out. claims counts the hand-outs; a token names one of them
-- (task ids are never reused, so a token of a finished task never names a new one).
CREATE TABLE hourglass_workflow_tasks (
    task_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id      TEXT    NOT NULL UNIQUE REFERENCES hourglass_runs (run_id),
    task_queue  TEXT    NOT NULL,
    visible_at  INTEGER NOT NULL,
    claims      INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT
) STRICT;

CREATE INDEX hourglass_workflow_tasks_claimable ON hourglass_workflow_tasks (task_queue, visible_at, task_id);

-- One row per scheduled activity, across its attempts, until it closes.
-- state QUEUED: the attempt may be handed out when visible_at has come (after a retry backoff);
-- state RUNNING: lease_owner runs it until lease_expires_at, the earlier of its start-to-close deadline
-- (kept in start_to_close_deadline, so that an expired lease says which timeout it was) and its heartbeat
-- deadline. claims counts the hand-outs; a token names one of them.
CREATE TABLE hourglass_activity_tasks (
    task_id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id                     TEXT    NOT NULL REFERENCES hourglass_runs (run_id),
    activity_id                TEXT    NOT NULL,
    scheduled_event_id         INTEGER NOT NULL,
    activity_type              TEXT    NOT NULL,
    task_queue                 TEXT    NOT NULL,
    input_json                 TEXT    NOT NULL,
    retry_policy_json          TEXT,
    start_to_close_ms          INTEGER,
    heartbeat_timeout_ms       INTEGER,
    schedule_to_start_ms       INTEGER,
    scheduled_time             INTEGER NOT NULL,
    schedule_to_close_deadline INTEGER,
    attempt                    INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    state                      TEXT    NOT NULL CHECK (state IN ('QUEUED', 'RUNNING')),
    visible_at                 INTEGER NOT NULL,
    claims                     INTEGER NOT NULL DEFAULT 0,
    lease_owner                TEXT,
    lease_expires_at           INTEGER,
    start_to_close_deadline    INTEGER,
    worker_identity            TEXT,
    heartbeat_details_json     TEXT,
    last_failure_json          TEXT,
    cancel_requested           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (run_id, activity_id),
    CHECK ((state = 'RUNNING') = (lease_expires_at IS NOT NULL))
) STRICT;

CREATE INDEX hourglass_activity_tasks_claimable ON hourglass_activity_tasks (task_queue, state, visible_at, task_id);
CREATE INDEX hourglass_activity_tasks_leases ON hourglass_activity_tasks (lease_expires_at)
    WHERE state = 'RUNNING';
CREATE INDEX hourglass_activity_tasks_schedule_to_close ON hourglass_activity_tasks (schedule_to_close_deadline)
    WHERE schedule_to_close_deadline IS NOT NULL;

-- Durable timers of workflow code, until they fire or are canceled.
CREATE TABLE hourglass_timers (
    run_id           TEXT    NOT NULL REFERENCES hourglass_runs (run_id),
    timer_id         TEXT    NOT NULL,
    started_event_id INTEGER NOT NULL,
    fire_at          INTEGER NOT NULL,
    PRIMARY KEY (run_id, timer_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX hourglass_timers_due ON hourglass_timers (fire_at, run_id, timer_id);

-- Queries waiting for a worker's answer; no history event records them. A query may be handed out when
-- visible_at has come: handing it out moves visible_at to the end of a lease, so a query whose worker died
-- goes to another worker. answered_at, and the answer (result_json or failure_json), are set by the first
-- answer. The client that asked removes the row once it has the answer or stops waiting; a row whose client
-- is gone is removed once expires_at has passed.
CREATE TABLE hourglass_queries (
    query_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id       TEXT    NOT NULL REFERENCES hourglass_runs (run_id),
    task_queue   TEXT    NOT NULL,
    query_type   TEXT    NOT NULL,
    args_json    TEXT,
    visible_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    claims       INTEGER NOT NULL DEFAULT 0,
    lease_owner  TEXT,
    answered_at  INTEGER,
    result_json  TEXT,
    failure_json TEXT,
    CHECK (answered_at IS NOT NULL OR (result_json IS NULL AND failure_json IS NULL)),
    CHECK (result_json IS NULL OR failure_json IS NULL)
) STRICT;

CREATE INDEX hourglass_queries_claimable ON hourglass_queries (task_queue, visible_at, query_id)
    WHERE answered_at IS NULL;
CREATE INDEX hourglass_queries_expiry ON hourglass_queries (expires_at);

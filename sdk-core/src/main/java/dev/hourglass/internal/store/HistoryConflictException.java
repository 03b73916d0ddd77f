package dev.hourglass.internal.store;

import dev.hourglass.service.StoreException;
/**
 * Events were not appended to a run's history because the writer's view of it is stale: another writer appended
 * first (the next event id is not the one the writer expected), or the run closed. Nothing of the append was
 * written; the writer rereads the history and decides again (a workflow task whose token is stale is dropped).
 */
public final class HistoryConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final long expectedNextEventId;
    private final long actualNextEventId;

    /** A conflict on {@code runId}: the writer expected {@code expected}, the store holds {@code actual}. */
    public HistoryConflictException(String runId, long expectedNextEventId, long actualNextEventId, String message) {
        super(message, null);
        this.runId = runId;
        this.expectedNextEventId = expectedNextEventId;
        this.actualNextEventId = actualNextEventId;
    }

    /** The run whose history was not appended to; never {@code null}. */
    public String getRunId() {
        return runId;
    }

    /** The next event id the writer expected: the number of events it knew of, plus one. */
    public long getExpectedNextEventId() {
        return expectedNextEventId;
    }

    /** The next event id the store holds. */
    public long getActualNextEventId() {
        return actualNextEventId;
    }
}

package dev.hourglass.internal.spi;

import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.service.HistoryLimits;
import java.util.List;

/**
 * A unit of work for a worker, handed out by {@link WorkflowServiceSpi#pollWorkflowTask}: run the workflow code
 * of an execution over its new events, or answer a query.
 *
 * @param taskToken identifies the task (its lease) in the answer; never {@code null}
 * @param history the whole history of the run so far; never {@code null}
 * @param completedEventCount the number of events the history had right after the last completed workflow
 *     task (0 before the first); a worker that cached the execution at exactly that point may go on from
 *     there, anything else must replay from the start
 * @param queryType the query to answer, or {@code null} for an ordinary workflow task
 * @param queryArgs the query arguments as a JSON array, or {@code null}
 * @param historyLimits the service's limits, which tell the workflow code when continue-as-new is suggested;
 *     never {@code null}
 * @param updates the updates sent to the run that no workflow task has accepted or rejected yet, in the order they
 *     came; the task validates each and accepts or rejects it; never {@code null}
 */
public record WorkflowTask(String taskToken, History history, int completedEventCount, String queryType,
        Payload queryArgs, HistoryLimits historyLimits, List<UpdateRequest> updates) {

    /** Copies the updates. */
    public WorkflowTask {
        updates = List.copyOf(updates);
    }

    /** A task that delivers no update. */
    public WorkflowTask(String taskToken, History history, int completedEventCount, String queryType,
            Payload queryArgs, HistoryLimits historyLimits) {
        this(taskToken, history, completedEventCount, queryType, queryArgs, historyLimits, List.of());
    }

    /** A task under the default {@link HistoryLimits}. */
    public WorkflowTask(String taskToken, History history, int completedEventCount, String queryType,
            Payload queryArgs) {
        this(taskToken, history, completedEventCount, queryType, queryArgs, HistoryLimits.getDefaultInstance());
    }

    /** Returns whether this task is a query rather than a workflow task. */
    public boolean isQuery() {
        return queryType != null;
    }
}

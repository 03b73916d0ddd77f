package dev.hourglass.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hourglass.history.History;
import org.apiguardian.api.API;

/**
 * A unit of work for a worker: run the workflow code of an execution over its new events, or answer a query.
 *
 * @param taskToken identifies the task in the answer; never {@code null}
 * @param history the whole history of the run so far; never {@code null}
 * @param completedEventCount the number of events the history had right after the last completed workflow
 *     task (0 before the first); a worker that cached the execution at exactly that point may go on from
 *     there, anything else must replay from the start
 * @param queryType the query to answer, or {@code null} for an ordinary workflow task
 * @param queryArgs the query arguments, or {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowTask(String taskToken, History history, int completedEventCount, String queryType,
        ArrayNode queryArgs) {

    /** Returns whether this task is a query rather than a workflow task. */
    public boolean isQuery() {
        return queryType != null;
    }
}

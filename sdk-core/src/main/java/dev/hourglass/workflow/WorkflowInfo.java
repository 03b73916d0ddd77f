package dev.hourglass.workflow;

import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Describes the workflow execution that is running, as seen from workflow code.
 *
 * <p>Obtain it with {@code Workflow.getInfo()}; its values are the same on every replay.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowInfo {

    /**
     * Returns the workflow id.
     *
     * @return the workflow id, never {@code null}
     */
    String getWorkflowId();

    /**
     * Returns the run id of this execution.
     *
     * @return the run id, never {@code null}
     */
    String getRunId();

    /**
     * Returns the workflow type: the interface's simple name or {@link WorkflowMethod#name()}.
     *
     * @return the workflow type, never {@code null}
     */
    String getWorkflowType();

    /**
     * Returns the task queue the workflow tasks are dispatched on.
     *
     * @return the task queue, never {@code null}
     */
    String getTaskQueue();

    /**
     * Returns the workflow id of the parent, if this is a child workflow.
     *
     * @return the parent's workflow id, empty if there is no parent; never {@code null}
     */
    Optional<String> getParentWorkflowId();

    /**
     * Returns the run id of the parent, if this is a child workflow.
     *
     * @return the parent's run id, empty if there is no parent; never {@code null}
     */
    Optional<String> getParentRunId();

    /**
     * Returns the run id of the execution that continued as new into this one.
     *
     * @return that run id, empty if this run did not continue another; never {@code null}
     */
    Optional<String> getContinuedExecutionRunId();

    /**
     * Returns the longest time the execution may run, continue-as-new runs included.
     *
     * @return the timeout, or {@code null} if there is none
     */
    Duration getWorkflowExecutionTimeout();

    /**
     * Returns the cron schedule this run belongs to, as the client set it with
     * {@code WorkflowOptions.Builder.setCronSchedule}.
     *
     * @return the schedule, empty if the workflow does not run on one; never {@code null}
     * @since 0.1
     */
    Optional<String> getCronSchedule();

    /**
     * Returns the number of events in this run's history up to the event the code is reacting to now. The
     * count is the same on every replay, so code may branch on it.
     *
     * @return the number of events; at least 1
     */
    int getHistoryLength();

    /**
     * Returns the size in bytes of this run's history (its events as compact UTF-8 JSON) up to the event the code
     * is reacting to now. The size is the same on every replay.
     *
     * @return the size in bytes; positive
     */
    long getHistorySize();

    /**
     * Returns whether the history has grown enough that the run should continue as new: it has reached the
     * service's warning threshold of events or bytes ({@code HistoryLimits}; by default 10,240 events or 10 MiB).
     * Past the limit (by default 51,200 events or 50 MiB) the service terminates the run. The answer is the same
     * on every replay under the same thresholds.
     *
     * <pre>{@code
     * while (true) {
     *     Workflow.await(() -> !pending.isEmpty());
     *     process(pending.remove(0));
     *     if (Workflow.getInfo().isContinueAsNewSuggested()) {
     *         Workflow.continueAsNew(pending);
     *     }
     * }
     * }</pre>
     *
     * @return whether continue-as-new is suggested
     */
    boolean isContinueAsNewSuggested();
}

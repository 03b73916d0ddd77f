package dev.hourglass.internal.spi;

import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.Payload;
import java.time.Duration;
import java.util.Objects;

/**
 * What a client (or the service, for a parent workflow) asks the service to start.
 *
 * @param workflowId the workflow id, or {@code null} for one that the service assigns
 * @param workflowType the workflow type; never {@code null}
 * @param taskQueue the task queue of the workflow tasks; never {@code null}
 * @param input the arguments, a JSON array; never {@code null}
 * @param reusePolicy what to do when the id was used by a closed execution; never {@code null}
 * @param executionTimeout the limit for the whole execution including continue-as-new runs, or {@code null}
 * @param parentWorkflowId the parent's workflow id for a child workflow, else {@code null}
 * @param parentRunId the parent's run id for a child workflow, else {@code null}
 * @param parentChildId the parent's id of the child command for a child workflow, else {@code null}
 * @param identity the identity of the client that starts the workflow, recorded on its first event; {@code null}
 *      for none (and for a child workflow)
 * @param startDelay how long after the start the first workflow task is due, or {@code null} for at once; a signal
 *      that arrives earlier makes it due at once
 * @param cronSchedule the cron schedule of the run's chain ({@code CronSchedule} reads it), or {@code null}
 * @param lastCompletionResult the result of the chain's last completed run, for a run of a cron schedule; else
 *      {@code null}
 * @param searchAttributes the search attributes the run starts with; never {@code null} ({@code EMPTY} for none)
 * @param memo the memo, a JSON object of key to payload, or {@code null} for none
 */
public record StartWorkflowRequest(String workflowId, String workflowType, String taskQueue, Payload input,
        WorkflowIdReusePolicy reusePolicy, Duration executionTimeout, String parentWorkflowId, String parentRunId,
        String parentChildId, String identity, Duration startDelay, String cronSchedule,
        Payload lastCompletionResult, SearchAttributes searchAttributes, Payload memo) {

    /** Checks the required parts. */
    public StartWorkflowRequest {
        if (searchAttributes == null) {
            searchAttributes = SearchAttributes.EMPTY;
        }
        Objects.requireNonNull(workflowType, "workflowType");
        Objects.requireNonNull(taskQueue, "taskQueue");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(reusePolicy, "reusePolicy");
        if (startDelay != null && (startDelay.isNegative() || startDelay.isZero())) {
            startDelay = null;
        }
    }

    /** A request without search attributes and memo. */
    public StartWorkflowRequest(String workflowId, String workflowType, String taskQueue, Payload input,
            WorkflowIdReusePolicy reusePolicy, Duration executionTimeout, String parentWorkflowId, String parentRunId,
            String parentChildId, String identity, Duration startDelay, String cronSchedule,
            Payload lastCompletionResult) {
        this(workflowId, workflowType, taskQueue, input, reusePolicy, executionTimeout, parentWorkflowId, parentRunId,
                parentChildId, identity, startDelay, cronSchedule, lastCompletionResult, null, null);
    }

    /** This request with search attributes ({@code null} for none) and a memo ({@code null} for none). */
    public StartWorkflowRequest withSearchAttributesAndMemo(SearchAttributes attributes, Payload newMemo) {
        return new StartWorkflowRequest(workflowId, workflowType, taskQueue, input, reusePolicy, executionTimeout,
                parentWorkflowId, parentRunId, parentChildId, identity, startDelay, cronSchedule,
                lastCompletionResult, attributes, newMemo);
    }

    /** A request without a start delay. */
    public StartWorkflowRequest(String workflowId, String workflowType, String taskQueue, Payload input,
            WorkflowIdReusePolicy reusePolicy, Duration executionTimeout, String parentWorkflowId, String parentRunId,
            String parentChildId, String identity) {
        this(workflowId, workflowType, taskQueue, input, reusePolicy, executionTimeout, parentWorkflowId, parentRunId,
                parentChildId, identity, null, null, null);
    }

    /** A request without a client identity. */
    public StartWorkflowRequest(String workflowId, String workflowType, String taskQueue, Payload input,
            WorkflowIdReusePolicy reusePolicy, Duration executionTimeout, String parentWorkflowId, String parentRunId,
            String parentChildId) {
        this(workflowId, workflowType, taskQueue, input, reusePolicy, executionTimeout, parentWorkflowId, parentRunId,
                parentChildId, null);
    }

    /** This request with the given workflow id. */
    public StartWorkflowRequest withWorkflowId(String id) {
        return new StartWorkflowRequest(Objects.requireNonNull(id, "id"), workflowType, taskQueue, input, reusePolicy,
                executionTimeout, parentWorkflowId, parentRunId, parentChildId, identity, startDelay, cronSchedule,
                lastCompletionResult, searchAttributes, memo);
    }

    /** This request made by the client of {@code clientIdentity} ({@code null} for none). */
    public StartWorkflowRequest withIdentity(String clientIdentity) {
        return new StartWorkflowRequest(workflowId, workflowType, taskQueue, input, reusePolicy, executionTimeout,
                parentWorkflowId, parentRunId, parentChildId, clientIdentity, startDelay, cronSchedule,
                lastCompletionResult, searchAttributes, memo);
    }

    /** This request with its first workflow task due {@code delay} after the start ({@code null} for at once). */
    public StartWorkflowRequest withStartDelay(Duration delay) {
        return new StartWorkflowRequest(workflowId, workflowType, taskQueue, input, reusePolicy, executionTimeout,
                parentWorkflowId, parentRunId, parentChildId, identity, delay, cronSchedule, lastCompletionResult,
                searchAttributes, memo);
    }

    /**
     * This request as a run of the cron schedule {@code schedule} ({@code null} for none), after a run that completed
     * with {@code lastResult} ({@code null} for none yet).
     */
    public StartWorkflowRequest withCron(String schedule, Payload lastResult) {
        return new StartWorkflowRequest(workflowId, workflowType, taskQueue, input, reusePolicy, executionTimeout,
                parentWorkflowId, parentRunId, parentChildId, identity, startDelay, schedule, lastResult,
                searchAttributes, memo);
    }

    /** A top-level start with no parent; {@code workflowId} may be {@code null}. */
    public static StartWorkflowRequest of(String workflowId, String workflowType, String taskQueue, Payload input,
            WorkflowIdReusePolicy reusePolicy, Duration executionTimeout) {
        return new StartWorkflowRequest(workflowId, workflowType, taskQueue, input, reusePolicy, executionTimeout,
                null, null, null);
    }
}

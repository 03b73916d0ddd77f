package dev.hourglass.history;

import dev.hourglass.common.SearchAttributes;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionStarted}: the run started; always the first event of a history.
 *
 * @param workflowType the workflow type, the same as the history's
 * @param taskQueue the task queue of the workflow tasks, the same as the history's
 * @param input the workflow method's arguments, a JSON array; never {@code null}
 * @param parentWorkflowId the parent's workflow id when started as a child workflow, else {@code null}
 * @param parentRunId the parent's run id when started as a child workflow, else {@code null}
 * @param continuedFromRunId the run that continued as this one, else {@code null}
 * @param workflowExecutionTimeout how long this run may still take before the execution times out, or {@code null}
 *      for no limit
 * @param identity the identity of the client that started the run, or {@code null} when it has none (the default;
 *      see {@code WorkflowClientOptions.Builder.setIdentity}) or the run was started by a parent workflow or by
 *      continue-as-new
 * @param firstWorkflowTaskBackoff how long after this event the first workflow task was due (the start delay, see
 *      {@code WorkflowOptions.Builder.setStartDelay}), or {@code null} when it was due at once; a signal that arrived
 *      earlier made it due at once
 * @param cronSchedule the cron schedule the run belongs to ({@code WorkflowOptions.Builder.setCronSchedule}), else
 *      {@code null}
 * @param lastCompletionResult the result of the last run of the same cron schedule that completed, else {@code null}
 * @param searchAttributes the search attributes the run started with ({@code WorkflowOptions.Builder
 *      .setTypedSearchAttributes}), or {@code null} for none; their values are plain JSON, never encoded
 * @param memo the memo the run started with ({@code WorkflowOptions.Builder.setMemo}): a JSON object of key to
 *      payload (encoded when the client has payload codecs), or {@code null} for none
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionStartedAttributes(String workflowType, String taskQueue, Payload input,
        String parentWorkflowId, String parentRunId, String continuedFromRunId,
        Duration workflowExecutionTimeout, String identity, Duration firstWorkflowTaskBackoff, String cronSchedule,
        Payload lastCompletionResult, SearchAttributes searchAttributes, Payload memo) implements EventAttributes {

    /** Checks that {@code input} is not {@code null}; records empty search attributes as none. */
    public WorkflowExecutionStartedAttributes {
        Objects.requireNonNull(input, "input");
        if (searchAttributes != null && searchAttributes.isEmpty()) {
            searchAttributes = null;
        }
    }

    /**
     * The attributes of a run without search attributes and memo.
     *
     * @param workflowType the workflow type
     * @param taskQueue the task queue of the workflow tasks
     * @param input the workflow method's arguments, a JSON array; never {@code null}
     * @param parentWorkflowId the parent's workflow id, or {@code null}
     * @param parentRunId the parent's run id, or {@code null}
     * @param continuedFromRunId the run that continued as this one, or {@code null}
     * @param workflowExecutionTimeout how long this run may still take, or {@code null} for no limit
     * @param identity the identity of the client that started the run, or {@code null}
     * @param firstWorkflowTaskBackoff how long after this event the first workflow task was due, or {@code null}
     * @param cronSchedule the cron schedule the run belongs to, or {@code null}
     * @param lastCompletionResult the result of the cron schedule's last completed run, or {@code null}
     */
    public WorkflowExecutionStartedAttributes(String workflowType, String taskQueue, Payload input,
            String parentWorkflowId, String parentRunId, String continuedFromRunId,
            Duration workflowExecutionTimeout, String identity, Duration firstWorkflowTaskBackoff, String cronSchedule,
            Payload lastCompletionResult) {
        this(workflowType, taskQueue, input, parentWorkflowId, parentRunId, continuedFromRunId,
                workflowExecutionTimeout, identity, firstWorkflowTaskBackoff, cronSchedule, lastCompletionResult,
                null, null);
    }

    /**
     * The attributes of a run that belongs to no cron schedule.
     *
     * @param workflowType the workflow type
     * @param taskQueue the task queue of the workflow tasks
     * @param input the workflow method's arguments, a JSON array; never {@code null}
     * @param parentWorkflowId the parent's workflow id, or {@code null}
     * @param parentRunId the parent's run id, or {@code null}
     * @param continuedFromRunId the run that continued as this one, or {@code null}
     * @param workflowExecutionTimeout how long this run may still take, or {@code null} for no limit
     * @param identity the identity of the client that started the run, or {@code null}
     * @param firstWorkflowTaskBackoff how long after this event the first workflow task was due, or {@code null}
     */
    public WorkflowExecutionStartedAttributes(String workflowType, String taskQueue, Payload input,
            String parentWorkflowId, String parentRunId, String continuedFromRunId,
            Duration workflowExecutionTimeout, String identity, Duration firstWorkflowTaskBackoff) {
        this(workflowType, taskQueue, input, parentWorkflowId, parentRunId, continuedFromRunId,
                workflowExecutionTimeout, identity, firstWorkflowTaskBackoff, null, null);
    }

    /**
     * The attributes of a run whose first workflow task was due at once.
     *
     * @param workflowType the workflow type
     * @param taskQueue the task queue of the workflow tasks
     * @param input the workflow method's arguments, a JSON array; never {@code null}
     * @param parentWorkflowId the parent's workflow id, or {@code null}
     * @param parentRunId the parent's run id, or {@code null}
     * @param continuedFromRunId the run that continued as this one, or {@code null}
     * @param workflowExecutionTimeout how long this run may still take, or {@code null} for no limit
     * @param identity the identity of the client that started the run, or {@code null}
     */
    public WorkflowExecutionStartedAttributes(String workflowType, String taskQueue, Payload input,
            String parentWorkflowId, String parentRunId, String continuedFromRunId,
            Duration workflowExecutionTimeout, String identity) {
        this(workflowType, taskQueue, input, parentWorkflowId, parentRunId, continuedFromRunId,
                workflowExecutionTimeout, identity, null);
    }

    /**
     * The attributes of a run started without a client identity.
     *
     * @param workflowType the workflow type
     * @param taskQueue the task queue of the workflow tasks
     * @param input the workflow method's arguments, a JSON array; never {@code null}
     * @param parentWorkflowId the parent's workflow id, or {@code null}
     * @param parentRunId the parent's run id, or {@code null}
     * @param continuedFromRunId the run that continued as this one, or {@code null}
     * @param workflowExecutionTimeout how long this run may still take, or {@code null} for no limit
     */
    public WorkflowExecutionStartedAttributes(String workflowType, String taskQueue, Payload input,
            String parentWorkflowId, String parentRunId, String continuedFromRunId,
            Duration workflowExecutionTimeout) {
        this(workflowType, taskQueue, input, parentWorkflowId, parentRunId, continuedFromRunId,
                workflowExecutionTimeout, null, null);
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionStarted;
    }
}

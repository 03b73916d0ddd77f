package dev.hourglass.history;

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
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionStartedAttributes(String workflowType, String taskQueue, Payload input,
        String parentWorkflowId, String parentRunId, String continuedFromRunId,
        Duration workflowExecutionTimeout) implements EventAttributes {

    /** Checks that {@code input} is not {@code null}. */
    public WorkflowExecutionStartedAttributes {
        Objects.requireNonNull(input, "input");
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionStarted;
    }
}

package dev.hourglass.history;

import dev.hourglass.common.WorkflowIdReusePolicy;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#StartChildWorkflowExecutionInitiated}: the workflow asked for a child workflow
 * to be started.
 *
 * @param childId the child's id within this (the parent's) run
 * @param workflowId the child's workflow id
 * @param workflowType the child's workflow type
 * @param taskQueue the child's task queue
 * @param input the child workflow method's arguments, a JSON array; never {@code null}
 * @param workflowExecutionTimeout the child's workflow execution timeout, or {@code null}
 * @param workflowIdReusePolicy what may reuse the child's workflow id, or {@code null} for the default
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StartChildWorkflowExecutionInitiatedAttributes(String childId, String workflowId, String workflowType,
        String taskQueue, Payload input, Duration workflowExecutionTimeout,
        WorkflowIdReusePolicy workflowIdReusePolicy) implements EventAttributes {

    /** Checks that {@code input} is not {@code null}. */
    public StartChildWorkflowExecutionInitiatedAttributes {
        Objects.requireNonNull(input, "input");
    }

    @Override
    public EventType eventType() {
        return EventType.StartChildWorkflowExecutionInitiated;
    }
}

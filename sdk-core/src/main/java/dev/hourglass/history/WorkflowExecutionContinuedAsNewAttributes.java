package dev.hourglass.history;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionContinuedAsNew}: the workflow closed this run and started a
 * new run of itself with fresh input; closes the run.
 *
 * @param newRunId the run id of the new run; {@code null} in the command, before the service assigns it
 * @param input the new run's arguments, a JSON array; never {@code null}
 * @param workflowType the new run's workflow type, or {@code null} for this run's
 * @param taskQueue the new run's task queue, or {@code null} for this run's
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionContinuedAsNewAttributes(String newRunId, Payload input, String workflowType,
        String taskQueue) implements EventAttributes {

    /** Checks that {@code input} is not {@code null}. */
    public WorkflowExecutionContinuedAsNewAttributes {
        Objects.requireNonNull(input, "input");
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionContinuedAsNew;
    }
}

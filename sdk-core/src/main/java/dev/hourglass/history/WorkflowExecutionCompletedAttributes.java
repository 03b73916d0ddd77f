package dev.hourglass.history;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionCompleted}: the workflow completed with a result; closes the
 * run.
 *
 * @param result the workflow method's result (JSON {@code null} for none); never {@code null}
 * @param newExecutionRunId the run that the service started next because the workflow runs on a cron schedule
 *      ({@code WorkflowOptions.Builder.setCronSchedule}), else {@code null}; never in a workflow's command
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionCompletedAttributes(Payload result, String newExecutionRunId)
        implements EventAttributes {

    /** Checks that {@code result} is not {@code null}. */
    public WorkflowExecutionCompletedAttributes {
        Objects.requireNonNull(result, "result");
    }

    /**
     * The attributes of a completion that starts no next run.
     *
     * @param result the workflow method's result (JSON {@code null} for none); never {@code null}
     */
    public WorkflowExecutionCompletedAttributes(Payload result) {
        this(result, null);
    }

    /**
     * Returns these attributes naming the next run of a cron schedule.
     *
     * @param runId the next run's id, or {@code null} for none
     * @return the attributes; never {@code null}
     */
    public WorkflowExecutionCompletedAttributes withNewExecutionRunId(String runId) {
        return new WorkflowExecutionCompletedAttributes(result, runId);
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionCompleted;
    }
}

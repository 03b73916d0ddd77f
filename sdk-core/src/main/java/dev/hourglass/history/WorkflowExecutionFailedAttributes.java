package dev.hourglass.history;

import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#WorkflowExecutionFailed}: the workflow failed; closes the run.
 *
 * @param failure why the workflow failed, a failure object, or {@code null}
 * @param newExecutionRunId the run that the service started next because the workflow runs on a cron schedule
 *      ({@code WorkflowOptions.Builder.setCronSchedule}), else {@code null}; never in a workflow's command
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record WorkflowExecutionFailedAttributes(Payload failure, String newExecutionRunId)
        implements EventAttributes {

    /**
     * The attributes of a failure that starts no next run.
     *
     * @param failure why the workflow failed, a failure object, or {@code null}
     */
    public WorkflowExecutionFailedAttributes(Payload failure) {
        this(failure, null);
    }

    /**
     * Returns these attributes naming the next run of a cron schedule.
     *
     * @param runId the next run's id, or {@code null} for none
     * @return the attributes; never {@code null}
     */
    public WorkflowExecutionFailedAttributes withNewExecutionRunId(String runId) {
        return new WorkflowExecutionFailedAttributes(failure, runId);
    }

    @Override
    public EventType eventType() {
        return EventType.WorkflowExecutionFailed;
    }
}

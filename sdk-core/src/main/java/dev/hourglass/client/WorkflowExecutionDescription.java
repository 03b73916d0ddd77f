package dev.hourglass.client;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What {@link WorkflowStub#describe()} says about one run: its {@link WorkflowExecutionMetadata metadata}, and,
 * while it is open, the activities, child workflows and timers it waits for.
 *
 * <pre>{@code
 * WorkflowExecutionDescription description = client.newUntypedWorkflowStub("transfer-42").describe();
 * for (PendingActivityInfo activity : description.getPendingActivities()) {
 *     System.out.println(activity.getActivityType() + " at attempt " + activity.getAttempt()
 *             + ", last failure " + activity.getLastFailureMessage().orElse("none"));
 * }
 * }</pre>
 *
 * <p>Instances are immutable snapshots taken when the service answered; the lists of a closed run are empty.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkflowExecutionDescription extends WorkflowExecutionMetadata {

    private final List<PendingActivityInfo> pendingActivities;
    private final List<PendingChildWorkflowInfo> pendingChildWorkflows;
    private final List<PendingTimerInfo> pendingTimers;

    /**
     * Creates the description of a run.
     *
     * @param metadata what a listing says about the run; never {@code null}
     * @param pendingActivities its activities not yet closed, in the order they were scheduled; never {@code null}
     * @param pendingChildWorkflows its child workflows not yet closed, in the order they were initiated; never
     *     {@code null}
     * @param pendingTimers its timers neither fired nor canceled, in the order they were started; never
     *     {@code null}
     * @throws NullPointerException if a value is {@code null}
     */
    public WorkflowExecutionDescription(WorkflowExecutionMetadata metadata, List<PendingActivityInfo> pendingActivities,
            List<PendingChildWorkflowInfo> pendingChildWorkflows, List<PendingTimerInfo> pendingTimers) {
        super(metadata);
        this.pendingActivities = List.copyOf(pendingActivities);
        this.pendingChildWorkflows = List.copyOf(pendingChildWorkflows);
        this.pendingTimers = List.copyOf(pendingTimers);
    }

    /**
     * Returns the activities of the run that have not closed, in the order the workflow scheduled them.
     *
     * @return an unmodifiable list, empty for a closed run; never {@code null}
     */
    public List<PendingActivityInfo> getPendingActivities() {
        return pendingActivities;
    }

    /**
     * Returns the child workflows of the run that have not closed, in the order the workflow initiated them.
     *
     * @return an unmodifiable list, empty for a closed run; never {@code null}
     */
    public List<PendingChildWorkflowInfo> getPendingChildWorkflows() {
        return pendingChildWorkflows;
    }

    /**
     * Returns the timers of the run that have neither fired nor been canceled, in the order they were started.
     *
     * @return an unmodifiable list, empty for a closed run; never {@code null}
     */
    public List<PendingTimerInfo> getPendingTimers() {
        return pendingTimers;
    }

    @Override
    public String toString() {
        return super.toString() + ", pending activities " + pendingActivities + ", pending child workflows "
                + pendingChildWorkflows + ", pending timers " + pendingTimers;
    }
}

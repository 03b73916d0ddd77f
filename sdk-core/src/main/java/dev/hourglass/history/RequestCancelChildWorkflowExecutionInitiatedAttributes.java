package dev.hourglass.history;

import dev.hourglass.workflow.ChildWorkflowCancellationType;
import org.apiguardian.api.API;

/**
 * The attributes of {@link EventType#RequestCancelChildWorkflowExecutionInitiated}: the workflow asked for a child
 * workflow it started to be canceled, because the cancellation scope holding the child was canceled.
 *
 * @param childId the initiated child's id
 * @param cancellationType how the workflow waits for the cancellation:
 *     {@link ChildWorkflowCancellationType#WAIT_CANCELLATION_COMPLETED},
 *     {@link ChildWorkflowCancellationType#WAIT_CANCELLATION_REQUESTED} or
 *     {@link ChildWorkflowCancellationType#TRY_CANCEL} ({@code ABANDON} records no request); never {@code null},
 *     a {@code null} argument meaning the default, {@code WAIT_CANCELLATION_COMPLETED}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RequestCancelChildWorkflowExecutionInitiatedAttributes(String childId,
        ChildWorkflowCancellationType cancellationType) implements EventAttributes {

    /** Takes a {@code null} cancellation type as {@link ChildWorkflowCancellationType#WAIT_CANCELLATION_COMPLETED}. */
    public RequestCancelChildWorkflowExecutionInitiatedAttributes {
        if (cancellationType == null) {
            cancellationType = ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED;
        }
    }

    @Override
    public EventType eventType() {
        return EventType.RequestCancelChildWorkflowExecutionInitiated;
    }
}

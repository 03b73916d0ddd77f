package dev.hourglass.history;

import dev.hourglass.common.SearchAttributes;
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
 * @param searchAttributes the search attributes the child starts with ({@code ChildWorkflowOptions.Builder
 *      .setTypedSearchAttributes}), or {@code null} for none; their values are plain JSON, never encoded
 * @param memo the memo the child starts with ({@code ChildWorkflowOptions.Builder.setMemo}): a JSON object of key to
 *      payload (encoded when the worker has payload codecs), in key order, or {@code null} for none
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StartChildWorkflowExecutionInitiatedAttributes(String childId, String workflowId, String workflowType,
        String taskQueue, Payload input, Duration workflowExecutionTimeout,
        WorkflowIdReusePolicy workflowIdReusePolicy, SearchAttributes searchAttributes, Payload memo)
        implements EventAttributes {

    /** Checks that {@code input} is not {@code null}; records empty search attributes as none. */
    public StartChildWorkflowExecutionInitiatedAttributes {
        Objects.requireNonNull(input, "input");
        if (searchAttributes != null && searchAttributes.isEmpty()) {
            searchAttributes = null;
        }
    }

    /**
     * The attributes of a child started without search attributes and memo.
     *
     * @param childId the child's id within the parent's run
     * @param workflowId the child's workflow id
     * @param workflowType the child's workflow type
     * @param taskQueue the child's task queue
     * @param input the child workflow method's arguments, a JSON array; never {@code null}
     * @param workflowExecutionTimeout the child's workflow execution timeout, or {@code null}
     * @param workflowIdReusePolicy what may reuse the child's workflow id, or {@code null} for the default
     */
    public StartChildWorkflowExecutionInitiatedAttributes(String childId, String workflowId, String workflowType,
            String taskQueue, Payload input, Duration workflowExecutionTimeout,
            WorkflowIdReusePolicy workflowIdReusePolicy) {
        this(childId, workflowId, workflowType, taskQueue, input, workflowExecutionTimeout, workflowIdReusePolicy,
                null, null);
    }

    @Override
    public EventType eventType() {
        return EventType.StartChildWorkflowExecutionInitiated;
    }
}

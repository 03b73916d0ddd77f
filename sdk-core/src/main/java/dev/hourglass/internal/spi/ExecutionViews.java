package dev.hourglass.internal.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.client.PendingActivityInfo;
import dev.hourglass.client.PendingActivityState;
import dev.hourglass.client.PendingChildWorkflowInfo;
import dev.hourglass.client.PendingTimerInfo;
import dev.hourglass.client.WorkflowExecutionMetadata;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.common.DataConverter;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.UpsertWorkflowSearchAttributesAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.history.MemoJson;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a run's description that follow from its history alone, the same for every store: its
 * metadata, status, and the timers and child workflows it still waits for. Pending activities carry the
 * attempt and the last failure, which live in the store's activity state, not in the history; each store reads
 * those and {@link #pendingActivity describes them here}, the same way.
 */
public final class ExecutionViews {

    private ExecutionViews() {
    }

    /** The status of a run closed by an event of {@code closeType}, or {@code RUNNING} for {@code null}. */
    public static WorkflowExecutionStatus status(EventType closeType) {
        if (closeType == null) {
            return WorkflowExecutionStatus.RUNNING;
        }
        switch (closeType) {
            case WorkflowExecutionCompleted:
                return WorkflowExecutionStatus.COMPLETED;
            case WorkflowExecutionFailed:
                return WorkflowExecutionStatus.FAILED;
            case WorkflowExecutionCanceled:
                return WorkflowExecutionStatus.CANCELED;
            case WorkflowExecutionTerminated:
                return WorkflowExecutionStatus.TERMINATED;
            case WorkflowExecutionContinuedAsNew:
                return WorkflowExecutionStatus.CONTINUED_AS_NEW;
            case WorkflowExecutionTimedOut:
                return WorkflowExecutionStatus.TIMED_OUT;
            default:
                throw new IllegalArgumentException(closeType + " does not close a run");
        }
    }

    /** The metadata of a run from its events so far (at least its {@code WorkflowExecutionStarted}). */
    public static WorkflowExecutionMetadata metadata(String workflowId, String runId, String workflowType,
            String taskQueue, List<HistoryEvent> events) {
        HistoryEvent last = events.get(events.size() - 1);
        boolean closed = last.getEventType().isClosing();
        return new WorkflowExecutionMetadata(new WorkflowExecution(workflowId, runId), workflowType, taskQueue,
                status(closed ? last.getEventType() : null), events.get(0).getEventTime(),
                closed ? last.getEventTime() : null, events.size(), searchAttributes(events), MemoJson.current(events),
                DataConverter.getDefault(), List.of());
    }

    /** The current search attributes of a run: those of its first event, with every upsert applied in order. */
    public static SearchAttributes searchAttributes(List<HistoryEvent> events) {
        SearchAttributes started = events.get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                .searchAttributes();
        SearchAttributes current = started == null ? SearchAttributes.EMPTY : started;
        for (HistoryEvent event : events) {
            if (event.getAttributes() instanceof UpsertWorkflowSearchAttributesAttributes upsert) {
                current = current.withUpdates(upsert.searchAttributes());
            }
        }
        return current;
    }

    /** The timers started and neither fired nor canceled, in the order they started; none once the run closed. */
    public static List<PendingTimerInfo> pendingTimers(List<HistoryEvent> events) {
        Map<String, PendingTimerInfo> pending = new LinkedHashMap<>();
        for (HistoryEvent event : events) {
            EventAttributes attributes = event.getAttributes();
            if (attributes instanceof TimerStartedAttributes) {
                TimerStartedAttributes started = (TimerStartedAttributes) attributes;
                pending.put(started.timerId(),
                        new PendingTimerInfo(started.timerId(), event.getEventTime().plus(started.duration())));
            } else if (attributes instanceof TimerFiredAttributes) {
                pending.remove(((TimerFiredAttributes) attributes).timerId());
            } else if (attributes instanceof TimerCanceledAttributes) {
                pending.remove(((TimerCanceledAttributes) attributes).timerId());
            } else if (event.getEventType().isClosing()) {
                pending.clear();
            }
        }
        return new ArrayList<>(pending.values());
    }

    /**
     * The child workflows initiated and not closed (nor failed to start), in the order they were initiated; none
     * once the run closed.
     */
    public static List<PendingChildWorkflowInfo> pendingChildWorkflows(List<HistoryEvent> events) {
        Map<String, PendingChildWorkflowInfo> pending = new LinkedHashMap<>();
        for (HistoryEvent event : events) {
            EventAttributes attributes = event.getAttributes();
            if (attributes instanceof StartChildWorkflowExecutionInitiatedAttributes) {
                StartChildWorkflowExecutionInitiatedAttributes initiated =
                        (StartChildWorkflowExecutionInitiatedAttributes) attributes;
                pending.put(initiated.childId(), new PendingChildWorkflowInfo(initiated.workflowId(), null,
                        initiated.workflowType()));
            } else if (attributes instanceof ChildWorkflowExecutionStartedAttributes) {
                ChildWorkflowExecutionStartedAttributes started = (ChildWorkflowExecutionStartedAttributes) attributes;
                PendingChildWorkflowInfo initiated = pending.get(started.childId());
                if (initiated != null) {
                    pending.put(started.childId(), new PendingChildWorkflowInfo(started.workflowId(),
                            started.runId(), initiated.getWorkflowType()));
                }
            } else if (attributes instanceof ChildWorkflowExecutionCompletedAttributes) {
                pending.remove(((ChildWorkflowExecutionCompletedAttributes) attributes).childId());
            } else if (attributes instanceof ChildWorkflowExecutionFailedAttributes) {
                pending.remove(((ChildWorkflowExecutionFailedAttributes) attributes).childId());
            } else if (event.getEventType().isClosing()) {
                pending.clear();
            }
        }
        return new ArrayList<>(pending.values());
    }

    /**
     * A pending activity as a description shows it; the failure's type is its {@code type}, else the simple name of
     * the exception it stands for.
     *
     * @param started whether an attempt runs now (a worker polled it)
     * @param attempt the attempt that runs, is queued, or (while backing off) comes next; at least 1 is shown
     * @param nextAttemptTime when the next attempt is queued while the activity backs off, else {@code null}
     * @param lastFailure the failure of the last failed attempt, {@code null} for none
     */
    public static PendingActivityInfo pendingActivity(String activityId, String activityType, boolean started,
            int attempt, Instant scheduledTime, Instant nextAttemptTime, Payload lastFailure) {
        JsonNode failure = lastFailure == null ? null : JsonPayload.node(lastFailure);
        String failureType = null;
        String failureMessage = null;
        if (failure != null) {
            failureType = FailureConverter.failureType(failure);
            if (failureType.isEmpty()) {
                failureType = FailureConverter.fromJson(failure).getClass().getSimpleName();
            }
            failureMessage = failure.path("message").asText("");
        }
        return new PendingActivityInfo(activityId, activityType,
                started ? PendingActivityState.STARTED : PendingActivityState.SCHEDULED, Math.max(attempt, 1),
                scheduledTime, nextAttemptTime, failureType, failureMessage);
    }
}

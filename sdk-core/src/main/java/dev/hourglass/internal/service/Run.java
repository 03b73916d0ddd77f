package dev.hourglass.internal.service;

import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.UpsertWorkflowSearchAttributesAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.history.HistoryJsonCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The service-side state of one run of a workflow; guarded by the service lock. */
final class Run {

    final String workflowId;
    final String runId;
    final String workflowType;
    final String taskQueue;
    final String parentWorkflowId;
    final String parentRunId;
    final String parentChildId;
    final Instant executionDeadline;

    final List<HistoryEvent> events = new ArrayList<>();

    /** The attributes of the run's first event. */
    WorkflowExecutionStartedAttributes started() {
        return events.get(0).getAttributes(WorkflowExecutionStartedAttributes.class);
    }
    /** Input events that arrived while a workflow task was running, appended once it ends. */
    final List<EventAttributes> buffered = new ArrayList<>();
    /** The updates sent to the run. */
    final Updates updates = new Updates();
    final Map<String, Scheduler.Cancellable> timers = new LinkedHashMap<>();
    final Map<String, ActivityState> activities = new LinkedHashMap<>();
    final CompletableFuture<History> closed = new CompletableFuture<>();
    final WorkflowTaskLifecycle task = new WorkflowTaskLifecycle();

    String taskToken;
    /** How many workflow tasks of this run were queued so far. */
    int workflowTasksQueued;
    /** The {@link TaskOrder} rank of the run's queued workflow task. */
    long taskRank;
    Scheduler.Cancellable taskTimeout;
    int completedEventCount;
    boolean cancelRequested;
    EventType closeType;
    Scheduler.Cancellable executionTimeout;
    /** The start delay that holds back the first workflow task, while it does; else {@code null}. */
    Scheduler.Cancellable startDelay;
    /** The bytes of the events as compact JSON: the size that {@code HistoryLimits} bounds. */
    long sizeBytes;
    /** Whether the service has warned that this history reached a warning threshold. */
    boolean warnedAboutSize;
    /** The current search attributes: the start's and every upsert appended since; what listing filters on. */
    SearchAttributes searchAttributes = SearchAttributes.EMPTY;

    Run(String workflowId, String runId, String workflowType, String taskQueue, String parentWorkflowId,
            String parentRunId, String parentChildId, Instant executionDeadline) {
        this.workflowId = workflowId;
        this.runId = runId;
        this.workflowType = workflowType;
        this.taskQueue = taskQueue;
        this.parentWorkflowId = parentWorkflowId;
        this.parentRunId = parentRunId;
        this.parentChildId = parentChildId;
        this.executionDeadline = executionDeadline;
    }

    boolean isOpen() {
        return closeType == null;
    }

    WorkflowExecution execution() {
        return new WorkflowExecution(workflowId, runId);
    }

    History snapshot() {
        return new History(workflowId, runId, workflowType, taskQueue, events);
    }

    HistoryEvent append(EventAttributes attributes, Instant time) {
        HistoryEvent event = new HistoryEvent(events.size() + 1, time, attributes);
        events.add(event);
        sizeBytes += HistoryJsonCodec.eventSize(event);
        if (attributes instanceof UpsertWorkflowSearchAttributesAttributes upsert) {
            searchAttributes = searchAttributes.withUpdates(upsert.searchAttributes());
        }
        return event;
    }

    /** What the sender of an update gets when the run closed before the update completed (see {@link ClosedRuns}). */
    WorkflowExecutionClosedException updateUnfinished(String updateName, String updateId, boolean accepted,
            boolean pinned) {
        HistoryEvent closing = events.get(events.size() - 1);
        return ClosedRuns.updateUnfinished(updateName, updateId, accepted, pinned, workflowId, runId, closeType,
                closing.getEventId(), closing.getEventTime());
    }

    /**
     * The exception that tells a client who wanted to {@code action} this closed run (such as
     * {@code "signal approve to"}) which run closed, how and when.
     */
    WorkflowExecutionClosedException closed(String action) {
        HistoryEvent closing = events.get(events.size() - 1);
        return ClosedRuns.exception(action, workflowId, runId, closeType, closing.getEventId(),
                closing.getEventTime());
    }
}

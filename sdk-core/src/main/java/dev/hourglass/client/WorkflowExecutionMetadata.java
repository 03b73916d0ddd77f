package dev.hourglass.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.common.DataConverter;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a listing says about one run of a workflow: its ids, type, task queue, status, start and close times
 * and the length of its history.
 *
 * <p>Instances are immutable snapshots taken when the service answered; services create them, applications
 * read them.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class WorkflowExecutionMetadata {

    private final WorkflowExecution execution;
    private final String workflowType;
    private final String taskQueue;
    private final WorkflowExecutionStatus status;
    private final Instant startTime;
    private final Instant closeTime;
    private final long historyLength;
    private final SearchAttributes searchAttributes;
    private final Payload memo;
    private final PayloadConverter memoConverter;

    /**
     * Creates the metadata of a run.
     *
     * @param execution the workflow id and run id; never {@code null}, its run id never {@code null}
     * @param workflowType the workflow type; never {@code null}
     * @param taskQueue the task queue of its workflow tasks; never {@code null}
     * @param status the status; never {@code null}
     * @param startTime when the run started (its first event); never {@code null}
     * @param closeTime when it closed (its last event), or {@code null} while it is running
     * @param historyLength the number of events in its history so far
     * @throws NullPointerException if a value that must not be {@code null} is
     * @throws IllegalArgumentException if {@code closeTime} is set for a running run or missing for a closed one
     */
    public WorkflowExecutionMetadata(WorkflowExecution execution, String workflowType, String taskQueue,
            WorkflowExecutionStatus status, Instant startTime, Instant closeTime, long historyLength) {
        this(execution, workflowType, taskQueue, status, startTime, closeTime, historyLength, SearchAttributes.EMPTY,
                null, DataConverter.getDefault(), List.of());
    }

    /**
     * Creates the metadata of a run with its search attributes and memo.
     *
     * @param execution the workflow id and run id; never {@code null}, its run id never {@code null}
     * @param workflowType the workflow type; never {@code null}
     * @param taskQueue the task queue of its workflow tasks; never {@code null}
     * @param status the status; never {@code null}
     * @param startTime when the run started (its first event); never {@code null}
     * @param closeTime when it closed (its last event), or {@code null} while it is running
     * @param historyLength the number of events in its history so far
     * @param searchAttributes its current search attributes, or {@code null} for none
     * @param memo its memo as recorded: a JSON object of key to payload, or {@code null} for none
     * @param dataConverter the converter {@link #getMemo} converts memo values with; never {@code null}
     * @param codecs the payload codecs {@link #getMemo} decodes memo values with; never {@code null}
     * @throws NullPointerException if a value that must not be {@code null} is
     * @throws IllegalArgumentException if {@code closeTime} is set for a running run or missing for a closed one
     */
    public WorkflowExecutionMetadata(WorkflowExecution execution, String workflowType, String taskQueue,
            WorkflowExecutionStatus status, Instant startTime, Instant closeTime, long historyLength,
            SearchAttributes searchAttributes, Payload memo, DataConverter dataConverter,
            List<? extends PayloadCodec> codecs) {
        this.searchAttributes = searchAttributes == null ? SearchAttributes.EMPTY : searchAttributes;
        this.memo = memo;
        this.memoConverter = PayloadConverter.of(dataConverter, codecs);
        this.execution = Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(execution.getRunId(), "execution.runId");
        this.workflowType = Objects.requireNonNull(workflowType, "workflowType");
        this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
        this.status = Objects.requireNonNull(status, "status");
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        if ((status == WorkflowExecutionStatus.RUNNING) != (closeTime == null)) {
            throw new IllegalArgumentException("a " + status + " run " + (closeTime == null ? "needs" : "has no")
                    + " close time, got " + closeTime);
        }
        this.closeTime = closeTime;
        this.historyLength = historyLength;
    }

    /**
     * Creates a copy of {@code metadata} whose {@link #getMemo} converts with {@code dataConverter} and decodes with
     * {@code codecs}: the client's.
     *
     * @param metadata the metadata to copy; never {@code null}
     * @param dataConverter the converter of memo values; never {@code null}
     * @param codecs the payload codecs of memo values; never {@code null}
     */
    public WorkflowExecutionMetadata(WorkflowExecutionMetadata metadata, DataConverter dataConverter,
            List<? extends PayloadCodec> codecs) {
        this(metadata.execution, metadata.workflowType, metadata.taskQueue, metadata.status, metadata.startTime,
                metadata.closeTime, metadata.historyLength, metadata.searchAttributes, metadata.memo, dataConverter,
                codecs);
    }

    /** A copy of {@code metadata}, for subclasses. */
    WorkflowExecutionMetadata(WorkflowExecutionMetadata metadata) {
        this.execution = metadata.execution;
        this.workflowType = metadata.workflowType;
        this.taskQueue = metadata.taskQueue;
        this.status = metadata.status;
        this.startTime = metadata.startTime;
        this.closeTime = metadata.closeTime;
        this.historyLength = metadata.historyLength;
        this.searchAttributes = metadata.searchAttributes;
        this.memo = metadata.memo;
        this.memoConverter = metadata.memoConverter;
    }

    /**
     * Returns the run's current search attributes: those it started with and every upsert of its workflow code.
     *
     * @return the attributes; never {@code null}, {@link SearchAttributes#EMPTY} for none
     */
    public SearchAttributes getTypedSearchAttributes() {
        return searchAttributes;
    }

    /**
     * Returns a value of the run's memo, decoded by the client's payload codecs and converted by its data converter.
     *
     * @param key the memo key
     * @param valueClass the value's class
     * @param <T> the value type
     * @return the value, or {@code null} when the memo has no such key
     * @throws dev.hourglass.common.DataConverterException if the value does not convert to {@code valueClass}
     * @throws dev.hourglass.common.PayloadCodecException if the client's codecs cannot decode the value
     */
    public <T> T getMemo(String key, Class<T> valueClass) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(valueClass, "valueClass");
        JsonNode value = memo == null ? null : JsonPayload.node(memo).get(key);
        return value == null ? null : memoConverter.fromJson(value, valueClass, valueClass, "the memo value ", key);
    }

    /**
     * Returns the keys of the run's memo, in the order they were set.
     *
     * @return an unmodifiable set; never {@code null}, empty for no memo
     */
    public Set<String> getMemoKeys() {
        Set<String> keys = new LinkedHashSet<>();
        if (memo != null) {
            JsonPayload.node(memo).fieldNames().forEachRemaining(keys::add);
        }
        return Collections.unmodifiableSet(keys);
    }

    /**
     * Returns the workflow id and run id of the run.
     *
     * @return the execution; never {@code null}, nor its run id
     */
    public WorkflowExecution getExecution() {
        return execution;
    }

    /**
     * Returns the workflow type.
     *
     * @return the workflow type; never {@code null}
     */
    public String getWorkflowType() {
        return workflowType;
    }

    /**
     * Returns the task queue of the run's workflow tasks.
     *
     * @return the task queue; never {@code null}
     */
    public String getTaskQueue() {
        return taskQueue;
    }

    /**
     * Returns whether the run is running, or how it closed.
     *
     * @return the status; never {@code null}
     */
    public WorkflowExecutionStatus getStatus() {
        return status;
    }

    /**
     * Returns when the run started, in the service's time (virtual time in a test environment).
     *
     * @return the time of its {@code WorkflowExecutionStarted} event; never {@code null}
     */
    public Instant getStartTime() {
        return startTime;
    }

    /**
     * Returns when the run closed, in the service's time.
     *
     * @return the time of its closing event, or empty while it is running; never {@code null}
     */
    public Optional<Instant> getCloseTime() {
        return Optional.ofNullable(closeTime);
    }

    /**
     * Returns the number of events in the run's history when the service answered.
     *
     * @return the history length, at least 1
     */
    public long getHistoryLength() {
        return historyLength;
    }

    @Override
    public String toString() {
        return workflowType + " " + execution + " " + status + " on task queue '" + taskQueue + "', started "
                + startTime + (closeTime == null ? "" : ", closed " + closeTime) + ", " + historyLength + " events";
    }
}

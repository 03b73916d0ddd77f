package dev.hourglass.internal.replay;

import dev.hourglass.common.SearchAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.Optional;

/** The {@link WorkflowInfo} of a run, read from its history's first event. */
public final class WorkflowInfoImpl implements WorkflowInfo {

    private final String workflowId;
    private final String runId;
    private final String workflowType;
    private final String taskQueue;
    private final String parentWorkflowId;
    private final String parentRunId;
    private final String continuedFromRunId;
    private final Duration executionTimeout;
    private final String cronSchedule;
    private final Payload lastCompletionResult;
    private final SearchAttributes searchAttributes;
    private final Payload memo;
    private final WorkflowExecutor executor;

    private WorkflowInfoImpl(String workflowId, String runId, String workflowType, String taskQueue,
            String parentWorkflowId, String parentRunId, String continuedFromRunId, Duration executionTimeout,
            String cronSchedule, Payload lastCompletionResult, SearchAttributes searchAttributes, Payload memo,
            WorkflowExecutor executor) {
        this.cronSchedule = cronSchedule;
        this.searchAttributes = searchAttributes != null ? searchAttributes : SearchAttributes.EMPTY;
        this.memo = memo;
        this.lastCompletionResult = lastCompletionResult;
        this.executor = executor;
        this.workflowId = workflowId;
        this.runId = runId;
        this.workflowType = workflowType;
        this.taskQueue = taskQueue;
        this.parentWorkflowId = parentWorkflowId;
        this.parentRunId = parentRunId;
        this.continuedFromRunId = continuedFromRunId;
        this.executionTimeout = executionTimeout;
    }

    static WorkflowInfoImpl from(History history, WorkflowExecutor executor) {
        WorkflowExecutionStartedAttributes started =
                history.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class);
        return new WorkflowInfoImpl(history.getWorkflowId(), history.getRunId(), history.getWorkflowType(),
                history.getTaskQueue(), started.parentWorkflowId(), started.parentRunId(),
                started.continuedFromRunId(), started.workflowExecutionTimeout(), started.cronSchedule(),
                started.lastCompletionResult(), started.searchAttributes(), started.memo(), executor);
    }

    @Override
    public Optional<String> getCronSchedule() {
        return Optional.ofNullable(cronSchedule);
    }

    /** The search attributes the run started with; never {@code null}. */
    SearchAttributes startSearchAttributes() {
        return searchAttributes;
    }

    /** The memo the run started with, a JSON object of key to payload, or {@code null} for none. */
    Payload memo() {
        return memo;
    }

    /** The result of the last completed run of the run's cron schedule, or {@code null} for none. */
    Payload lastCompletionResult() {
        return lastCompletionResult;
    }

    @Override
    public String getWorkflowId() {
        return workflowId;
    }

    @Override
    public String getRunId() {
        return runId;
    }

    @Override
    public String getWorkflowType() {
        return workflowType;
    }

    @Override
    public String getTaskQueue() {
        return taskQueue;
    }

    @Override
    public Optional<String> getParentWorkflowId() {
        return Optional.ofNullable(parentWorkflowId);
    }

    @Override
    public Optional<String> getParentRunId() {
        return Optional.ofNullable(parentRunId);
    }

    @Override
    public Optional<String> getContinuedExecutionRunId() {
        return Optional.ofNullable(continuedFromRunId);
    }

    @Override
    public Duration getWorkflowExecutionTimeout() {
        return executionTimeout;
    }

    @Override
    public int getHistoryLength() {
        return executor.historyLength();
    }

    @Override
    public long getHistorySize() {
        return executor.historySize();
    }

    @Override
    public boolean isContinueAsNewSuggested() {
        return executor.historyLimits().isWarningReached(getHistoryLength(), getHistorySize());
    }

    @Override
    public String toString() {
        return "WorkflowInfo[workflowId=" + workflowId + ", runId=" + runId + ", workflowType=" + workflowType
                + ", taskQueue=" + taskQueue + "]";
    }
}

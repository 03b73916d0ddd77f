package dev.hourglass.internal.schedules;

import dev.hourglass.activity.Activity;
import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.service.WorkflowService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The activity of schedules, run by the internal worker of every worker factory over the factory's service. Its time
 * is the service's: when the activity was scheduled, which is when the schedule's workflow acted, so that a fire time
 * acted on late (no worker ran) is found late even though the workflow saw its timer fire on time.
 */
public final class ScheduleActivitiesImpl implements ScheduleActivities {

    private final WorkflowServiceSpi service;

    /** An activity over {@code service}. */
    public ScheduleActivitiesImpl(WorkflowService service) {
        this.service = WorkflowServiceSpi.of(Objects.requireNonNull(service, "service"));
    }

    @Override
    public String act(String json) {
        ActRequest request = ScheduleJson.read(json, ActRequest.class);
        long now = Activity.getExecutionContext().getInfo().getScheduledTime().toEpochMilli();
        ActResult result = new ActResult();
        result.startedAt = now;
        List<ScheduleData.Execution> open = new ArrayList<>();
        for (ScheduleData.Execution execution : request.running) {
            WorkflowExecutionStatus status = status(execution.workflowId);
            if (status == WorkflowExecutionStatus.RUNNING) {
                open.add(execution);
            } else if (status == WorkflowExecutionStatus.FAILED || status == WorkflowExecutionStatus.TIMED_OUT) {
                result.failed = execution.workflowId;
            }
        }
        result.running = open;
        if (request.checkOnly) {
            result.outcome = ActResult.Outcome.CHECKED;
            return ScheduleJson.write(result);
        }
        if (request.catchupWindow >= 0 && now - request.at > request.catchupWindow) {
            result.outcome = ActResult.Outcome.MISSED;
            return ScheduleJson.write(result);
        }
        if (!open.isEmpty()) {
            switch (request.overlap) {
                case "SKIP" -> result.outcome = ActResult.Outcome.SKIPPED;
                case "BUFFER_ONE", "BUFFER_ALL" -> result.outcome = ActResult.Outcome.BUFFERED;
                case "CANCEL_OTHER" -> {
                    open.forEach(execution -> cancel(execution.workflowId));
                    result.outcome = ActResult.Outcome.BUFFERED;
                }
                case "TERMINATE_OTHER" -> {
                    open.forEach(execution -> terminate(execution.workflowId));
                    open.clear();
                }
                default -> {
                    // ALLOW_ALL: start whatever runs
                }
            }
            if (result.outcome != null) {
                return ScheduleJson.write(result);
            }
        }
        result.runId = start(request);
        ScheduleData.Execution started = new ScheduleData.Execution();
        started.workflowId = request.workflowId;
        started.runId = result.runId;
        open.add(started);
        result.outcome = ActResult.Outcome.STARTED;
        return ScheduleJson.write(result);
    }

    /** The status of the latest run of {@code workflowId}, following its continue-as-new chain. */
    private WorkflowExecutionStatus status(String workflowId) {
        try {
            return service.describeWorkflow(workflowId, null).getStatus();
        } catch (WorkflowNotFoundException e) {
            return WorkflowExecutionStatus.COMPLETED;
        }
    }

    private void cancel(String workflowId) {
        try {
            service.requestCancelWorkflow(workflowId, null);
        } catch (WorkflowNotFoundException closedMeanwhile) {
            // nothing to cancel
        }
    }

    private void terminate(String workflowId) {
        try {
            service.terminateWorkflow(workflowId, null, "terminated by its schedule (overlap policy TERMINATE_OTHER)");
        } catch (WorkflowNotFoundException closedMeanwhile) {
            // nothing to terminate
        }
    }

    /**
     * Starts the run; a run of the id that exists already is this action's own, started by an earlier attempt whose
     * answer was lost, since each action's id is its own.
     */
    private String start(ActRequest request) {
        StartWorkflowRequest start = StartWorkflowRequest.of(request.workflowId, request.workflowType,
                request.taskQueue, JsonPayload.of(request.arguments), WorkflowIdReusePolicy.REJECT_DUPLICATE,
                request.executionTimeoutMillis == null ? null : Duration.ofMillis(request.executionTimeoutMillis));
        try {
            WorkflowExecution execution = service.startWorkflow(start);
            return execution.getRunId();
        } catch (WorkflowExecutionAlreadyStartedException e) {
            return service.describeWorkflow(request.workflowId, null).getExecution().getRunId();
        }
    }
}

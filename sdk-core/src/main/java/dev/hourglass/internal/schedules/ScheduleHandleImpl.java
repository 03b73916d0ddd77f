package dev.hourglass.internal.schedules;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleBackfill;
import dev.hourglass.client.schedules.ScheduleDescription;
import dev.hourglass.client.schedules.ScheduleHandle;
import dev.hourglass.client.schedules.ScheduleNotFoundException;
import dev.hourglass.client.schedules.ScheduleOverlapPolicy;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.internal.common.PayloadConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The {@link ScheduleHandle}: signals, queries and terminates the schedule's workflow. */
final class ScheduleHandleImpl implements ScheduleHandle {

    private final WorkflowClient client;
    private final PayloadConverter converter;
    private final String scheduleId;

    ScheduleHandleImpl(WorkflowClient client, PayloadConverter converter, String scheduleId) {
        this.client = client;
        this.converter = converter;
        this.scheduleId = scheduleId;
    }

    @Override
    public String getId() {
        return scheduleId;
    }

    @Override
    public ScheduleDescription describe() {
        ScheduleData data = data("describe");
        List<WorkflowExecution> running = new ArrayList<>();
        for (ScheduleData.Execution execution : data.running) {
            if (isRunning(execution.workflowId)) {
                running.add(new WorkflowExecution(execution.workflowId, execution.runId));
            }
        }
        return new ScheduleDescription(scheduleId, ScheduleCodec.toSchedule(data, converter),
                ScheduleCodec.toInfo(data, running));
    }

    @Override
    public void pause(String note) {
        ScheduleCommand command = new ScheduleCommand();
        command.kind = ScheduleCommand.Kind.PAUSE;
        command.note = note;
        send("pause", command);
    }

    @Override
    public void unpause(String note) {
        ScheduleCommand command = new ScheduleCommand();
        command.kind = ScheduleCommand.Kind.UNPAUSE;
        command.note = note;
        send("unpause", command);
    }

    @Override
    public void trigger() {
        trigger(null);
    }

    @Override
    public void trigger(ScheduleOverlapPolicy overlapPolicy) {
        ScheduleCommand command = new ScheduleCommand();
        command.kind = ScheduleCommand.Kind.TRIGGER;
        command.overlap = overlapPolicy == null ? null : overlapPolicy.name();
        send("trigger", command);
    }

    @Override
    public void backfill(List<ScheduleBackfill> backfills) {
        Objects.requireNonNull(backfills, "backfills");
        send("backfill", ScheduleClientImpl.backfill(data("backfill"), backfills));
    }

    @Override
    public void update(Function<ScheduleDescription, Schedule> updater) {
        Objects.requireNonNull(updater, "updater");
        Schedule updated = updater.apply(describe());
        if (updated == null) {
            return;
        }
        ScheduleCommand command = new ScheduleCommand();
        command.kind = ScheduleCommand.Kind.UPDATE;
        command.schedule = ScheduleCodec.toData(scheduleId, updated, converter);
        send("update", command);
    }

    @Override
    public void delete() {
        try {
            stub("delete").terminate("schedule deleted");
        } catch (WorkflowNotFoundException e) {
            throw new ScheduleNotFoundException(scheduleId, "delete", e);
        }
    }

    @Override
    public String toString() {
        return "ScheduleHandle{" + scheduleId + "}";
    }

    private ScheduleData data(String operation) {
        WorkflowStub stub = stub(operation);
        try {
            return ScheduleJson.read(stub.query(ScheduleWorkflow.DESCRIBE, String.class), ScheduleData.class);
        } catch (WorkflowNotFoundException e) {
            throw new ScheduleNotFoundException(scheduleId, operation, e);
        }
    }

    private void send(String operation, ScheduleCommand command) {
        try {
            stub(operation).signal(ScheduleWorkflow.COMMAND, ScheduleJson.write(command));
        } catch (WorkflowNotFoundException e) {
            throw new ScheduleNotFoundException(scheduleId, operation, e);
        }
    }

    /** The stub of the schedule's running workflow. */
    private WorkflowStub stub(String operation) {
        String workflowId = ScheduleWorkflow.WORKFLOW_ID_PREFIX + scheduleId;
        if (!isRunning(workflowId)) {
            throw new ScheduleNotFoundException(scheduleId, operation, null);
        }
        return client.newUntypedWorkflowStub(workflowId);
    }

    private boolean isRunning(String workflowId) {
        try {
            return client.newUntypedWorkflowStub(workflowId).describe().getStatus() == WorkflowExecutionStatus.RUNNING;
        } catch (WorkflowNotFoundException e) {
            return false;
        }
    }
}

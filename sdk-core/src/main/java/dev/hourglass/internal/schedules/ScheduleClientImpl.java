package dev.hourglass.internal.schedules;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleAlreadyRunningException;
import dev.hourglass.client.schedules.ScheduleBackfill;
import dev.hourglass.client.schedules.ScheduleClient;
import dev.hourglass.client.schedules.ScheduleHandle;
import dev.hourglass.client.schedules.ScheduleListDescription;
import dev.hourglass.client.schedules.ScheduleOptions;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.internal.common.PayloadConverter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The {@link ScheduleClient}: schedules are runs of {@link ScheduleWorkflow} started and signaled by a client. */
public final class ScheduleClientImpl implements ScheduleClient {

    private final WorkflowClient client;
    private final PayloadConverter converter;

    /** A schedule client that works through {@code client}. */
    public ScheduleClientImpl(WorkflowClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.converter = PayloadConverter.of(client.getOptions().getDataConverter(),
                client.getOptions().getPayloadCodecs());
    }

    @Override
    public ScheduleHandle createSchedule(String scheduleId, Schedule schedule, ScheduleOptions options) {
        requireId(scheduleId);
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(options, "options");
        ScheduleData data = ScheduleCodec.toData(scheduleId, schedule, converter);
        if (options.isTriggerImmediately()) {
            ScheduleCommand trigger = new ScheduleCommand();
            trigger.kind = ScheduleCommand.Kind.TRIGGER;
            data.initial.add(trigger);
        }
        if (!options.getBackfills().isEmpty()) {
            data.initial.add(backfill(data, options.getBackfills()));
        }
        WorkflowOptions workflowOptions = WorkflowOptions.newBuilder()
                .setWorkflowId(ScheduleWorkflow.WORKFLOW_ID_PREFIX + scheduleId)
                .setTaskQueue(ScheduleWorkflow.TASK_QUEUE)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.ALLOW_DUPLICATE)
                .build();
        try {
            client.newUntypedWorkflowStub(ScheduleWorkflow.TYPE, workflowOptions).start(ScheduleJson.write(data));
        } catch (WorkflowExecutionAlreadyStartedException e) {
            throw new ScheduleAlreadyRunningException(scheduleId, e);
        }
        return getHandle(scheduleId);
    }

    @Override
    public ScheduleHandle getHandle(String scheduleId) {
        requireId(scheduleId);
        return new ScheduleHandleImpl(client, converter, scheduleId);
    }

    @Override
    public Stream<ScheduleListDescription> listSchedules() {
        ExecutionFilter filter = ExecutionFilter.newBuilder().setWorkflowType(ScheduleWorkflow.TYPE)
                .setStatus(WorkflowExecutionStatus.RUNNING).build();
        return client.listExecutions(filter).map(run -> new ScheduleListDescription(
                run.getExecution().getWorkflowId().substring(ScheduleWorkflow.WORKFLOW_ID_PREFIX.length()),
                run.getStartTime()));
    }

    /** The command of backfilling {@code backfills}. */
    static ScheduleCommand backfill(ScheduleData data, List<ScheduleBackfill> backfills) {
        ScheduleCommand command = new ScheduleCommand();
        command.kind = ScheduleCommand.Kind.BACKFILL;
        long total = 0;
        for (ScheduleBackfill backfill : backfills) {
            ScheduleCommand.Range range = new ScheduleCommand.Range();
            range.start = backfill.getStartAt().toEpochMilli();
            range.end = backfill.getEndAt().toEpochMilli();
            range.overlap = backfill.getOverlapPolicy() == null ? null : backfill.getOverlapPolicy().name();
            for (long nominal = FireTimes.next(data, range.start - 1); nominal != FireTimes.NONE && nominal < range.end;
                    nominal = FireTimes.next(data, nominal)) {
                if (++total > MAX_BACKFILL) {
                    throw new IllegalArgumentException("the backfill of schedule '" + data.scheduleId + "' ("
                            + backfills + ") covers more than " + MAX_BACKFILL + " fire times; backfill shorter"
                            + " ranges, one after the other");
                }
            }
            command.ranges.add(range);
        }
        return command;
    }

    /** The most fire times one backfill may cover. */
    static final int MAX_BACKFILL = 10_000;

    private static void requireId(String scheduleId) {
        if (scheduleId == null || scheduleId.isBlank()) {
            throw new IllegalArgumentException("a schedule id must not be null or blank, was "
                    + (scheduleId == null ? "null" : "'" + scheduleId + "'"));
        }
    }
}

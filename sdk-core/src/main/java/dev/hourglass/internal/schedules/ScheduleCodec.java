package dev.hourglass.internal.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleActionResult;
import dev.hourglass.client.schedules.ScheduleActionStartWorkflow;
import dev.hourglass.client.schedules.ScheduleInfo;
import dev.hourglass.client.schedules.ScheduleIntervalSpec;
import dev.hourglass.client.schedules.ScheduleOverlapPolicy;
import dev.hourglass.client.schedules.SchedulePolicy;
import dev.hourglass.client.schedules.ScheduleSpec;
import dev.hourglass.client.schedules.ScheduleState;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.internal.common.PayloadConverter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Between the public schedule types and the {@link ScheduleData} a schedule's workflow carries. */
public final class ScheduleCodec {

    private ScheduleCodec() {
    }

    /**
     * The definition of {@code schedule} as data, its arguments encoded by {@code converter}; checked.
     *
     * @throws IllegalArgumentException if the spec never fires or a cron expression is not valid
     */
    public static ScheduleData toData(String scheduleId, Schedule schedule, PayloadConverter converter) {
        ScheduleData data = new ScheduleData();
        data.scheduleId = scheduleId;
        ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) schedule.getAction();
        data.workflowType = action.getWorkflowType();
        data.arguments = converter.toJsonArray(action.getArguments().toArray(),
                "record the arguments of schedule " + scheduleId);
        data.workflowIdPrefix = action.getOptions().getWorkflowId();
        data.taskQueue = action.getOptions().getTaskQueue();
        Duration timeout = action.getOptions().getWorkflowExecutionTimeout();
        data.executionTimeoutMillis = timeout == null ? null : timeout.toMillis();
        ScheduleSpec spec = schedule.getSpec();
        data.cron = new ArrayList<>(spec.getCronExpressions());
        for (ScheduleIntervalSpec interval : spec.getIntervals()) {
            ScheduleData.Interval each = new ScheduleData.Interval();
            each.every = interval.getEvery().toMillis();
            each.offset = interval.getOffset().toMillis();
            data.intervals.add(each);
        }
        data.zone = spec.getTimeZone().getId();
        data.startAt = spec.getStartAt() == null ? null : spec.getStartAt().toEpochMilli();
        data.endAt = spec.getEndAt() == null ? null : spec.getEndAt().toEpochMilli();
        data.jitter = spec.getJitter().toMillis();
        SchedulePolicy policy = schedule.getPolicy();
        data.overlap = policy.getOverlap().name();
        data.catchupWindow = policy.getCatchupWindow().toMillis();
        data.pauseOnFailure = policy.isPauseOnFailure();
        ScheduleState state = schedule.getState();
        data.paused = state.isPaused();
        data.note = state.getNote();
        data.limited = state.isLimitedAction();
        data.remaining = state.getRemainingActions();
        FireTimes.check(data);
        return data;
    }

    /** Copies the definition (action, spec, policy, state) of {@code from} into {@code to}, keeping its info. */
    static void applyDefinition(ScheduleData from, ScheduleData to) {
        to.workflowType = from.workflowType;
        to.arguments = from.arguments;
        to.workflowIdPrefix = from.workflowIdPrefix;
        to.taskQueue = from.taskQueue;
        to.executionTimeoutMillis = from.executionTimeoutMillis;
        to.cron = from.cron;
        to.intervals = from.intervals;
        to.zone = from.zone;
        to.startAt = from.startAt;
        to.endAt = from.endAt;
        to.jitter = from.jitter;
        to.overlap = from.overlap;
        to.catchupWindow = from.catchupWindow;
        to.pauseOnFailure = from.pauseOnFailure;
        to.paused = from.paused;
        to.note = from.note;
        to.limited = from.limited;
        to.remaining = from.remaining;
    }

    /** The schedule {@code data} defines, its arguments decoded by {@code converter} as plain JSON values. */
    public static Schedule toSchedule(ScheduleData data, PayloadConverter converter) {
        List<Object> arguments = new ArrayList<>();
        if (data.arguments != null) {
            for (JsonNode argument : data.arguments) {
                arguments.add(converter.fromJson(argument, Object.class, Object.class));
            }
        }
        WorkflowOptions.Builder options = WorkflowOptions.newBuilder().setWorkflowId(data.workflowIdPrefix)
                .setTaskQueue(data.taskQueue);
        if (data.executionTimeoutMillis != null) {
            options.setWorkflowExecutionTimeout(Duration.ofMillis(data.executionTimeoutMillis));
        }
        List<ScheduleIntervalSpec> intervals = new ArrayList<>();
        data.intervals.forEach(each -> intervals.add(new ScheduleIntervalSpec(Duration.ofMillis(each.every),
                Duration.ofMillis(each.offset))));
        return Schedule.newBuilder()
                .setAction(ScheduleActionStartWorkflow.newBuilder().setWorkflowType(data.workflowType)
                        .setArguments(arguments.toArray()).setOptions(options.build()).build())
                .setSpec(ScheduleSpec.newBuilder().setCronExpressions(data.cron).setIntervals(intervals)
                        .setTimeZone(ZoneId.of(data.zone))
                        .setStartAt(data.startAt == null ? null : Instant.ofEpochMilli(data.startAt))
                        .setEndAt(data.endAt == null ? null : Instant.ofEpochMilli(data.endAt))
                        .setJitter(Duration.ofMillis(data.jitter)).build())
                .setPolicy(SchedulePolicy.newBuilder().setOverlap(ScheduleOverlapPolicy.valueOf(data.overlap))
                        .setCatchupWindow(Duration.ofMillis(data.catchupWindow))
                        .setPauseOnFailure(data.pauseOnFailure).build())
                .setState(ScheduleState.newBuilder().setPaused(data.paused).setNote(data.note)
                        .setLimitedAction(data.limited).setRemainingActions(data.remaining).build())
                .build();
    }

    /** The info of {@code data}, with {@code running} as the runs still running. */
    public static ScheduleInfo toInfo(ScheduleData data, List<WorkflowExecution> running) {
        List<ScheduleActionResult> recent = new ArrayList<>();
        data.recent.forEach(each -> recent.add(new ScheduleActionResult(Instant.ofEpochMilli(each.scheduledAt),
                Instant.ofEpochMilli(each.startedAt), new WorkflowExecution(each.workflowId, each.runId))));
        List<Instant> upcoming = new ArrayList<>();
        if (data.upcoming != null) {
            data.upcoming.forEach(time -> upcoming.add(Instant.ofEpochMilli(time)));
        }
        return new ScheduleInfo(data.actions, data.missed, data.skipped, running, recent, upcoming,
                Instant.ofEpochMilli(data.createdAt),
                data.updatedAt == null ? null : Instant.ofEpochMilli(data.updatedAt));
    }
}

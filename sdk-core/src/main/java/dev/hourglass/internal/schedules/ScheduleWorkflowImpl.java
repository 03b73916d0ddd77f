package dev.hourglass.internal.schedules;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule: sleeps until its next fire time or a command, acts on the fire times due (through
 * {@link ScheduleActivities}), and continues as new once its history is long. Everything it decides comes from its
 * state, its history's times and its activity's answers, so it replays.
 */
public final class ScheduleWorkflowImpl implements ScheduleWorkflow {

    /** The history length past which a run continues as new, carrying its state. */
    static final int CONTINUE_AS_NEW_AFTER = 200;
    private static final int RECENT_ACTIONS = 10;
    private static final int UPCOMING_TIMES = 10;
    private static final long FIRST_POLL = 1_000;
    private static final long LONGEST_POLL = 60_000;
    private static final ActivityOptions ACTIVITY = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                    .setBackoffCoefficient(2).setMaximumInterval(Duration.ofMinutes(1)).build())
            .build();

    private final ScheduleActivities activities = Workflow.newActivityStub(ScheduleActivities.class, ACTIVITY);
    private final List<ScheduleCommand> inbox = new ArrayList<>();
    private ScheduleData data;

    @Override
    public void run(String state) {
        data = ScheduleJson.read(state, ScheduleData.class);
        if (data.createdAt == 0) {
            data.createdAt = Workflow.currentTimeMillis();
            data.cursor = data.createdAt;
        }
        inbox.addAll(0, data.initial);
        data.initial.clear();
        while (true) {
            while (!inbox.isEmpty()) {
                apply(inbox.remove(0));
            }
            collectDue(Workflow.currentTimeMillis());
            drain();
            if (inbox.isEmpty() && Workflow.getInfo().getHistoryLength() > CONTINUE_AS_NEW_AFTER) {
                Workflow.continueAsNew(ScheduleJson.write(data));
            }
            long now = Workflow.currentTimeMillis(); // later than before if an action took time
            long wake = nextWake(now);
            if (wake <= now) {
                continue; // fire times came due while acting
            }
            if (wake == FireTimes.NONE) {
                Workflow.await(() -> !inbox.isEmpty());
            } else {
                Workflow.await(Duration.ofMillis(Math.max(1, wake - now)), () -> !inbox.isEmpty());
            }
        }
    }

    @Override
    public void command(String command) {
        inbox.add(ScheduleJson.read(command, ScheduleCommand.class));
    }

    @Override
    public String describe() {
        ScheduleData answer = ScheduleJson.copy(data, ScheduleData.class);
        answer.upcoming = data.paused ? List.of() : FireTimes.upcoming(data, data.cursor,
                data.limited ? (int) Math.min(UPCOMING_TIMES, data.remaining) : UPCOMING_TIMES);
        return ScheduleJson.write(answer);
    }

    private void apply(ScheduleCommand command) {
        long now = Workflow.currentTimeMillis();
        switch (command.kind) {
            case PAUSE -> {
                data.paused = true;
                data.note = command.note;
            }
            case UNPAUSE -> {
                data.paused = false;
                data.note = command.note;
                data.cursor = Math.max(data.cursor, now); // the fire times passed while paused are not caught up
            }
            case TRIGGER -> enqueue(now, now, command.overlap != null ? command.overlap : data.overlap, false);
            case BACKFILL -> {
                for (ScheduleCommand.Range range : command.ranges) {
                    String overlap = range.overlap != null ? range.overlap : data.overlap;
                    for (long nominal = FireTimes.next(data, range.start - 1);
                            nominal != FireTimes.NONE && nominal < range.end; nominal = FireTimes.next(data, nominal)) {
                        enqueue(nominal, nominal, overlap, false);
                    }
                }
            }
            case UPDATE -> {
                ScheduleCodec.applyDefinition(command.schedule, data);
                data.updatedAt = now;
                data.cursor = Math.max(data.cursor, now);
            }
            default -> throw new IllegalStateException("unknown schedule command " + command.kind);
        }
    }

    /** Takes the scheduled fire times due by {@code now}, in order: queued, or counted as missed. */
    private void collectDue(long now) {
        while (true) {
            long nominal = FireTimes.next(data, data.cursor);
            if (nominal == FireTimes.NONE) {
                return;
            }
            long at = nominal + FireTimes.jitter(data.scheduleId, nominal, data.jitter);
            if (at > now) {
                return;
            }
            data.cursor = nominal;
            if (data.paused || (data.limited && data.remaining <= 0)) {
                continue;
            }
            if (data.limited) {
                data.remaining--;
            }
            if (now - at > data.catchupWindow) {
                data.missed++;
                continue;
            }
            enqueue(nominal, at, data.overlap, true);
        }
    }

    /**
     * Queues an action; while another waits for running runs to close, an action that may not wait (SKIP) or may not
     * wait as a second one (BUFFER_ONE) is skipped instead.
     */
    private void enqueue(long nominal, long at, String overlap, boolean catchup) {
        if (!data.queue.isEmpty() && (overlap.equals("SKIP") || (overlap.equals("BUFFER_ONE")
                && data.queue.stream().anyMatch(waiting -> waiting.overlap.equals("BUFFER_ONE"))))) {
            data.skipped++;
            return;
        }
        ScheduleData.Pending pending = new ScheduleData.Pending();
        pending.nominal = nominal;
        pending.at = at;
        pending.overlap = overlap;
        pending.catchup = catchup;
        data.queue.add(pending);
    }

    /** Acts on the queued actions in order, until one has to wait for running runs to close. */
    private void drain() {
        if (data.queue.isEmpty() && !data.running.isEmpty() && data.pauseOnFailure) {
            act(null); // look whether a run failed
        }
        while (!data.queue.isEmpty()) {
            ScheduleData.Pending pending = data.queue.get(0);
            ActResult result = act(pending);
            switch (result.outcome) {
                case STARTED -> record(pending, result);
                case SKIPPED -> data.skipped++;
                case MISSED -> data.missed++;
                default -> {
                    // BUFFERED: it was on time; waiting for the running runs does not make it missed
                    pending.catchup = false;
                    return; // look again after a pause
                }
            }
            data.queue.remove(0);
            data.pollMillis = 0;
        }
    }

    private ActResult act(ScheduleData.Pending pending) {
        ActRequest request = new ActRequest();
        request.running = data.running;
        request.checkOnly = pending == null;
        if (pending != null) {
            request.workflowId = data.workflowIdPrefix + "-" + Instant.ofEpochMilli(pending.nominal);
            request.workflowType = data.workflowType;
            request.taskQueue = data.taskQueue;
            request.arguments = data.arguments;
            request.executionTimeoutMillis = data.executionTimeoutMillis;
            request.at = pending.at;
            request.catchupWindow = pending.catchup ? data.catchupWindow : -1;
            request.overlap = pending.overlap;
        }
        ActResult result = ScheduleJson.read(activities.act(ScheduleJson.write(request)), ActResult.class);
        data.running = result.running;
        if (result.failed != null && data.pauseOnFailure && !data.paused) {
            data.paused = true;
            data.note = "paused because the run " + result.failed + " failed (pause on failure)";
        }
        return result;
    }

    private void record(ScheduleData.Pending pending, ActResult result) {
        data.actions++;
        ScheduleData.Recent recent = new ScheduleData.Recent();
        recent.scheduledAt = pending.at;
        recent.startedAt = result.startedAt;
        recent.workflowId = data.workflowIdPrefix + "-" + Instant.ofEpochMilli(pending.nominal);
        recent.runId = result.runId;
        data.recent.add(recent);
        if (data.recent.size() > RECENT_ACTIONS) {
            data.recent.remove(0);
        }
    }

    /** When to wake next: the next fire time, or sooner to look again at runs an action waits for. */
    private long nextWake(long now) {
        long wake = FireTimes.NONE;
        if (!data.paused && !(data.limited && data.remaining <= 0)) {
            long nominal = FireTimes.next(data, data.cursor);
            if (nominal != FireTimes.NONE) {
                wake = nominal + FireTimes.jitter(data.scheduleId, nominal, data.jitter);
            }
        }
        if (!data.queue.isEmpty()) {
            data.pollMillis = data.pollMillis == 0 ? FIRST_POLL : Math.min(LONGEST_POLL, data.pollMillis * 2);
            wake = Math.min(wake, now + data.pollMillis);
        } else if (data.pauseOnFailure && !data.running.isEmpty()) {
            wake = Math.min(wake, now + LONGEST_POLL);
        }
        return wake;
    }
}

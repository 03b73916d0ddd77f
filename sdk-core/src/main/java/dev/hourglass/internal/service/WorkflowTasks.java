package dev.hourglass.internal.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventType;
import dev.hourglass.service.Command;
import dev.hourglass.service.StartWorkflowRequest;
import dev.hourglass.service.WorkflowTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow tasks of the in-memory service: scheduling one per run at a time, handing it out, recording the
 * commands of a completed task (and closing or continuing the run), and retrying a failed one. Called with the
 * service lock held, except the entry points, which take it.
 */
final class WorkflowTasks {

    private static final Logger log = LoggerFactory.getLogger(WorkflowTasks.class);

    private final InMemoryWorkflowService service;
    private final Activities activities;
    private final ChildWorkflows children;
    private final Map<String, Run> workflowTaskTokens = new HashMap<>();

    WorkflowTasks(InMemoryWorkflowService service, Activities activities, ChildWorkflows children) {
        this.service = service;
        this.activities = activities;
        this.children = children;
    }

    /** Forgets the token of a closing run's task, so that its completion is ignored. */
    void forget(Run run) {
        if (run.taskToken != null) {
            workflowTaskTokens.remove(run.taskToken);
        }
    }

    void schedule(Run run) {
        if (run.taskState != Run.TaskState.IDLE || !run.isOpen()) {
            return;
        }
        run.taskState = Run.TaskState.SCHEDULED;
        service.workStarted();
        TaskQueue queue = service.queue(run.taskQueue);
        queue.workflowItems.add(run);
        service.workQueued(queue, false);
    }

    WorkflowTask poll(String taskQueue, Duration timeout) {
        long remaining = timeout.toNanos();
        service.lock.lock();
        try {
            TaskQueue queue = service.queue(taskQueue);
            while (true) {
                Object item = queue.workflowItems.poll();
                if (item instanceof TaskQueue.QueryItem) {
                    TaskQueue.QueryItem query = (TaskQueue.QueryItem) item;
                    return new WorkflowTask(query.token(), query.run().snapshot(), 0, query.queryType(), query.args());
                }
                if (item instanceof Run) {
                    Run run = (Run) item;
                    if (run.isOpen() && run.taskState == Run.TaskState.SCHEDULED) {
                        return start(run);
                    }
                    continue;
                }
                if (remaining <= 0) {
                    return null;
                }
                remaining = queue.workflowAvailable.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            service.lock.unlock();
        }
    }

    private WorkflowTask start(Run run) {
        run.taskState = Run.TaskState.STARTED;
        String token = service.newToken("wt-");
        run.taskToken = token;
        workflowTaskTokens.put(token, run);
        Duration taskTimeout = service.options.getWorkflowTaskTimeout();
        run.taskTimeout = service.scheduler.schedule(service.now().plus(taskTimeout), () -> {
            service.lock.lock();
            try {
                if (token.equals(run.taskToken) && run.taskState == Run.TaskState.STARTED) {
                    log.warn("workflow task of {} timed out after {}; handing it out again", run.execution(),
                            taskTimeout);
                    end(run);
                    schedule(run);
                }
            } finally {
                service.lock.unlock();
            }
        });
        return new WorkflowTask(token, run.snapshot(), run.completedEventCount, null, null);
    }

    /** Ends the running workflow task and appends what arrived meanwhile; returns whether anything did. */
    private boolean end(Run run) {
        workflowTaskTokens.remove(run.taskToken);
        run.taskToken = null;
        if (run.taskTimeout != null) {
            run.taskTimeout.cancel();
            run.taskTimeout = null;
        }
        run.taskState = Run.TaskState.IDLE;
        service.workEnded();
        List<Run.PendingEvent> pending = new ArrayList<>(run.buffered);
        run.buffered.clear();
        for (Run.PendingEvent event : pending) {
            run.append(event.type(), event.attributes(), service.now());
        }
        return !pending.isEmpty();
    }

    void complete(String taskToken, List<Command> commands) {
        service.lock.lock();
        try {
            Run run = workflowTaskTokens.get(taskToken);
            if (run == null || !run.isOpen()) {
                log.debug("ignoring completion of stale workflow task {}", taskToken);
                return;
            }
            if (!run.buffered.isEmpty() && closesTheRun(commands)) {
                // Events arrived while the task ran (a signal, an activity result): the code has not seen them
                // and may not close the run over them. Nothing of this task is recorded; the next task delivers
                // the new events to code rebuilt from the history, which decides again.
                log.debug("workflow task {} of {} would close the run over {} new event(s): retried with them",
                        taskToken, run.workflowId, run.buffered.size());
                end(run);
                schedule(run);
                return;
            }
            List<Runnable> afterwards = new ArrayList<>();
            EventType closing = null;
            ObjectNode closingAttributes = null;
            for (Command command : commands) {
                if (closing != null) {
                    break;
                }
                closing = applyCommand(run, command, afterwards);
                closingAttributes = command.attributes();
            }
            if (closing != null) {
                if (closing == EventType.WorkflowExecutionContinuedAsNew) {
                    // record the next run first, so that whoever hears of the close can find it
                    continueAsNew(run, closingAttributes);
                }
                service.closeRun(run, closing, closingAttributes);
                afterwards.forEach(Runnable::run);
                return;
            }
            run.completedEventCount = run.events.size();
            boolean more = end(run);
            afterwards.forEach(Runnable::run);
            if (more) {
                schedule(run);
            }
        } finally {
            service.lock.unlock();
        }
    }

    private static boolean closesTheRun(List<Command> commands) {
        for (Command command : commands) {
            if (command.eventType().isClosing()) {
                return true;
            }
        }
        return false;
    }

    /** Records one command; returns its type if it closes the run, else {@code null}. */
    private EventType applyCommand(Run run, Command command, List<Runnable> afterwards) {
        ObjectNode attributes = command.attributes();
        EventType type = command.eventType();
        if (type == EventType.WorkflowExecutionContinuedAsNew) {
            attributes.put("newRunId", service.nextRunId(run.workflowId));
        }
        run.append(type, attributes, service.now());
        switch (type) {
            case ActivityTaskScheduled:
                activities.schedule(run, attributes);
                return null;
            case ActivityTaskCancelRequested:
                afterwards.add(() -> activities.cancel(run, attributes.get("activityId").asText()));
                return null;
            case TimerStarted:
                startTimer(run, attributes.get("timerId").asText(), attributes.get("durationMillis").asLong());
                return null;
            case TimerCanceled:
                Scheduler.Cancellable timer = run.timers.remove(attributes.get("timerId").asText());
                if (timer != null) {
                    timer.cancel();
                }
                return null;
            case StartChildWorkflowExecutionInitiated:
                afterwards.add(() -> children.startChild(run, attributes));
                return null;
            case MarkerRecorded:
                return null;
            default:
                return type;
        }
    }

    private void startTimer(Run run, String timerId, long durationMillis) {
        Instant deadline = service.now().plusMillis(durationMillis);
        run.timers.put(timerId, service.scheduler.schedule(deadline, () -> {
            service.lock.lock();
            try {
                if (run.timers.remove(timerId) != null) {
                    ObjectNode fired = JsonNodeFactory.instance.objectNode();
                    fired.put("timerId", timerId);
                    service.deliverInput(run, EventType.TimerFired, fired);
                }
            } finally {
                service.lock.unlock();
            }
        }));
    }

    private void continueAsNew(Run previous, ObjectNode attributes) {
        StartWorkflowRequest request = new StartWorkflowRequest(previous.workflowId,
                attributes.path("workflowType").asText(previous.workflowType),
                attributes.path("taskQueue").asText(previous.taskQueue), (ArrayNode) attributes.get("input"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null, previous.parentWorkflowId, previous.parentRunId,
                previous.parentChildId);
        Run next = service.startLocked(request, previous.runId, previous.executionDeadline,
                attributes.get("newRunId").asText());
        log.debug("{} continued as new run {}", previous.execution(), next.runId);
    }

    void fail(String taskToken, Throwable failure) {
        service.lock.lock();
        try {
            Run run = workflowTaskTokens.get(taskToken);
            if (run == null || !run.isOpen()) {
                return;
            }
            end(run);
            service.reportTaskFailure(new InMemoryWorkflowService.WorkflowTaskFailure(run.execution(),
                    run.workflowType, failure));
            service.scheduler.schedule(service.now().plus(service.options.getWorkflowTaskRetryInterval()), () -> {
                service.lock.lock();
                try {
                    schedule(run);
                } finally {
                    service.lock.unlock();
                }
            });
        } finally {
            service.lock.unlock();
        }
    }
}

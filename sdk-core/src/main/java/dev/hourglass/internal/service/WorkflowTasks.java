package dev.hourglass.internal.service;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.ActivityTaskCancelRequestedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.RequestCancelChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.internal.spi.CronRuns;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.internal.service.WorkflowTaskLifecycle.Event;
import dev.hourglass.internal.service.WorkflowTaskLifecycle.State;
import dev.hourglass.history.WorkflowExecutionUpdateAcceptedAttributes;
import dev.hourglass.history.WorkflowExecutionUpdateCompletedAttributes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.history.MemoJson;
import dev.hourglass.internal.spi.UpdateRejection;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowTask;
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
 * commands of a completed task (and closing or continuing the run), and retrying a failed one. A run's task
 * moves through {@link WorkflowTaskLifecycle}. Called with the service lock held, except the entry points,
 * which take it.
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

    /** Queues the run's workflow task, unless one is queued or running already (or the run closed). */
    void schedule(Run run) {
        boolean queue = run.task.state() == State.IDLE;
        service.transition(run.task, Event.SCHEDULE);
        if (queue) {
            TaskQueue taskQueue = service.queue(run.taskQueue);
            run.taskRank = service.taskOrder.rank(run.runId, null, ++run.workflowTasksQueued);
            taskQueue.addWorkflowTask(run);
            service.workQueued(taskQueue, false);
        }
    }

    WorkflowTask poll(String taskQueue, Duration timeout) {
        long remaining = timeout.toNanos();
        service.lock.lock();
        try {
            TaskQueue queue = service.queue(taskQueue);
            while (true) {
                service.requireOpen("poll task queue " + taskQueue);
                Object item = queue.takeWorkflowItem(service.taskOrder);
                if (item instanceof TaskQueue.QueryItem) {
                    TaskQueue.QueryItem query = (TaskQueue.QueryItem) item;
                    return new WorkflowTask(query.token(), query.run().snapshot(), 0, query.queryType(), query.args(),
                            service.options.getHistoryLimits());
                }
                if (item instanceof Run) {
                    Run run = (Run) item;
                    if (run.task.state() == State.SCHEDULED) {
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
        service.transition(run.task, Event.START);
        String token = service.newToken("wt-");
        run.taskToken = token;
        workflowTaskTokens.put(token, run);
        Duration taskTimeout = service.options.getWorkflowTaskTimeout();
        run.taskTimeout = service.scheduler.schedule(service.now().plus(taskTimeout), () -> {
            service.lock.lock();
            try {
                if (token.equals(run.taskToken) && run.task.state() == State.STARTED) {
                    log.warn("workflow task of {} timed out after {}; handing it out again", run.execution(),
                            taskTimeout);
                    end(run, Event.TIME_OUT);
                    schedule(run);
                }
            } finally {
                service.lock.unlock();
            }
        });
        return new WorkflowTask(token, run.snapshot(), run.completedEventCount, null, null,
                service.options.getHistoryLimits(), run.updates.deliver(token));
    }

    /** Ends the running workflow task and appends what arrived meanwhile; returns whether anything did. */
    private boolean end(Run run, Event event) {
        workflowTaskTokens.remove(run.taskToken);
        run.taskToken = null;
        if (run.taskTimeout != null) {
            run.taskTimeout.cancel();
            run.taskTimeout = null;
        }
        service.transition(run.task, event);
        List<EventAttributes> pending = new ArrayList<>(run.buffered);
        run.buffered.clear();
        for (EventAttributes arrived : pending) {
            run.append(arrived, service.now());
        }
        return service.enforceHistoryLimits(run) && !pending.isEmpty();
    }

    void complete(String taskToken, List<Command> commands) {
        service.lock.lock();
        try {
            Run run = workflowTaskTokens.get(taskToken);
            if (run == null || !run.isOpen() || service.isClosed()) {
                log.debug("ignoring completion of stale workflow task {}", taskToken);
                return;
            }
            if (!run.buffered.isEmpty() && closesTheRun(commands)) {
                // Events arrived while the task ran (a signal, an activity result): the code has not seen them
                // and may not close the run over them. Nothing of this task is recorded; the next task delivers
                // the new events to code rebuilt from the history, which decides again.
                log.debug("workflow task {} of {} would close the run over {} new event(s): retried with them",
                        taskToken, run.workflowId, run.buffered.size());
                end(run, Event.FAIL);
                schedule(run);
                return;
            }
            List<Runnable> afterwards = new ArrayList<>();
            EventAttributes closing = null;
            for (Command command : commands) {
                closing = apply(run, command.attributes(), afterwards);
                if (closing != null) {
                    break;
                }
            }
            if (closing != null) {
                // record the next run first, so that whoever hears of the close can find it
                if (closing instanceof WorkflowExecutionContinuedAsNewAttributes) {
                    continueAsNew(run, (WorkflowExecutionContinuedAsNewAttributes) closing);
                } else if (CronRuns.continuesChain(run.started(), closing)) {
                    nextOfChain(run, closing);
                }
                service.closeRun(run, closing);
                afterwards.forEach(Runnable::run);
                return;
            }
            run.completedEventCount = run.events.size();
            boolean more = end(run, Event.COMPLETE) | run.updates.undeliveredAfter(taskToken);
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

    /** Records one command and arms what it asks for; returns the recorded attributes if they close the run. */
    private EventAttributes apply(Run run, EventAttributes command, List<Runnable> afterwards) {
        if (command instanceof WorkflowExecutionContinuedAsNewAttributes) {
            WorkflowExecutionContinuedAsNewAttributes next = (WorkflowExecutionContinuedAsNewAttributes) command;
            command = new WorkflowExecutionContinuedAsNewAttributes(service.nextRunId(run.workflowId), next.input(),
                    next.workflowType(), next.taskQueue());
        }
        if (CronRuns.continuesChain(run.started(), command)) {
            command = CronRuns.naming(command, service.nextRunId(run.workflowId));
        }
        run.append(command, service.now());
        if (command instanceof ActivityTaskScheduledAttributes) {
            activities.schedule(run, (ActivityTaskScheduledAttributes) command);
        } else if (command instanceof ActivityTaskCancelRequestedAttributes) {
            String activityId = ((ActivityTaskCancelRequestedAttributes) command).activityId();
            afterwards.add(() -> activities.cancel(run, activityId));
        } else if (command instanceof WorkflowExecutionUpdateAcceptedAttributes accepted) {
            run.updates.accepted(accepted);
        } else if (command instanceof WorkflowExecutionUpdateCompletedAttributes completed) {
            run.updates.completed(completed);
        } else if (command instanceof TimerStartedAttributes) {
            startTimer(run, (TimerStartedAttributes) command);
        } else if (command instanceof TimerCanceledAttributes) {
            Scheduler.Cancellable timer = run.timers.remove(((TimerCanceledAttributes) command).timerId());
            if (timer != null) {
                timer.cancel();
            }
        } else if (command instanceof StartChildWorkflowExecutionInitiatedAttributes) {
            StartChildWorkflowExecutionInitiatedAttributes child =
                    (StartChildWorkflowExecutionInitiatedAttributes) command;
            afterwards.add(() -> children.startChild(run, child));
        } else if (command instanceof RequestCancelChildWorkflowExecutionInitiatedAttributes) {
            String childId = ((RequestCancelChildWorkflowExecutionInitiatedAttributes) command).childId();
            afterwards.add(() -> children.requestCancelOfChild(run, childId));
        }
        return command.eventType().isClosing() ? command : null;
    }

    private void startTimer(Run run, TimerStartedAttributes timer) {
        String timerId = timer.timerId();
        Instant deadline = service.now().plus(timer.duration());
        run.timers.put(timerId, service.scheduler.schedule(deadline, () -> {
            service.lock.lock();
            try {
                if (run.timers.remove(timerId) != null) {
                    service.deliverInput(run, new TimerFiredAttributes(timerId));
                }
            } finally {
                service.lock.unlock();
            }
        }));
    }

    private void continueAsNew(Run previous, WorkflowExecutionContinuedAsNewAttributes next) {
        StartWorkflowRequest request = new StartWorkflowRequest(previous.workflowId,
                next.workflowType() != null ? next.workflowType() : previous.workflowType,
                next.taskQueue() != null ? next.taskQueue() : previous.taskQueue, next.input(),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null, previous.parentWorkflowId, previous.parentRunId,
                previous.parentChildId).withCron(previous.started().cronSchedule(),
                previous.started().lastCompletionResult())
                .withSearchAttributesAndMemo(previous.searchAttributes, MemoJson.current(previous.events));
        Run run = service.startLocked(request, previous.runId, previous.executionDeadline, next.newRunId());
        // updates the old run never accepted are answered by the new one, whose first task delivers them
        previous.updates.carryOver(run);
        log.debug("{} continued as new run {}", previous.execution(), run.runId);
    }

    /** Starts the next run of the cron schedule of {@code previous}, which closed just now with {@code closing}. */
    private void nextOfChain(Run previous, EventAttributes closing) {
        StartWorkflowRequest request = CronRuns.next(previous.workflowId, previous.started(), previous.parentChildId,
                closing, service.now());
        String runId = closing instanceof WorkflowExecutionCompletedAttributes completed
                ? completed.newExecutionRunId() : ((WorkflowExecutionFailedAttributes) closing).newExecutionRunId();
        Run run = service.startLocked(request, previous.runId, previous.executionDeadline, runId);
        log.debug("{} closed; the next run of its cron schedule is {}", previous.execution(), run.runId);
    }

    /** Rejects updates the workflow task of {@code taskToken} delivered; ignored for a stale token. */
    void reject(String taskToken, List<UpdateRejection> rejections) {
        service.lock.lock();
        try {
            Run run = workflowTaskTokens.get(taskToken);
            if (run != null && run.isOpen()) {
                run.updates.rejected(rejections);
            }
        } finally {
            service.lock.unlock();
        }
    }

    void fail(String taskToken, Throwable failure) {
        service.lock.lock();
        try {
            Run run = workflowTaskTokens.get(taskToken);
            if (run == null || !run.isOpen() || service.isClosed()) {
                return;
            }
            end(run, Event.FAIL);
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

package dev.hourglass.testing.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.spi.ActivityTask;
import dev.hourglass.testing.faults.Fault;
import dev.hourglass.testing.faults.FaultPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the faults of a {@link FaultPlan} happen, between the environment's workers and its service: it sees
 * every activity attempt a worker polls, every outcome it reports and every workflow task it completes. An
 * environment without faults has no injector, so its calls pay nothing for this.
 *
 * <ul>
 *   <li>An attempt to fail is failed in the worker's place as soon as it is polled; its implementation never
 *       runs. The service then treats the failure as any other (retry policy, history).
 *   <li>An attempt to time out is started and never handed to the worker; it stops holding the clock, so virtual
 *       time reaches its start-to-close (or heartbeat) timeout.
 *   <li>An attempt to delay is started, stops holding the clock, and is handed to the worker when the delay has
 *       passed, if it is still the current attempt then: the delay counts against its timeouts.
 *   <li>An attempt whose completion is lost runs; its outcome is dropped and it stops holding the clock, so it
 *       times out as above.
 *   <li>A worker crash after the n-th completed workflow task evicts every cached execution and loses the
 *       outcome of every attempt queued or running at that moment, which the crashed worker held.
 *   <li>A signal of the plan is a deadline of the scheduler, so it takes its place among the other deadlines of
 *       its instant in the seeded tie order; it is dropped if its workflow is not running then.
 * </ul>
 *
 * <p>Everything happens on the driver thread or under the service lock, in the order the scheduler decides, so
 * that the same seed and plan give the same run.
 */
final class FaultInjector {

    /** The failure type of an attempt failed by {@link Fault.Kind#FAIL_ACTIVITY}. */
    static final String INJECTED_FAILURE_TYPE = "InjectedFault";

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

    private final InMemoryWorkflowService service;
    private final VirtualScheduler scheduler;
    private final VirtualClock clock;
    private final Runnable evictCachedExecutions;
    /** The activity faults by activity type, then attempt. */
    private final Map<String, Map<Integer, Fault>> activityFaults = new HashMap<>();
    /** The workflow tasks (counted from 1) after which the worker crashes. */
    private final Set<Integer> crashes = new HashSet<>();
    /** Guards the fields below: workers report outcomes from the threads their attempts run on. */
    private final Object lock = new Object();
    /** Tokens of attempts whose outcome is dropped when it is reported. */
    private final Set<String> lostOutcomes = new HashSet<>();
    /** Delayed attempts whose delay is over, by task queue, in the order their delays ended. */
    private final Map<String, ArrayDeque<ActivityTask>> delayedReady = new LinkedHashMap<>();
    private int completedWorkflowTasks;

    FaultInjector(FaultPlan plan, InMemoryWorkflowService service, VirtualScheduler scheduler, VirtualClock clock,
            PayloadConverter converter, Runnable evictCachedExecutions) {
        this.service = service;
        this.scheduler = scheduler;
        this.clock = clock;
        this.evictCachedExecutions = evictCachedExecutions;
        for (Fault fault : plan.getFaults()) {
            switch (fault.getKind()) {
                case CRASH_WORKER_AFTER_WORKFLOW_TASK:
                    crashes.add(fault.getWorkflowTask());
                    break;
                case SIGNAL_AT:
                    scheduleSignal(fault, converter);
                    break;
                default:
                    activityFaults.computeIfAbsent(fault.getActivityType(), type -> new HashMap<>())
                            .put(fault.getAttempt(), fault);
            }
        }
    }

    /**
     * Polls the service for an attempt to hand to a worker of {@code taskQueue}, applying the plan: returns a
     * delayed attempt whose delay is over first, and takes the attempts the plan fails, times out or delays out
     * of the worker's hands. Returns {@code null} when nothing is left for the worker. The service records
     * {@code identity}, the polling worker's, on the attempts it hands out.
     */
    ActivityTask pollActivityTask(String taskQueue, String identity, Duration timeout) {
        synchronized (lock) {
            ArrayDeque<ActivityTask> ready = delayedReady.get(taskQueue);
            if (ready != null && !ready.isEmpty()) {
                return ready.poll();
            }
        }
        while (true) {
            ActivityTask task = service.pollActivityTask(taskQueue, identity, timeout);
            if (task == null) {
                return null;
            }
            synchronized (lock) {
                if (lostOutcomes.contains(task.taskToken())) {
                    return task; // queued when the worker crashed: it runs, and its outcome is lost
                }
            }
            Map<Integer, Fault> byAttempt = activityFaults.get(task.activityType());
            Fault fault = byAttempt == null ? null : byAttempt.get(task.attempt());
            if (fault == null) {
                return task;
            }
            if (apply(fault, task)) {
                return task;
            }
        }
    }

    /** Applies an activity fault to a polled attempt; returns whether the worker gets the attempt now. */
    private boolean apply(Fault fault, ActivityTask task) {
        String token = task.taskToken();
        switch (fault.getKind()) {
            case FAIL_ACTIVITY:
                service.failActivityTask(token, failure(ApplicationFailure.newFailure(message(fault, task),
                        INJECTED_FAILURE_TYPE)));
                return false;
            case FAIL_ACTIVITY_NON_RETRYABLE:
                service.failActivityTask(token, failure(ApplicationFailure.newNonRetryableFailure(
                        message(fault, task), fault.getFailureType())));
                return false;
            case TIME_OUT_ACTIVITY:
                service.setActivityAttemptHoldsClock(token, false);
                return false;
            case DELAY_ACTIVITY:
                service.setActivityAttemptHoldsClock(token, false);
                Instant startAt = clock.instant().plus(fault.getDelay());
                scheduler.schedule(startAt, () -> delayOver(task));
                return false;
            case LOSE_ACTIVITY_COMPLETION:
                synchronized (lock) {
                    lostOutcomes.add(token);
                }
                return true;
            default:
                throw new IllegalStateException("not an activity fault: " + fault);
        }
    }

    /** Called when the delay of an attempt is over: hands it to its worker if it is still the current attempt. */
    private void delayOver(ActivityTask task) {
        if (!service.setActivityAttemptHoldsClock(task.taskToken(), true)) {
            log.debug("activity {} attempt {} of {} timed out or closed during its injected delay; it does not run",
                    task.activityType(), task.attempt(), task.workflowId());
            return;
        }
        synchronized (lock) {
            delayedReady.computeIfAbsent(task.taskQueue(), queue -> new ArrayDeque<>()).add(task);
        }
        scheduler.wake();
    }

    private static String message(Fault fault, ActivityTask task) {
        return "attempt " + task.attempt() + " of activity " + task.activityType() + " failed: injected by the"
                + " fault plan (" + fault + ")";
    }

    /** The failure as the worker would report it, without a stack trace, which would say nothing here. */
    private static Payload failure(ApplicationFailure failure) {
        ObjectNode json = FailureConverter.toJson(failure);
        json.put("stackTrace", "");
        return JsonPayload.of(json);
    }

    /**
     * Returns whether the outcome a worker reports for the attempt of {@code token} is lost; if so, the attempt
     * stops holding the clock, so that virtual time reaches its timeout.
     */
    boolean losesOutcome(String token) {
        synchronized (lock) {
            if (!lostOutcomes.remove(token)) {
                return false;
            }
        }
        service.setActivityAttemptHoldsClock(token, false);
        return true;
    }

    /** Called after a worker completed a workflow task: counts it, and crashes the worker after the planned one. */
    void workflowTaskCompleted() {
        int completed;
        synchronized (lock) {
            completed = ++completedWorkflowTasks;
        }
        if (!crashes.contains(completed)) {
            return;
        }
        Set<String> inProgress = service.activityAttemptsInProgress();
        synchronized (lock) {
            lostOutcomes.addAll(inProgress);
        }
        evictCachedExecutions.run();
        log.debug("the worker crashed after workflow task {} as the fault plan says: cached executions evicted,"
                + " {} activity attempt(s) lost", completed, inProgress.size());
    }

    private void scheduleSignal(Fault fault, PayloadConverter converter) {
        Payload input = JsonPayload.of(converter.toJsonArray(fault.getSignalArgs().toArray(),
                "the arguments of " + fault));
        Instant at = clock.instant().plus(fault.getAt());
        scheduler.schedule(at, () -> {
            try {
                service.signalWorkflow(fault.getWorkflowId(), null, fault.getSignalName(), input);
            } catch (WorkflowNotFoundException e) {
                log.debug("{} found no running workflow at {}; nothing signaled", fault, at);
            }
        });
    }
}

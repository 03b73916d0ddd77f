package dev.hourglass.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.Payload;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.internal.activity.ActivityContextHolder;
import dev.hourglass.internal.activity.ActivityTaskContext;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.LocalActivityNotRegisteredException;
import dev.hourglass.internal.replay.LocalActivityRunner;
import dev.hourglass.internal.spi.ActivityHeartbeatResponse;
import dev.hourglass.internal.spi.ActivityTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the attempts of local activities for one workflow task, on the worker's local activity threads.
 *
 * <p>Each attempt runs on a thread of {@code threads} (never on a workflow thread) while the task's thread waits,
 * at most the attempt's start-to-close timeout (and what is left of the schedule-to-close timeout): an attempt
 * still running then is interrupted and fails with a {@link TimeoutFailure}. A failed attempt is retried here,
 * after sleeping its backoff, while the time since the workflow's call plus the backoff stays under the local
 * retry threshold and the task has time left; otherwise the outcome asks the workflow to wait for the backoff on a
 * timer. The task has time for local activities until its deadline, half the service's workflow task timeout after
 * the task began: an activity that has not started by then is deferred to the next task (a 1 ms timer), so that a
 * task with many or slow local activities completes before the service times it out. A single attempt longer than
 * the workflow task timeout cannot be split this way: local activities are for short work.
 *
 * <p>On virtual time (the test environment), the time an attempt takes does not count, as virtual time stands still
 * while activity code runs: no call is deferred, and every retry waits for its backoff on a workflow timer, in
 * virtual time. What the history records then depends on the code and the seed alone, never on how fast the machine
 * is.
 */
final class LocalActivityAttempts implements LocalActivityRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalActivityAttempts.class);

    /** How long the waiting thread sleeps between two signs of life to the deadlock detector, in milliseconds. */
    private static final long KEEP_ALIVE_MILLIS = 20;

    /** The timer that carries a deferred local activity over to the next workflow task. */
    static final Duration DEFERRAL = Duration.ofMillis(1);

    /** How one attempt ended: with its result, or with its failure ({@code result} then {@code null}). */
    private record Attempt(Payload result, Throwable failure) {
    }

    private final Map<String, ActivityTaskHandler.ActivityImplementation> activities;
    private final PayloadConverter converter;
    private final ExecutorService threads;
    private final long deadlineNanos;
    private final boolean virtualTime;
    private final List<WorkerInterceptor> interceptors;

    /**
     * @param activities the worker's activities by type
     * @param converter converts arguments and results
     * @param threads runs the attempts
     * @param deadlineNanos the {@link System#nanoTime()} after which no further attempt starts in this task
     * @param virtualTime whether the worker runs on virtual time, which stands still while activities run
     * @param interceptors the worker interceptors each attempt runs through, the first the outermost
     */
    LocalActivityAttempts(Map<String, ActivityTaskHandler.ActivityImplementation> activities,
            PayloadConverter converter, ExecutorService threads, long deadlineNanos, boolean virtualTime,
            List<WorkerInterceptor> interceptors) {
        this.virtualTime = virtualTime;
        this.interceptors = interceptors;
        this.activities = activities;
        this.converter = converter;
        this.threads = threads;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public Outcome run(Request request, Runnable keepAlive) {
        ActivityTaskHandler.ActivityImplementation implementation = activities.getOrDefault(request.activityType(),
                activities.get(ActivityTaskHandler.DYNAMIC_TYPE));
        if (implementation == null) {
            throw new LocalActivityNotRegisteredException(request.activityType(), request.taskQueue(),
                    activities.keySet());
        }
        RetryPolicy policy = request.options().getRetryPolicy() != null ? request.options().getRetryPolicy()
                : RetryPolicy.getDefaultInstance();
        Duration scheduleToClose = request.options().getScheduleToCloseTimeout();
        long began = System.nanoTime();
        int attempt = request.attempt();
        if (!virtualTime && began - deadlineNanos >= 0) {
            return new Outcome(attempt, false, null, null, DEFERRAL, true);
        }
        while (true) {
            Duration sinceCall = sinceCall(request, began);
            Duration limit = request.options().getStartToCloseTimeout();
            TimeoutType limitType = TimeoutType.START_TO_CLOSE;
            if (scheduleToClose != null && (limit == null || scheduleToClose.minus(sinceCall).compareTo(limit) < 0)) {
                limit = scheduleToClose.minus(sinceCall);
                limitType = TimeoutType.SCHEDULE_TO_CLOSE;
            }
            Attempt outcome = runAttempt(implementation, request, attempt, limit, limitType, keepAlive);
            if (outcome.failure() == null) {
                return new Outcome(attempt, true, outcome.result(), null, null, false);
            }
            Throwable failure = outcome.failure();
            JsonNode failureJson = FailureConverter.toJson(failure, converter);
            boolean retryable = !(failure instanceof TimeoutFailure
                    && ((TimeoutFailure) failure).getTimeoutType() == TimeoutType.SCHEDULE_TO_CLOSE)
                    && policy.isRetryable(FailureConverter.failureType(failureJson),
                            failureJson.path("nonRetryable").asBoolean(), attempt);
            Duration backoff = policy.backoffAfterAttempt(attempt);
            Duration elapsed = sinceCall(request, began);
            if (!retryable || (scheduleToClose != null && elapsed.plus(backoff).compareTo(scheduleToClose) >= 0)) {
                return new Outcome(attempt, false, null, JsonPayload.of(failureJson), null, false);
            }
            boolean inThreshold = elapsed.plus(backoff).compareTo(request.options().getLocalRetryThreshold()) < 0;
            boolean inTask = !virtualTime && System.nanoTime() + backoff.toNanos() - deadlineNanos < 0;
            if (!inThreshold || !inTask) {
                return new Outcome(attempt, false, null, JsonPayload.of(failureJson), backoff, false);
            }
            log.debug("local activity {} attempt {} of {} failed; retrying in {} within the workflow task",
                    request.activityType(), attempt, request.workflowId(), backoff);
            sleep(backoff, keepAlive);
            attempt++;
        }
    }

    /** The time since the workflow's call: workflow time up to this task, then the time spent in it. */
    private Duration sinceCall(Request request, long began) {
        Duration beforeTask = Duration.ofMillis(
                Math.max(0, request.workflowTimeMillis() - request.scheduledTimeMillis()));
        return virtualTime ? beforeTask : beforeTask.plusNanos(System.nanoTime() - began);
    }

    /** Runs one attempt on a local activity thread, waiting at most {@code limit}. */
    private Attempt runAttempt(ActivityTaskHandler.ActivityImplementation implementation, Request request,
            int attempt, Duration limit, TimeoutType limitType, Runnable keepAlive) {
        ActivityTask task = new ActivityTask("local/" + request.runId() + "/" + request.activityId() + "/" + attempt,
                request.workflowId(), request.runId(), request.workflowType(), request.activityId(),
                request.activityType(), request.taskQueue(), request.input(), attempt,
                Instant.ofEpochMilli(request.scheduledTimeMillis()), null, null);
        ActivityTaskContext context = new ActivityTaskContext(task, (details, encoded) ->
                ActivityHeartbeatResponse.CONTINUE, "its workflow canceled it", () -> false, converter, true);
        Future<Payload> running = threads.submit(() -> {
            ActivityContextHolder.set(context);
            try {
                Object[] args = implementation.arguments(task, converter);
                Object result = ActivityInterceptors.invoke(interceptors, context, implementation, args);
                if (context.isDoNotCompleteOnReturn()) {
                    throw ApplicationFailure.newNonRetryableFailure("local activity " + request.activityType()
                            + " called doNotCompleteOnReturn(), but a local activity cannot be completed from"
                            + " outside the worker: its outcome is recorded in the workflow task that called it."
                            + " Make it a regular activity (Workflow.newActivityStub) to complete it asynchronously",
                            "LocalActivityAsyncCompletion");
                }
                return JsonPayload.of(converter.toJson(result, "the result of local activity ",
                        request.activityType()));
            } finally {
                ActivityContextHolder.clear();
            }
        });
        long deadline = System.nanoTime() + Math.max(0, limit.toNanos());
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                running.cancel(true);
                return new Attempt(null, new TimeoutFailure("local activity " + request.activityType() + " attempt "
                        + attempt + " ran longer than its " + limitType + " timeout of " + limit
                        + "; it was interrupted", null, limitType));
            }
            try {
                return new Attempt(running.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(KEEP_ALIVE_MILLIS)),
                        TimeUnit.NANOSECONDS), null);
            } catch (TimeoutException e) {
                keepAlive.run();
            } catch (ExecutionException e) {
                log.debug("local activity {} attempt {} of {} failed", request.activityType(), attempt,
                        request.workflowId(), e.getCause());
                return new Attempt(null, e.getCause());
            } catch (InterruptedException e) {
                running.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while local activity " + request.activityType()
                        + " ran; the workflow task is abandoned and will be retried", e);
            }
        }
    }

    private static void sleep(Duration backoff, Runnable keepAlive) {
        long until = System.nanoTime() + backoff.toNanos();
        try {
            for (long left = backoff.toNanos(); left > 0; left = until - System.nanoTime()) {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(KEEP_ALIVE_MILLIS)));
                keepAlive.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a local activity waited for its next attempt; the"
                    + " workflow task is abandoned and will be retried", e);
        }
    }
}

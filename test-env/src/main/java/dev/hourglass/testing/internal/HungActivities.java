package dev.hourglass.testing.internal;

import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.spi.ActivityTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the running activity attempts of one environment in real time. Activity code runs at frozen virtual
 * time and the clock waits for it, so an attempt that hangs would stop the clock for good. An attempt that has
 * a heartbeat timeout and shows no progress (no heartbeat, no outcome) for the threshold stops holding the
 * clock: virtual time can then reach its heartbeat timeout, and the service times it out and retries it as in
 * production. A heartbeat puts it back on the clock. An attempt without a heartbeat timeout keeps holding the
 * clock; a warning names it once, so a test that seems stuck says why.
 */
final class HungActivities {

    private static final Logger log = LoggerFactory.getLogger(HungActivities.class);

    private final InMemoryWorkflowService service;
    private final long thresholdNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Attempt> running = new LinkedHashMap<>();

    private static final class Attempt {
        final ActivityTask task;
        long lastProgressNanos;
        boolean released;
        boolean warned;

        Attempt(ActivityTask task, long now) {
            this.task = task;
            this.lastProgressNanos = now;
        }
    }

    HungActivities(InMemoryWorkflowService service, Duration threshold, LongSupplier nanoTime) {
        this.service = service;
        this.thresholdNanos = threshold.toNanos();
        this.nanoTime = nanoTime;
    }

    synchronized void started(ActivityTask task) {
        if (task != null) {
            running.put(task.taskToken(), new Attempt(task, nanoTime.getAsLong()));
        }
    }

    /**
     * Records a heartbeat; an attempt that had been let go of holds the clock again. The service is called
     * under this object's monitor, so that letting go and taking back cannot cross (the service never calls
     * back into this object under its own lock).
     */
    synchronized void progressed(String taskToken) {
        Attempt attempt = running.get(taskToken);
        if (attempt == null) {
            return;
        }
        attempt.lastProgressNanos = nanoTime.getAsLong();
        if (attempt.released) {
            attempt.released = false;
            service.setActivityAttemptHoldsClock(taskToken, true);
        }
    }

    synchronized void ended(String taskToken) {
        running.remove(taskToken);
    }

    /** Lets go of the attempts that have been quiet past the threshold; called now and then. */
    synchronized void check() {
        long now = nanoTime.getAsLong();
        List<String> gone = new ArrayList<>();
        for (Attempt attempt : running.values()) {
            if (attempt.released || now - attempt.lastProgressNanos < thresholdNanos) {
                continue;
            }
            ActivityTask task = attempt.task;
            if (task.heartbeatTimeout() == null) {
                if (!attempt.warned) {
                    attempt.warned = true;
                    log.warn("activity {} (id {}, attempt {}) of workflow {} has run for {} ms of real time while"
                            + " virtual time waits for it. Activity code runs at frozen virtual time: an attempt"
                            + " that blocks stops the clock until it returns. Give it a heartbeat timeout (a"
                            + " quiet attempt then times out in virtual time), or replace it with a mock.",
                            task.activityType(), task.activityId(), task.attempt(), task.workflowId(),
                            Duration.ofNanos(now - attempt.lastProgressNanos).toMillis());
                }
                continue;
            }
            log.debug("activity {} (id {}, attempt {}) of workflow {} shows no progress; virtual time may move on"
                    + " to its heartbeat timeout", task.activityType(), task.activityId(), task.attempt(),
                    task.workflowId());
            attempt.released = true;
            if (!service.setActivityAttemptHoldsClock(task.taskToken(), false)) {
                gone.add(task.taskToken());
            }
        }
        gone.forEach(running::remove);
    }
}

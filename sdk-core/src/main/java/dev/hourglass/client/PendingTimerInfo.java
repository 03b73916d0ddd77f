package dev.hourglass.client;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A timer of an open run that has neither fired nor been canceled, as {@link WorkflowStub#describe()} reports
 * it: {@code Workflow.sleep}, {@code Workflow.newTimer} and the timeout of {@code Workflow.await} start one.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PendingTimerInfo {

    private final String timerId;
    private final Instant fireTime;

    /**
     * Creates the information of a pending timer.
     *
     * @param timerId the timer id within its run; never {@code null}
     * @param fireTime when it fires, in the service's time; never {@code null}
     * @throws NullPointerException if a value is {@code null}
     */
    public PendingTimerInfo(String timerId, Instant fireTime) {
        this.timerId = Objects.requireNonNull(timerId, "timerId");
        this.fireTime = Objects.requireNonNull(fireTime, "fireTime");
    }

    /**
     * Returns the timer id within its run.
     *
     * @return the timer id; never {@code null}
     */
    public String getTimerId() {
        return timerId;
    }

    /**
     * Returns when the timer fires, in the service's time (virtual time in a test environment).
     *
     * @return the fire time; never {@code null}
     */
    public Instant getFireTime() {
        return fireTime;
    }

    @Override
    public String toString() {
        return "timer " + timerId + " fires at " + fireTime;
    }
}

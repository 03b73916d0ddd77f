package dev.hourglass.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An activity of an open run that has not closed yet, as {@link WorkflowStub#describe()} reports it: which
 * attempt it is at and how the previous one failed.
 *
 * <p>Instances are immutable snapshots; services create them, applications read them.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PendingActivityInfo {

    private final String activityId;
    private final String activityType;
    private final PendingActivityState state;
    private final int attempt;
    private final Instant scheduledTime;
    private final Instant nextAttemptTime;
    private final String lastFailureType;
    private final String lastFailureMessage;

    /**
     * Creates the information of a pending activity.
     *
     * @param activityId the activity id within its run; never {@code null}
     * @param activityType the activity type; never {@code null}
     * @param state whether an attempt runs; never {@code null}
     * @param attempt the attempt running or waiting for a worker, or the next one while backing off; from 1
     * @param scheduledTime when the workflow scheduled the activity; never {@code null}
     * @param nextAttemptTime when the next attempt is queued, while the activity backs off after a failed
     *     attempt; else {@code null}
     * @param lastFailureType the failure type of the last failed attempt, or {@code null} if none failed
     * @param lastFailureMessage the message of the last failed attempt, or {@code null} if none failed
     * @throws NullPointerException if a value that must not be {@code null} is
     * @throws IllegalArgumentException if {@code attempt} is less than 1
     */
    public PendingActivityInfo(String activityId, String activityType, PendingActivityState state, int attempt,
            Instant scheduledTime, Instant nextAttemptTime, String lastFailureType, String lastFailureMessage) {
        this.activityId = Objects.requireNonNull(activityId, "activityId");
        this.activityType = Objects.requireNonNull(activityType, "activityType");
        this.state = Objects.requireNonNull(state, "state");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        this.attempt = attempt;
        this.scheduledTime = Objects.requireNonNull(scheduledTime, "scheduledTime");
        this.nextAttemptTime = nextAttemptTime;
        this.lastFailureType = lastFailureType;
        this.lastFailureMessage = lastFailureMessage;
    }

    /**
     * Returns the activity id within its run.
     *
     * @return the activity id; never {@code null}
     */
    public String getActivityId() {
        return activityId;
    }

    /**
     * Returns the activity type.
     *
     * @return the activity type; never {@code null}
     */
    public String getActivityType() {
        return activityType;
    }

    /**
     * Returns whether a worker runs an attempt now.
     *
     * @return the state; never {@code null}
     */
    public PendingActivityState getState() {
        return state;
    }

    /**
     * Returns the attempt running or waiting for a worker, or, while the activity backs off after a failure, the
     * attempt that comes next.
     *
     * @return the attempt, from 1
     */
    public int getAttempt() {
        return attempt;
    }

    /**
     * Returns when the workflow scheduled the activity, in the service's time.
     *
     * @return the time; never {@code null}
     */
    public Instant getScheduledTime() {
        return scheduledTime;
    }

    /**
     * Returns when the next attempt is queued, while the activity backs off after a failed attempt.
     *
     * @return the time, or empty when no backoff is under way; never {@code null}
     */
    public Optional<Instant> getNextAttemptTime() {
        return Optional.ofNullable(nextAttemptTime);
    }

    /**
     * Returns the failure type of the last failed attempt: an {@code ApplicationFailure}'s type, the class name of
     * another exception, or {@code "TimeoutFailure"} for an attempt that timed out.
     *
     * @return the failure type, or empty if no attempt failed; never {@code null}
     */
    public Optional<String> getLastFailureType() {
        return Optional.ofNullable(lastFailureType);
    }

    /**
     * Returns the message of the last failed attempt.
     *
     * @return the message, or empty if no attempt failed; never {@code null}
     */
    public Optional<String> getLastFailureMessage() {
        return Optional.ofNullable(lastFailureMessage);
    }

    @Override
    public String toString() {
        return "activity " + activityType + " (id " + activityId + ") " + state + ", attempt " + attempt
                + (nextAttemptTime == null ? "" : ", next attempt at " + nextAttemptTime)
                + (lastFailureType == null ? "" : ", last failure " + lastFailureType + ": " + lastFailureMessage);
    }
}

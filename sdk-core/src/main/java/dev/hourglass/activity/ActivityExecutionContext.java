package dev.hourglass.activity;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Gives activity code access to its attempt and lets it report progress.
 *
 * <p>Obtain it with {@link Activity#getExecutionContext()} on the thread that runs the activity method.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ActivityExecutionContext {

    /**
     * Returns information about the running attempt.
     *
     * @return the activity information, never {@code null}
     */
    ActivityInfo getInfo();

    /**
     * Records progress and resets the heartbeat timeout.
     *
     * <p>If this attempt fails or times out, the next attempt can read {@code details} with
     * {@link #getHeartbeatDetails(Class)} to resume where this one stopped.
     *
     * <p>Heartbeating is also how an activity learns that it should stop: the call throws a subclass of
     * {@link dev.hourglass.client.ActivityCompletionException}, which the activity should let propagate (after cleaning up).
     *
     * @param details progress to record, serialisable to JSON; may be {@code null}
     * @throws dev.hourglass.client.ActivityCanceledException if cancellation of the activity was requested; propagated, it reports
     *     the activity canceled
     * @throws dev.hourglass.client.ActivityNotExistsException if the attempt is no longer known (it timed out, its activity was closed,
     *     or its workflow run closed): its result would be ignored
     * @throws dev.hourglass.client.ActivityWorkerShutdownException if the worker running the attempt is shutting down (the heartbeat
     *     was recorded); propagated, it fails the attempt, which is retried by its retry policy
     */
    void heartbeat(Object details);

    /**
     * Returns the details of the last heartbeat recorded by a previous attempt of this activity.
     *
     * @param type the class to deserialise the details into; must not be {@code null}
     * @param <T> the type of the details
     * @return the details, or an empty optional on the first attempt or if no previous attempt heartbeated
     *     with details
     */
    <T> Optional<T> getHeartbeatDetails(Class<T> type);
}

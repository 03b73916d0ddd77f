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

    /**
     * Returns the opaque token of this attempt, for completing it later through an
     * {@link dev.hourglass.client.ActivityCompletionClient}.
     *
     * <p>The token names this attempt alone: once it ends (completed, failed, timed out and retried as a new attempt
     * with a new token, or its workflow run closed), the token is stale and answers with it are refused. A token of a
     * durable store (SQLite, PostgreSQL) is made of what the store keeps, so it can be saved and used from any process
     * that opens the same store, also after a restart; one of the in-memory service only works within that service.
     *
     * @return a new copy of the token; never {@code null}
     * @since 0.1
     */
    byte[] getTaskToken();

    /**
     * Asks that this attempt not be completed when the activity method returns normally.
     *
     * <p>The method's return value is then ignored; the attempt stays running, and its worker slot is free for other
     * attempts, until something completes it through an {@link dev.hourglass.client.ActivityCompletionClient} (with
     * {@link #getTaskToken()}, or by workflow id and activity id) or one of its timeouts ends it. Its start-to-close,
     * schedule-to-close and heartbeat timeouts and its retry policy apply as to any attempt, so give it a start-to-close
     * or schedule-to-close timeout long enough for the outside completion, and a heartbeat timeout only if whoever
     * completes it heartbeats through the completion client.
     *
     * <p>If the method throws instead of returning, the attempt fails as usual.
     *
     * <pre>{@code
     * public String approve(String request) {
     *     ActivityExecutionContext context = Activity.getExecutionContext();
     *     approvals.send(request, context.getTaskToken()); // a person answers later
     *     context.doNotCompleteOnReturn();
     *     return null; // ignored
     * }
     * }</pre>
     *
     * @since 0.1
     */
    void doNotCompleteOnReturn();

    /**
     * Returns whether {@link #doNotCompleteOnReturn()} was called during this attempt.
     *
     * @return {@code true} if the attempt awaits completion from outside once its method returns
     * @since 0.1
     */
    boolean isDoNotCompleteOnReturn();
}

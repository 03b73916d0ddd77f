package dev.hourglass.testing;

import dev.hourglass.testing.internal.TestActivityEnvironmentImpl;
import dev.hourglass.workflow.ActivityStub;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Runs activity code alone, without a workflow or a worker, to unit-test activity implementations.
 *
 * <pre>{@code
 * try (TestActivityEnvironment env = TestActivityEnvironment.newInstance()) {
 *     env.registerActivitiesImplementations(new FileProcessorImpl());
 *     env.setAttempt(2);
 *     env.setHeartbeatDetails(10);
 *     List<Object> heartbeats = new ArrayList<>();
 *     env.setHeartbeatListener(heartbeats::add);
 *     FileProcessor processor = env.newActivityStub(FileProcessor.class);
 *     int processed = processor.process(15);
 *     assertThat(processed).isEqualTo(5);
 *     assertThat(heartbeats).containsExactly(11, 12, 13, 14, 15);
 * }
 * }</pre>
 *
 * <p>A call of a stub runs the activity method directly on the calling thread, with an
 * {@link dev.hourglass.activity.ActivityExecutionContext} installed so that
 * {@code Activity.getExecutionContext()} works as it does under a worker. Arguments and the result travel
 * through the same JSON conversion as in production, so a payload that would not survive it fails here
 * too. Whatever the activity throws propagates unchanged to the caller.
 *
 * <p>The execution context reports the attempt set with {@link #setAttempt(int)}, activity ids
 * {@code "1"}, {@code "2"}, … in call order, the activity type, and fixed stand-ins for what a workflow
 * would supply: workflow id {@value #WORKFLOW_ID}, run id {@value #RUN_ID}, workflow type
 * {@value #WORKFLOW_TYPE}, task queue {@value #TASK_QUEUE}, schedule time
 * {@link TestEnvironmentOptions#DEFAULT_INITIAL_TIME} and no heartbeat timeout.
 *
 * <p>Configure the environment before calling the stubs; an environment may be used from several threads
 * but its settings are shared by all calls.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface TestActivityEnvironment extends AutoCloseable {

    /** The workflow id that activity code sees. */
    String WORKFLOW_ID = "test-activity-workflow";

    /** The run id that activity code sees. */
    String RUN_ID = "test-activity-run";

    /** The workflow type that activity code sees. */
    String WORKFLOW_TYPE = "TestActivityWorkflow";

    /** The task queue that activity code sees. */
    String TASK_QUEUE = "test-activity-queue";

    /**
     * Returns a new environment with no activities, attempt 1, no heartbeat details and no cancellation.
     *
     * @return the environment; never {@code null}
     */
    static TestActivityEnvironment newInstance() {
        return new TestActivityEnvironmentImpl();
    }

    /**
     * Registers activity implementations: objects implementing one or more {@code @ActivityInterface}s, and at most
     * one {@link dev.hourglass.activity.DynamicActivity}, which runs every activity type no other implementation
     * runs (through {@link #newUntypedActivityStub()} or a typed stub of any activity interface).
     *
     * @param activityImplementations the implementations; never {@code null}
     * @throws IllegalArgumentException if an object implements no activity interface and is no
     *     {@code DynamicActivity}, an activity type is registered twice, or a second {@code DynamicActivity} is
     *     registered
     */
    void registerActivitiesImplementations(Object... activityImplementations);

    /**
     * Returns a stub whose calls run the registered implementation of each activity on the calling thread.
     *
     * <p>The implementation is looked up when a method is called, so the stub may be created before the
     * implementations are registered; a type without one runs on the registered {@code DynamicActivity}, if any.
     *
     * @param activityInterface an interface annotated with {@code @ActivityInterface}; never {@code null}
     * @param <T> the activity interface
     * @return the stub; never {@code null}
     * @throws IllegalArgumentException if {@code activityInterface} is not an activity interface
     */
    <T> T newActivityStub(Class<T> activityInterface);

    /**
     * Returns a stub that calls activities by type name, without their activity interface, on the calling thread.
     *
     * <pre>{@code
     * env.registerActivitiesImplementations(new Echo()); // a DynamicActivity
     * String echoed = env.newUntypedActivityStub().execute("shout", String.class, "hello");
     * }</pre>
     *
     * <p>A call runs the implementation registered for the type, or else the registered
     * {@link dev.hourglass.activity.DynamicActivity}, as a worker does. {@code executeAsync} runs the activity at once,
     * on the calling thread, and returns its completed promise (failed with what the activity threw).
     *
     * @return the stub; never {@code null}
     * @since 0.1
     */
    ActivityStub newUntypedActivityStub();

    /**
     * Sets the attempt number that {@code getInfo().getAttempt()} returns; 1 unless set.
     *
     * @param attempt the attempt, counting from 1
     * @throws IllegalArgumentException if {@code attempt} is less than 1
     */
    void setAttempt(int attempt);

    /**
     * Sets the listener that receives the details of every heartbeat, as the activity passed them.
     *
     * @param listener the listener; {@code null} removes it
     */
    void setHeartbeatListener(Consumer<Object> listener);

    /**
     * Sets the details that {@code getHeartbeatDetails} returns, as if a previous attempt had heartbeated
     * them; none unless set.
     *
     * @param details the details, converted to the requested type through JSON; {@code null} means none
     */
    void setHeartbeatDetails(Object details);

    /**
     * Requests cancellation of the activity: from now on, every heartbeat throws
     * {@link dev.hourglass.client.ActivityCanceledException} after its details reach the listener.
     */
    void requestCancellation();

    /** Closes the environment; stubs fail with {@link IllegalStateException} afterwards. */
    @Override
    void close();
}

package dev.hourglass.testing;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.testing.internal.TestWorkflowEnvironmentImpl;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * An in-process Hourglass for tests: the same engine as production over a virtual clock that jumps to the
 * next deadline whenever nothing is runnable and a client waits for a result, so a workflow that sleeps
 * for days finishes in milliseconds.
 *
 * <pre>{@code
 * try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
 *     Worker worker = env.newWorker("transfers");
 *     worker.registerWorkflowImplementationTypes(TransferImpl.class);
 *     worker.registerActivitiesImplementations(new AccountsImpl());
 *     env.start();
 *     Transfer transfer = env.getWorkflowClient().newWorkflowStub(Transfer.class,
 *             WorkflowOptions.newBuilder().setTaskQueue("transfers").build());
 *     String result = transfer.transfer("alice", "bob", 100); // sleeps 3 days in virtual time
 * }
 * }</pre>
 *
 * <p>Virtual time moves only in one scheduler, and only when no workflow task is scheduled or running and
 * no activity attempt is queued or running: activity code runs at frozen virtual time. It skips ahead while
 * at least one client call waits for a workflow result (a blocking stub call, {@code getResult}, or a
 * {@code getResultAsync} future not yet complete), and {@link #sleep} moves it explicitly. A failed workflow
 * task makes waiting client calls throw at once, and every execution that closes is replayed once against
 * the same code.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface TestWorkflowEnvironment extends AutoCloseable {

    /** Returns a new environment with default options and a chosen seed. */
    static TestWorkflowEnvironment newInstance() {
        return newInstance(TestEnvironmentOptions.getDefaultInstance());
    }

    /** Returns a new environment with the given options. */
    static TestWorkflowEnvironment newInstance(TestEnvironmentOptions options) {
        return new TestWorkflowEnvironmentImpl(options);
    }

    /** Returns a new worker of the environment polling {@code taskQueue}. */
    Worker newWorker(String taskQueue);

    /** Returns the client of the environment. */
    WorkflowClient getWorkflowClient();

    /** Returns the environment's service (in memory, on the virtual clock). */
    WorkflowService getWorkflowService();

    /** Starts the workers. */
    void start();

    /** Returns the virtual time in milliseconds since the epoch. */
    long currentTimeMillis();

    /** Moves virtual time forward by {@code duration}, firing everything due on the way in order. */
    void sleep(Duration duration);

    /** Runs {@code callback} on the virtual-time thread once {@code delay} of virtual time has passed. */
    void registerDelayedCallback(Duration delay, Runnable callback);

    /** Turns automatic time skipping off (true) or back on (false); {@link #sleep} works either way. */
    void setTimeSkippingDisabled(boolean disabled);

    /** Returns the seed of this environment, given or chosen. */
    long getSeed();

    /**
     * Stops the workers and the clock. Throws {@link AssertionError} if the self-check replay of an execution
     * found nondeterminism. Declares no checked exception.
     */
    @Override
    void close();
}

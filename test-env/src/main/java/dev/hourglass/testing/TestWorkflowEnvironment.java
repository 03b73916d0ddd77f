package dev.hourglass.testing;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.testing.internal.TestWorkflowEnvironmentImpl;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * no activity attempt is queued or running: activity code runs at frozen virtual time (an attempt with a
 * heartbeat timeout that neither heartbeats nor returns for
 * {@link TestEnvironmentOptions.Builder#setHungActivityThreshold the hung-activity threshold} stops holding
 * the clock). It skips ahead while
 * at least one client call waits for a workflow result (a blocking stub call, {@code getResult}, or a
 * {@code getResultAsync} future not yet complete), and {@link #sleep} moves it explicitly. When it moves, it
 * jumps to the earliest deadline and fires every deadline due at that instant, in an order drawn from the seed.
 * A failed workflow task makes waiting client calls throw at once.
 *
 * <p>The environment's workers start no poller threads: workflow tasks, queries and activity attempts run one
 * at a time on the environment's own thread; those queued together run in an order drawn from the seed (a query
 * after the workflow tasks queued before it), so that a seed gives the same histories every time. An activity that heartbeats, or is still running after about 200 ms (it blocks or
 * waits for something), keeps its thread while another thread takes over running the rest; it reports its
 * outcome when it is done. Time does not move while an activity attempt runs, unless it counts as hung.
 *
 * <p><b>Self-check replay.</b> Unless {@link TestEnvironmentOptions.Builder#setSelfCheckReplay turned off},
 * every execution that closes is replayed once against the registered workflow classes, on a separate
 * thread. A result is returned without waiting for that replay; a
 * replay that finds nondeterminism makes {@link #close()} throw an {@link AssertionError} (so a test fails
 * at its end: {@code TestWorkflowExtension} closes the environment after each test).
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

    /**
     * Returns a new worker of the environment polling {@code taskQueue}.
     *
     * @param taskQueue the task queue, as the test names it in {@code WorkflowOptions.setTaskQueue}; must not be
     *                  {@code null} or blank
     * @return the worker, never {@code null}
     * @throws IllegalArgumentException if {@code taskQueue} is {@code null} or blank, or the environment already
     *                                  has a worker for it
     */
    Worker newWorker(String taskQueue);

    /**
     * Returns a new worker of the environment polling {@code taskQueue} with options of its own. Its limit of
     * concurrent activity attempts holds as in production; workflow tasks run one at a time on the environment's
     * thread whatever the options say.
     *
     * @param taskQueue the task queue; must not be {@code null} or blank
     * @param options the worker's options; must not be {@code null}
     * @return the worker, never {@code null}
     * @throws IllegalArgumentException if {@code taskQueue} is {@code null} or blank, the environment already has a
     *                                  worker for it, or the options set
     *                                  {@link dev.hourglass.worker.WorkerOptions.Builder#setMaxWorkerActivitiesPerSecond
     *                                  an activity rate limit}, which virtual time cannot keep
     * @since 0.1
     */
    Worker newWorker(String taskQueue, WorkerOptions options);

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

    /**
     * Runs {@code callback} on the virtual-time thread once {@code delay} of virtual time has passed, after every
     * other deadline due at that instant has fired (and before the workflows have reacted to them). The callback may call the client like test code does: signal,
     * query, cancel or start workflows, or wait for a result. A callback that waits hands the environment's
     * work to another thread first; the environment, and its time, go on without it meanwhile.
     */
    void registerDelayedCallback(Duration delay, Runnable callback);

    /**
     * Turns automatic time skipping off (true) or back on (false); {@link #sleep} works either way.
     *
     * <p>With skipping off, virtual time moves only in {@link #sleep}: a blocking call for the result of a
     * workflow that waits on a timer returns only once another thread sleeps past that timer, so start the
     * workflow with {@code WorkflowClient.start} and move time with {@link #sleep} in the test.
     */
    void setTimeSkippingDisabled(boolean disabled);

    /** Returns the seed of this environment, given or chosen. */
    long getSeed();

    /**
     * Writes the history of every execution of this environment, open and closed, to {@code directory}: one file
     * {@code <workflowId>_<runId>.json} per run, as {@link dev.hourglass.history.History#write} writes it, for a
     * replay corpus ({@code ReplayGate.newBuilder().addHistories(directory)}).
     *
     * <pre>{@code
     * WorkflowClient.start(transfer::transfer, request);
     * env.sleep(Duration.ofHours(1));                  // withdrawn, now in its three-day hold
     * List<Path> files = env.exportHistories(Path.of("src/test/resources/histories"));
     * }</pre>
     *
     * <p>The directory is created if it does not exist; files of the same names are replaced, other files are left
     * alone. A character of the workflow id other than a letter, a digit, {@code '-'} or {@code '.'} is written as
     * {@code '%'} and the two hex digits of each of its UTF-8 bytes (so {@code "order/7"} gives
     * {@code order%2F7_<runId>.json}), which keeps the names of different ids apart. An open execution is written
     * as far as it has got: its history ends with the events recorded so far.
     *
     * @param directory where to write the files; never {@code null}
     * @return the files written, by workflow id in string order and the runs of one id in the order they started;
     *     never {@code null}
     * @throws java.io.UncheckedIOException if the directory cannot be created or a file cannot be written; the
     *     message names it
     * @throws IllegalStateException if the environment is closed
     * @since 0.1
     */
    List<Path> exportHistories(Path directory);

    /**
     * Returns a readable dump of the environment's state, for a test that hangs or fails: the virtual time and
     * seed, then each open execution (type, workflow id, run id, status, task queue, start time, history length)
     * with its pending activities (type, attempt, next attempt time, last failure), timers (fire time) and child
     * workflows. It reads the same listing and descriptions as {@code WorkflowClient.listExecutions} and
     * {@code WorkflowStub.describe}.
     *
     * <pre>{@code
     * virtual time: 2024-01-01T00:00:04Z (seed 42)
     * open executions: 1
     *   Payment payment-1 (run 8c1f…) RUNNING, task queue 'payments', started 2024-01-01T00:00:00Z, 3 events
     *     activity charge (id 1): SCHEDULED, attempt 4, next attempt at 2024-01-01T00:00:07Z, last failure Declined: card declined
     *     timer 1: fires at 2024-01-02T00:00:00Z
     * }</pre>
     *
     * @return the dump, lines ending in {@code '\n'}; never {@code null}
     * @since 0.1
     */
    String getDiagnostics();

    /**
     * Stops the clock and the workers, then waits (up to 30 seconds in all) for the self-check replays still
     * queued or running and throws {@link AssertionError} if any of them found nondeterminism or failed, with the first
     * failure as its cause and the others suppressed. Closing twice does nothing. Declares no checked
     * exception.
     */
    @Override
    void close();

    /**
     * Closes the environment, as {@link #close()} does: this is the name Temporal's test environment uses, so that
     * tests ported from it keep working.
     *
     * @throws AssertionError as {@link #close()} does, if a self-check replay found nondeterminism or failed
     * @since 0.1
     */
    default void shutdown() {
        close();
    }

    /**
     * Closes the environment, as {@link #close()} does, under the name Temporal's test environment uses: closing
     * stops the clock and the workers without waiting for workflows, so there is nothing more to stop at once.
     *
     * @throws AssertionError as {@link #close()} does, if a self-check replay found nondeterminism or failed
     * @since 0.1
     */
    default void shutdownNow() {
        close();
    }

    /**
     * Waits until {@link #close()} (or {@link #shutdown()}) has finished, at most {@code timeout}: the name
     * Temporal's test environment uses. Closing finishes its work before it returns, so after it this returns
     * {@code true} at once; before it, this waits for another thread to close the environment.
     *
     * @param timeout how long to wait at most
     * @param unit the unit of {@code timeout}; never {@code null}
     * @return {@code true} if the environment is closed, {@code false} if the timeout passed first or the thread
     *     was interrupted (its interrupt flag is then set again)
     * @since 0.1
     */
    boolean awaitTermination(long timeout, TimeUnit unit);
}

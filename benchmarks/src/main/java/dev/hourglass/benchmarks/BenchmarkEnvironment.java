package dev.hourglass.benchmarks;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactoryOptions;
import java.time.Duration;

/**
 * A started {@link TestWorkflowEnvironment} with one worker that runs every benchmark workflow, and
 * shortcuts to start them. Closing it closes the environment.
 */
public final class BenchmarkEnvironment implements AutoCloseable {

    /** The task queue of the benchmark worker. */
    public static final String TASK_QUEUE = "benchmarks";

    /** The cache size of the engine's defaults ({@code WorkerFactoryOptions.getDefaultInstance()}). */
    public static final int DEFAULT_CACHE_SIZE = WorkerFactoryOptions.getDefaultInstance().getWorkflowCacheSize();

    private final TestWorkflowEnvironment env;
    private final WorkflowClient client;
    private final BenchmarkWorkflows.CountingAccounts accounts = new BenchmarkWorkflows.CountingAccounts();
    private long nextId;

    private BenchmarkEnvironment(TestWorkflowEnvironment env) {
        this.env = env;
        this.client = env.getWorkflowClient();
    }

    /**
     * Creates and starts an environment whose worker caches up to {@code cacheSize} executions. Like the
     * environment's defaults it has one workflow task poller; everything else is the engine's default
     * (self-check replay and fail-fast on).
     */
    public static BenchmarkEnvironment start(int cacheSize) {
        return start(cacheSize, true);
    }

    /** Like {@link #start(int)}, with the self-check replay of closed executions on or off. */
    public static BenchmarkEnvironment start(int cacheSize, boolean selfCheckReplay) {
        TestEnvironmentOptions options = TestEnvironmentOptions.newBuilder()
                .setSeed(42)
                .setSelfCheckReplay(selfCheckReplay)
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                        .setWorkflowCacheSize(cacheSize)
                        .setWorkflowTaskPollers(1)
                        .build())
                .build();
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options);
        BenchmarkEnvironment benchmark = new BenchmarkEnvironment(env);
        Worker worker = env.newWorker(TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(BenchmarkWorkflows.workflowTypes());
        worker.registerActivitiesImplementations(benchmark.accounts);
        env.start();
        return benchmark;
    }

    /** The environment. */
    public TestWorkflowEnvironment env() {
        return env;
    }

    /** The environment's client. */
    public WorkflowClient client() {
        return client;
    }

    /** A fresh workflow id with the given prefix. */
    public String newId(String prefix) {
        return prefix + "-" + (++nextId);
    }

    /** A typed stub that starts a new execution of {@code workflowInterface} under {@code workflowId}. */
    public <T> T newStub(Class<T> workflowInterface, String workflowId) {
        return client.newWorkflowStub(workflowInterface,
                WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(TASK_QUEUE).build());
    }

    /** Runs one money transfer and blocks until its result. */
    public long transfer() {
        return newStub(BenchmarkWorkflows.Transfer.class, newId("transfer")).transfer("alice", "bob", 100);
    }

    /** Runs a workflow of {@code count} sequential activities and returns its history. */
    public History recordManyActivities(int count) {
        String id = newId("many-activities");
        newStub(BenchmarkWorkflows.ManyActivities.class, id).run(count);
        return client.fetchHistory(id);
    }

    /** Runs a workflow of {@code count} sequential one-minute timers and returns its history. */
    public History recordManyTimers(int count) {
        String id = newId("many-timers");
        newStub(BenchmarkWorkflows.ManyTimers.class, id).run(count);
        return client.fetchHistory(id);
    }

    /**
     * Returns once the service has run out of work (no workflow task or activity attempt pending): every
     * started execution is then blocked in its workflow code. Virtual time moves by one millisecond.
     */
    public void awaitIdle() {
        env.sleep(Duration.ofMillis(1));
    }

    /** How many activity calls ran in this environment. */
    public long activityCalls() {
        return accounts.calls();
    }

    @Override
    public void close() {
        env.close();
    }
}

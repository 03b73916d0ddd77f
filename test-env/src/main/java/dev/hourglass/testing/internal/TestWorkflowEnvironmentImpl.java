package dev.hourglass.testing.internal;

import dev.hourglass.agent.DeterminismAgent;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.history.History;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.internal.replay.WorkflowImplementation;
import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.worker.WorkerFactoryImpl;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerOptions;
import dev.hourglass.worker.WorkflowImplementationOptions;
import dev.hourglass.workflow.Functions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The {@link TestWorkflowEnvironment}: the in-memory service over a virtual clock, with its own workers. */
public final class TestWorkflowEnvironmentImpl implements TestWorkflowEnvironment {

    private final long seed;
    private final VirtualClock clock;
    private final VirtualScheduler scheduler;
    private final InMemoryWorkflowService inner;
    private final TestWorkflowService service;
    private final WorkflowClient client;
    private final WorkerFactoryImpl factory;
    private final PayloadConverter converter;
    private final boolean selfCheckReplay;
    private final HistoryLimits historyLimits;
    /** The worker interceptors, which the self-check replay runs the histories with, as the workers ran them. */
    private final List<WorkerInterceptor> workerInterceptors;
    /** Whether the determinism agent checks the workflow code of this environment (live and self-check replays). */
    private final boolean determinismChecked;
    /** The registered implementations by workflow type, read once (the first registered of a type wins). */
    private final Map<String, WorkflowImplementation> implementations = new HashMap<>();
    /** Guards the self-check queue, its failures and {@link #closed}. */
    private final Object selfCheckLock = new Object();
    private final ArrayDeque<History> selfCheckQueue = new ArrayDeque<>();
    private final List<Throwable> selfCheckFailures = new ArrayList<>();
    /**
     * Runs the self-check replays of all environments; each environment has at most one task in it at a time
     * ({@link #selfCheckRunning}), which replays its queued histories in the order they closed.
     */
    private static final Executor SELF_CHECKS = DaemonThreads.pool("hourglass-self-check-replay");
    private boolean selfCheckRunning;
    private boolean closed;
    /** Whether {@link #close()} has finished; guarded by {@link #selfCheckLock}. */
    private boolean terminated;

    public TestWorkflowEnvironmentImpl(TestEnvironmentOptions options) {
        Objects.requireNonNull(options, "options");
        this.determinismChecked = options.isDeterminismAgentEnabled();
        if (determinismChecked) {
            DeterminismAgent.install(DeterminismAgent.Mode.FAIL);
        }
        this.seed = options.getSeed() != null ? options.getSeed() : new Random().nextLong();
        this.clock = new VirtualClock(options.getInitialTime());
        this.scheduler = new VirtualScheduler(clock, tieOrder(seed));
        this.historyLimits = options.getHistoryLimits();
        this.workerInterceptors = options.getWorkerFactoryOptions().getWorkerInterceptors();
        this.inner = new InMemoryWorkflowService(clock, scheduler,
                ServiceOptions.newBuilder().setHistoryLimits(historyLimits).build(),
                IdGenerator.seeded(seed));
        scheduler.attach(inner.lock(), () -> inner.isIdle());
        scheduler.setSkippingEnabled(options.isUseTimeskipping());
        inner.setIdleListener(scheduler::onIdle);
        inner.setWorkListener(scheduler::onWorkQueued);
        inner.setTaskOrder(new SeededTaskOrder(seed));
        this.selfCheckReplay = options.isSelfCheckReplay();
        this.service = new TestWorkflowService(inner, scheduler, options.isFailFast(),
                options.getHungActivityThreshold());
        inner.addCloseListener(this::selfCheck);
        scheduler.setStallHandling(inner::unpolledWork, stalled -> service.failWaiters("nothing can run in the test"
                + " environment: " + String.join("; ", stalled) + ". Register a worker for that task queue"
                + " (env.newWorker(queue)), or give the workflow or activity a task queue that a worker polls"
                + " (WorkflowOptions/ActivityOptions.setTaskQueue); the call waited"));
        this.client = WorkflowClient.newInstance(service, options.getWorkflowClientOptions());
        this.converter = PayloadConverter.of(options.getWorkflowClientOptions().getDataConverter(),
                options.getWorkflowClientOptions().getPayloadCodecs());
        this.factory = new WorkerFactoryImpl(client, options.getWorkerFactoryOptions(), scheduler);
        factory.setDeterminismChecked(determinismChecked);
        if (!options.getFaultPlan().isEmpty()) {
            service.setFaults(new FaultInjector(options.getFaultPlan(), inner, scheduler, clock, converter,
                    factory.cache()::clear));
        }
    }

    /**
     * The seed of the order of deadlines due at the same instant: from the environment's seed, but a stream of
     * its own, apart from the one the run ids come from, so that neither shifts the other.
     */
    private static long tieOrder(long seed) {
        return seed ^ 0x7469652D6F726465L;
    }

    /**
     * Queues the replay of a run that closed, whether or not anyone waited for it (the service calls this once
     * per run); its outcome is collected by {@link #close()}. The
     * self-check thread replays queued histories one after the other in the order they closed, and is woken
     * only when it has run out of work, not once per history.
     */
    private void selfCheck(History history) {
        if (!selfCheckReplay) {
            return;
        }
        synchronized (selfCheckLock) {
            if (closed) {
                return;
            }
            selfCheckQueue.add(history);
            if (selfCheckRunning) {
                return;
            }
            selfCheckRunning = true;
        }
        SELF_CHECKS.execute(this::runSelfChecks);
    }

    private void runSelfChecks() {
        while (true) {
            History history;
            synchronized (selfCheckLock) {
                history = selfCheckQueue.poll();
                if (history == null) {
                    selfCheckRunning = false;
                    selfCheckLock.notifyAll();
                    return;
                }
            }
            try {
                replay(history);
            } catch (RuntimeException | Error e) {
                synchronized (selfCheckLock) {
                    selfCheckFailures.add(e);
                }
            }
        }
    }

    private void replay(History history) {
        WorkflowImplementation implementation;
        synchronized (implementations) {
            implementation = WorkflowImplementation.lookup(implementations,
                history.getWorkflowType());
        }
        if (implementation != null) { // else no code of this environment ran it: nothing to check
            Replayer.replay(history, false, implementation, converter, historyLimits, determinismChecked,
                    workerInterceptors);
        }
    }

    @Override
    public Worker newWorker(String taskQueue) {
        return newWorker(taskQueue, WorkerOptions.getDefaultInstance());
    }

    @Override
    public Worker newWorker(String taskQueue, WorkerOptions options) {
        WorkerFactoryImpl.requireTaskQueue("TestWorkflowEnvironment.newWorker", taskQueue);
        requireOpen("create a worker");
        Worker worker = factory.newWorker(taskQueue, options);
        return new Worker() {
            @Override
            public String getTaskQueue() {
                return worker.getTaskQueue();
            }

            @Override
            public void registerWorkflowImplementationTypes(Class<?>... types) {
                registerWorkflowImplementationTypes(WorkflowImplementationOptions.getDefaultInstance(), types);
            }

            /** The self-check replays these classes' executions with the same options as the worker runs them. */
            @Override
            public void registerWorkflowImplementationTypes(WorkflowImplementationOptions options, Class<?>... types) {
                worker.registerWorkflowImplementationTypes(options, types);
                synchronized (implementations) {
                    for (Class<?> type : types) {
                        WorkflowImplementation implementation = WorkflowImplementation.of(type, options);
                        implementations.putIfAbsent(implementation.workflowType(), implementation);
                    }
                }
            }

            /**
             * Registers the factory on the worker only: the self-check does not replay factory-made executions,
             * since replay would call the factory and the instance again, which a test verifying a mock sees.
             */
            @Override
            public <T> void registerWorkflowImplementationFactory(Class<T> workflowInterface,
                    Functions.Func<T> factory) {
                worker.registerWorkflowImplementationFactory(workflowInterface, factory);
            }

            /** Registers the factory on the worker only, as the overload without options does. */
            @Override
            public <T> void registerWorkflowImplementationFactory(Class<T> workflowInterface,
                    Functions.Func<T> factory, WorkflowImplementationOptions options) {
                worker.registerWorkflowImplementationFactory(workflowInterface, factory, options);
            }

            @Override
            public void registerActivitiesImplementations(Object... implementations) {
                worker.registerActivitiesImplementations(implementations);
            }
        };
    }

    @Override
    public WorkflowClient getWorkflowClient() {
        return client;
    }

    @Override
    public WorkflowService getWorkflowService() {
        return service;
    }

    @Override
    public void start() {
        requireOpen("start");
        factory.start();
    }

    @Override
    public long currentTimeMillis() {
        return clock.millis();
    }

    @Override
    public void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        requireOpen("sleep");
        scheduler.sleep(duration);
    }

    @Override
    public String getDiagnostics() {
        return Diagnostics.render(clock.instant(), seed, service);
    }

    @Override
    public void registerDelayedCallback(Duration delay, Runnable callback) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(callback, "callback");
        requireOpen("register a delayed callback");
        // run once the firing pass is over, outside the service's lock, so that the callback may call the
        // client like any test code (a signal, a query)
        scheduler.schedule(clock.instant().plus(delay), () -> scheduler.runOutsideTask(callback));
    }

    @Override
    public void setTimeSkippingDisabled(boolean disabled) {
        scheduler.setSkippingEnabled(!disabled);
    }

    @Override
    public long getSeed() {
        return seed;
    }

    @Override
    public List<Path> exportHistories(Path directory) {
        Objects.requireNonNull(directory, "directory");
        requireOpen("export histories");
        return HistoryExport.write(inner.histories(), directory);
    }

    /**
     * Returns the history of every run of the environment, open and closed: by workflow id in string order, and the
     * runs of one workflow id in the order they started.
     */
    public List<History> histories() {
        return inner.histories();
    }

    private void requireOpen(String what) {
        synchronized (selfCheckLock) {
            if (closed) {
                throw new IllegalStateException("cannot " + what + ": the test environment is closed; create a new"
                        + " one (TestWorkflowExtension gives each test its own)");
            }
        }
    }

    /** Waits (at most 30 s) for the queued self-check replays; returns their failures in the order they ran. */
    private List<Throwable> awaitSelfChecks() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (selfCheckLock) {
            while (selfCheckRunning) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    selfCheckFailures.add(new TimeoutException("the self-check replays did not finish within 30 s"
                            + " of close() (" + selfCheckQueue.size() + " more queued): a workflow's replay may be"
                            + " blocking; run the test with setSelfCheckReplay(false) to confirm, then replay its"
                            + " history with WorkflowReplayer to see where"));
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(selfCheckLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    selfCheckFailures.add(new IllegalStateException("close() was interrupted while waiting for the"
                            + " self-check replays; their outcome is unknown", e));
                    break;
                }
            }
            return new ArrayList<>(selfCheckFailures);
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (selfCheckLock) {
            while (!terminated) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(selfCheckLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (selfCheckLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<Throwable> failures;
        try {
            service.failWaiters("the test environment was closed while the call waited");
            scheduler.close();
            factory.shutdown();
            service.close();
            failures = awaitSelfChecks();
        } finally {
            synchronized (selfCheckLock) {
                terminated = true;
                selfCheckLock.notifyAll();
            }
        }
        AssertionError failure = null;
        for (Throwable cause : failures) {
            if (failure == null) {
                failure = new AssertionError("self-check replay of a closed execution failed (seed " + seed
                        + "): " + cause, cause);
            } else {
                failure.addSuppressed(cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

package dev.hourglass.testing.internal;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.worker.WorkerFactoryImpl;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The {@link TestWorkflowEnvironment}: the in-memory service over a virtual clock, with its own workers. */
public final class TestWorkflowEnvironmentImpl implements TestWorkflowEnvironment {

    private final long seed;
    private final VirtualClock clock;
    private final VirtualScheduler scheduler;
    private final InMemoryWorkflowService inner;
    private final TestWorkflowService service;
    private final WorkflowClient client;
    private final WorkerFactoryImpl factory;
    private final boolean selfCheckReplay;
    private final Set<Class<?>> workflowTypes = new LinkedHashSet<>();
    private final List<CompletableFuture<Void>> selfChecks = new ArrayList<>();
    private final Set<String> selfCheckedRuns = new HashSet<>();
    private final ExecutorService selfCheckExecutor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hourglass-self-check-replay");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closed;

    public TestWorkflowEnvironmentImpl(TestEnvironmentOptions options) {
        this.seed = options.getSeed() != null ? options.getSeed() : new Random().nextLong();
        Random random = new Random(seed);
        this.clock = new VirtualClock(options.getInitialTime());
        this.scheduler = new VirtualScheduler(clock);
        this.inner = new InMemoryWorkflowService(clock, scheduler, ServiceOptions.getDefaultInstance(),
                () -> new UUID(random.nextLong(), random.nextLong()).toString());
        scheduler.attach(inner.lock(), () -> inner.isIdle());
        inner.setIdleListener(scheduler::onIdle);
        inner.setWorkListener(scheduler::onWorkQueued);
        this.selfCheckReplay = options.isSelfCheckReplay();
        this.service = new TestWorkflowService(inner, scheduler, options.isFailFast(),
                options.getHungActivityThreshold(), this::selfCheck);
        this.client = WorkflowClient.newInstance(service);
        this.factory = new WorkerFactoryImpl(client, options.getWorkerFactoryOptions(), scheduler);
    }

    /** Queues the replay of a closed run (once per run); its outcome is collected by {@link #close()}. */
    private void selfCheck(History history) {
        if (!selfCheckReplay) {
            return;
        }
        Class<?>[] types;
        synchronized (workflowTypes) {
            types = workflowTypes.toArray(new Class<?>[0]);
        }
        synchronized (selfChecks) {
            if (closed || !selfCheckedRuns.add(history.getRunId())) {
                return;
            }
            selfChecks.add(CompletableFuture.runAsync(() -> Replayer.replay(history, false, types),
                    selfCheckExecutor));
        }
    }

    @Override
    public Worker newWorker(String taskQueue) {
        Worker worker = factory.newWorker(taskQueue);
        return new Worker() {
            @Override
            public String getTaskQueue() {
                return worker.getTaskQueue();
            }

            @Override
            public void registerWorkflowImplementationTypes(Class<?>... types) {
                worker.registerWorkflowImplementationTypes(types);
                synchronized (workflowTypes) {
                    workflowTypes.addAll(List.of(types));
                }
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
        factory.start();
    }

    @Override
    public long currentTimeMillis() {
        return clock.millis();
    }

    @Override
    public void sleep(Duration duration) {
        scheduler.sleep(duration);
    }

    @Override
    public void registerDelayedCallback(Duration delay, Runnable callback) {
        scheduler.schedule(clock.instant().plus(delay), callback);
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
    public void close() {
        List<CompletableFuture<Void>> checks;
        synchronized (selfChecks) {
            if (closed) {
                return;
            }
            closed = true;
            checks = new ArrayList<>(selfChecks);
        }
        scheduler.close();
        factory.shutdown();
        service.close();
        selfCheckExecutor.shutdown();
        AssertionError failure = null;
        for (CompletableFuture<Void> check : checks) {
            try {
                check.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (failure == null) {
                    failure = new AssertionError("self-check replay of a closed execution failed (seed " + seed
                            + "): " + cause.getMessage(), cause);
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.fail;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.internal.schedules.ScheduleWorkflowImpl;
import dev.hourglass.internal.service.InMemoryWorkflowService.WorkflowTaskFailure;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.store.JdbcServices;
import dev.hourglass.internal.store.JdbcWorkflowService;
import dev.hourglass.internal.store.PostgresTestDatabase;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One service, client, worker factory and worker (on a task queue of its own) per test, shut down after it.
 *
 * <p>The system property {@value #SERVICE_PROPERTY} says which service: {@code memory} (the default), {@code sqlite}
 * (a new SQLite file per test) or {@code postgresql} (a new schema per test in the PostgreSQL test database, see
 * {@link PostgresTestDatabase}). The build runs this package once on each, so that the engine's end-to-end behaviour is
 * one suite for the three services.
 *
 * <p>After each test that passed, every run the test produced is checked: the runs started through the
 * client, the runs they continued as new into, and their child workflows, recursively. Each history must
 * replay against the registered workflow classes without an exception or a warning, and must come back equal
 * from its JSON.
 *
 * <p>Register it on an instance field with {@code @RegisterExtension}; activity objects created in earlier
 * fields are then fresh for each test:
 *
 * <pre>{@code
 * final AccountsImpl accounts = new AccountsImpl();
 * final E2eEnvironment env = E2eEnvironment.newBuilder()
 *         .registerWorkflowImplementationTypes(MoneyTransferImpl.class)
 *         .registerActivitiesImplementations(accounts)
 *         .build();
 * }</pre>
 */
public final class E2eEnvironment implements BeforeEachCallback, AfterEachCallback {

    /** The system property that chooses the service: memory, sqlite or postgresql. */
    public static final String SERVICE_PROPERTY = "hourglass.e2e.service";

    /** How long a wait may take before the test counts as hung: a safety net, not a statement about speed. */
    private static final Duration AWAIT_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private final List<Class<?>> workflowTypes;
    private final List<Object> activities;
    private final ServiceOptions serviceOptions;
    private final WorkerFactoryOptions factoryOptions;
    private final WorkflowClientOptions clientOptions;
    private final List<WorkflowExecution> started = Collections.synchronizedList(new ArrayList<>());

    private WorkflowServiceSpi service;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private WorkflowClient client;
    private WorkerFactory factory;
    private String taskQueue;

    private E2eEnvironment(Builder builder) {
        this.workflowTypes = List.copyOf(builder.workflowTypes);
        this.activities = List.copyOf(builder.activities);
        this.serviceOptions = builder.serviceOptions;
        this.factoryOptions = builder.factoryOptions;
        this.clientOptions = builder.clientOptions;
    }

    /** Returns a builder of an environment with default service and worker options. */
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        service = newService(System.getProperty(SERVICE_PROPERTY, "memory"));
        client = WorkflowClient.newInstance(recording(service), clientOptions);
        factory = WorkerFactory.newInstance(client, factoryOptions);
        taskQueue = "e2e-" + context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        Worker worker = factory.newWorker(taskQueue);
        if (!workflowTypes.isEmpty()) {
            worker.registerWorkflowImplementationTypes(workflowTypes.toArray(new Class<?>[0]));
        }
        if (!activities.isEmpty()) {
            worker.registerActivitiesImplementations(activities.toArray());
        }
        factory.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (service == null) {
            return; // skipped before it began: no PostgreSQL test database is configured
        }
        try {
            factory.shutdown();
            if (context.getExecutionException().isEmpty()) {
                verifyHistories();
            }
        } finally {
            service.close();
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot remove the test's database " + resource, e);
                }
            }
            resources.clear();
        }
    }

    /** The service the system property names, on a database of its own for this test. */
    private WorkflowServiceSpi newService(String kind) {
        // durable services look for deadlines (activity timeouts) every sweep interval: often, for fast tests
        ServiceOptions durable = ServiceOptions.newBuilder()
                .setWorkflowTaskTimeout(serviceOptions.getWorkflowTaskTimeout())
                .setWorkflowTaskRetryInterval(serviceOptions.getWorkflowTaskRetryInterval())
                .setQueryTimeout(serviceOptions.getQueryTimeout())
                .setHistoryLimits(serviceOptions.getHistoryLimits())
                .setSweepInterval(Duration.ofMillis(20))
                .build();
        switch (kind) {
            case "memory":
                return new InMemoryWorkflowService(Clock.systemUTC(), new RealTimeScheduler(Clock.systemUTC()),
                        serviceOptions);
            case "sqlite":
                try {
                    Path directory = Files.createTempDirectory("hourglass-e2e");
                    resources.add(() -> deleteRecursively(directory));
                    return JdbcServices.sqlite(directory.resolve("hourglass.db"), durable);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create a directory for the test's SQLite file", e);
                }
            case "postgresql":
                PostgresTestDatabase database = PostgresTestDatabase.newSchema();
                resources.add(database);
                return JdbcServices.postgres(database.name(), database.user(), database.password(), durable);
            default:
                throw new IllegalArgumentException(SERVICE_PROPERTY + " must be memory, sqlite or postgresql, not '"
                        + kind + "'");
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A client of the service that remembers every execution started through it. */
    private WorkflowServiceSpi recording(WorkflowServiceSpi target) {
        return (WorkflowServiceSpi) Proxy.newProxyInstance(WorkflowServiceSpi.class.getClassLoader(),
                new Class<?>[] {WorkflowServiceSpi.class}, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(target, args);
                        if ((method.getName().equals("startWorkflow") || method.getName().equals("signalWithStart"))
                                && args[0] instanceof StartWorkflowRequest) {
                            started.add((WorkflowExecution) result);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void verifyHistories() {
        SoftAssertions softly = new SoftAssertions();
        List<Class<?>> replayed = new ArrayList<>(workflowTypes);
        replayed.add(ScheduleWorkflowImpl.class); // every factory runs schedules
        Class<?>[] implementations = replayed.toArray(new Class<?>[0]);
        for (History history : producedHistories()) {
            String run = history.getWorkflowId() + " (run " + history.getRunId() + ")";
            softly.assertThat(History.fromJson(history.toJson()))
                    .as("history of %s read back from its JSON", run)
                    .isEqualTo(history);
            try {
                // with the worker interceptors, which run again on replay as they ran when the history was recorded
                List<String> warnings = Replayer.replay(history, false,
                        PayloadConverter.of(clientOptions.getDataConverter(), clientOptions.getPayloadCodecs()), true,
                        WorkflowImplementationOptions.getDefaultInstance(), factoryOptions.getWorkerInterceptors(),
                        implementations);
                softly.assertThat(warnings).as("replay warnings of %s", run).isEmpty();
            } catch (RuntimeException | Error e) {
                softly.fail("replay of " + run + " failed: " + e + "\nhistory:\n" + history.toJson(), e);
            }
        }
        softly.assertAll();
    }

    /**
     * Returns the history of every run the test produced: started through the client, continued as new from
     * those, and their children, recursively; each run once, in discovery order.
     */
    public List<History> producedHistories() {
        Map<String, History> found = new LinkedHashMap<>();
        Deque<WorkflowExecution> pending = new ArrayDeque<>();
        synchronized (started) {
            pending.addAll(started);
        }
        while (!pending.isEmpty()) {
            WorkflowExecution execution = pending.poll();
            if (found.containsKey(execution.getRunId())) {
                continue;
            }
            History history = service.getHistory(execution.getWorkflowId(), execution.getRunId());
            found.put(history.getRunId(), history);
            for (HistoryEvent event : history.getEvents()) {
                if (event.getAttributes() instanceof ChildWorkflowExecutionStartedAttributes child) {
                    pending.add(new WorkflowExecution(child.workflowId(), child.runId()));
                } else if (event.getAttributes() instanceof WorkflowExecutionContinuedAsNewAttributes continued) {
                    pending.add(new WorkflowExecution(history.getWorkflowId(), continued.newRunId()));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Calls {@code listener} for every failed workflow task, whichever service runs the test. */
    public void onWorkflowTaskFailure(Consumer<WorkflowTaskFailure> listener) {
        if (service instanceof InMemoryWorkflowService inMemory) {
            inMemory.addWorkflowTaskFailureListener(listener);
        } else {
            ((JdbcWorkflowService) service).addWorkflowTaskFailureListener(listener);
        }
    }

    /** Returns the client; executions it starts are checked after the test. */
    public WorkflowClient client() {
        return client;
    }

    /** Returns the worker factory (started). */
    public WorkerFactory factory() {
        return factory;
    }

    /**
     * Returns this test's service, for what no client call does: an update sent without waiting for it (the call
     * returns once the service recorded it), or one sent to a run named by its id.
     */
    public WorkflowServiceSpi service() {
        return service;
    }

    /** Returns the task queue of this test's worker. */
    public String taskQueue() {
        return taskQueue;
    }

    /**
     * Returns another client of this test's service, with {@code options} (other codecs, say); the executions
     * it starts are replayed after the test with the environment's client options, like the others.
     */
    public WorkflowClient newClient(WorkflowClientOptions options) {
        return WorkflowClient.newInstance(recording(service), options);
    }

    /** Returns options for a new execution with {@code workflowId} on this test's task queue. */
    public WorkflowOptions.Builder options(String workflowId) {
        return WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(workflowId);
    }

    /** Returns a typed stub that starts {@code workflowId} on this test's task queue. */
    public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId) {
        return client.newWorkflowStub(workflowInterface, options(workflowId).build());
    }

    /** Returns the history of the latest run of {@code workflowId}. */
    public History history(String workflowId) {
        return client.fetchHistory(workflowId);
    }

    /**
     * Waits until the latest run of {@code workflowId} has a history matching {@code condition} and returns
     * it; fails after {@link #AWAIT_LIMIT}, naming {@code description} and the events the history had.
     */
    public History awaitHistory(String workflowId, String description, Predicate<History> condition) {
        AtomicReference<History> matching = new AtomicReference<>();
        awaiting("history of " + workflowId + " to show " + description).untilAsserted(() -> {
            History history = client.fetchHistory(workflowId);
            if (!condition.test(history)) {
                fail("Expecting history of %s to show:%n  %s%nbut it was:%n  %s", workflowId, description,
                        Events.types(history));
            }
            matching.set(history);
        });
        return matching.get();
    }

    /** Waits until {@code condition} holds; fails after {@link #AWAIT_LIMIT}, naming {@code description}. */
    public static void await(String description, BooleanSupplier condition) {
        awaiting(description).until(condition::getAsBoolean);
    }

    /** Awaitility's wait for {@code description}, polled often, given up only when the test must have hung. */
    private static ConditionFactory awaiting(String description) {
        return Awaitility.await(description).atMost(AWAIT_LIMIT).pollInterval(POLL_INTERVAL);
    }

    /** Sleeps the calling thread, as an activity that simulates slow work does (never workflow code). */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Builds an {@link E2eEnvironment}. */
    public static final class Builder {
        private final List<Class<?>> workflowTypes = new ArrayList<>();
        private final List<Object> activities = new ArrayList<>();
        private ServiceOptions serviceOptions = ServiceOptions.getDefaultInstance();
        private WorkerFactoryOptions factoryOptions = WorkerFactoryOptions.getDefaultInstance();
        private WorkflowClientOptions clientOptions = WorkflowClientOptions.getDefaultInstance();

        private Builder() {
        }

        /** Registers workflow implementation classes on the worker; histories are replayed against them. */
        public Builder registerWorkflowImplementationTypes(Class<?>... types) {
            workflowTypes.addAll(List.of(types));
            return this;
        }

        /** Registers activity implementation objects on the worker. */
        public Builder registerActivitiesImplementations(Object... implementations) {
            activities.addAll(List.of(implementations));
            return this;
        }

        /** Sets the options of the in-memory service. */
        public Builder setServiceOptions(ServiceOptions options) {
            this.serviceOptions = options;
            return this;
        }

        /** Retries failed workflow tasks after 50 ms instead of the default second. */
        public Builder withFastWorkflowTaskRetries() {
            return setServiceOptions(
                    ServiceOptions.newBuilder().setWorkflowTaskRetryInterval(Duration.ofMillis(50)).build());
        }

        /** Sets the options of the worker factory. */
        public Builder setWorkerFactoryOptions(WorkerFactoryOptions options) {
            this.factoryOptions = options;
            return this;
        }

        /** Sets the options of the client, such as its data converter, which the workers use too. */
        public Builder setWorkflowClientOptions(WorkflowClientOptions options) {
            this.clientOptions = options;
            return this;
        }

        /** Returns the environment, to be registered with {@code @RegisterExtension}. */
        public E2eEnvironment build() {
            return new E2eEnvironment(this);
        }
    }
}
